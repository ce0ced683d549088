// The encoder: matches one parsed AT&T instruction against the ISA table and builds its bytes
// exactly as GNU as 2.40 does (prefix order, REX, ModRM/SIB, short forms, fixups).
//
// Matching follows GNU's model: candidate forms are the rows spelled like the mnemonic (or like the
// mnemonic minus a b/w/l/q suffix), tried in table order; the first whose operands fit wins. The
// operand size comes from the suffix, else from register operands, else the default (32, or 64 for
// stack and branch forms in 64-bit mode).

import { BY_MNEMONIC, formSizes } from '../isa/index.js';
import type { Form, Mode, OperandDef } from '../isa/types.js';
import type { RegInfo } from '../isa/registers.js';
import type { AsmInsn, AsmOperand, Encoded, EncodeOptions, Fixup, Value } from './types.js';
import { EncodeError } from './errors.js';
import { encodeAddress, isConst, type AddrEnc, type MemOperand } from './modrm.js';

const SUFFIX_SIZE: Readonly<Record<string, number>> = { b: 8, w: 16, l: 32, q: 64 };
const SEG_PREFIX: Readonly<Record<string, number>> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };

interface Cand {
  readonly form: Form;
  /** The suffix letter stripped to find this form ('' when the spelling matched as written). */
  readonly sfx: string;
}

const candCache = new Map<string, readonly Cand[]>();
const modeCache = [new Map<string, readonly Cand[]>(), new Map<string, readonly Cand[]>()];

/** candidatesFor() restricted to the forms valid in `mode` (cached). */
function candidatesInMode(mnemonic: string, mode: Mode): readonly Cand[] {
  const cache = modeCache[mode === 64 ? 1 : 0];
  let c = cache.get(mnemonic);
  if (!c) {
    c = candidatesFor(mnemonic).filter((x) => x.form.modes.includes(mode));
    cache.set(mnemonic, c);
  }
  return c;
}

/** Forms a written mnemonic may mean, in table order. */
export function candidatesFor(mnemonic: string): readonly Cand[] {
  let c = candCache.get(mnemonic);
  if (c) return c;
  const out: Cand[] = [];
  for (const form of BY_MNEMONIC.get(mnemonic) ?? []) out.push({ form, sfx: '' });
  const last = mnemonic[mnemonic.length - 1];
  // movsx/movzx take b/w as the source size (movsxw), spelled out as aliases in the table.
  if (mnemonic.length > 1 && last in SUFFIX_SIZE && !/^mov[sz]x[bw]$/.test(mnemonic)) {
    for (const form of BY_MNEMONIC.get(mnemonic.slice(0, -1)) ?? []) {
      if (form.suffix === 'size') out.push({ form, sfx: last });
    }
  }
  out.sort((a, b) => a.form.index - b.form.index);
  c = out;
  candCache.set(mnemonic, c);
  return c;
}

// ---- values -----------------------------------------------------------------------------------

const M64 = (1n << 64n) - 1n;
/** Two's-complement reading of v in `bits` bits. */
function wrapS(v: bigint, bits: number): bigint {
  return BigInt.asIntN(bits, v);
}
function inRange(v: bigint, bits: number): boolean {
  // GNU accepts a value that fits either signed or unsigned in the field.
  return v >= -(1n << BigInt(bits - 1)) && v <= (1n << BigInt(bits)) - 1n;
}
function fitsS(v: bigint, bits: number): boolean {
  return v >= -(1n << BigInt(bits - 1)) && v < 1n << BigInt(bits - 1);
}
/** A 64-bit value as GNU sees it for a sign-extended 32-bit field (0xffffffff80000000.. counts). */
function fitsS32as64(v: bigint): boolean {
  return fitsS(wrapS(v & M64, 64), 32) && v >= -(1n << 63n) && v <= M64;
}

/**
 * The immediate as GNU's optimize_imm sees it before choosing a field: a signed 64-bit number, where for a
 * 16-bit operation an unsigned 16-bit value, and for a 16/32-bit operation an unsigned 32-bit value, is
 * re-read as signed (so `add $0xffff,%ax` and `add $0xffffffff,%eax` are both -1 and take imm8).
 */
function gnuImm(v: bigint, size: number, mode: Mode = 64, sized = true): bigint {
  // Outside 64-bit mode GNU keeps 32 bits of a constant (read as signed) once a suffix or register has
  // fixed the operand size; before that only a value just above 32 bits is wrapped (measured on 2.40).
  let v64 = wrapS(v, 64);
  if (mode !== 64) {
    if (sized) v64 = wrapS(v, 32);
    else if (v64 >= 0n && v64 < 1n << 33n) v64 = wrapS(v64, 32);
    else return v64;
  }
  if (!sized) return v64;
  if (size === 16 && v64 >= 0n && v64 <= 0xffffn) return wrapS(v64, 16);
  if ((size === 16 || size === 32) && v64 >= 0n && v64 <= 0xffffffffn) return wrapS(v64, 32);
  return v64;
}

// ---- matching ---------------------------------------------------------------------------------

interface Match {
  readonly form: Form;
  readonly size: number; // operand size in bits, 0 if the form has none
  /** ops[i] is the operand matched to form.operands[i] (undefined for an omitted implicit `1`). */
  readonly ops: readonly (AsmOperand | undefined)[];
  /** No register pinned the size and a sized memory operand was involved (GNU's default-suffix case). */
  readonly unpinned: boolean;
}

interface Ctx {
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

function defSize(d: OperandDef, size: number): number {
  switch (d.size) {
    case 'v': case 'y': return size;
    case 'z': return size === 64 ? 32 : size;
    default: return d.size;
  }
}

const isBranchForm = (f: Form) => (f.flow === 'jmp' || f.flow === 'call') && f.operands.length === 1 && f.operands[0].loc === 'rm';

function regOk(r: RegInfo, want: number, ctx: Ctx, size = want): boolean {
  if (r.cls !== 'gpr') return false;
  // Size 0: any 16/32/64-bit register, independent of the operand size (lar/lsl source).
  if (want === 0) return r.size === 16 || r.size === size;
  return ctx.ignoreRegSize || r.size === want;
}

function matchOp(d: OperandDef, op: AsmOperand, size: number, f: Form, ctx: Ctx): boolean {
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
      if (op.indirect !== branch) return false;
      return true;
    case 'mem':
      return op.kind === 'mem' && op.indirect === branch && !(op.bare && op.disp === undefined && !op.base);
    case 'imm': {
      if (op.kind !== 'imm') return false;
      if (ctx.ignoreImm) return true;
      const v = op.value;
      const c = isConst(v);
      if (d.sx) {
        // GNU reads the value as a signed 64-bit number; for 16/32-bit operations it first truncates a value
        // that fits 32 bits to the operand size, then asks whether that fits a sign-extended imm8.
        if (!c) return false;
        return fitsS(gnuImm(v.addend, size, ctx.mode, ctx.sized), 8);
      }
      if (d.size === 'v') {
        // B8+r: movabs only takes the 64-bit form; `mov` uses imm64 only when a sign-extended imm32 cannot hold it.
        if (ctx.movabs) return size === 64;
        if (size === 64) return c && !fitsS32as64(v.addend);
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
    case 'far':
      return false;
  }
}

/** Does a register operand at this def pin the operand size? */
function pins(d: OperandDef, op: AsmOperand | undefined): boolean {
  if (!op || op.kind !== 'reg' || op.reg.cls !== 'gpr' || d.size === 0) return false;
  if (typeof d.size === 'number' && d.kind !== 'fixed') return d.size === 8 || op.reg.size === d.size;
  if (d.kind === 'fixed') return d.reg === 'acc';
  return d.kind === 'gpr' || d.kind === 'rm';
}

function tryForm(f: Form, ops: readonly AsmOperand[], size: number, ctx: Ctx): Match | undefined {
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

function attemptForm(f: Form, defs: readonly OperandDef[], order: readonly AsmOperand[], omitted: number, size: number, ctx: Ctx): Match | undefined {
  // Check every operand before allocating anything: most candidate rows fail here.
  for (let i = 0, j = 0; i < defs.length; i++) {
    if (i === omitted) continue;
    if (!matchOp(defs[i], order[j++], size, f, ctx)) return undefined;
  }
  const mapped: (AsmOperand | undefined)[] = [];
  let pinned = false;
  let sizedMem = false;
  for (let i = 0, j = 0; i < defs.length; i++) {
    const o = i === omitted ? undefined : order[j++];
    mapped.push(o);
    const d = defs[i];
    if (pins(d, o)) pinned = true;
    if (o && o.kind === 'mem' && (d.kind === 'rm' || d.kind === 'mem') && d.size !== 0) sizedMem = true;
  }
  return { form: f, size, ops: mapped, unpinned: !pinned && (sizedMem || defs.length === 0) };
}

// sizesToTry is asked the same few questions for every instruction: memoize the common (unforced) ones
// per form, indexed by mode, suffix and noGpr.
const SFX_INDEX: Readonly<Record<string, number>> = { '': 0, b: 1, w: 2, l: 3, q: 4 };
const sizeMemo: (readonly number[] | undefined)[][] = [];

function sizesToTry(f: Form, mode: Mode, sfx: string, forced: number | undefined, noGpr = false): readonly number[] {
  if (forced !== undefined) return computeSizes(f, mode, sfx, forced, noGpr);
  const k = ((mode === 64 ? 1 : 0) * 5 + SFX_INDEX[sfx]) * 2 + (noGpr ? 1 : 0);
  const row = sizeMemo[f.index] ?? (sizeMemo[f.index] = []);
  return row[k] ?? (row[k] = Object.freeze(computeSizes(f, mode, sfx, undefined, noGpr)));
}

function computeSizes(f: Form, mode: Mode, sfx: string, forced: number | undefined, noGpr: boolean): number[] {
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
  const def = (f.osz === 'd64' || f.osz === 'f64') && mode === 64 ? 64 : 32;
  // Without a suffix or a register to decide, the size is the default one (push $0xffff is pushq).
  if (noGpr && sizes.includes(def)) return [def];
  return sizes.includes(def) ? [def, ...sizes.filter((s) => s !== def)] : [...sizes];
}

// A cheap pre-filter on operand kinds (register class / immediate / memory) before the size loop.
const K_GPR = 1, K_SEG = 2, K_CR = 4, K_DR = 8, K_IMM = 16, K_MEM = 32, K_OTHER = 64;
function defMask(d: OperandDef): number {
  switch (d.kind) {
    case 'gpr': return K_GPR;
    case 'rm': return K_GPR | K_MEM;
    case 'mem': case 'rel': case 'moffs': return K_MEM;
    case 'imm': case 'one': return K_IMM;
    case 'fixed': return d.reg === 'dx' ? K_GPR | K_MEM : K_GPR;
    case 'sreg': case 'seg': return K_SEG;
    case 'creg': return K_CR;
    case 'dreg': return K_DR;
    default: return 0x7f;
  }
}
function opMask(o: AsmOperand): number {
  if (o.kind === 'imm') return K_IMM;
  if (o.kind === 'mem') return K_MEM;
  switch (o.reg.cls) {
    case 'gpr': return K_GPR;
    case 'seg': return K_SEG;
    case 'cr': return K_CR;
    case 'dr': return K_DR;
    default: return K_OTHER;
  }
}
const maskMemo: (readonly number[] | undefined)[] = [];
function quickOk(f: Form, ops: readonly AsmOperand[]): boolean {
  const defs = f.operands;
  if (ops.length !== defs.length) return ops.length === defs.length - 1 || f.sem === 'alu:imul3';
  const masks = maskMemo[f.index] ?? (maskMemo[f.index] = defs.map(defMask));
  let ok = true;
  for (let i = 0; i < ops.length; i++) if (!(masks[i] & opMask(ops[i]))) { ok = false; break; }
  if (ok || !f.commute || ops.length !== 2) return ok;
  return !!(masks[0] & opMask(ops[1])) && !!(masks[1] & opMask(ops[0]));
}

function findMatch(cands: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx, forced?: number): Match | undefined {
  for (const c of cands) {
    if (!quickOk(c.form, ops)) continue;
    if (ctx.movabs && c.form.mnem !== 'mov') continue;
    if (!c.form.modes.includes(ctx.mode)) continue;
    for (const s of sizesToTry(c.form, ctx.mode, c.sfx, forced, ctx.noGpr)) {
      const m = tryForm(c.form, ops, s, ctx);
      if (m) return m;
    }
  }
  return undefined;
}

// ---- prefixes written as mnemonics ------------------------------------------------------------

interface PrefixState {
  lock: boolean;
  rep: number; // 0, 0xf3, 0xf2
  data16: boolean;
  addr: 0 | 16 | 32 | 64;
  rex: number; // explicit rex bits (0x40..0x4f), 0 if none
  seg: number; // explicit segment prefix byte, 0 if none
  notrack: boolean;
}

function parsePrefixes(list: readonly string[], mode: Mode): PrefixState {
  const p: PrefixState = { lock: false, rep: 0, data16: false, addr: 0, rex: 0, seg: 0, notrack: false };
  const twice = () => new EncodeError('same type of prefix used twice');
  for (const raw of list) {
    const n = raw.toLowerCase();
    if (n === 'lock') { if (p.lock) throw twice(); p.lock = true; }
    else if (n === 'rep' || n === 'repe' || n === 'repz' || n === 'repne' || n === 'repnz') {
      if (p.rep) throw twice();
      p.rep = n === 'repne' || n === 'repnz' ? 0xf2 : 0xf3;
    }
    else if (n === 'data16') { if (p.data16) throw twice(); p.data16 = true; }
    else if (n === 'data32') { /* operand size 32 is the default in 32/64-bit code */ }
    else if (n === 'addr32' || n === 'addr16') {
      if (p.addr) throw twice();
      if (n === 'addr32' && mode === 32) throw new EncodeError('redundant addr32 prefix');
      p.addr = n === 'addr32' ? 32 : 16;
    }
    else if (n === 'notrack') { if (p.notrack || p.seg) throw twice(); p.notrack = true; }
    else if (n in SEG_PREFIX) {
      // es/ss (like the ineffective segments they name) are rejected as prefixes in 64-bit code.
      if (mode === 64 && (n === 'es' || n === 'ss')) throw new EncodeError(`\`${n}' is not supported in 64-bit mode`, 'mode');
      if (p.seg || p.notrack) throw twice();
      p.seg = SEG_PREFIX[n];
    }
    else if (n === 'rex64') { if (p.rex) throw twice(); p.rex |= 0x48; }
    else if (n.startsWith('rex')) {
      if (mode !== 64) throw new EncodeError(`\`${raw}' is only supported in 64-bit mode`, 'mode');
      if (p.rex) throw twice();
      let bits = 0x40;
      const m = /^rex(?:\.([wrxb]+))?$/.exec(n);
      if (!m) throw new EncodeError(`no such instruction: \`${raw}'`, 'no-such-insn');
      for (const ch of m[1] ?? '') bits |= ch === 'w' ? 8 : ch === 'r' ? 4 : ch === 'x' ? 2 : 1;
      p.rex |= bits;
    } else throw new EncodeError(`no such instruction: \`${raw}'`, 'no-such-insn');
  }
  return p;
}

// ---- the encoder ------------------------------------------------------------------------------

function regFrom(op: AsmOperand | undefined): RegInfo | undefined {
  return op && op.kind === 'reg' ? op.reg : undefined;
}

function baseMnem(insn: AsmInsn, cands: readonly Cand[]): string {
  const c = cands.find((x) => x.sfx);
  return c && !cands.some((x) => !x.sfx) ? insn.mnemonic.slice(0, -1) : insn.mnemonic;
}

/** Encode one instruction. Throws EncodeError with GNU as's message when GNU as would reject it. */
/** Facts about a spelling that do not depend on the operands (cached per mnemonic). */
interface Spelling {
  readonly cands: readonly Cand[];
  /** The name GNU uses in messages (the mnemonic without a stripped suffix). */
  readonly name: string;
  /** The spelling itself states the operand size (a stripped suffix, or inb/inw/outb/outw). */
  readonly sized: boolean;
  readonly movabs: boolean;
}
const spellings = new Map<string, Spelling>();

function spelling(mnemonic: string): Spelling {
  let sp = spellings.get(mnemonic);
  if (!sp) {
    const cands = candidatesFor(mnemonic);
    sp = {
      cands,
      name: baseMnem({ mnemonic, prefixes: [], operands: [] }, cands),
      // (inb/inw/outb/outw are table spellings of in/out + suffix, so they count as suffixed.)
      sized: (cands.some((c) => c.sfx) && !cands.some((c) => !c.sfx)) || /^(in|out)[bw]$/.test(mnemonic),
      movabs: mnemonic.startsWith('movabs'),
    };
    spellings.set(mnemonic, sp);
  }
  return sp;
}

/** Throws GNU's message for a mnemonic that has no form in this mode (called when none is valid). */
function modeError(mnemonic: string, mode: Mode, nops: number, cands: readonly Cand[]): never {
  // A suffix spelling of an instruction that exists in this mode (loopnew in 64-bit code).
  const base = mnemonic.slice(0, -1);
  if (mode !== 64 && mnemonic.endsWith('q') && BY_MNEMONIC.has(base)) throw new EncodeError(`\`${mnemonic}' is only supported in 64-bit mode`, 'mode');
  if (mnemonic.length > 1 && mnemonic[mnemonic.length - 1] in SUFFIX_SIZE && (BY_MNEMONIC.get(base) ?? []).some((f) => f.modes.includes(mode))) {
    const counts = (BY_MNEMONIC.get(base) ?? []).some((f) => f.modes.includes(mode) && f.operands.length === nops);
    throw new EncodeError(counts ? `invalid instruction suffix for \`${base}'` : `number of operands mismatch for \`${base}'`);
  }
  const only = cands[0].form.modes;
  if (only.length === 1 && only[0] === 64) throw new EncodeError(`\`${mnemonic}' is only supported in 64-bit mode`, 'mode');
  throw new EncodeError(`\`${mnemonic}' is not supported in ${mode}-bit mode`, 'mode');
}

const NO_PREFIXES: PrefixState = Object.freeze({ lock: false, rep: 0, data16: false, addr: 0, rex: 0, seg: 0, notrack: false });

/**
 * The checks GNU makes on the mnemonic alone, before it reads any operand: throws EncodeError
 * ('no-such-insn' or a mode error such as "`movslq' is only supported in 64-bit mode").
 */
export function checkMnemonic(mnemonic: string, mode: Mode): void {
  const m = mnemonic.toLowerCase();
  const cands = spelling(m).cands;
  if (!cands.length) throw new EncodeError(`no such instruction: \`${mnemonic}'`, 'no-such-insn');
  if (candidatesInMode(m, mode).length) return;
  // `loopnew` in 64-bit code: whether that is a suffix or an operand-count error depends on the operands.
  const base = m.slice(0, -1);
  const suffixCase = m.length > 1 && m[m.length - 1] in SUFFIX_SIZE && !(mode !== 64 && m.endsWith('q')) &&
    (BY_MNEMONIC.get(base) ?? []).some((f) => f.modes.includes(mode));
  if (!suffixCase) modeError(m, mode, 0, cands);
}

export function encodeInstruction(insn: AsmInsn, opts: EncodeOptions): Encoded {
  const mode = opts.mode;
  const mnemonic = insn.mnemonic.toLowerCase();
  const sp = spelling(mnemonic);
  const cands = sp.cands;
  if (!cands.length) throw new EncodeError(`no such instruction: \`${insn.mnemonic}'`, 'no-such-insn');
  const name = sp.name;
  if (mode !== 64 && mnemonic.startsWith('movabs')) throw new EncodeError(`\`movabs' is only supported in 64-bit mode`, 'mode');
  const inMode = candidatesInMode(mnemonic, mode);
  const ops = insn.operands;
  if (!inMode.length) modeError(mnemonic, mode, ops.length, cands);
  // push/pop of a segment register the mode cannot push or pop.
  if ((name === 'push' || name === 'pop') && ops.length === 1 && ops[0].kind === 'reg' && ops[0].reg.cls === 'seg') {
    const sr = ops[0].reg.name;
    if ((mode === 64 && sr !== 'fs' && sr !== 'gs') || (name === 'pop' && sr === 'cs')) throw new EncodeError(`you can't \`${name} %${sr}'`);
  }
  let noGpr = true;
  for (const o of ops) {
    if (mode !== 64) checkRegsMode(o, mode);
    if (o.kind === 'reg' && o.reg.cls === 'gpr') noGpr = false;
  }
  const pfx = insn.prefixes.length ? parsePrefixes(insn.prefixes, mode) : NO_PREFIXES;
  const movabs = sp.movabs;
  const sized = !noGpr || sp.sized;
  const ctx: Ctx = { mode, movabs, addr32: pfx.addr === 32, ignoreRegSize: false, noGpr, sized, suffixed: name !== mnemonic };

  let m = findMatch(inMode, ops, ctx);
  const warnings: string[] = [];
  if (m && m.unpinned && !cands.some((c) => c.sfx && c.form === m!.form)) {
    // No suffix and no register: if other sizes would also have matched, GNU uses the default suffix.
    // GNU decides this from the mnemonic's templates, not from which of them would fit the operands.
    const sizes = new Set<number>();
    for (const c of inMode) {
      const n = c.form.operands.length;
      if (n !== ops.length && !(c.form.operands[0]?.kind === 'one' && n - 1 === ops.length)) continue;
      for (const s of sizesToTry(c.form, mode, c.sfx, undefined)) if (s) sizes.add(s);
    }
    if (sizes.size > 1) {
      const stack = m.form.osz === 'd64' || m.form.osz === 'f64';
      const def = stack && mode === 64 ? 64 : 32;
      m = findMatch(inMode, ops, ctx, def);
      if (!stack && m) warnings.push(`no instruction mnemonic suffix given and no register operands; using default for \`${name}'`);
    }
  }
  if (!m) {
    // `movq' is also an MMX/SSE mnemonic in GNU's table, which it tries first and names in the message.
    if (mnemonic === 'movq') throw new EncodeError(mode === 64 ? explainMismatch(insn, cands, inMode, ops, ctx, 'movq').message : "operand type mismatch for `movq'");
    throw explainMismatch(insn, cands, inMode, ops, ctx, name);
  }
  return emit(m, insn, pfx, opts, warnings, name);
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

function explainMismatch(insn: AsmInsn, cands: readonly Cand[], inMode: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx, name: string): EncodeError {
  const fits = (c: Cand) => c.form.operands.length === ops.length || (c.form.operands[0]?.kind === 'one' && c.form.operands.length - 1 === ops.length);
  if (!inMode.some(fits)) {
    // Only a form of another mode takes this many operands (ljmp $sel,$off in 64-bit code).
    if (cands.some(fits)) return new EncodeError(`unsupported instruction \`${name}'`);
    return new EncodeError(`number of operands mismatch for \`${name}'`);
  }
  const sfxCands = cands.filter((c) => c.sfx);
  const sfx = sfxCands.length && !cands.some((c) => !c.sfx) ? insn.mnemonic.slice(-1).toLowerCase() : '';
  if (sfx) {
    const any = inMode.some((c) => c.sfx && sizesToTry(c.form, ctx.mode, c.sfx, undefined).length > 0);
    // Outside 64-bit mode GNU rejects any `q' spelling as 64-bit only.
    if (!any && sfx === 'q' && ctx.mode !== 64) {
      return new EncodeError(`\`${insn.mnemonic}' is only supported in 64-bit mode`, 'mode');
    }
    if (!any) return new EncodeError(`invalid instruction suffix for \`${name}'`);
    // The suffix is valid for the mnemonic: does a register of another size make it fail?
    const loose = findMatch(inMode.map((c) => ({ form: c.form, sfx: '' })), ops, ctx);
    if (loose) {
      const want = SUFFIX_SIZE[sfx];
      for (let i = 0; i < loose.ops.length; i++) {
        const r = regFrom(loose.ops[i]);
        if (r && pins(loose.form.operands[i], loose.ops[i]) && r.size !== want) {
          if (want === 8 || r.size === 8) return new EncodeError(`\`%${r.name}' not allowed with \`${insn.mnemonic}'`);
          return new EncodeError(`incorrect register \`%${r.name}' used with \`${sfx}' suffix`);
        }
      }
    }
  }
  let err = lastTemplateError(inMode, ops, ctx);
  if (err === 'register type mismatch') {
    // Measured exceptions: mov's later templates (sreg/cr/dr) and xchg's accumulator template end in a
    // type mismatch for registers of different sizes.
    const acc = ops.some((o) => o.kind === 'reg' && o.reg.cls === 'gpr' && o.reg.num === 0 && o.reg.size > 8);
    const byte = ops.some((o) => o.kind === 'reg' && o.reg.size === 8);
    if (name === 'mov' || (name === 'xchg' && acc && !byte)) err = 'operand type mismatch';
  }
  return new EncodeError(`${err} for \`${name}'`);
}

/** Operand shape of a form, sizes left out: rows that differ only in size are one GNU template. */
function shapeKey(f: Form): string {
  return f.operands.map((d) => `${d.kind}:${d.loc}:${d.reg ?? ''}`).join(',') + `|${f.mnem}`;
}

/**
 * GNU reports the failure of the template that got furthest through its checks. Rows differing only in
 * operand size count as one template; its checks run: operand kinds (type mismatch), each register's
 * size (size mismatch), then registers against each other (register type mismatch). Measured against
 * the corpus this reproduces GNU's message for about three rejected lines in four.
 */
function lastTemplateError(inMode: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx): string {
  let same = inMode.filter((c) => c.form.operands.length === ops.length || (c.form.operands[0]?.kind === 'one' && c.form.operands.length - 1 === ops.length));
  // GNU looks a spelling up as written first; only if that fails does it strip a suffix.
  if (same.some((c) => !c.sfx)) same = same.filter((c) => !c.sfx);
  if (!same.length) return 'operand type mismatch';
  {
    const keys = [...new Set(same.map((c) => shapeKey(c.form)))];
    const rank: Record<string, number> = { 'operand type mismatch': 1, 'operand size mismatch': 2, 'register type mismatch': 3 };
    let best = 'operand type mismatch';
    for (const k of keys) {
      const e = templateError(same.filter((c) => shapeKey(c.form) === k), ops, ctx);
      if (rank[e] >= rank[best]) best = e;
    }
    return best;
  }
}

function templateError(sibs: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx): string {
  const blind: Ctx = { ...ctx, ignoreRegSize: true };
  let kinds: Match | undefined;
  for (const c of sibs) {
    for (const s of sizesToTry(c.form, ctx.mode, '', undefined)) {
      kinds = tryForm(c.form, ops, s, blind);
      if (kinds) break;
    }
    if (kinds) break;
  }
  if (!kinds) return 'operand type mismatch';
  // No register involved: an immediate is out of range. GNU calls that a size mismatch for one-operand
  // instructions (int, ret, push) and a type mismatch otherwise (enter, in).
  const immOnly = !ops.some((o) => o.kind === 'reg' && o.reg.cls === 'gpr') ||
    sibs.some((c) => sizesToTry(c.form, ctx.mode, '', undefined).some((s) => tryForm(c.form, ops, s, { ...ctx, ignoreImm: true })));
  if (immOnly) return ops.length !== 1 ? 'operand type mismatch' : ctx.suffixed ? 'invalid instruction suffix' : 'operand size mismatch';
  // A register of the wrong size next to a segment/control/debug register is a type mismatch in GNU.
  if (sibs.some((c) => c.form.operands.some((d) => d.kind === 'sreg' || d.kind === 'creg' || d.kind === 'dreg'))) return 'operand type mismatch';
  // Each register operand on its own: is its size allowed at its position by some sibling?
  for (let i = 0; i < kinds.ops.length; i++) {
    const o = kinds.ops[i];
    if (!o || o.kind !== 'reg' || o.reg.cls !== 'gpr') continue;
    const d = kinds.form.operands[i];
    const ok = sibs.some((c) => {
      const dd = c.form.operands[i];
      return sizesToTry(c.form, ctx.mode, '', undefined).some((s) => regOk(o.reg, defSize(dd, s), ctx, s) && !(dd.size === 'y' && s === 16));
    });
    if (!ok && d) return 'operand size mismatch';
  }
  return 'register type mismatch';
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
function pushLE(out: number[], v: bigint, n: number): void {
  if (n <= 4 || (v <= SAFE && v >= -SAFE)) {
    // Number arithmetic is exact here (|v| < 2^53, or only the low 32 bits are kept).
    let x = n <= 4 ? Number(BigInt.asIntN(32, v)) : Number(v);
    for (let i = 0; i < n; i++) {
      out.push(((x % 256) + 256) % 256);
      x = Math.floor(x / 256);
    }
    return;
  }
  let x = BigInt.asUintN(n * 8, v);
  for (let i = 0; i < n; i++) { out.push(Number(x & 0xffn)); x >>= 8n; }
}

const REP_OK = new Set(['ret', 'ret_imm', 'nop', 'bsf', 'bsr']);

function emit(m: Match, insn: AsmInsn, pfx: PrefixState, opts: EncodeOptions, warnings: string[], name: string): Encoded {
  const mode = opts.mode;
  if (m.form.id === 'xchg_acc_r' && regFrom(m.ops[0])?.num === 0) {
    // xchg of the accumulator with itself: GNU emits a plain 90 (nop) except for %eax in 64-bit mode,
    // where 90 would not zero-extend %rax, so it uses 87 C0 (SDM Vol. 2B XCHG).
    if (mode === 64 && m.size === 32) {
      const alt = candidatesFor('xchg').find((c) => c.form.id === 'xchg_rm_r')!.form;
      return emit({ ...m, form: alt }, insn, pfx, opts, warnings, name);
    }
    if (m.size === 64) m = { ...m, size: 32 };
  }
  if (m.form.id === 'int' && m.ops[0]?.kind === 'imm' && isConst(m.ops[0].value) && m.ops[0].value.addend === 3n && !insn.prefixes.length) {
    return { bytes: Uint8Array.of(0xcc), fixups: [], form: 'int3' }; // GNU turns `int $3` into int3
  }
  const f = m.form;
  const size = m.size;
  const defs = f.operands;

  // Operand roles.
  let regField = -1; // ModRM.reg value (0..15)
  let rmReg: RegInfo | undefined;
  let mem: MemOperand | undefined;
  let opreg: RegInfo | undefined;
  let imm: { v: Value; n: number; signed: boolean } | undefined;
  let imm2: { v: Value; n: number } | undefined;
  let rel: { v: Value; n: 1 | 2 | 4 } | undefined;
  let moffs: Value | undefined;
  let moffsSeg = 0;
  const strMems: { op: MemOperand; es: boolean }[] = [];
  const byteRegs: RegInfo[] = [];
  let relax: 'short' | 'near' | undefined;

  for (let i = 0; i < defs.length; i++) {
    const d = defs[i];
    const o = m.ops[i];
    if (!o) continue;
    if (o.kind === 'reg' && o.reg.cls === 'gpr' && o.reg.size === 8) byteRegs.push(o.reg);
    switch (d.loc) {
      case 'reg':
        regField = (o as { reg: RegInfo }).reg.num;
        break;
      case 'rm':
        if (o.kind === 'reg') rmReg = o.reg;
        else mem = o as MemOperand;
        break;
      case 'opreg':
        opreg = (o as { reg: RegInfo }).reg;
        break;
      case 'imm':
        if (d.kind === 'rel') {
          const short = d.size === 8;
          rel = { v: (o as MemOperand).disp!, n: short ? 1 : size === 16 ? 2 : 4 };
          if (f.relaxTo) relax = short ? 'short' : 'near';
        } else if (d.kind === 'moffs') {
          moffs = (o as MemOperand).disp!;
          if ((o as MemOperand).seg) moffsSeg = SEG_PREFIX[(o as MemOperand).seg!.name];
        } else {
          const n = d.sx ? 1 : d.size === 'v' ? size / 8 : defSize(d, size) / 8;
          imm = { v: (o as { value: Value }).value, n, signed: size === 64 && n === 4 };
        }
        break;
      case 'imm2':
        imm2 = { v: (o as { value: Value }).value, n: defSize(d, size) / 8 };
        break;
      case 'implicit':
        if (d.kind === 'mem') strMems.push({ op: o as MemOperand, es: d.reg === 'es' });
        break;
    }
  }

  // String-op operands written out (`movsb (%rsi),(%rdi)`): they pick the address size and the source segment.
  let strAsz = 0;
  let strSeg = 0;
  // GNU only looks at their registers' size and segments, not at which registers they name.
  strMems.forEach(({ op: sm, es }, k) => {
    const r = sm.base ?? sm.index;
    // An absolute address is taken for the %es operand and for movs/cmps, not as the lone source (lods, outs).
    // Written first it has the mode's address size; written second it takes the other operand's.
    if (!r) {
      const asz = strAsz || mode;
      if ((!es && strMems.length === 1) || (sm.disp && isConst(sm.disp) && asz === 64 && !fitsS(wrapS(sm.disp.addend, 64), 32))) {
        const why = insn.operands.length !== 1 ? 'operand type mismatch' : name !== insn.mnemonic.toLowerCase() ? 'invalid instruction suffix' : 'operand size mismatch';
        throw new EncodeError(`${why} for \`${name}'`);
      }
    }
    // movsb/movsw (and movsl in 64-bit code) are also movsx/movsxd spellings; GNU's attempt at those
    // checks each address's shape first.
    const sx = /^movs[bw]$/.test(insn.mnemonic) || (mode === 64 && insn.mnemonic === 'movsl');
    if (sx && r) encodeAddress(sm, mode, mode);
    // (Measured: that attempt also refuses a RIP-relative second operand after an indexed first one.)
    if (sx && k === 1 && r?.cls === 'ip' && strMems[0].op.index) throw new EncodeError(`\`${memText(sm, true)}' is not a valid base/index expression`);
    if (sm.base?.size === 64 && sm.disp && isConst(sm.disp) && !fitsS(wrapS(sm.disp.addend, 64), 32)) {
      throw new EncodeError(`0x${BigInt.asUintN(64, sm.disp.addend).toString(16)} out of range of signed 32bit displacement`);
    }
    // With the port written `(%dx)`, GNU refuses an indexed outs source and an index-only ins destination.
    const dxMem = m.ops.some((o) => o?.kind === 'mem' && o.base?.name === 'dx');
    if (dxMem && f.sem === 'str:outs' && sm.index) throw new EncodeError(`operand size mismatch for \`${name}'`);
    if (dxMem && f.sem === 'str:ins' && sm.index && !sm.base && !sm.disp) throw new EncodeError(`operand type mismatch for \`${name}'`);
    // The first operand sets the address size (from its registers, else the mode's); a later one is
    // compared only through its base register.
    const b = k === 0 ? r : sm.base;
    // (A 16-bit register in 64-bit code counts as the default 64-bit address size.)
    if (k > 0 && b && mode === 64 && b.size === 16 && strAsz !== 64) throw new EncodeError(`\`${memText(sm, true)}' is not a valid string address expression`);
    const sz = !b ? (k === 0 ? mode : 0) : b.cls === 'ip' ? b.size : mode === 64 && b.size === 16 ? (k === 0 ? 64 : 0) : b.size;
    if (sz) {
      if (strAsz && strAsz !== sz) throw new EncodeError(`\`${memText(sm, true)}' is not a valid string address expression`);
      strAsz = sz;
    }
    if (es) {
      if (sm.seg && sm.seg.name !== 'es') throw new EncodeError(`\`${f.mnem}' operand ${insn.operands.indexOf(sm) + 1} must use \`%es' segment`);
    } else if (sm.seg && sm.seg.name !== 'ds') strSeg = SEG_PREFIX[sm.seg.name];
  });

  // Relaxable branches: pick the partner the relaxation pass asked for.
  if (f.relaxTo && rel) {
    const want = opts.branch ?? (isConst(rel.v) ? 'near' : 'short');
    if ((want === 'near') !== (rel.n === 4)) {
      const partner = candidatesFor(f.mnem).find((c) => c.form.id === f.relaxTo)!.form;
      return emit({ ...m, form: partner }, insn, pfx, opts, warnings, name);
    }
  }

  // Address.
  let addr: AddrEnc | undefined;
  const absSize = (pfx.addr || mode) as 16 | 32 | 64;
  if (mem) addr = encodeAddress(mem, mode, absSize, f.sem === 'lea' && size < 64);
  if (addr && pfx.addr && (mem!.base || mem!.index) && addr.asize !== pfx.addr) {
    // addr32/addr16 written as a prefix must agree with the registers of the address.
    encodeAddress({ ...mem!, base: undefined, index: undefined, disp: undefined }, mode, absSize);
    throw new EncodeError(`\`${memText(mem!)}' is not a valid base/index expression`);
  }
  if (mem && mem.disp && addr && !(f.sem === 'lea' && size < 64) && !addr.ripRel && addr.dispSize === 4 && isConst(mem.disp) && mode === 64 && !mem.base && !mem.index) {
    if (!fitsS(wrapS(mem.disp.addend, 64), 32) || mem.disp.addend > M64) {
      // Measured: a lone operand gets "size mismatch", or "invalid suffix" when a suffix was written.
      const why = insn.operands.length !== 1 ? 'operand type mismatch' : name !== insn.mnemonic.toLowerCase() ? 'invalid instruction suffix' : 'operand size mismatch';
      throw new EncodeError(`${why} for \`${name}'`);
    }
  }

  // Prefix bytes in GNU's order: segment, address size, operand size, rep/mandatory, lock, REX.
  const out: number[] = [];
  let seg = pfx.seg;
  if (mem?.seg) {
    const s = SEG_PREFIX[mem.seg.name];
    // GNU drops an override naming the segment the address uses anyway (SDM Vol. 1 §3.7.4).
    const dflt = mem.base && (mem.base.num === 4 || mem.base.num === 5) && mem.base.cls === 'gpr' ? 0x36 : 0x3e;
    if (s !== dflt) seg = seg || s;
  }
  // moffs has no default segment to compare with: an override is always written (mov %fs:0x10,%eax).
  if (moffsSeg && moffsSeg !== 0x3e && !seg) seg = moffsSeg;
  if (strSeg && strSeg !== 0x3e && !seg) seg = strSeg;
  if (pfx.notrack) {
    if (!isBranchForm(f)) throw new EncodeError(`expecting indirect branch instruction after \`notrack'`);
    seg = 0x3e;
  }
  if (seg) out.push(seg);
  const modeAsz = mode;
  let asz: number = addr ? addr.asize : pfx.addr || modeAsz;
  if (f.asz) asz = f.asz;
  if (strAsz) asz = strAsz;
  // `ins (%dx),<no base>`: GNU takes the 16-bit (%dx) as the address and flips the address size.
  if (mode === 32 && f.sem === 'str:ins' && strMems.length && !strMems[0].op.base && m.ops.some((o) => o?.kind === 'mem' && o.base?.name === 'dx')) {
    asz = 16;
  }
  if (moffs !== undefined && pfx.addr) asz = pfx.addr;
  // An explicit addr32/addr16 prefix is written even where it changes nothing.
  if (asz !== modeAsz || pfx.addr) out.push(0x67);
  const opsz16 = size === 16 && f.osz !== 'b' && f.osz !== 'none' && f.osPrefix !== 'none';
  if (opsz16 && pfx.data16) throw new EncodeError('same type of prefix used twice');
  if (opsz16 || pfx.data16) out.push(0x66);
  if (f.prefix === 0x66) out.push(0x66);
  if (pfx.rep) out.push(pfx.rep);
  if (f.prefix === 0xf2 || f.prefix === 0xf3) out.push(f.prefix);
  if (pfx.lock) {
    if (!f.lockable || !mem) throw new EncodeError(`expecting lockable instruction after \`lock'`);
    out.push(0xf0);
  }
  // GNU accepts rep on string ops, on ret and nop (the `rep ret` / `rep nop` idioms) and on bsf/bsr (tzcnt/lzcnt).
  if (pfx.rep && !f.rep && !REP_OK.has(f.id)) {
    throw new EncodeError(`invalid instruction \`${name}' after \`${insn.prefixes.find((p) => p.startsWith('rep'))}'`);
  }

  if (mode !== 64 && regField === 8 && f.sem === 'sys:movcr') {
    out.push(0xf0); // mov %cr8 in 32-bit code: LOCK stands in for REX.R
    regField = 0;
  }

  // REX.
  let rexW = 0;
  if (size === 64 && (f.osz === 'v' || f.osz === 'q') && !f.osPrefix) rexW = 1;
  const regIsExt = regField >= 8 ? 1 : 0;
  const rexR = regIsExt;
  const rexX = addr ? addr.rexX : 0;
  const rexB = addr ? addr.rexB : rmReg ? rmReg.num >> 3 : opreg ? opreg.num >> 3 : 0;
  let rex = (rexW << 3) | (rexR << 2) | (rexX << 1) | rexB;
  let needRex = rex !== 0 || pfx.rex !== 0 || byteRegs.some((r) => r.needsRex);
  if (needRex) {
    if (mode !== 64) throw new EncodeError(`bad register name`);
    const hi = byteRegs.find((r) => r.highByte);
    if (hi) throw new EncodeError(`can't encode register '%${hi.name}' in an instruction requiring REX prefix.`);
    rex |= pfx.rex & 0xf;
    out.push(0x40 | rex);
  }
  needRex = false;

  // Opcode.
  const op = f.opcode;
  for (let i = 0; i < op.length - 1; i++) out.push(op[i]);
  let last = op[op.length - 1];
  if (opreg) last += opreg.num & 7;
  out.push(last);

  // ModRM / SIB / displacement.
  const fixups: Fixup[] = [];
  if (f.modrm) {
    const reg = f.modrm.reg !== undefined ? f.modrm.reg : regField >= 0 ? regField & 7 : 0;
    if (f.modrm.rm !== undefined) {
      out.push(0xc0 | (reg << 3) | f.modrm.rm);
    } else if (rmReg) {
      out.push(0xc0 | (reg << 3) | (rmReg.num & 7));
    } else if (addr) {
      out.push((addr.mod << 6) | (reg << 3) | addr.rm);
      if (addr.sib >= 0) out.push(addr.sib);
      if (addr.dispSize) {
        const d = addr.disp!;
        if (isConst(d) && !addr.ripRel) pushLE(out, d.addend, addr.dispSize);
        else if (isConst(d) && addr.ripRel) pushLE(out, d.addend, 4);
        else {
          // A 64-bit address sign-extends disp32 (R_X86_64_32S); a 32-bit one wraps (R_X86_64_32).
          fixups.push({ offset: out.length, size: addr.dispSize as 1 | 2 | 4, value: d, pcrel: addr.ripRel, signed: addr.dispSize === 4 && mode === 64 && addr.asize === 64 && !(f.sem === 'lea' && size < 64) });
          pushLE(out, 0n, addr.dispSize);
        }
      }
    }
  }

  // moffs (address-size wide), rel, immediates.
  if (moffs !== undefined) {
    const n = asz / 8;
    if (isConst(moffs)) pushLE(out, moffs.addend, n);
    else { fixups.push({ offset: out.length, size: n as 2 | 4 | 8, value: moffs, pcrel: false, signed: false }); pushLE(out, 0n, n); }
  }
  const field = (v: Value, n: number, signed: boolean, pcrel: boolean) => {
    if (isConst(v) && !pcrel) pushLE(out, v.addend, n);
    else { fixups.push({ offset: out.length, size: n as 1 | 2 | 4 | 8, value: v, pcrel, signed }); pushLE(out, 0n, n); }
  };
  if (imm) {
    if (isConst(imm.v) && imm.n < 8 && !inRange(imm.v.addend, imm.n * 8) && !imm.signed) {
      warnings.push(`${hex(imm.v.addend)} shortened to ${hex(BigInt.asUintN(imm.n * 8, imm.v.addend))}`);
    }
    field(imm.v, imm.n, imm.signed, false);
  }
  if ((f.id === 'ljmp_ptr' || f.id === 'lcall_ptr') && size === 16 && imm && isConst(imm.v) && !inRange(gnuImm(imm.v.addend, 16, mode), 16)) {
    throw new EncodeError('16-bit jump out of range');
  }
  if (imm2) field(imm2.v, imm2.n, false, false);
  if (rel) field(rel.v, rel.n, true, true);

  // The pc-relative fixups are relative to the end of the instruction; nothing follows them but
  // immediates, whose size the front end sees as (bytes.length - offset - size).
  return { bytes: Uint8Array.from(out), fixups, form: f.id, ...(relax ? { relax } : {}), ...(warnings.length ? { warnings } : {}) };
}

function memText(m: MemOperand, full = false): string {
  const parts = [m.base ? `%${m.base.name}` : ''];
  if (m.index) parts.push(`%${m.index.name}`);
  if (m.index && m.scale !== 1) parts.push(String(m.scale));
  if (!full) return `(${parts.join(',')})`;
  const seg = m.seg ? `%${m.seg.name}:` : '';
  const d = m.disp ? (m.disp.sym ? m.disp.sym + (m.disp.addend ? (m.disp.addend > 0n ? '+' : '') + m.disp.addend : '') : hex(m.disp.addend)) : '';
  return `${seg}${d}(${parts.join(',')})`;
}

function hex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}
