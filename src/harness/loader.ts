// Assemble a handler listing and lay it out for the harness: the built-in C preprocessor (for .S),
// the team's assembler, then a small static link — sections in the order the assembler created
// them, each at the next address aligned to max(4 KiB, its alignment) from LOAD_BASE, symbols made
// absolute, relocations applied (S + A, minus P for pc-relative ones). docs/harness.md describes it.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble } from '../asm/assemble.js';
import { preprocess, type CppClock } from '../asm/cpp/index.js';
import { formatDiagnostic, type Diagnostic } from '../asm/errors.js';
import type { AssembleResult } from '../asm/result.js';
import { isReadFailure, readSourceFile, type ReadFailure } from '../asm/files.js';

/** Where the first section goes (1 MiB, as a boot loader would put a kernel image). */
export const LOAD_BASE = 0x100000;
/** The package's include directory (holds x86lab/harness.h). */
export const INCLUDE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'include');

export interface LoadOptions {
  mode?: 32 | 64;
  /** File name for diagnostics (and for finding relative #include / .include files). */
  file?: string;
  includeDirs?: readonly string[];
  /** -D NAME[=VAL] for the preprocessor. */
  defines?: readonly string[];
  undefs?: readonly string[];
  readFile?: (path: string) => string | ReadFailure | undefined;
  /** What __DATE__/__TIME__ show (default: the local time now). */
  clock?: CppClock;
}

export interface LoadedSection {
  name: string;
  addr: number;
  size: number;
  align: number;
  bytes: Uint8Array;
  nobits: boolean;
}

export interface Image {
  mode: 32 | 64;
  file: string;
  sections: LoadedSection[];
  /** Every named symbol (local labels included, .L temporaries excluded) -> absolute address. */
  symbols: Map<string, number>;
  diagnostics: readonly Diagnostic[];
}

/** A listing that cannot be assembled or linked; message holds GNU-style `file:line: Error:` lines. */
export class LoadError extends Error {
  constructor(message: string, readonly diagnostics: readonly Diagnostic[] = []) {
    super(message);
    this.name = 'LoadError';
  }
}

export function loadFile(path: string, opts: LoadOptions = {}): Image {
  const text = readSourceFile(path);
  if (text === undefined) throw new LoadError(`can't open ${path} for reading: No such file or directory`);
  if (isReadFailure(text)) throw new LoadError(`can't read from ${path}: ${text.error}`);
  return loadSource(text, { ...opts, file: opts.file ?? path });
}

export function loadSource(text: string, opts: LoadOptions = {}): Image {
  const mode = opts.mode ?? 64;
  const file = opts.file ?? 'listing.S';
  const includeDirs = [...(opts.includeDirs ?? []), INCLUDE_DIR];
  const diags: Diagnostic[] = [];
  let src = text;
  if (!file.endsWith('.s')) {
    const pp = preprocess(text, { file, includeDirs, defines: opts.defines ?? [], undefs: opts.undefs ?? [], mode, ...(opts.readFile ? { readFile: opts.readFile } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
    diags.push(...pp.diagnostics);
    if (pp.diagnostics.some((d) => d.severity === 'error')) throw new LoadError(diags.map(formatDiagnostic).join('\n'), diags);
    src = pp.text;
  }
  const res = assemble(src, { mode, file, includeDirs, ...(opts.readFile ? { readFile: opts.readFile } : {}) });
  diags.push(...res.diagnostics);
  if (res.errors > 0) throw new LoadError(diags.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'), diags);
  return link(res, file, diags);
}

function alignUp(a: number, n: number): number { return Math.ceil(a / n) * n; }

/** Lay out sections, make symbols absolute and apply relocations. */
export function link(res: AssembleResult, file: string, diags: readonly Diagnostic[] = []): Image {
  const sections: LoadedSection[] = [];
  const secAddr = new Map<string, number>();
  let at = LOAD_BASE;
  for (const s of res.sections) {
    const align = Math.max(4096, s.align || 1);
    at = alignUp(at, align);
    const nobits = s.type === 'nobits';
    const bytes = nobits ? new Uint8Array(s.size) : Uint8Array.from(s.bytes);
    sections.push({ name: s.name, addr: at, size: s.size, align: s.align || 1, bytes, nobits });
    secAddr.set(s.name, at);
    at += Math.max(s.size, 1);
  }
  const symbols = new Map<string, number>();
  for (const sym of res.symbols) {
    if (sym.name === '' || sym.name.startsWith('.L')) continue;
    if (sym.section === '*UND*') continue; // reported below if a relocation needs it
    const base = sym.section === '*ABS*' ? 0 : secAddr.get(sym.section);
    if (base === undefined) continue;
    symbols.set(sym.name, base + Number(BigInt.asIntN(64, sym.value)));
  }
  const wordMask = res.mode === 64 ? (1n << 64n) - 1n : (1n << 32n) - 1n;
  for (const r of res.relocations) {
    const sec = sections.find((s) => s.name === r.section);
    if (!sec) continue;
    let S: number | undefined = secAddr.get(r.symbol);
    if (S === undefined) S = symbols.get(r.symbol);
    if (S === undefined) {
      const local = res.symbols.find((s) => s.name === r.symbol && s.section !== '*UND*');
      if (local) S = (local.section === '*ABS*' ? 0 : secAddr.get(local.section) ?? 0) + Number(local.value);
    }
    if (S === undefined) throw new LoadError(`${file}: Error: undefined reference to \`${r.symbol}'`);
    const P = sec.addr + r.offset;
    let v = BigInt(S) + r.addend - (r.pcrel ? BigInt(P) : 0n);
    checkRange(r.type, v, r.size, file);
    v &= wordMask;
    for (let k = 0; k < r.size; k++) sec.bytes[r.offset + k] = Number((v >> BigInt(8 * k)) & 0xffn);
  }
  return { mode: res.mode, file, sections, symbols, diagnostics: diags };
}

function checkRange(type: string, v: bigint, size: number, file: string): void {
  if (size >= 8) return;
  const bits = BigInt(size * 8);
  const signed = /PC|32S|PLT|GOTPC/.test(type);
  const lo = signed ? -(1n << (bits - 1n)) : 0n;
  const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  // R_386_32 / R_X86_64_32 / R_X86_64_16 etc. accept the unsigned range; also allow negative for 386 (wraps).
  if (v < lo - (signed ? 0n : (1n << (bits - 1n))) || v > hi) throw new LoadError(`${file}: Error: relocation ${type} out of range (value 0x${v.toString(16)})`);
}
