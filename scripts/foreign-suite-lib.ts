// Another assembler's x86 test inputs (LLVM's test/MC/X86, yasm's GAS-syntax tests, ...) as a
// differential yardstick against GNU as. Those files mix hundreds of instructions, many of which GNU
// refuses, so a file is cut into single statements ("units"); each unit keeps the state it was
// written in (.code16/32/64, .intel_syntax/.att_syntax) and the labels, equates and macros it names,
// and gets a section of its own. Units are assembled in batches, one `as` run per batch: GNU's
// `FILE:LINE: Error:` lines and x86lab's diagnostics say which units each refuses, and a second run
// over the units both take gives one object per assembler whose sections are compared unit by unit.
//
// Used by scripts/foreign-suite.ts (the CLI) and test/asm/foreign-suite.test.ts.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { assemble } from '../src/asm/assemble.js';
import { toElf } from '../src/output/elf.js';
import { readObj, R32, R64, type Obj } from '../test/asm/object-view.js';

export type Syntax = 'att' | 'intel';
export type Code = '.code16' | '.code16gcc' | '.code32' | '.code64';

/** One statement of a foreign file, with what it needs to be assembled on its own. */
export interface Unit {
  /** 1-based line in the foreign file. */
  line: number;
  /** The statement (or a whole .macro/.rept/.if block). */
  text: string;
  syntax: Syntax;
  /** `.intel_syntax prefix` / `.att_syntax noprefix` (registers with / without %). */
  prefixFlip: boolean;
  code: Code;
  /** Definitions placed before the statement (labels defined earlier, equates, macros). */
  before: string[];
  /** Labels defined later in the file, placed after the statement. */
  after: string[];
  /** Names those definitions define: two units defining one name never share a batch. */
  defines: string[];
}

export interface SplitFile { mode: 32 | 64; units: Unit[] }

export type Status = 'identical' | 'differs' | 'x86lab rejects' | 'GNU rejects' | 'both reject';
export const STATUSES: readonly Status[] = ['identical', 'differs', 'x86lab rejects', 'GNU rejects', 'both reject'];

export interface UnitResult {
  unit: Unit;
  status: Status;
  simd: boolean;
  /** GNU's first error for the unit (GNU/both reject). */
  gnuError?: string;
  /** x86lab's first error for the unit (x86lab/both reject). */
  labError?: string;
  /** differs: GNU's and x86lab's section bytes (hex) and relocations. */
  gnu?: string;
  lab?: string;
}

// ---- splitting ----------------------------------------------------------------------------------

/** GNU's mode and the starting state from the file's `RUN: llvm-mc -triple ...` line, else from its name. */
export function fileMode(text: string, name: string): { mode: 32 | 64; code: Code; syntax: Syntax } {
  const run = text.split('\n').find((l) => /RUN:.*llvm-mc/.test(l)) ?? '';
  const triple = /-triple[= ]+(\S+)/.exec(run)?.[1] ?? '';
  const syntax: Syntax = /-x86-asm-syntax[= ]intel/.test(run) ? 'intel' : 'att';
  if (/code16/.test(triple)) return { mode: 32, code: '.code16', syntax };
  if (/^(i[3-6]86|x86-32)/.test(triple)) return { mode: 32, code: '.code32', syntax };
  if (/x86[-_]64/.test(triple)) return { mode: 64, code: '.code64', syntax };
  return /gas32|(^|[-_])32\b|i386/.test(name) ? { mode: 32, code: '.code32', syntax } : { mode: 64, code: '.code64', syntax };
}

/** The text up to a comment start (`//` anywhere, `#` anywhere), outside quotes. */
function stripComment(s: string): string {
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '\\') i++;
      else if (c === q) q = '';
    } else if (c === '"') q = c;
    else if (c === '\'' ) i++; // a character constant: 'x
    else if (c === '#' || (c === '/' && s[i + 1] === '/')) return s.slice(0, i);
  }
  return s;
}

/** Splits on `;` outside quotes. */
function statements(s: string): string[] {
  const out: string[] = [];
  let q = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '\\') i++;
      else if (c === q) q = '';
    } else if (c === '"') q = c;
    else if (c === ';') { out.push(s.slice(start, i)); start = i + 1; }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

const LABEL = /^([A-Za-z_.$][\w.$]*|\d+)\s*:(?!:)/;
const BLOCK_OPEN = /^\.(macro|rept|irpc?|if\w*)\b/i;
const BLOCK_CLOSE = /^\.(endm|endr|endif)\b/i;
/** Directives that switch sections, end or include input, or set per-file state: not units. */
const NOT_UNIT = /^\.(text|data|bss|section|pushsection|popsection|previous|subsection|end|include|incbin|file|ident|arch|cpu|type|size|globl|global|weak|local|hidden|protected|internal|extern|comm|lcomm|cfi_\w+|bundle_\w+|abort|err|error|warning|print|def|endef|scl|secrel32|seh_\w+|linkonce|sleb128_not|loc|p2alignl_not|data_region|end_data_region|subsections_via_symbols|macosx_version_min|ios_version_min|build_version|zerofill|tbss|tdata|const|cstring|literal\d+|mod_init_func|dc\.\w|intel_syntax|att_syntax|code16gcc|code16|code32|code64|model|option|nolist|list|title|sbttl|psize|eject)\b/i;

/**
 * Cuts a foreign test file into units. `//`, `#` and C block comments go; `.code*` and the syntax
 * directives become state; labels, `.set`/`.equ`/`=` equates, `.globl` and `.macro` blocks become
 * definitions that units naming them carry along.
 */
export function splitFile(text: string, name: string): SplitFile {
  const start = fileMode(text, name);
  let code: Code = start.code;
  let syntax: Syntax = start.syntax;
  let prefixFlip = false;
  // Definitions by name, with the line that defines them; .globl'ed names.
  const defs = new Map<string, { line: number; text: string; kind: 'label' | 'equ' | 'macro' }>();
  const globals = new Set<string>();
  type Raw = { line: number; text: string; syntax: Syntax; prefixFlip: boolean; code: Code };
  const raws: Raw[] = [];
  let block: { line: number; lines: string[]; depth: number } | undefined;
  const src = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  src.split('\n').forEach((rawLine, i) => {
    const line = i + 1;
    for (let st of statements(stripComment(rawLine))) {
      if (block) {
        block.lines.push(st);
        if (BLOCK_OPEN.test(st)) block.depth++;
        else if (BLOCK_CLOSE.test(st) && --block.depth === 0) {
          const m = /^\.macro\s+([\w.$]+)/i.exec(block.lines[0]);
          const body = block.lines.join('\n');
          if (m) defs.set(m[1], { line: block.line, text: body, kind: 'macro' });
          else raws.push({ line: block.line, text: body, syntax, prefixFlip, code });
          block = undefined;
        }
        continue;
      }
      for (let m = LABEL.exec(st); m; m = LABEL.exec(st)) {
        if (!/^\d+$/.test(m[1])) defs.set(m[1], { line, text: `${m[1]}:`, kind: 'label' });
        st = st.slice(m[0].length).trim();
      }
      if (st === '') continue;
      const lower = st.toLowerCase();
      let m: RegExpExecArray | null;
      if ((m = /^\.(code16gcc|code16|code32|code64)\b/.exec(lower))) { code = `.${m[1]}` as Code; continue; }
      if ((m = /^\.(intel|att)_syntax\b\s*(\w*)/.exec(lower))) {
        syntax = m[1] as Syntax;
        prefixFlip = syntax === 'intel' ? m[2] === 'prefix' : m[2] === 'noprefix';
        continue;
      }
      if ((m = /^\.(?:set|equ|equiv|eqv)\s+([\w.$]+)\s*,/i.exec(st)) || (m = /^([A-Za-z_.$][\w.$]*)\s*==?\s*[^=]/.exec(st))) {
        defs.set(m[1], { line, text: st, kind: 'equ' });
        continue;
      }
      if ((m = /^\.(?:globl|global)\s+(.*)$/i.exec(st))) { for (const g of m[1].split(',')) globals.add(g.trim()); continue; }
      if (BLOCK_OPEN.test(st)) { block = { line, lines: [st], depth: 1 }; continue; }
      if (NOT_UNIT.test(st)) continue;
      // A fill of gigabytes makes GNU write a file that size (LLVM's large-bss.s): not a unit.
      if (/^\.(zero|space|skip|fill)\b/i.test(st) && (st.match(/\b(0x[0-9a-f]+|\d+)\b/gi) ?? []).some((n) => Number(n) > 1 << 24)) continue;
      raws.push({ line, text: st, syntax, prefixFlip, code });
    }
  });
  const units = raws.map((r): Unit => {
    const before: string[] = [];
    const after: string[] = [];
    const defines: string[] = [];
    const seen = new Set<string>();
    const need = (s: string, depth: number): void => {
      for (const id of s.match(/[A-Za-z_.][\w.$]*/g) ?? []) {
        const d = defs.get(id);
        if (!d || seen.has(id)) continue;
        seen.add(id);
        if (d.kind !== 'label' && depth < 3) need(d.kind === 'macro' ? d.text.replace(/^\.macro\s+[\w.$]+/i, '') : d.text.replace(/^[^,=]*[,=]/, ''), depth + 1);
        const text = globals.has(id) ? `.globl ${id}\n${d.text}` : d.text;
        if (d.kind === 'label' && d.line > r.line) after.push(text);
        else before.push(text);
        defines.push(id);
      }
    };
    need(r.text, 0);
    // Local numeric labels: `1b` wants a `1:` before, `1f` one after.
    for (const m of r.text.matchAll(/\b(\d+)([bf])\b/g)) (m[2] === 'b' ? before : after).push(`${m[1]}:`);
    return { ...r, before, after, defines };
  });
  return { mode: start.mode, units };
}

// ---- SIMD ---------------------------------------------------------------------------------------

/** Vector, MMX, mask and tile registers in AT&T (objdump) or Intel text. */
const SIMD_REG = /(?:^|[^\w])%?(?:[xyz]mm\d{1,2}|tmm\d|k[0-7]|mm[0-7])\b|%[xyz]?mm\(\d+\)/i;
/** SSE/AVX/MMX/3DNow!/AES/SHA mnemonics that name no vector register in the text (memory forms, implicit xmm0). */
const SIMD_MNEMONIC = /^(?:\{[^}]*\}\s*)*(?:v(?!err|erw)\w+|(?:add|sub|mul|div|min|max|sqrt|rsqrt|rcp|cmp\w*|and|andn|or|xor|mov\w*|unpck\w+|shuf|blend\w*|round|dp|hadd|hsub|addsub|cvt\w*|comi|ucomi)(?:ps|pd|ss|sd)|cvt\w+|p(?!ush|op|ause|dep|ext|tw|conf|val|refetch|cnt)[a-z]\w*|movd|ldmxcsr|stmxcsr|lddqu|maskmov\w+|movnt\w+|movq2dq|movdq2q|movdq[au]|emms|femms|pf\w+|pi2f\w|aes\w+|sha\w+|crc32c?|insertq|extrq|movntsd|movntss|extractps|insertps|pclmul\w+|gf2p8\w+|k\w+[bwdq])(?:\s|$)/i;

export function isSimdSource(text: string): boolean {
  return SIMD_REG.test(text) || SIMD_MNEMONIC.test(text.trim()) && !/^crc32/i.test(text.trim());
}

// ---- batches ------------------------------------------------------------------------------------

const SECTION = (i: number): string => `.fu${i}`;

/** A batch's source text: each unit in its own section; `lines[k]` is the unit index of line k+1. */
export function batchText(units: readonly Unit[], idx: readonly number[]): { text: string; owner: number[] } {
  const out: string[] = [];
  const owner: number[] = [];
  const push = (s: string, u: number): void => { for (const l of s.split('\n')) { out.push(l); owner.push(u); } };
  for (const i of idx) {
    const u = units[i];
    push(`.section ${SECTION(i)},"ax",@progbits`, i);
    push(u.code, i);
    push(u.syntax === 'intel' ? `.intel_syntax ${u.prefixFlip ? 'prefix' : 'noprefix'}` : `.att_syntax ${u.prefixFlip ? 'noprefix' : 'prefix'}`, i);
    for (const b of u.before) push(b, i);
    push(u.text, i);
    for (const a of u.after) push(a, i);
    push('.att_syntax prefix', i);
  }
  return { text: out.join('\n') + '\n', owner };
}

/** Groups units into batches of at most `max`, no two units of a batch defining one name. */
export function batches(units: readonly Unit[], max = 1000): number[][] {
  const out: { idx: number[]; names: Set<string> }[] = [];
  for (let i = 0; i < units.length; i++) {
    const d = units[i].defines;
    let b = out.find((x) => x.idx.length < max && d.every((n) => !x.names.has(n)));
    if (!b) out.push((b = { idx: [], names: new Set() }));
    b.idx.push(i);
    for (const n of d) b.names.add(n);
  }
  return out.map((b) => b.idx);
}

// ---- the two assemblers ---------------------------------------------------------------------------

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((res) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('close', (code) => res({ code: code ?? 1, out, err }));
  });
}

interface Side { obj?: Obj; errors: Map<number, string>; failed?: string }

/** GNU as over a batch: the object, or the units with errors (by line), or a failure without lines. */
async function gnuSide(text: string, owner: number[], mode: 32 | 64, dir: string, tag: string): Promise<Side & { objPath?: string }> {
  writeFileSync(join(dir, `${tag}.s`), text);
  const r = await run('as', [mode === 32 ? '--32' : '--64', '-o', `${tag}.o`, `${tag}.s`], dir);
  const errors = new Map<number, string>();
  for (const l of r.err.split('\n')) {
    const m = /^[^:]*\.s:(\d+): Error: (.*)$/.exec(l);
    if (m && !errors.has(owner[Number(m[1]) - 1])) errors.set(owner[Number(m[1]) - 1], m[2]);
  }
  if (r.code === 0) return { obj: readObj(new Uint8Array(readFileSync(join(dir, `${tag}.o`)))), errors, objPath: join(dir, `${tag}.o`) };
  return errors.size ? { errors } : { errors, failed: r.err.split('\n').find((l) => /Error|Fatal/.test(l)) ?? r.err };
}

/** x86lab over a batch, in process: the object, or the units with errors. */
function labSide(text: string, owner: number[], mode: 32 | 64): Side {
  const errors = new Map<number, string>();
  try {
    const r = assemble(text, { mode, file: 'batch.s', listing: false });
    for (const d of r.diagnostics) {
      if (d.severity !== 'error') continue;
      const u = owner[d.loc.line - 1];
      if (u !== undefined && !errors.has(u)) errors.set(u, d.message);
    }
    if (r.errors > 0) return errors.size ? { errors } : { errors, failed: r.diagnostics.find((d) => d.severity === 'error')?.message ?? 'errors' };
    return { obj: readObj(toElf(r)), errors };
  } catch (e) {
    return { errors, failed: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The unit's section bytes and relocations as one comparable string. */
export function sectionView(o: Obj, i: number): string {
  const name = SECTION(i);
  const s = o.sections.find((x) => x.name === name);
  const names = o.bits === 64 ? R64 : R32;
  const rel = o.relocs.filter((r) => r.section === name)
    .map((r) => ` ${r.offset.toString(16)}:${names[r.type] ?? r.type}:${r.symbol}${r.addend !== undefined ? `${r.addend >= 0n ? '+' : ''}${r.addend}` : ''}`)
    .sort();
  return (s ? Buffer.from(s.bytes).toString('hex') : '') + rel.join('');
}

/** objdump's disassembly of each `.fuN` section (for the SIMD class). */
async function objdumpSections(obj: string, dir: string): Promise<Map<number, string>> {
  const r = await run('objdump', ['-d', '-w', '--no-show-raw-insn', obj], dir);
  const out = new Map<number, string>();
  let cur = -1;
  for (const l of r.out.split('\n')) {
    const m = /^Disassembly of section \.fu(\d+):/.exec(l);
    if (m) { cur = Number(m[1]); out.set(cur, ''); } else if (cur >= 0) out.set(cur, out.get(cur)! + l + '\n');
  }
  return out;
}

/**
 * Classifies every unit of one split file. Batches as described at the top; a batch whose GNU or
 * x86lab run fails without naming lines is redone one unit at a time.
 */
export async function classify(file: SplitFile, opts: { batch?: number } = {}): Promise<UnitResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'foreign-suite-'));
  const results: UnitResult[] = new Array(file.units.length);
  try {
    let n = 0;
    const one = async (idx: number[]): Promise<void> => {
      const b1 = batchText(file.units, idx);
      const g1 = await gnuSide(b1.text, b1.owner, file.mode, dir, `b${n++}`);
      const l1 = labSide(b1.text, b1.owner, file.mode);
      if ((g1.failed || l1.failed) && idx.length > 1) {
        await one(idx.slice(0, idx.length >> 1));
        await one(idx.slice(idx.length >> 1));
        return;
      }
      const gnuErr = (i: number): string | undefined => g1.failed ?? g1.errors.get(i);
      const labErr = (i: number): string | undefined => l1.failed ?? l1.errors.get(i);
      const both: number[] = [];
      for (const i of idx) {
        const u = file.units[i];
        const ge = gnuErr(i);
        const le = labErr(i);
        const simd = isSimdSource(u.text);
        if (ge !== undefined && le !== undefined) results[i] = { unit: u, status: 'both reject', simd, gnuError: ge, labError: le };
        else if (ge !== undefined) results[i] = { unit: u, status: 'GNU rejects', simd, gnuError: ge };
        else if (le !== undefined) results[i] = { unit: u, status: 'x86lab rejects', simd, labError: le };
        else both.push(i);
      }
      if (both.length === 0) return;
      // The units both take, again, so that each side's object exists.
      const b2 = both.length === idx.length ? b1 : batchText(file.units, both);
      const g2 = both.length === idx.length && g1.obj ? g1 : await gnuSide(b2.text, b2.owner, file.mode, dir, `b${n++}`);
      const l2 = both.length === idx.length && l1.obj ? l1 : labSide(b2.text, b2.owner, file.mode);
      if (!g2.obj || !l2.obj) {
        if (both.length > 1) { await one(both.slice(0, both.length >> 1)); await one(both.slice(both.length >> 1)); return; }
        const i = both[0];
        const u = file.units[i];
        results[i] = g2.obj
          ? { unit: u, status: 'x86lab rejects', simd: isSimdSource(u.text), labError: l2.failed ?? l2.errors.get(i) ?? 'no object' }
          : { unit: u, status: l2.obj ? 'GNU rejects' : 'both reject', simd: isSimdSource(u.text), gnuError: g2.failed ?? g2.errors.get(i) ?? 'no object' };
        return;
      }
      const dis = g2.objPath ? await objdumpSections(g2.objPath, dir) : new Map<number, string>();
      for (const i of both) {
        const u = file.units[i];
        const simd = isSimdSource(u.text) || SIMD_REG.test(dis.get(i) ?? '');
        const gv = sectionView(g2.obj, i);
        const lv = sectionView(l2.obj, i);
        results[i] = gv === lv ? { unit: u, status: 'identical', simd } : { unit: u, status: 'differs', simd, gnu: gv, lab: lv };
      }
    };
    for (const idx of batches(file.units, opts.batch)) await one(idx);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
