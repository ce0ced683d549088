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

export function gnuListing(r: AssembleResult, opts: GnuListingOptions): string {
  const bySec = new Map(r.sections.map((s) => [s.name, s]));
  const src = opts.source.split('\n');
  if (src[src.length - 1] === '') src.pop();
  const lines = new Map<number, { offset: number; bytes: number[] }>();
  for (const l of r.listing) {
    if (l.file !== opts.file) continue;
    const s = bySec.get(l.section);
    if (!s) continue;
    // GNU lists an expansion's bytes on the macro call, or on the `.endr` of a .rept/.irp.
    const at = l.via === undefined ? l.line : blockEnd(src, l.via);
    // `.nops` fills a variable fragment, which GNU's listing does not show.
    if (/^\s*\.nops\b/i.test(src[at - 1] ?? '')) continue;
    let e = lines.get(at);
    if (!e) lines.set(at, e = { offset: l.offset, bytes: [] });
    for (let i = 0; i < l.size && e.bytes.length < MAX_BYTES; i++) e.bytes.push(s.type === 'nobits' ? 0 : s.bytes[l.offset + i]);
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
  const warnings = new Map<number, string[]>();
  for (const d of r.diagnostics) {
    if (d.severity !== 'warning' || d.loc.file !== opts.file) continue;
    let top = d.loc;
    while (top.via) top = top.via;
    const w = warnings.get(top.line) ?? [];
    w.push(d.message);
    warnings.set(top.line, w);
  }
  if (opts.assembly !== false) src.forEach((raw, i) => {
    const n = i + 1;
    const text = raw.replace(/\r$/, '').slice(0, 99);
    const num = String(n).padStart(4);
    const e = lines.get(n);
    if (!e || e.bytes.length === 0) emit(`${num}              \t${text}`);
    else {
      const words: string[] = [];
      for (let k = 0; k < e.bytes.length; k += 4) words.push(e.bytes.slice(k, k + 4).map(hex).join(''));
      const first = words[0].length === 8 ? words[0] + ' ' : words[0].padEnd(9);
      emit(`${num} ${e.offset.toString(16).padStart(4, '0')} ${first}\t${text}`);
      // GNU prints the line's warnings between its first and its continuation lines.
      for (const w of warnings.get(n) ?? []) emit(`****  Warning: ${w}`);
      for (const w of words.slice(1)) emit(`${num}      ${w}${w.length === 8 ? ' ' : ''}`);
    }
    if (!e || e.bytes.length === 0) for (const w of warnings.get(n) ?? []) emit(`****  Warning: ${w}`);
  });
  if (opts.symbols) {
    // GNU starts the symbol table on a new page.
    if (out !== '') onPage = PAGE_LINES;
    const width = r.mode === 64 ? 16 : 8;
    const val = (v: bigint): string => BigInt.asUintN(width * 4, v).toString(16).padStart(width, '0');
    const defined: string[] = [];
    if (r.object.fileSymbol !== undefined) defined.push(`${'*ABS*'.padStart(33)}:${val(0n)} ${r.object.fileSymbol}`);
    const undefinedNames: string[] = [];
    for (const s of r.symbols) {
      if (s.name.startsWith('.L') || /[\x01\x02]/.test(s.name)) continue;
      if (s.section === '*UND*') { undefinedNames.push(s.name); continue; }
      // (GNU names the line where the symbol's fragment began; x86lab the defining line, which is
      // the same for labels outside macros. Absolute symbols: see docs/elf.md.)
      const where = s.def && s.section !== '*COM*' ? `${s.def.file.padStart(20)}:${String(s.def.line).padEnd(6)} ${s.section}` : s.section.padStart(33);
      defined.push(`${where}:${val(s.section === '*COM*' ? s.size ?? 0n : s.value)} ${s.name}`);
    }
    const groups = [...new Set(r.sections.filter((x) => x.group).map((x) => x.group!.name))];
    for (const g of groups) if (!r.symbols.some((s) => s.name === g)) defined.push(`${'.group'.padStart(33)}:${val(0n)} ${g}`);
    if (defined.length) { emit('DEFINED SYMBOLS'); for (const d of defined) emit(d); } else emit('NO DEFINED SYMBOLS');
    emit('');
    if (undefinedNames.length) { emit('UNDEFINED SYMBOLS'); for (const u of undefinedNames) emit(u); } else emit('NO UNDEFINED SYMBOLS');
  }
  return out;
}
