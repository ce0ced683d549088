// GNU as command-line options beyond mode, include path and --defsym: the machine options that
// change the object (-march, -mtune, -O, ...) and the ones GNU as accepts and x86lab honours by
// doing nothing (they only change diagnostics). Parsed here, once, for both `x86lab as` and
// scripts/gas-suite.ts; an option this module does not know is for the caller to reject.

import { ArchContext, ArchOptionError, initialArch } from './arch.js';
import type { AssembleResult } from './result.js';
import type { Optimize } from './optimize.js';
import type { BranchHardening, RetHardening } from './lfence.js';
import { BRANCH_TYPES, type AlignBranch, type BranchType } from './align-branch.js';

/** What the options below set; every field absent means GNU as's default. */
export interface GasOptions {
  /** --strip-local-absolute: local symbols with absolute values stay out of the symbol table. */
  readonly stripLocalAbsolute?: boolean;
  /** -march=CPU[+EXT...] and -mtune=CPU, as given (checked by gasOptionsError). */
  readonly march?: string;
  readonly mtune?: string;
  /** -momit-lock-prefix=yes, -mfence-as-lock-add=yes, -madd-bnd-prefix (prefix-options.ts). */
  readonly addBndPrefix?: boolean;
  /** -mintel64: Intel64-only forms accepted (lfs to a 64-bit register, lcallq/ljmpq *m, movsxd %ax,%cx). */
  readonly intel64?: boolean;
  /** --generate-missing-build-notes=yes: a .gnu.build.attributes note per code section (build-notes.ts). */
  readonly buildNotes?: boolean;
  /** -mx86-used-note=yes: the .note.gnu.property ISA/feature note (used-note.ts). */
  readonly usedNote?: boolean;
  /** -moperand-check=error|none (operand-check.ts; warning is the default). */
  readonly operandCheck?: 'error' | 'none';
  /** -mlfence-after-load=yes: an lfence after each load (lfence-load.ts). */
  readonly lfenceAfterLoad?: boolean;
  /** -mshared: global symbols of default visibility may be preempted, so jumps to them stay long. */
  readonly shared?: boolean;
  /** --size-check=warning: a `.size` that is no constant warns (size 0) instead of failing. */
  readonly sizeCheckWarning?: boolean;
  /** -n: `.balign N, 0x90` fills with 0x90 bytes instead of GNU's NOP patterns. */
  readonly noAlignNops?: boolean;
  readonly omitLockPrefix?: boolean;
  readonly fenceAsLockAdd?: boolean;
  /** -mrelax-relocations=no: GOTPCREL and GOT32 where GNU would write the relaxable X forms. */
  readonly noRelaxRelocations?: boolean;
  /** -O0/-O/-O1/-O2/-Os (optimize.ts). */
  readonly optimize?: Optimize;
  /** -mlfence-before-ret=, -mlfence-before-indirect-branch= (lfence.ts); absent: not given. */
  readonly lfenceBeforeRet?: RetHardening;
  readonly lfenceBeforeIndirect?: BranchHardening;
  /** -malign-branch-boundary= and friends (align-branch.ts); absent: off. */
  readonly alignBranch?: AlignBranch;
  /** The -malign-branch-* values as given, until the boundary turns them on. */
  readonly alignBranchParts?: { readonly boundary?: number; readonly types?: readonly BranchType[]; readonly prefixSize?: number };
  /** --elf-stt-common=yes: common symbols are STT_COMMON rather than STT_OBJECT. */
  readonly elfSttCommon?: boolean;
  /** -mmnemonic=intel: x87 fsub/fdiv with Intel's meaning in AT&T syntax (intel-mnemonic.ts). */
  readonly intelMnemonic?: boolean;
  /** -g, --gdwarf-N (GNU also takes -gdwarf-N): DWARF line information, applied by the output stage. */
  readonly dwarf?: 2 | 3 | 4 | 5;
  /** --compress-debug-sections[=zlib|zlib-gabi|zlib-gnu]: applied by the ELF writer (output/compress-debug.ts). */
  readonly compressDebug?: 'zlib' | 'zlib-gnu';
}

export type MutableGasOptions = { -readonly [K in keyof GasOptions]: GasOptions[K] };

/** Options GNU as takes that leave the object as it is (warnings and messages only). */
const IGNORED: readonly RegExp[] = [
  /^-J$/, // no signed-overflow warnings
  /^--warn$/, /^--no-warn$/, /^-W$/, /^--fatal-warnings$/,
  // x86-64 ELF treats `/` as a comment only at the start of a line, with or without --divide.
  /^--divide$/,
  /^-q$/, // fewer warnings
  /^-mmnemonic=att$/, // AT&T mnemonics: the default for AT&T input (-mmnemonic=intel: intelMnemonic)
  /^-D$/, // GNU's -D (debug messages; the x86lab CLI reads -D NAME as a preprocessor define first)
  /^-msse-check=error$/, // SSE instructions refused: x86lab encodes none
  /^-mlfence-after-load=no$/, // the default
  /^--size-check=error$/, // the default
  // Options that choose among SSE/AVX/AVX-512 encodings only: x86lab encodes no vector
  // instruction, so there is nothing for them to change (such a line is refused either way).
  /^-msse2avx$/, /^-mavxscalar=(?:128|256)$/, /^-mvexwig=(?:0|1)$/, /^-mevexlig=(?:128|256|512)$/,
  /^-mevexwig=(?:0|1)$/, /^-mevexrcig=(?:rne|rd|ru|rz)$/, /^-muse-unaligned-vector-move$/,
  // Operand and SSE checks only choose between silence, warnings and errors.
  /^-msse-check=(?:none|warning)$/, /^-moperand-check=warning$/,
];

/** -mOPTION=yes|no switches, to the field each sets. */
const YES_NO: Readonly<Record<string, (o: MutableGasOptions, yes: boolean) => void>> = {
  '-momit-lock-prefix': (o, yes) => { o.omitLockPrefix = yes; },
  '-mfence-as-lock-add': (o, yes) => { o.fenceAsLockAdd = yes; },
  '-mrelax-relocations': (o, yes) => { o.noRelaxRelocations = !yes; },
  '-mx86-used-note': (o, yes) => { o.usedNote = yes; },
  '-mlfence-after-load': (o, yes) => { o.lfenceAfterLoad = yes; },
};

/**
 * Applies one GNU as option (`-march=...`, `-O2`, ...) to `o`. Returns false for an option this
 * module does not know, leaving `o` untouched.
 */
export function applyGasOption(o: MutableGasOptions, arg: string): boolean {
  if (IGNORED.some((r) => r.test(arg))) return true;
  if (arg === '--strip-local-absolute') { o.stripLocalAbsolute = true; return true; }
  if (arg === '-madd-bnd-prefix') { o.addBndPrefix = true; return true; }
  if (debugOption(o, arg)) return true;
  if (arg === '-mintel64') { o.intel64 = true; return true; }
  const notes = /^--generate-missing-build-notes=(yes|no)$/.exec(arg);
  if (notes) { o.buildNotes = notes[1] === 'yes'; return true; }
  if (arg === '-n') { o.noAlignNops = true; return true; }
  if (arg === '--size-check=warning') { o.sizeCheckWarning = true; return true; }
  if (arg === '-mshared') { o.shared = true; return true; }
  if (arg === '-mmnemonic=intel') { o.intelMnemonic = true; return true; }
  const stt = /^--elf-stt-common=(yes|no)$/.exec(arg);
  if (stt) { o.elfSttCommon = stt[1] === 'yes'; return true; }
  if (arg === '-moperand-check=error' || arg === '-moperand-check=none') { o.operandCheck = arg === '-moperand-check=error' ? 'error' : 'none'; return true; }
  let m = /^-march=(.*)$/.exec(arg);
  if (m) { o.march = m[1]; return true; }
  m = /^-mtune=(.*)$/.exec(arg);
  if (m) { o.mtune = m[1]; return true; }
  m = /^-O(\d*|s)$/.exec(arg);
  if (m) { o.optimize = m[1] === 's' ? { level: 1, space: true } : { level: m[1] === '' ? 1 : Math.min(2, Number(m[1])), space: false }; return true; }
  m = /^-mlfence-before-ret=(none|or|not|shl|yes)$/.exec(arg);
  if (m) { o.lfenceBeforeRet = m[1] === 'yes' ? 'shl' : m[1] as RetHardening; return true; }
  m = /^-mlfence-before-indirect-branch=(none|all|register|memory)$/.exec(arg);
  if (m) { o.lfenceBeforeIndirect = m[1] as BranchHardening; return true; }
  if (alignBranchOption(o, arg)) return true;
  m = /^(-m[a-z0-9-]+)=(yes|no)$/.exec(arg);
  if (m && YES_NO[m[1]]) { YES_NO[m[1]](o, m[2] === 'yes'); return true; }
  return false;
}

/** -g, --gdwarf-N, --compress-debug-sections[=...], --nocompress-debug-sections (GNU 2.40's set; zstd is not built in). */
function debugOption(o: MutableGasOptions, arg: string): boolean {
  let m: RegExpExecArray | null;
  if (arg === '-g' || arg === '--gen-debug') o.dwarf = 2; // the last one wins: -gdwarf-5 -g is DWARF 2
  else if ((m = /^--?gdwarf-([2-5])$/.exec(arg))) o.dwarf = Number(m[1]) as 2 | 3 | 4 | 5;
  else if ((m = /^--compress-debug-sections(?:=(none|zlib|zlib-gabi|zlib-gnu))?$/.exec(arg))) {
    if (m[1] === 'none') delete o.compressDebug;
    else o.compressDebug = m[1] === 'zlib-gnu' ? 'zlib-gnu' : 'zlib';
  } else if (arg === '--nocompress-debug-sections') delete o.compressDebug;
  else return false;
  return true;
}

/** -malign-branch-boundary=N (0: off), -malign-branch=T+T..., -malign-branch-prefix-size=N. */
function alignBranchOption(o: MutableGasOptions, arg: string): boolean {
  const p = { ...o.alignBranchParts };
  let m: RegExpExecArray | null;
  if (arg === '-mbranches-within-32B-boundaries') Object.assign(p, { boundary: 32, types: ['jcc', 'fused', 'jmp'], prefixSize: 5 });
  else if ((m = /^-malign-branch-boundary=(\d+)$/.exec(arg)) && (m[1] === '0' || (Number(m[1]) >= 16 && (Number(m[1]) & (Number(m[1]) - 1)) === 0))) p.boundary = Number(m[1]);
  else if ((m = /^-malign-branch=([a-z+]+)$/.exec(arg)) && m[1].split('+').every((t) => (BRANCH_TYPES as readonly string[]).includes(t))) p.types = m[1].split('+') as BranchType[];
  else if ((m = /^-malign-branch-prefix-size=([0-5])$/.exec(arg))) p.prefixSize = Number(m[1]);
  else return false;
  o.alignBranchParts = p;
  // GNU takes a boundary of 16 or more, a power of two; 0 turns the padding off.
  const b = p.boundary ?? 0;
  if (b >= 16 && (b & (b - 1)) === 0) o.alignBranch = { boundary: b, types: p.types ?? ['jcc', 'fused', 'jmp'], prefixSize: p.prefixSize ?? 5 };
  else delete o.alignBranch;
  return true;
}

/** GNU's fatal message for options that cannot work together with the mode, if any. */
export function gasOptionsError(mode: 32 | 64, o: GasOptions): string | undefined {
  try {
    initialArch(mode, o.march, o.mtune);
  } catch (e) {
    if (e instanceof ArchOptionError) return e.message;
    throw e;
  }
  return undefined;
}

/** The CPU state the options start the file with (GNU's default where they are bad). */
export function archContext(mode: 32 | 64, o: GasOptions): ArchContext {
  return new ArchContext(mode, gasOptionsError(mode, o) === undefined ? initialArch(mode, o.march, o.mtune) : initialArch(mode));
}

/** -mshared: a jump to this symbol is not relaxed (a global of default visibility; measured). */
export function sharedPreemptible(o: GasOptions, sym: { readonly binding: string; readonly visibility?: string } | undefined): boolean {
  return o.shared === true && sym !== undefined && sym.binding === 'global' && sym.visibility === undefined;
}

/** The options that act on the finished assembly (the symbol table GNU writes). */
export function afterAssembly<R extends AssembleResult>(r: R, o: GasOptions | undefined): R {
  let out = r;
  // --elf-stt-common=yes: `.comm` symbols (not `.tls_common` ones) are STT_COMMON (measured).
  if (o?.elfSttCommon) out = { ...out, symbols: out.symbols.map((s) => (s.section === '*COM*' && s.type === 'object' ? { ...s, type: 'common' } : s)) };
  if (o?.stripLocalAbsolute) out = { ...out, symbols: out.symbols.filter((s) => !(s.section === '*ABS*' && s.binding === 'local')) };
  // The relaxable GOT relocations become the plain ones (the field's bytes are the same).
  if (o?.noRelaxRelocations) out = { ...out, relocations: out.relocations.map((x) => (NOT_RELAXABLE[x.type] ? { ...x, type: NOT_RELAXABLE[x.type] } : x)) };
  return out;
}

const NOT_RELAXABLE: Readonly<Record<string, string>> = {
  R_X86_64_GOTPCRELX: 'R_X86_64_GOTPCREL', R_X86_64_REX_GOTPCRELX: 'R_X86_64_GOTPCREL', R_386_GOT32X: 'R_386_GOT32',
};
