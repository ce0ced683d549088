// GNU as's assembly listing (`-al`), in its format (binutils listing.c, measured with 2.40):
//
//   GAS LISTING file.s \t\t\tpage 1          page header, then two empty lines (title, subtitle)
//      5 0000 E8000000 \t  call bar          line number (%4d), section offset (%04x), up to 4 bytes
//      5      00                            up to 4 continuation lines of 4 bytes each
//      4              \tfoo:                 a line without bytes
//
// Pages are 60 lines, headers included; a form feed starts every page after the first (`-an`
// drops the paging). Source text is cut at 99 characters. Only the main file's lines are listed;
// bytes from macro and .rept expansions sit on the line that produced them in x86lab's listing.

import type { AssembleResult } from '../asm/result.js';
import { scrub } from '../asm/macro/args.js';

const PAGE_LINES = 60;
const MAX_BYTES = 20;

export interface GnuListingOptions {
  /** File name shown in the page headers and whose lines are listed. */
  readonly file: string;
  /** The main file's source text. */
  readonly source: string;
  /** `-an`: no page headers or form feeds. */
  readonly noPaging?: boolean;
  /** `-al` (default true): the source lines with their bytes. */
  readonly assembly?: boolean;
  /** `-as`: the symbol table, on a page of its own. */
  readonly symbols?: boolean;
  /** `-am`: macro and .rept/.irp expansion lines (needs the result's `trace`). */
  readonly macros?: boolean;
  /** `-ah`: high-level source; without -g GNU only stops showing block bytes on `.endr`. */
  readonly high?: boolean;
  /** `-ac`: leave out lines skipped by false conditionals. */
  readonly noFalse?: boolean;
  /** `-ad`: leave out lines assembled into debug sections. */
  readonly noDebug?: boolean;
  /** Reads an included file (as the assembler found it), to list its lines. */
  readonly readFile?: (path: string) => string | undefined;
}

/** The line a block opened at `line` lists its bytes on: its `.endr` for .rept/.irp/.irpc, else itself. */
function blockEnd(src: readonly string[], line: number): number {
  if (!/^\s*(?:[\w.$]+:\s*)?\.(rept?|irpc?|irepc?)\b/i.test(src[line - 1] ?? '')) return line;
  let depth = 0;
  for (let i = line - 1; i < src.length; i++) {
    if (/^\s*(?:[\w.$]+:\s*)?\.(rept?|irpc?|irepc?)\b/i.test(src[i])) depth++;
    else if (/^\s*\.endr\b/i.test(src[i]) && --depth === 0) return i + 1;
  }
  return line;
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * The listing options of `-a[cdhlmns]` (the letters after `-a`): plain `-a` is -ahls; modifiers
 * alone (-an, -am, -ac, -ad) list nothing, as in GNU as 2.40.
 */
export function listingFlags(letters: string): Omit<GnuListingOptions, 'file' | 'source' | 'readFile'> {
  const all = letters === '';
  return {
    noPaging: letters.includes('n'), assembly: all || letters.includes('l'), symbols: all || letters.includes('s'),
    macros: letters.includes('m'), high: all || letters.includes('h'), noFalse: letters.includes('c'), noDebug: letters.includes('d'),
  };
}

export function gnuListing(r: AssembleResult, opts: GnuListingOptions): string {
  const bySec = new Map(r.sections.map((s) => [s.name, s]));
  const split = (text: string): string[] => {
    const l = text.split('\n');
    if (l[l.length - 1] === '') l.pop();
    return l;
  };
  const mainSrc = split(opts.source);
  const srcOf = new Map<string, string[]>([[opts.file, mainSrc]]);
  const key = (file: string, line: number): string => `${file}\0${line}`;
  const bytesOf = (section: string, offset: number, size: number, into: number[]): void => {
    const s = bySec.get(section);
    if (!s) return;
    for (let i = 0; i < size && into.length < MAX_BYTES; i++) into.push(s.type === 'nobits' ? 0 : s.bytes[offset + i]);
  };
  const macros = !!opts.macros && r.trace !== undefined;
  const lines = new Map<string, { offset: number; bytes: number[] }>();
  for (const l of r.listing) {
    if (l.via !== undefined && macros) continue; // listed with the expansion lines instead
    const src = srcOf.get(l.file) ?? (opts.readFile && l.file !== opts.file ? lazySrc(l.file) : undefined);
    // GNU lists an expansion's bytes on the macro call, or on the `.endr` of a .rept/.irp (not with -ah).
    let at = l.line;
    if (l.via !== undefined) {
      at = src ? blockEnd(src, l.via) : l.via;
      if (opts.high && at !== l.via) continue;
    }
    // `.nops` fills a variable fragment, which GNU's listing does not show.
    if (src && /^\s*\.nops\b/i.test(src[at - 1] ?? '')) continue;
    let e = lines.get(key(l.file, at));
    if (!e) lines.set(key(l.file, at), e = { offset: l.offset, bytes: [] });
    bytesOf(l.section, l.offset, l.size, e.bytes);
  }
  function lazySrc(file: string): string[] | undefined {
    const t = opts.readFile?.(file);
    if (t === undefined) return undefined;
    const l = split(t);
    srcOf.set(file, l);
    return l;
  }
  // -alm: expansion lines under the line that produced them (a macro call, or a block's `.endr`).
  // -alc: lines skipped in false conditionals; -ald: lines that leave a debug section current.
  const omitted = new Set<string>();
  for (const t of r.trace ?? []) {
    if (t.depth !== 0) continue;
    const k = key(t.loc.file, t.loc.line);
    if ((opts.noFalse && t.skipped) || (opts.noDebug && t.after.startsWith('.debug'))) omitted.add(k);
    else if (!t.skipped || !opts.noFalse) omitted.delete(k);
  }
  const expansions = new Map<string, NonNullable<AssembleResult['trace']>[number][]>();
  const included = new Map<string, string>();
  if (r.trace) {
    let prev: { file: string; line: number } | undefined;
    const open: string[] = [];
    for (const t of r.trace) {
      if (t.depth === 0) {
        // The first line of a file not being read yet, right after a line: that line included it.
        const back = open.lastIndexOf(t.loc.file);
        if (back >= 0) open.length = back + 1;
        else {
          if (prev && !included.has(key(prev.file, prev.line))) included.set(key(prev.file, prev.line), t.loc.file);
          open.push(t.loc.file);
        }
        prev = { file: t.loc.file, line: t.loc.line };
        continue;
      }
      if (!macros || (opts.noFalse && t.skipped)) continue;
      let top = t.loc;
      for (let d = 0; d < t.depth && top.via; d++) top = top.via;
      const src = srcOf.get(top.file) ?? lazySrc(top.file);
      // (With -ah GNU lists a block's expansion under its last body line rather than its `.endr`.)
      const end = src ? blockEnd(src, top.line) : top.line;
      const k = key(top.file, end !== top.line && opts.high ? end - 1 : end);
      const l = expansions.get(k) ?? [];
      l.push(t);
      expansions.set(k, l);
    }
  }
  let out = '';
  let page = 0;
  let onPage = PAGE_LINES;
  const emit = (text: string): void => {
    if (!opts.noPaging && onPage >= PAGE_LINES) {
      page++;
      out += `${page > 1 ? '\f' : ''}GAS LISTING ${opts.file} \t\t\tpage ${page}\n\n\n`;
      onPage = 3;
    }
    out += text + '\n';
    onPage++;
  };
  const warnings = new Map<string, string[]>();
  for (const d of r.diagnostics) {
    // (`.fail` warnings GNU leaves out of the listing.)
    if (d.severity !== 'warning' || /^\.fail \S+ encountered$/.test(d.message)) continue;
    let top = d.loc;
    while (top.via) top = top.via;
    // A warning from the end of assembly sits on the last line read.
    if (top.line === 0) top = { file: opts.file, line: mainSrc.length };
    const w = warnings.get(key(top.file, top.line)) ?? [];
    w.push(d.message);
    warnings.set(key(top.file, top.line), w);
  }
  /** One listing line with its bytes (first 4 on it, the rest on continuation lines) and warnings. */
  const line = (n: number, text: string, e: { offset: number; bytes: number[] } | undefined, warn: readonly string[]): void => {
    const num = String(n).padStart(4);
    if (!e || e.bytes.length === 0) {
      emit(`${num}              \t${text}`);
      for (const w of warn) emit(`****  Warning: ${w}`);
      return;
    }
    const words: string[] = [];
    for (let k = 0; k < e.bytes.length; k += 4) words.push(e.bytes.slice(k, k + 4).map(hex).join(''));
    const first = words[0].length === 8 ? words[0] + ' ' : words[0].padEnd(9);
    emit(`${num} ${e.offset.toString(16).padStart(4, '0')} ${first}\t${text}`);
    // GNU prints the line's warnings between its first and its continuation lines.
    for (const w of warn) emit(`****  Warning: ${w}`);
    for (const w of words.slice(1)) emit(`${num}      ${w}${w.length === 8 ? ' ' : ''}`);
  };
  const listFile = (file: string, src: readonly string[], depth: number): void => {
    src.forEach((raw, i) => {
      const n = i + 1;
      const k = key(file, n);
      if (omitted.has(k)) return;
      // -ad also drops GNU's debugging directives (.type, .size and, measured, .value, on a line without a label).
      if (opts.noDebug && /^\s*\.(type|size|value|stabs|stabn|stabd)\b/i.test(raw)) return;
      const exp = expansions.get(k);
      let e = lines.get(k);
      // With -alm a block's `.endr` shows the bytes of the expansion's first statement.
      if (macros && exp && !e && exp[0].section !== undefined && (opts.high ? /^\s*\.endr\b/i.test(src[n] ?? '') : /^\s*\.endr\b/i.test(raw))) {
        e = { offset: exp[0].offset, bytes: [] };
        bytesOf(exp[0].section, exp[0].offset, exp[0].size, e.bytes);
      }
      line(n, raw.replace(/\r$/, '').slice(0, 99), e, warnings.get(k) ?? []);
      for (const t of exp ?? []) {
        const b = { offset: t.offset, bytes: [] as number[] };
        if (t.section !== undefined) bytesOf(t.section, t.offset, t.size, b.bytes);
        // GNU shows the scrubbed statement: `>` per nesting level, one blank for leading space.
        const text = `${'>'.repeat(t.depth)} ${/^[ \t]/.test(t.text) ? ' ' : ''}${scrub(t.text)}`;
        line(n, text.slice(0, 99), b, []);
      }
      const inc = included.get(k);
      if (inc !== undefined && depth < 100) {
        const isrc = srcOf.get(inc) ?? lazySrc(inc);
        if (isrc) listFile(inc, isrc, depth + 1);
      }
    });
  };
  if (opts.assembly !== false) listFile(opts.file, mainSrc, 0);
  if (opts.symbols) {
    // GNU starts the symbol table on a new page.
    if (out !== '') onPage = PAGE_LINES;
    const width = r.mode === 64 ? 16 : 8;
    const val = (v: bigint): string => BigInt.asUintN(width * 4, v).toString(16).padStart(width, '0');
    const defined: string[] = [];
    if (r.object.fileSymbol !== undefined) defined.push(`${'*ABS*'.padStart(33)}:${val(0n)} ${r.object.fileSymbol}`);
    const undefinedNames: string[] = [];
    const relocated = new Set(r.relocations.map((x) => x.symbol));
    // A kept `.L` label joins GNU's symbol chain where a displacement first named it (the
    // relocation's symSeq), else after the others.
    const keptAt = new Map<string, number>();
    for (const x of r.relocations) if (x.symSeq !== undefined && !keptAt.has(x.symbol)) keptAt.set(x.symbol, x.symSeq);
    const rows: { seq: number; text: string }[] = [];
    for (const s of r.symbols) {
      // `.L` labels stay out, except those a relocation names (mergeable sections), which GNU lists.
      if ((s.name.startsWith('.L') && !relocated.has(s.name)) || /[\x01\x02]/.test(s.name)) continue;
      if (s.section === '*UND*') { undefinedNames.push(s.name); continue; }
      // (GNU names the line where the symbol's fragment began; x86lab the defining line, which is
      // the same for labels outside macros. Absolute symbols: see docs/elf.md.)
      const where = s.def && s.section !== '*COM*' ? `${s.def.file.padStart(20)}:${String(s.def.line).padEnd(6)} ${s.section}` : s.section.padStart(33);
      const seq = s.name.startsWith('.L') ? keptAt.get(s.name) ?? Number.MAX_SAFE_INTEGER : s.seq;
      rows.push({ seq, text: `${where}:${val(s.section === '*COM*' ? s.size ?? 0n : s.value)} ${s.name}` });
    }
    rows.sort((x, y) => x.seq - y.seq);
    for (const row of rows) defined.push(row.text);
    const groups = [...new Set(r.sections.filter((x) => x.group).map((x) => x.group!.name))];
    for (const g of groups) if (!r.symbols.some((s) => s.name === g)) defined.push(`${'.group'.padStart(33)}:${val(0n)} ${g}`);
    if (defined.length) { emit('DEFINED SYMBOLS'); for (const d of defined) emit(d); } else emit('NO DEFINED SYMBOLS');
    emit('');
    if (undefinedNames.length) { emit('UNDEFINED SYMBOLS'); for (const u of undefinedNames) emit(u); } else emit('NO UNDEFINED SYMBOLS');
  }
  return out;
}
