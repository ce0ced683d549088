// The CPU being assembled for: -march=CPU[+EXT...], -mtune=CPU and the `.arch` directive. What
// it changes in the bytes is the NOP padding GNU as 2.40 writes for alignment and `.nops`: the
// long `0f 1f` NOPs (for CPUs that have them) or the i386 `lea` forms. The rules below were
// measured with `as --32/--64` over every CPU name and option mix (test/asm/arch-nops.test.ts
// re-checks them against GNU): each padding uses the state in force where it is written.

import { withExtension } from './arch-check.js';

/** GNU's processor classes (its tuning groups); only the NOP choice depends on them here. */
export type Proc = 'i386' | 'i486' | 'pentium' | 'pentiumpro' | 'pentium4' | 'nocona' | 'core' | 'core2' | 'corei7'
  | 'iamcu' | 'k6' | 'athlon' | 'k8' | 'amdfam10' | 'bd' | 'znver' | 'bt' | 'generic32' | 'generic64';

export interface Cpu {
  readonly proc: Proc;
  /** Has the long NOP (0f 1f /0): GNU's `nop` extension is part of the CPU. */
  readonly nop: boolean;
  /** Has long mode: `-march=CPU` with --64 is refused otherwise. */
  readonly lm: boolean;
}

const cpu = (proc: Proc, nop: boolean, lm = false): Cpu => ({ proc, nop, lm });

/** The CPU names GNU as 2.40 takes (`as --help`), measured for NOPs and 64-bit support. */
export const CPUS: ReadonlyMap<string, Cpu> = new Map([
  ['generic32', cpu('generic32', false)], ['generic64', cpu('generic64', true, true)],
  ['i386', cpu('i386', false)], ['i486', cpu('i486', false)], ['i586', cpu('pentium', false)], ['pentium', cpu('pentium', false)],
  ['i686', cpu('pentiumpro', false)], ['pentiumpro', cpu('pentiumpro', true)], ['pentiumii', cpu('pentiumpro', true)],
  ['pentiumiii', cpu('pentiumpro', true)], ['pentium4', cpu('pentium4', true)], ['prescott', cpu('nocona', true)],
  ['nocona', cpu('nocona', true, true)], ['core', cpu('core', true)], ['core2', cpu('core2', true, true)],
  ['corei7', cpu('corei7', true, true)], ['iamcu', cpu('iamcu', false)], ['k6', cpu('k6', false)], ['k6_2', cpu('k6', false)],
  ['athlon', cpu('athlon', true)], ['opteron', cpu('k8', true, true)], ['k8', cpu('k8', true, true)],
  ['amdfam10', cpu('amdfam10', true, true)], ['bdver1', cpu('bd', true, true)], ['bdver2', cpu('bd', true, true)],
  ['bdver3', cpu('bd', true, true)], ['bdver4', cpu('bd', true, true)], ['znver1', cpu('znver', true, true)],
  ['znver2', cpu('znver', true, true)], ['znver3', cpu('znver', true, true)], ['znver4', cpu('znver', true, true)],
  ['btver1', cpu('bt', true, true)], ['btver2', cpu('bt', true, true)],
]);

/** CPUs only `.arch` names (not -march=): before the 386, so no near conditional jumps. */
const PRE386: ReadonlyMap<string, Cpu> = new Map([['i8086', cpu('i386', false)], ['i186', cpu('i386', false)], ['i286', cpu('i386', false)]]);

/** The extensions GNU as 2.40 names (`as --help`); each may be prefixed with `no`. */
export const EXTENSIONS: ReadonlySet<string> = new Set(('8087 287 387 687 cmov fxsr mmx sse sse2 sse3 sse4a ssse3 sse4.1 sse4.2 sse4 avx avx2 '
  + 'avx512f avx512cd avx512er avx512pf avx512dq avx512bw avx512vl vmx vmfunc smx xsave xsaveopt xsavec xsaves aes pclmul '
  + 'fsgsbase rdrnd f16c bmi2 fma fma4 xop lwp movbe cx16 ept lzcnt popcnt hle rtm tsx invpcid clflush nop syscall rdtscp '
  + '3dnow 3dnowa padlock svme abm bmi tbm adx rdseed prfchw smap mpx sha clflushopt prefetchwt1 se1 clwb avx512ifma '
  + 'avx512vbmi avx512_4fmaps avx512_4vnniw avx512_vpopcntdq avx512_vbmi2 avx512_vnni avx512_bitalg avx_vnni clzero mwaitx '
  + 'ospke rdpid ptwrite ibt shstk gfni vaes vpclmulqdq wbnoinvd pconfig waitpkg cldemote amx_int8 amx_bf16 amx_fp16 '
  + 'amx_tile movdiri movdir64b avx512_bf16 avx512_vp2intersect tdx enqcmd serialize rdpru mcommit sev_es tsxldtrk kl '
  + 'widekl uintr hreset avx512_fp16 prefetchi avx_ifma avx_vnni_int8 cmpccxadd wrmsrns msrlist avx_ne_convert rao_int '
  + 'rmpquery').split(' '));
/** Disabling names GNU lists apart (`no87`, and -march's `nommx`, `nosse`, `noavx`). */
const NO_FORMS: ReadonlySet<string> = new Set(['no87', 'nommx', 'nosse', 'noavx']);

/** Tunings that pick the long NOPs when no CPU was chosen (-mtune alone); the rest pick `lea`. */
const LONG_NOP_TUNES: ReadonlySet<Proc> = new Set(['pentium4', 'nocona', 'core', 'core2', 'corei7', 'generic64', 'k6', 'athlon', 'k8', 'amdfam10', 'bd', 'znver', 'bt']);

/** One point of the CPU state: what `.arch push` saves. */
export interface ArchState {
  /** The CPU chosen by -march= or `.arch` (undefined: none, GNU's default). */
  readonly isa?: Proc;
  /** The tuning: -mtune=, else the chosen CPU's. */
  readonly tune?: Proc;
  /** -mtune= was given: `.arch` and `.arch default` leave the tuning alone. */
  readonly tuneSet: boolean;
  /** The chosen CPU has no long mode (`.code64` is then refused): its name as written. */
  readonly noLongMode?: string;
  /** `.arch i8086|i186|i286`: conditional jumps have only the short form (GNU's no Jump386). */
  readonly pre386?: boolean;
  /** `.arch CPU,nojumps`: an out-of-reach conditional jump to another section or an undefined
   *  symbol stays short (with a PC8 relocation) instead of becoming a jump over a jmp. */
  readonly nojumps?: boolean;
  /** The long NOP is in the ISA GNU tunes NOPs for (its isa flags). */
  readonly nop: boolean;
  /**
   * The long NOP is among the instructions accepted (GNU's arch flags: everything when no CPU was
   * chosen). Disabling any extension copies these into the ISA, so with no CPU chosen `.arch
   * .nommx` turns the long NOPs on (measured).
   */
  readonly allowNop: boolean;
  /** The CPU chosen, as named (undefined: none): which instructions it has (arch-check.ts). */
  readonly cpu?: string;
  /** `.EXT`/`.noEXT` that changed the instruction set since, as GNU appends them to the CPU's name. */
  readonly sub?: string;
  /** Extensions given on top of the CPU, and those taken away. */
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
}

/** Raised for a bad -march=/-mtune= value (GNU: a fatal error before any input is read). */
export class ArchOptionError extends Error {}

/** GNU's default: no CPU chosen; the x86-64 default ISA includes the long NOP, i386's does not. */
function defaultState(mode: 32 | 64, tune?: Proc): ArchState {
  return { tuneSet: tune !== undefined, nop: mode === 64, allowNop: true, ...(tune ? { tune } : {}) };
}

/** Applies `ext` or `noext` (an extension name as -march=+ext and `.arch .ext` give it). */
function extension(s: ArchState, name: string): ArchState | undefined {
  if (NO_FORMS.has(name) || (name.startsWith('no') && EXTENSIONS.has(name.slice(2)))) {
    const n = name === 'nonop' ? { ...s, nop: false, allowNop: false } : { ...s, nop: s.allowNop };
    return withExtension(n, name === 'no87' ? '8087' : name.slice(2), true, name);
  }
  if (EXTENSIONS.has(name)) return withExtension(name === 'nop' ? { ...s, nop: true, allowNop: true } : s, name, false, name);
  return undefined;
}

function choose(s: ArchState, name: string, directive = false): ArchState | undefined {
  const c = CPUS.get(name) ?? (directive ? PRE386.get(name) : undefined);
  if (!c) return undefined;
  const { pre386: _p, nojumps: _n, noLongMode: _l, sub: _s, added: _a, removed: _r, ...rest } = s;
  return {
    ...rest, cpu: name, isa: c.proc, nop: c.nop, allowNop: c.nop, ...(s.tuneSet ? {} : { tune: c.proc }),
    ...(PRE386.has(name) ? { pre386: true } : {}), ...(c.lm ? {} : { noLongMode: name }),
  };
}

/** The state -march= and -mtune= give at the start of the file. */
export function initialArch(mode: 32 | 64, march?: string, mtune?: string): ArchState {
  let tune: Proc | undefined;
  if (mtune !== undefined) {
    const c = CPUS.get(mtune);
    if (!c) throw new ArchOptionError(`invalid -mtune= option: \`${mtune}'`);
    tune = c.proc;
  }
  let s = defaultState(mode, tune);
  if (march === undefined) return s;
  // -march=CPU+EXT+noEXT..., or -march=+EXT... with no CPU.
  const [first, ...exts] = march.split('+');
  if (first !== '') {
    const c = choose(s, first);
    if (!c) throw new ArchOptionError(`invalid -march= option: \`${march}'`);
    if (mode === 64 && !CPUS.get(first)!.lm) throw new ArchOptionError(`64bit mode not supported on \`${first}'.`);
    s = c;
  }
  for (const e of exts) {
    const n = extension(s, e);
    if (!n) throw new ArchOptionError(`invalid -march= option: \`${march}'`);
    s = n;
  }
  return s;
}

/** Per assembly: the current state, its `.arch push` stack and the state `.arch default` restores. */
export class ArchContext {
  private readonly stack: ArchState[] = [];
  cur: ArchState;
  constructor(private readonly mode: 32 | 64, readonly start: ArchState) { this.cur = start; }

  /**
   * `.arch CPU[,jumps|nojumps]`, `.arch .EXT`, `.arch .noEXT`, `.arch default|push|pop`.
   * Returns GNU's message for a name it does not know, else undefined.
   */
  directive(text: string): string | undefined {
    const [name, opt] = text.split(',').map((x) => x.trim());
    if (opt !== undefined && opt !== 'jumps' && opt !== 'nojumps') return `junk at end of line, first unrecognized character is \`${text.slice(text.indexOf(',') + 1).trim()[0] ?? ','}'`;
    if (name === 'push') { this.stack.push(this.cur); return undefined; }
    if (name === 'pop') {
      const s = this.stack.pop();
      if (!s) return 'no .arch to pop';
      this.cur = s;
      return undefined;
    }
    // `default` is GNU's state without -march (the -mtune tuning stays).
    if (name === 'default') { this.cur = defaultState(this.mode, this.cur.tuneSet ? this.cur.tune : undefined); return undefined; }
    const s = name.startsWith('.') ? extension(this.cur, name.slice(1)) : choose(this.cur, name, true);
    if (!s) return `no such architecture: \`${name}'`;
    this.cur = opt === 'nojumps' ? { ...s, nojumps: true } : s;
    return undefined;
  }
}

/** GNU's error for `.code64` under a CPU without long mode, if any. */
export function code64Error(s: ArchState): string | undefined {
  return s.noLongMode === undefined ? undefined : `64bit mode not supported on \`${s.noLongMode}'.`;
}

/**
 * Which NOPs pad code (not .code16, which has its own): long `0f 1f` or `lea`. `s` is the state
 * where the padding was asked for, `end` the state at the end of the file: padding asked for with
 * no CPU chosen follows the tuning in force at the end (measured: a later `.arch i386` turns it
 * into `lea` padding).
 */
export function nopStyle(s: ArchState, end: ArchState): 'long' | 'lea' {
  if (s.isa === undefined) {
    if (end.tune === undefined) return s.nop ? 'long' : 'lea';
    return LONG_NOP_TUNES.has(end.tune) ? 'long' : 'lea';
  }
  // A chosen CPU: its long NOP if it has one; generic64 tuning always takes it.
  return s.tune === 'generic64' || s.nop ? 'long' : 'lea';
}
