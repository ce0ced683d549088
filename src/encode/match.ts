// Form matching: which table rows a spelling may mean, and whether parsed operands fit a row at an
// operand size. Follows GNU's model: rows spelled like the mnemonic (or like it minus a b/w/l/q suffix),
// tried in table order, first fit wins; the size comes from the suffix, else the registers, else the
// default (32, or 64 for stack and branch forms in 64-bit mode).

import { BY_MNEMONIC, formCount, formSizes } from '../isa/lookup.js';
import type { Form, Mode, OperandDef } from '../isa/types.js';
import type { RegInfo } from '../isa/registers.js';
import type { AsmOperand } from './types.js';
import { isConst } from './modrm.js';
import { fitsS, fitsS32as64, gnuImm, inRange, wrapS } from './values.js';
import { encForm } from './enc-forms.js';

export const SUFFIX_SIZE: Readonly<Record<string, number>> = { b: 8, w: 16, l: 32, q: 64 };

export interface Cand {
  readonly form: Form;
  /** The suffix letter stripped to find this form ('' when the spelling matched as written). */
  readonly sfx: string;
  /** Found by stripping a suffix the form does not take: it names the instruction (for GNU's "invalid
   *  instruction suffix" message) but never matches. */
  readonly bad?: boolean;
}

export const candCache = new Map<string, readonly Cand[]>();

// One cache per mode: 16-bit code (.code16) has its own answers and must not leak into 32-bit code.
export const modeCache = [new Map<string, readonly Cand[]>(), new Map<string, readonly Cand[]>(), new Map<string, readonly Cand[]>()];

/** The table's modes list 32 for code that also runs in 16-bit mode (.code16): same forms, other defaults. */
export const formMode = (mode: Mode): Mode => (mode === 16 ? 32 : mode);

/** candidatesFor() restricted to the forms valid in `mode` (cached). */
export function candidatesInMode(mnemonic: string, mode: Mode): readonly Cand[] {
  const cache = modeCache[mode === 64 ? 1 : mode === 32 ? 0 : 2];
  let c = cache.get(mnemonic);
  if (!c) {
    c = candidatesFor(mnemonic).filter((x) => x.form.modes.includes(formMode(mode)) && !x.bad);
    cache.set(mnemonic, c);
  }
  return c;
}

/** Forms a written mnemonic may mean, in table order. */
export function candidatesFor(mnemonic: string): readonly Cand[] {
  let c = candCache.get(mnemonic);
  if (c) return c;
  const out: Cand[] = [];
  // (The encoder's copies of the rows, all of one object shape: enc-forms.ts. Every Cand has all three fields.)
  for (const form of BY_MNEMONIC.get(mnemonic) ?? []) out.push({ form: encForm(form), sfx: '', bad: false });
  const last = mnemonic[mnemonic.length - 1];
  // movsx/movzx take b/w as the source size (movsxw), spelled out as aliases in the table.
  if (mnemonic.length > 1 && last in SUFFIX_SIZE && !/^mov[sz]x[bw]$/.test(mnemonic)) {
    const base = mnemonic.slice(0, -1);
    // movzx/movsx take no b/w/l/q operand-size suffix (their b/w spellings above name the source).
    const noSuffix = base === 'movzx' || base === 'movsx';
    for (const form of BY_MNEMONIC.get(base) ?? []) {
      if (form.suffix === 'size' && !noSuffix) out.push({ form: encForm(form), sfx: last, bad: false });
      else out.push({ form: encForm(form), sfx: last, bad: true });
    }
  }
  out.sort((a, b) => a.form.index - b.form.index);
  c = out;
  candCache.set(mnemonic, c);
  return c;
}

export interface Match {
  readonly form: Form;
  readonly size: number; // operand size in bits, 0 if the form has none
  /** ops[i] is the operand matched to form.operands[i] (undefined for an omitted implicit `1`). */
  readonly ops: readonly (AsmOperand | undefined)[];
  /** No register pinned the size and a sized memory operand was involved (GNU's default-suffix case). */
  readonly unpinned: boolean;
}

export interface Ctx {
  readonly mode: Mode;
  readonly movabs: boolean;
  readonly addr32: boolean;
  readonly ignoreRegSize: boolean;
  /** No general register among the operands: the operand size is the suffix's or the default. */
  readonly noGpr: boolean;
  /** A suffix or a register operand states the operand size. */
  readonly sized: boolean;
  /** Error analysis only: accept any immediate value. */
  readonly ignoreImm?: boolean;
  /** The mnemonic was written with a size suffix (stripped to find the forms). */
  readonly suffixed?: boolean;
}

export function defSize(d: OperandDef, size: number): number {
  switch (d.size) {
    case 'v': case 'y': return size;
    case 'z': return size === 64 ? 32 : size;
    default: return d.size;
  }
}

export const isBranchForm = (f: Form) => (f.flow === 'jmp' || f.flow === 'call') && f.operands.length === 1 && f.operands[0].loc === 'rm';

export function regOk(r: RegInfo, want: number, ctx: Ctx, size = want): boolean {
  if (r.cls !== 'gpr') return false;
  // Size 0: any 16/32/64-bit register, independent of the operand size (lar/lsl source).
  if (want === 0) return r.size === 16 || r.size === size;
  return ctx.ignoreRegSize || r.size === want;
}

export function matchOp(d: OperandDef, op: AsmOperand, size: number, f: Form, ctx: Ctx): boolean {
  const want = defSize(d, size);
  const branch = isBranchForm(f);
  switch (d.kind) {
    case 'gpr':
      if (op.kind !== 'reg' || (op.indirect && !branch)) return false;
      if (d.size === 'y' && size === 16 && !ctx.ignoreRegSize) return false;
      return regOk(op.reg, want, ctx);
    case 'rm':
      // `jmp %rax` without '*' is accepted (GNU warns), so registers need no '*' on branch forms.
      if (op.kind === 'reg') return (!op.indirect || branch) && regOk(op.reg, want, ctx, size);
      if (op.kind !== 'mem') return false;
      // `jmp 4(%eax)`: a parenthesised memory operand is indirect without '*' too (GNU warns).
      if (op.indirect !== branch && !(branch && !op.bare)) return false;
      return true;
    case 'mem':
      // `ljmp label` (no far direct form takes a bare symbol): the far pointer in memory, GNU warns.
      return op.kind === 'mem' && (op.indirect === branch || (branch && (!op.bare || f.sem.endsWith(':far')))) && !(op.bare && op.disp === undefined && !op.base);
    case 'imm': {
      if (op.kind !== 'imm') return false;
      if (ctx.ignoreImm) return true;
      const v = op.value;
      const c = isConst(v);
      // A symbol's size (`$sym@SIZE`) in a 64-bit operation needs a 64-bit field (R_X86_64_SIZE64):
      // only B8+r has one (GNU: operand type mismatch for the rest).
      if (v.spec === 'size' && size === 64 && d.size !== 'v') return false;
      if (d.sx) {
        // GNU reads the value as a signed 64-bit number; for 16/32-bit operations it first truncates a value
        // that fits 32 bits to the operand size, then asks whether that fits a sign-extended imm8.
        if (!c) return false;
        return fitsS(gnuImm(v.addend, size, ctx.mode, ctx.sized), 8);
      }
      if (d.size === 'v') {
        // B8+r: movabs only takes the 64-bit form; `mov` uses imm64 only when a sign-extended imm32 cannot hold it.
        if (ctx.movabs) return size === 64;
        // A symbol's size (`$sym@SIZE`) in a 64-bit operation is always a 64-bit field (R_X86_64_SIZE64).
        if (size === 64) return (c && !fitsS32as64(v.addend)) || v.spec === 'size';
        return true;
      }
      if (d.size === 'z' && size === 64) return !c || fitsS32as64(v.addend);
      // In 64-bit code a value no 32-bit field can hold is an error unless a suffix/register sized it.
      if (d.size === 'z' && ctx.mode === 64 && !ctx.sized && c) return inRange(wrapS(v.addend, 64), 32);
      if (typeof d.size === 'number' && d.size !== size && c) {
        // A field narrower than the operation (shift count, port, enter/ret imm16) must hold the value,
        // after GNU's truncation of a 32-bit value to a 16/32-bit operand size (`rol $0xffff,%ax` is -1).
        return inRange(gnuImm(v.addend, size, ctx.mode, ctx.sized), d.size);
      }
      return true;
    }
    case 'rel':
      if (op.kind !== 'mem' || !op.bare || op.indirect || op.seg || op.disp === undefined) return false;
      // A rel8-only branch (loop, jcxz) to an absolute address must reach it as an 8-bit value.
      if (d.size === 8 && !f.relaxTo && isConst(op.disp)) return fitsS(wrapS(op.disp.addend, 64), 8);
      return true;
    case 'moffs': {
      if (op.kind !== 'mem' || op.base || op.index || op.indirect || !op.disp) return false;
      // A GOT load takes the ModRM form (8B 05), which the linker may relax (R_386_GOT32X; measured).
      if (op.disp.spec === 'got' && d.access !== 'w') return false;
      if (ctx.mode === 64 && !ctx.movabs) {
        // GNU uses A0-A3 in 64-bit mode for an addr32 absolute address (moffs32), otherwise only when the
        // address does not fit a sign-extended disp32.
        if (ctx.addr32) return true;
        if (!isConst(op.disp)) return false;
        return !fitsS(wrapS(op.disp.addend, 64), 32);
      }
      return true;
    }
    case 'fixed': {
      if (d.reg === 'dx') {
        if (op.kind === 'reg') return op.reg.name === 'dx' && !op.indirect;
        return op.kind === 'mem' && !op.bare && op.base?.name === 'dx' && !op.index && op.disp === undefined && !op.seg;
      }
      if (op.kind !== 'reg' || op.indirect) return false;
      if (d.reg === 'acc') return op.reg.cls === 'gpr' && op.reg.num === 0 && regOk(op.reg, want, ctx);
      return op.reg.name === d.reg;
    }
    case 'one':
      return op.kind === 'imm' && isConst(op.value) && op.value.addend === 1n;
    case 'sreg':
      return op.kind === 'reg' && op.reg.cls === 'seg' && !op.indirect;
    case 'seg':
      return op.kind === 'reg' && op.reg.cls === 'seg' && op.reg.name === d.reg && !op.indirect;
    case 'creg':
      return op.kind === 'reg' && op.reg.cls === 'cr';
    case 'dreg':
      return op.kind === 'reg' && op.reg.cls === 'dr';
    case 'treg':
      return op.kind === 'reg' && op.reg.cls === 'tr';
    case 'far':
      return false;
    case 'bnd':
      return op.kind === 'reg' && op.reg.cls === 'bnd' && !op.indirect;
    case 'st':
      return op.kind === 'reg' && !op.indirect && op.reg.cls === 'st' && (d.loc !== 'implicit' || op.reg.num === 0);
    case 'xmm':
    case 'mmx':
      return op.kind === 'reg' && !op.indirect && op.reg.cls === d.kind;
    case 'xmmrm':
    case 'mmxrm':
      if (op.kind === 'reg') return !op.indirect && op.reg.cls === (d.kind === 'xmmrm' ? 'xmm' : 'mmx');
      return op.kind === 'mem' && !op.indirect;
  }
}

/** Does a register operand at this def pin the operand size? */
export function pins(d: OperandDef, op: AsmOperand | undefined): boolean {
  if (!op || op.kind !== 'reg' || op.reg.cls !== 'gpr' || d.size === 0) return false;
  if (typeof d.size === 'number' && d.kind !== 'fixed') return d.size === 8 || op.reg.size === d.size;
  if (d.kind === 'fixed') return d.reg === 'acc';
  return d.kind === 'gpr' || d.kind === 'rm';
}

export function tryForm(f: Form, ops: readonly AsmOperand[], size: number, ctx: Ctx): Match | undefined {
  const defs = f.operands;
  let list: readonly AsmOperand[] = ops;
  let omitted = -1;
  // `imul $3,%eax` means `imul $3,%eax,%eax`.
  if (f.sem === 'alu:imul3' && ops.length === 2 && ops[1].kind === 'reg') list = ops = [ops[0], ops[1], ops[1]];
  if (ops.length !== defs.length) {
    // `shl %eax` means `shl $1,%eax`: the count 1 may be left out.
    if (ops.length === defs.length - 1 && defs[0].kind === 'one') omitted = 0;
    else return undefined;
  }
  let m = attemptForm(f, defs, list, omitted, size, ctx);
  if (!m && f.commute && list.length === 2) m = attemptForm(f, defs, [list[1], list[0]], omitted, size, ctx);
  return m;
}

export function attemptForm(f: Form, defs: readonly OperandDef[], order: readonly AsmOperand[], omitted: number, size: number, ctx: Ctx): Match | undefined {
  // Check every operand before allocating anything: most candidate rows fail here.
  for (let i = 0, j = 0; i < defs.length; i++) {
    if (i === omitted) continue;
    if (!matchOp(defs[i], order[j++], size, f, ctx)) return undefined;
  }
  // (With no operand left out the operands map one to one: the list itself, no copy. Nothing writes to it.)
  const mapped: (AsmOperand | undefined)[] | readonly AsmOperand[] = omitted < 0 ? order : [];
  let pinned = false;
  let sizedMem = false;
  for (let i = 0, j = 0; i < defs.length; i++) {
    const o = i === omitted ? undefined : order[j++];
    if (omitted >= 0) (mapped as (AsmOperand | undefined)[]).push(o);
    const d = defs[i];
    if (pins(d, o)) pinned = true;
    if (o && o.kind === 'mem' && (d.kind === 'rm' || d.kind === 'mem') && d.size !== 0) sizedMem = true;
  }
  return { form: f, size, ops: mapped, unpinned: !pinned && (sizedMem || defs.length === 0) };
}

// sizesToTry is asked the same few questions for every instruction: memoize the common (unforced) ones
// per form, indexed by mode, suffix and noGpr.
export const SFX_INDEX: Readonly<Record<string, number>> = { '': 0, b: 1, w: 2, l: 3, q: 4 };

// (Both memos full-length from the start: an array grown by writing at a row's index goes sparse and slow.)
export const sizeMemo: ((readonly number[] | undefined)[] | undefined)[] = new Array<undefined>(formCount()).fill(undefined);

export function sizesToTry(f: Form, mode: Mode, sfx: string, forced: number | undefined, noGpr = false): readonly number[] {
  if (forced !== undefined) return computeSizes(f, mode, sfx, forced, noGpr);
  const k = ((mode === 64 ? 1 : mode === 32 ? 0 : 2) * 5 + SFX_INDEX[sfx]) * 2 + (noGpr ? 1 : 0);
  const row = sizeMemo[f.index] ?? (sizeMemo[f.index] = []);
  return row[k] ?? (row[k] = Object.freeze(computeSizes(f, mode, sfx, undefined, noGpr)));
}

export function computeSizes(f: Form, mode: Mode, sfx: string, forced: number | undefined, noGpr: boolean): number[] {
  let sizes = formSizes(f, mode);
  if (f.encSizes) sizes = sizes.filter((x) => f.encSizes!.includes(x));
  if (sfx && f.badSuffix?.includes(sfx) && mode === 64) return [];
  if (sfx) {
    const s = SUFFIX_SIZE[sfx];
    if (!sizes.length) {
      // Forms without an operand size accept a suffix naming their fixed memory size (movw %ds,(%rax)).
      const fixed = f.operands.some((o) => (o.kind === 'mem' || o.kind === 'rm' || o.kind === 'gpr') && o.size === s);
      return fixed ? [0] : [];
    }
    return sizes.includes(s) ? [s] : [];
  }
  if (!sizes.length) return [0];
  if (forced !== undefined) return sizes.includes(forced) ? [forced] : [];
  const def = mode === 16 ? 16 : (f.osz === 'd64' || f.osz === 'f64') && mode === 64 ? 64 : 32;
  // Without a suffix or a register to decide, the size is the default one (push $0xffff is pushq).
  if (noGpr && sizes.includes(def)) return [def];
  return sizes.includes(def) ? [def, ...sizes.filter((s) => s !== def)] : [...sizes];
}

// A cheap pre-filter on operand kinds (register class / immediate / memory) before the size loop.
export const K_GPR = 1, K_SEG = 2, K_CR = 4, K_DR = 8, K_IMM = 16, K_MEM = 32, K_OTHER = 64, K_XMM = 128, K_MMX = 256;

export function defMask(d: OperandDef): number {
  switch (d.kind) {
    case 'gpr': return K_GPR;
    case 'rm': return K_GPR | K_MEM;
    case 'mem': case 'rel': case 'moffs': return K_MEM;
    case 'imm': case 'one': return K_IMM;
    case 'fixed': return d.reg === 'dx' ? K_GPR | K_MEM : d.reg === 'xmm0' ? K_XMM : K_GPR;
    case 'sreg': case 'seg': return K_SEG;
    case 'creg': return K_CR;
    case 'dreg': case 'treg': return K_DR;
    case 'st': return K_OTHER;
    case 'xmm': return K_XMM;
    case 'xmmrm': return K_XMM | K_MEM;
    case 'mmx': return K_MMX;
    case 'mmxrm': return K_MMX | K_MEM;
    default: return 0x1ff;
  }
}

export function opMask(o: AsmOperand): number {
  if (o.kind === 'imm') return K_IMM;
  if (o.kind === 'mem') return K_MEM;
  switch (o.reg.cls) {
    case 'gpr': return K_GPR;
    case 'seg': return K_SEG;
    case 'cr': return K_CR;
    case 'dr': case 'tr': return K_DR;
    case 'xmm': return K_XMM;
    case 'mmx': return K_MMX;
    default: return K_OTHER;
  }
}

export const maskMemo: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(formCount()).fill(undefined);

export function quickOk(f: Form, ops: readonly AsmOperand[]): boolean {
  const defs = f.operands;
  if (ops.length !== defs.length) return ops.length === defs.length - 1 || f.sem === 'alu:imul3';
  const masks = maskMemo[f.index] ?? (maskMemo[f.index] = defs.map(defMask));
  let ok = true;
  for (let i = 0; i < ops.length; i++) if (!(masks[i] & opMask(ops[i]))) { ok = false; break; }
  if (ok || !f.commute || ops.length !== 2) return ok;
  return !!(masks[0] & opMask(ops[1])) && !!(masks[1] & opMask(ops[0]));
}

/** The index (0..8) of an operand's kind bit, for shape keys. */
function opKindIndex(o: AsmOperand): number {
  return 31 - Math.clz32(opMask(o));
}

/**
 * The candidates of one spelling in one mode, with the rows that can fit each operand shape (count
 * and kind of each operand: register class, immediate, memory) worked out once per shape: the same
 * few shapes recur for every mnemonic of a large file, and most rows fail on kinds alone.
 */
export class CandList {
  private readonly byShape = new Map<number, ShapeCands>();
  constructor(readonly cands: readonly Cand[], readonly mode: Mode) {}

  /** The rows findMatch would try for these operands (quickOk, not bad, valid in the mode), in order. */
  forShape(ops: readonly AsmOperand[]): ShapeCands {
    // 4 bits per operand kind, 3 for the count; past 6 operands no key (nothing has that many).
    if (ops.length > 6) return this.filter(ops);
    let key = ops.length;
    for (let i = 0; i < ops.length; i++) key |= opKindIndex(ops[i]) << (3 + 4 * i);
    let c = this.byShape.get(key);
    if (!c) {
      c = this.filter(ops);
      this.byShape.set(key, c);
    }
    return c;
  }

  private readonly sizeCounts: number[] = [];

  /**
   * How many operand sizes the rows taking `nops` operands (or one more, an omitted count of 1) have
   * between them in this mode: with more than one, an unsized instruction takes GNU's default suffix.
   */
  sizesFor(nops: number): number {
    let n = this.sizeCounts[nops];
    if (n === undefined) {
      const sizes = new Set<number>();
      for (const c of this.cands) {
        const k = c.form.operands.length;
        if (k !== nops && !(c.form.operands[0]?.kind === 'one' && k - 1 === nops)) continue;
        if (c.bad) continue;
        for (const s of sizesToTry(c.form, this.mode, c.sfx, undefined)) if (s) sizes.add(s);
      }
      n = sizes.size;
      this.sizeCounts[nops] = n;
    }
    return n;
  }

  private filter(ops: readonly AsmOperand[]): ShapeCands {
    const fm = formMode(this.mode);
    const cands = this.cands.filter((c) => !c.bad && quickOk(c.form, ops) && c.form.modes.includes(fm));
    // Their sizes to try when none is forced, without and with a general register among the operands.
    // (A class and Array.of, not literals: these live to the end, and V8 would switch a literal's
    // allocation site to old space mid-run and discard the optimized forShape() that inlines this.)
    return new ShapeCandsRec(cands, Array.of(sizeLists(cands, this.mode, false), sizeLists(cands, this.mode, true)));
  }
}

/**
 * Each candidate's sizes to try. Made by Array.from, not map(): map() gives a PACKED array in the
 * interpreter and a HOLEY one from optimized code, a second array map for findMatchIn to meet mid-run.
 */
function sizeLists(cands: readonly Cand[], mode: Mode, noGpr: boolean): (readonly number[])[] {
  return Array.from(cands, (c) => sizesToTry(c.form, mode, c.sfx, undefined, noGpr));
}

class ShapeCandsRec implements ShapeCands {
  constructor(readonly cands: readonly Cand[], readonly sizes: readonly (readonly (readonly number[])[])[]) {}
}

/** The candidates for one operand shape, and each one's sizes to try (by noGpr: [false, true]). */
interface ShapeCands {
  readonly cands: readonly Cand[];
  readonly sizes: readonly (readonly (readonly number[])[])[];
}

/** findMatch over a CandList: the rows for the operands' shape only (same answer, same order). */
export function findMatchIn(list: CandList, ops: readonly AsmOperand[], ctx: Ctx, forced?: number): Match | undefined {
  const shape = list.forShape(ops);
  const cands = shape.cands;
  const known = forced === undefined ? shape.sizes[ctx.noGpr ? 1 : 0] : undefined;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (ctx.movabs && c.form.mnem !== 'mov') continue;
    const sizes = known ? known[k] : sizesToTry(c.form, ctx.mode, c.sfx, forced, ctx.noGpr);
    for (let i = 0; i < sizes.length; i++) {
      const m = tryForm(c.form, ops, sizes[i], ctx);
      if (m) return m;
    }
  }
  return undefined;
}

export function findMatch(cands: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx, forced?: number): Match | undefined {
  for (const c of cands) {
    if (c.bad || !quickOk(c.form, ops)) continue;
    if (ctx.movabs && c.form.mnem !== 'mov') continue;
    if (!c.form.modes.includes(formMode(ctx.mode))) continue;
    for (const s of sizesToTry(c.form, ctx.mode, c.sfx, forced, ctx.noGpr)) {
      const m = tryForm(c.form, ops, s, ctx);
      if (m) return m;
    }
  }
  return undefined;
}

export function regFrom(op: AsmOperand | undefined): RegInfo | undefined {
  return op && op.kind === 'reg' ? op.reg : undefined;
}
