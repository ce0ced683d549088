// The encoder's entry points: one parsed AT&T instruction in, GNU as 2.40's bytes (and fixups) out.
// Spelling lookup and mode checks here; operand matching in match.ts, bytes in emit.ts, GNU's error
// messages in messages.ts.

import { BY_MNEMONIC } from '../isa/lookup.js';
import type { Form, Mode } from '../isa/types.js';
import type { RegInfo } from '../isa/registers.js';
import type { AsmInsn, AsmOperand, Encoded, EncodeOptions } from './types.js';
import { EncodeError } from './errors.js';
import { encodeAddress, isConst } from './modrm.js';
import { type Cand, type Ctx, type Match, CandList, SUFFIX_SIZE, candidatesFor, candidatesInMode, findMatch, findMatchIn, formMode } from './match.js';
import { NO_PREFIXES, parsePrefixes, type PrefixState } from './prefixes.js';
import { explainMismatch, modeError } from './messages.js';
import { emit } from './emit.js';
import { clrAsXor, clrXorMnemonic } from './clr.js';
import { branchTargetSegment } from './branch-seg.js';

export { candidatesFor } from './match.js';

function baseMnem(insn: AsmInsn, cands: readonly Cand[]): string {
  const c = cands.find((x) => x.sfx);
  // (inb/inw/outb/outw/xlatb are table spellings of in/out/xlat plus a suffix; GNU names the base.)
  if (/^((in|out)[bw]|xlatb)$/.test(insn.mnemonic)) return insn.mnemonic.slice(0, -1);
  return c && !cands.some((x) => !x.sfx) ? insn.mnemonic.slice(0, -1) : insn.mnemonic;
}

/** Facts about a spelling that do not depend on the operands (cached per mnemonic). */
interface Spelling {
  readonly cands: readonly Cand[];
  /** The name GNU uses in messages (the mnemonic without a stripped suffix). */
  readonly name: string;
  /** The spelling itself states the operand size (a stripped suffix, or inb/inw/outb/outw). */
  readonly sized: boolean;
  readonly movabs: boolean;
  /** Some form of the spelling is a string instruction (movs, lods, ...: their addresses are checked later). */
  readonly string: boolean;
  /** lea: an out-of-range displacement is truncated, not an error, for a 32/16-bit destination. */
  readonly lea: boolean;
  /** GNU's DefaultSize/IgnoreSize templates (QUIET) and those that warn in 64-bit code anyway (WARN_64), by name. */
  readonly quiet: boolean;
  readonly warn64: boolean;
  /** Per mode (16, 32, 64) and -mintel64 (+1): the candidates valid there, with their per-shape memo. */
  readonly inMode: (CandList | undefined)[];
}

/** The spelling's candidates in a mode: all of them with -mintel64, else without the Intel64-only rows. */
function inModeList(sp: Spelling, mnemonic: string, mode: Mode, intel64: boolean): CandList {
  const k = (mode === 16 ? 0 : mode === 32 ? 2 : 4) + (intel64 ? 1 : 0);
  let l = sp.inMode[k];
  if (!l) {
    const all = candidatesInMode(mnemonic, mode);
    l = new CandList(intel64 || !all.some((c) => c.form.intel64) ? all : all.filter((c) => !c.form.intel64), mode);
    sp.inMode[k] = l;
  }
  return l;
}

const spellings = new Map<string, Spelling>();

function spelling(mnemonic: string): Spelling {
  let sp = spellings.get(mnemonic);
  if (!sp) {
    const cands = candidatesFor(mnemonic);
    const name = baseMnem({ mnemonic, prefixes: [], operands: [] }, cands);
    sp = {
      cands,
      name,
      quiet: QUIET.has(name),
      warn64: WARN_64.has(name),
      inMode: [],
      // (inb/inw/outb/outw are table spellings of in/out + suffix, so they count as suffixed.)
      sized: (cands.some((c) => c.sfx) && !cands.some((c) => !c.sfx)) || /^(in|out)[bw]$/.test(mnemonic),
      movabs: mnemonic.startsWith('movabs'),
      string: cands.some((c) => !!c.form.rep || c.form.sem === 'xlat'),
      lea: cands.some((c) => c.form.sem === 'lea'),
    };
    spellings.set(mnemonic, sp);
  }
  return sp;
}

/**
 * Does the encoder know `mnemonic` at all (in some mode)? The answer encodeInstruction's
 * 'no-such-insn' error gives, without making an error object (each one captures a stack trace).
 */
export function knownMnemonic(mnemonic: string): boolean {
  return clrXorMnemonic(mnemonic) !== undefined || spelling(mnemonic.toLowerCase()).cands.length > 0;
}

/**
 * The checks GNU makes on the mnemonic alone, before it reads any operand: throws EncodeError
 * ('no-such-insn' or a mode error such as "`movslq' is only supported in 64-bit mode").
 */
export function checkMnemonic(mnemonic: string, mode: Mode): void {
  // (Asked once per instruction: a spelling that passed once in a mode always passes there.)
  const ok = checkedOk[mode === 64 ? 2 : mode === 32 ? 1 : 0];
  if (ok.has(mnemonic)) return;
  checkSpelling(mnemonic, mode);
  ok.add(mnemonic);
}

/** Spellings checkMnemonic() passed, per mode (16, 32, 64). */
const checkedOk = [new Set<string>(), new Set<string>(), new Set<string>()];

function checkSpelling(mnemonic: string, mode: Mode): void {
  const xor = clrXorMnemonic(mnemonic);
  if (xor) {
    try {
      checkMnemonic(xor, mode);
    } catch (e) {
      throw e instanceof EncodeError ? new EncodeError(e.message.replace(`\`${xor}'`, `\`${mnemonic}'`), e.code) : e;
    }
    return;
  }
  const m = mnemonic.toLowerCase();
  const cands = spelling(m).cands;
  if (!cands.length) throw new EncodeError(`no such instruction: \`${mnemonic}'`, 'no-such-insn');
  // A `q' spelling reached only by stripping the suffix is 64-bit only, whatever the operands (shlq
  // %rax in 32-bit code is this error, not a bad register). movq is also an MMX/SSE mnemonic.
  if (mode !== 64 && m.endsWith('q') && m !== 'movq' && cands.every((c) => c.sfx)) throw new EncodeError(`\`${mnemonic}' is only supported in 64-bit mode`, 'mode');
  if (candidatesInMode(m, mode).length) return;
  // `loopnew` in 64-bit code: whether that is a suffix or an operand-count error depends on the operands.
  const base = m.slice(0, -1);
  const suffixCase = m.length > 1 && m[m.length - 1] in SUFFIX_SIZE && !(mode !== 64 && m.endsWith('q')) &&
    (BY_MNEMONIC.get(base) ?? []).some((f) => f.modes.includes(formMode(mode)));
  if (!suffixCase) modeError(m, mode, 0, cands);
}

/** Encode one instruction. Throws EncodeError with GNU as's message when GNU as would reject it. */
/**
 * GNU's DefaultSize templates (far return, iret, pusha/popa) and IgnoreSize ones (smsw/str/sldt) never
 * warn about a missing suffix, except that in 64-bit mode a template that takes both `l` and `q`
 * (lret/retf with or without an immediate, iret, sysret, sysexit) always does (tc-i386.c process_suffix).
 */
// (cvtsi2ss/cvtsi2sd with a memory source take l quietly too: measured.)
const QUIET = new Set(['lret', 'retf', 'iret', 'pusha', 'popa', 'smsw', 'str', 'sldt', 'cvtsi2ss', 'cvtsi2sd']);
const WARN_64 = new Set(['lret', 'retf', 'iret', 'sysret', 'sysexit']);
const defaultWarning = (name: string): string => `no instruction mnemonic suffix given and no register operands; using default for \`${name}'`;

export function encodeInstruction(insn: AsmInsn, opts: EncodeOptions): Encoded {
  const clr = clrAsXor(insn) ?? branchTargetSegment(insn);
  if (clr) return encodeInstruction(clr, opts);
  const mode = opts.mode;
  const mnemonic = insn.mnemonic.toLowerCase();
  const sp = spelling(mnemonic);
  const cands = sp.cands;
  if (!cands.length) throw new EncodeError(`no such instruction: \`${insn.mnemonic}'`, 'no-such-insn');
  const name = sp.name;
  if (mode !== 64 && mnemonic.startsWith('movabs')) throw new EncodeError(`\`movabs' is only supported in 64-bit mode`, 'mode');
  const inList = inModeList(sp, mnemonic, mode, !!opts.intel64);
  const inMode = inList.cands;
  const ops = insn.operands;
  if (opts.intel64 && mode === 64) intel64NearBranch(mnemonic, name, ops);
  if (!inMode.length) modeError(mnemonic, mode, ops.length, cands);
  if (name === 'push' || name === 'pop') segPushPop(name, ops, mode);
  let noGpr = true;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i];
    if (mode !== 64) checkRegsMode(o, mode);
    if (o.kind === 'reg' && o.reg.cls === 'gpr') noGpr = false;
  }
  const pfx = insn.prefixes.length ? parsePrefixes(insn.prefixes, mode) : NO_PREFIXES;
  const movabs = sp.movabs;
  // With no suffix and no register, GNU guesses a 16-bit operation in .code16 (or under data16 in 32/64-bit
  // code) and reads an immediate as a 16-bit value: `push $0xffff` there is 6A FF.
  const sized = !noGpr || sp.sized || (mode === 16) !== !!pfx.data16;
  const ctx: Ctx = { mode, movabs, addr32: pfx.addr === 32, ignoreRegSize: false, noGpr, sized, suffixed: name !== mnemonic };

  let m: Match | undefined;
  if (pfx.hle || pfx.data16) {
    const r = prefixedMatch(insn, inList, cands, ctx, pfx, opts, name);
    if (r.enc) return r.enc;
    m = r.m;
  } else m = findMatchIn(inList, ops, ctx);
  if (m && insn.pseudo && ops.length === 2) m = loadStore(m, insn.pseudo, inMode, ops, ctx);
  const warnings: string[] = [];
  if (m?.form.warn) formWarning(m, pfx, warnings);
  // (Under data16 GNU takes the 16-bit size as given: never the default-suffix warning.)
  if (m && mode === 64 && mnemonic === name && sp.warn64) { if (!pfx.data16) warnings.push(defaultWarning(name)); }
  // crc32's suffix names the source: a memory source without one takes the default (l, q), warned.
  else if (m && name === 'crc32' && ops[0]?.kind === 'mem') warnings.push(defaultWarning(name));
  else if (m && m.unpinned && !sp.quiet && !suffixedForm(cands, m.form)) m = defaultSuffix(m, inList, ops, ctx, pfx, warnings, name);
  if (!m) throw noMatch(insn, sp, cands, inMode, ctx, mnemonic, name);
  return emit(m, insn, pfx, opts, warnings, name);
}

// The parts of encodeInstruction() that few instructions need, out of line: it stays small enough for
// V8 to optimize early, and code a file never reaches is never compiled.

/**
 * No suffix and no register: if other sizes would also have matched, GNU uses the default suffix.
 * GNU decides this from the mnemonic's templates, not from which of them would fit the operands.
 */
function defaultSuffix(m: Match, inList: CandList, ops: readonly AsmOperand[], ctx: Ctx, pfx: PrefixState, warnings: string[], name: string): Match | undefined {
  if (inList.sizesFor(ops.length) <= 1) return m;
  const mode = ctx.mode;
  const stack = m.form.osz === 'd64' || m.form.osz === 'f64';
  const def = mode === 16 ? 16 : stack && mode === 64 ? 64 : 32;
  const d = findMatchIn(inList, ops, ctx, def);
  // A segment register sizes nothing but still counts as a register operand for GNU (no warning).
  const sreg = ops.some((o) => o.kind === 'reg' && o.reg.cls === 'seg');
  if (!stack && !sreg && d && !pfx.data16) warnings.push(defaultWarning(name));
  return d;
}

/** push/pop of a segment register the mode cannot push or pop. */
function segPushPop(name: string, ops: readonly AsmOperand[], mode: Mode): void {
  if (ops.length === 1 && ops[0].kind === 'reg' && ops[0].reg.cls === 'seg') {
    const sr = ops[0].reg.name;
    if ((mode === 64 && sr !== 'fs' && sr !== 'gs') || (name === 'pop' && sr === 'cs')) throw new EncodeError(`you can't \`${name} %${sr}'`);
  }
}

/** The match under an HLE or data16 prefix (or, for data16 alone, the whole answer). */
function prefixedMatch(insn: AsmInsn, inList: CandList, cands: readonly Cand[], ctx: Ctx, pfx: PrefixState, opts: EncodeOptions, name: string): { m: Match | undefined; enc?: Encoded } {
  const ops = insn.operands;
  const inMode = inList.cands;
  // `xrelease mov %al,0x1234`: HLE is allowed on the ModRM store (88/89), so GNU passes over the
  // moffs templates (A2/A3) for it.
  const hleCands = pfx.hle ? inMode.filter((c) => !c.form.operands.some((o) => o.kind === 'moffs')) : inMode;
  // data16 in 32/64-bit code on an instruction no suffix or register sizes: a 16-bit operation whose
  // 66h is that prefix (GNU: no default-suffix warning; `data16 push $0x1234` is 66 68 34 12).
  if (pfx.data16 && ctx.mode !== 16 && ctx.noGpr && cands.every((c) => !c.sfx)) {
    const m16 = pfx.hle ? findMatch(hleCands, ops, ctx, 16) : findMatchIn(inList, ops, ctx, 16);
    if (m16?.size === 16) return { m: m16, enc: emit(m16, insn, { ...pfx, data16: false }, opts, [], name) };
  }
  return { m: pfx.hle ? findMatch(hleCands, ops, ctx) : findMatchIn(inList, ops, ctx) };
}

/**
 * `{load}`/`{store}`: between the two register-to-register encodings (8B/89, 03/01, ...), the one
 * whose ModRM.reg is the destination (load) or the source (store).
 */
function loadStore(m: Match, pseudo: readonly string[], inMode: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx): Match {
  if (!ops.every((o) => o.kind === 'reg')) return m;
  const want = pseudo.includes('load') ? 'reg' : pseudo.includes('store') ? 'rm' : undefined;
  const dest = (c: Cand): string | undefined => c.form.operands[c.form.operands.length - 1]?.loc;
  if (want && dest({ form: m.form, sfx: '' } as Cand) !== want) {
    const alt = findMatch(inMode.filter((c) => dest(c) === want && c.form.operands.some((o) => o.loc === 'rm')), ops, ctx);
    if (alt) return alt;
  }
  return m;
}

/** A row's own warning (x87 forms GNU warns about), with the %st register it names. */
function formWarning(m: Match, pfx: PrefixState, warnings: string[]): void {
  const warn = m.form.warn!;
  if (pfx.data16 && warn.startsWith('no instruction mnemonic suffix')) return;
  const st = m.ops.find((o) => o?.kind === 'reg' && o.reg.cls === 'st');
  warnings.push(warn.replace('#', String(st?.kind === 'reg' ? st.reg.num : 0)));
}

/** GNU's error for operands no row takes (checking addresses first, as GNU does while reading them). */
function noMatch(insn: AsmInsn, sp: Spelling, cands: readonly Cand[], inMode: readonly Cand[], ctx: Ctx, mnemonic: string, name: string): EncodeError {
  const ops = insn.operands;
  const mode = ctx.mode;
  {
    // GNU checks each address while reading the operands, before it looks for a form, so a bad address
    // is the error to report. (On success emit() checks them anyway.) String instructions get their own,
    // laxer check; only the displacement range applies to them here.
    for (const o of ops) {
      const port = o.kind === 'mem' && o.base?.name === 'dx' && !o.index && !o.disp; // in/out's (%dx)
      if (o.kind !== 'mem' || (!o.base && !o.index) || port) continue;
      if (!sp.string) encodeAddress(o, mode, mode, sp.lea);
      else if (o.base?.size === 64 && o.disp && isConst(o.disp)) encodeAddress({ ...o, index: undefined }, mode, mode);
    }
    // `movq' is also an MMX/SSE mnemonic in GNU's table, which it tries first and names in the message.
    // GNU calls a lone register operand of an x87 form (fld %eax, fldt %st(1)), or a general register
    // among its operands (fcomi %st(1),%eax), a size mismatch.
    const x87Reg = (ops.length === 1 && ops[0].kind === 'reg') || ops.some((o) => o.kind === 'reg' && o.reg.cls !== 'st');
    if (x87Reg && inMode.some((c) => c.form.sem.startsWith('x87:') && c.form.operands.length === ops.length)) {
      return new EncodeError(`operand size mismatch for \`${name}'`);
    }
    if (mnemonic === 'movq') return new EncodeError(mode === 64 ? explainMismatch(insn, cands, inMode, ops, ctx, 'movq').message : "operand type mismatch for `movq'");
    return explainMismatch(insn, cands, inMode, ops, ctx, name);
  }
}

/** Is `form` among the candidates found by stripping a suffix? (A loop: no closure per instruction.) */
function suffixedForm(cands: readonly Cand[], form: Form): boolean {
  for (let i = 0; i < cands.length; i++) if (cands[i].sfx && cands[i].form === form) return true;
  return false;
}

function checkRegsMode(o: AsmOperand, mode: Mode): void {
  const regs: RegInfo[] = [];
  // %cr8 outside 64-bit mode is reachable with a LOCK prefix (AMD's alternative encoding); GNU uses it.
  if (o.kind === 'reg' && o.reg.cls === 'cr' && o.reg.num === 8) return;
  if (o.kind === 'reg') regs.push(o.reg);
  else if (o.kind === 'mem') {
    if (o.base) regs.push(o.base);
    if (o.index) regs.push(o.index);
    if (o.seg) regs.push(o.seg);
  }
  for (const r of regs) {
    if (mode !== 64 && r.only64) throw new EncodeError(`bad register name \`%${r.name}'`);
  }
}

/**
 * -mintel64: Intel 64 has no 16-bit near call, jmp or ret in 64-bit mode (SDM Vol. 2A CALL/JMP/RET:
 * 66h is ignored there, where AMD64 honours it), so GNU refuses a `w` suffix and a 16-bit register
 * target with its messages (measured on GNU as 2.40).
 */
function intel64NearBranch(mnemonic: string, name: string, ops: readonly AsmOperand[]): void {
  if (name !== 'call' && name !== 'jmp' && name !== 'ret') return;
  if (mnemonic === `${name}w`) throw new EncodeError(`invalid instruction suffix for \`${name}'`);
  if (name !== 'ret' && ops.length === 1 && ops[0].kind === 'reg' && ops[0].reg.size === 16) {
    throw new EncodeError(`operand size mismatch for \`${name}'`);
  }
}
