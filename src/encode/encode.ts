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

/** Forms a written mnemonic may mean, in table order. */
export function candidatesFor(mnemonic: string): readonly Cand[] {
  let c = candCache.get(mnemonic);
  if (c) return c;
  const out: Cand[] = [];
  for (const form of BY_MNEMONIC.get(mnemonic) ?? []) out.push({ form, sfx: '' });
  const last = mnemonic[mnemonic.length - 1];
  if (mnemonic.length > 1 && last in SUFFIX_SIZE) {
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
}

function defSize(d: OperandDef, size: number): number {
  switch (d.size) {
    case 'v': case 'y': return size;
    case 'z': return size === 64 ? 32 : size;
    default: return d.size;
  }
}

const isBranchForm = (f: Form) => (f.flow === 'jmp' || f.flow === 'call') && f.operands.length === 1 && f.operands[0].loc === 'rm';

function regOk(r: RegInfo, want: number, ctx: Ctx): boolean {
  return r.cls === 'gpr' && (ctx.ignoreRegSize || r.size === want);
}

function matchOp(d: OperandDef, op: AsmOperand, size: number, f: Form, ctx: Ctx): boolean {
  const want = defSize(d, size);
  const branch = isBranchForm(f);
  switch (d.kind) {
    case 'gpr':
      if (op.kind !== 'reg' || op.indirect !== (branch && d.loc === 'rm')) return false;
      if (d.size === 'y' && size === 16 && !ctx.ignoreRegSize) return false;
      return regOk(op.reg, want, ctx);
    case 'rm':
      if (op.kind === 'reg') return op.indirect === branch && regOk(op.reg, want, ctx);
      if (op.kind !== 'mem') return false;
      if (op.indirect !== branch) return false;
      return true;
    case 'mem':
      return op.kind === 'mem' && op.indirect === branch && !(op.bare && op.disp === undefined && !op.base);
    case 'imm': {
      if (op.kind !== 'imm') return false;
      const v = op.value;
      const c = isConst(v);
      if (d.sx) {
        if (!c) return false;
        if (size < 64 && !inRange(v.addend, size)) return false;
        return fitsS(wrapS(v.addend, size), 8);
      }
      if (d.size === 'v' && size === 64) {
        // B8+r with imm64: only for movabs, or a constant that a sign-extended imm32 cannot hold.
        if (ctx.movabs) return true;
        return c && !fitsS32as64(v.addend);
      }
      if (d.size === 'z' && size === 64) return !c || fitsS32as64(v.addend);
      return true;
    }
    case 'rel':
      return op.kind === 'mem' && op.bare && !op.indirect && !op.seg && op.disp !== undefined;
    case 'moffs': {
      if (op.kind !== 'mem' || op.base || op.index || op.indirect || !op.disp) return false;
      if (ctx.mode === 64 && !ctx.movabs) {
        // GNU uses A0-A3 in 64-bit mode only when the address does not fit a sign-extended disp32.
        if (!isConst(op.disp) || ctx.addr32) return false;
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
  if (!op || op.kind !== 'reg' || op.reg.cls !== 'gpr') return false;
  if (d.kind === 'fixed') return d.reg === 'acc';
  return d.kind === 'gpr' || d.kind === 'rm';
}

function tryForm(f: Form, ops: readonly AsmOperand[], size: number, ctx: Ctx): Match | undefined {
  const defs = f.operands;
  let list: readonly AsmOperand[] = ops;
  let omitted = -1;
  if (ops.length !== defs.length) {
    // `shl %eax` means `shl $1,%eax`: the count 1 may be left out.
    if (ops.length === defs.length - 1 && defs[0].kind === 'one') omitted = 0;
    else return undefined;
  }
  const attempt = (order: readonly AsmOperand[]): Match | undefined => {
    const mapped: (AsmOperand | undefined)[] = [];
    let j = 0;
    for (let i = 0; i < defs.length; i++) {
      if (i === omitted) { mapped.push(undefined); continue; }
      const op = order[j++];
      if (!matchOp(defs[i], op, size, f, ctx)) return undefined;
      mapped.push(op);
    }
    let pinned = false;
    let sizedMem = false;
    defs.forEach((d, i) => {
      if (pins(d, mapped[i])) pinned = true;
      const o = mapped[i];
      if (o && o.kind === 'mem' && (d.kind === 'rm' || d.kind === 'mem') && d.size !== 0) sizedMem = true;
    });
    return { form: f, size, ops: mapped, unpinned: !pinned && sizedMem };
  };
  let m = attempt(list);
  if (!m && f.commute && list.length === 2) {
    list = [list[1], list[0]];
    m = attempt(list);
  }
  return m;
}

function sizesToTry(f: Form, mode: Mode, sfx: string, forced: number | undefined): number[] {
  const sizes = formSizes(f, mode);
  if (sfx) {
    const s = SUFFIX_SIZE[sfx];
    if (!sizes.length) {
      // Forms without an operand size accept a suffix naming their fixed memory size (movw %ds,(%rax)).
      const fixed = f.operands.find((o) => (o.kind === 'mem' || o.kind === 'rm') && typeof o.size === 'number' && o.size > 0);
      return fixed && fixed.size === s ? [0] : [];
    }
    return sizes.includes(s) ? [s] : [];
  }
  if (!sizes.length) return [0];
  if (forced !== undefined) return sizes.includes(forced) ? [forced] : [];
  const def = (f.osz === 'd64' || f.osz === 'f64') && mode === 64 ? 64 : 32;
  return sizes.includes(def) ? [def, ...sizes.filter((s) => s !== def)] : [...sizes];
}

function findMatch(cands: readonly Cand[], ops: readonly AsmOperand[], ctx: Ctx, forced?: number): Match | undefined {
  for (const c of cands) {
    if (!c.form.modes.includes(ctx.mode)) continue;
    if (ctx.movabs && c.form.mnem !== 'mov') continue;
    for (const s of sizesToTry(c.form, ctx.mode, c.sfx, forced)) {
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
  for (const raw of list) {
    const n = raw.toLowerCase();
    if (n === 'lock') p.lock = true;
    else if (n === 'rep' || n === 'repe' || n === 'repz') p.rep = 0xf3;
    else if (n === 'repne' || n === 'repnz') p.rep = 0xf2;
    else if (n === 'data16') p.data16 = true;
    else if (n === 'data32') { /* operand size 32 is the default in 32/64-bit code */ }
    else if (n === 'addr32') p.addr = 32;
    else if (n === 'addr16') p.addr = 16;
    else if (n === 'notrack') p.notrack = true;
    else if (n in SEG_PREFIX) p.seg = SEG_PREFIX[n];
    else if (n === 'rex64') p.rex |= 0x48;
    else if (n.startsWith('rex')) {
      if (mode !== 64) throw new EncodeError(`\`${raw}' is only supported in 64-bit mode`, 'mode');
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
export function encodeInstruction(insn: AsmInsn, opts: EncodeOptions): Encoded {
  const mode = opts.mode;
  const mnemonic = insn.mnemonic.toLowerCase();
  const cands = candidatesFor(mnemonic);
  if (!cands.length) throw new EncodeError(`no such instruction: \`${insn.mnemonic}'`, 'no-such-insn');
  const name = baseMnem(insn, cands);
  const inMode = cands.filter((c) => c.form.modes.includes(mode));
  if (!inMode.length) {
    const only = cands[0].form.modes;
    if (only.length === 1 && only[0] === 64) throw new EncodeError(`\`${name}' is only supported in 64-bit mode`, 'mode');
    throw new EncodeError(`\`${name}' is not supported in ${mode}-bit mode`, 'mode');
  }
  const ops = insn.operands;
  for (const o of ops) checkRegsMode(o, mode);
  const pfx = parsePrefixes(insn.prefixes, mode);
  const movabs = mnemonic.startsWith('movabs');
  const ctx: Ctx = { mode, movabs, addr32: pfx.addr === 32, ignoreRegSize: false };

  let m = findMatch(cands, ops, ctx);
  const warnings: string[] = [];
  if (m && m.unpinned && !cands.some((c) => c.sfx && c.form === m!.form)) {
    // No suffix and no register: if other sizes would also have matched, GNU uses the default suffix.
    const sizes = new Set<number>();
    for (const c of inMode) {
      for (const s of sizesToTry(c.form, mode, c.sfx, undefined)) if (tryForm(c.form, ops, s, ctx)) sizes.add(s);
    }
    if (sizes.size > 1) {
      const stack = m.form.osz === 'd64' || m.form.osz === 'f64';
      const def = stack && mode === 64 ? 64 : 32;
      m = findMatch(cands, ops, ctx, def) ?? m;
      if (!stack) warnings.push(`no instruction mnemonic suffix given and no register operands; using default for \`${name}'`);
    }
  }
  if (!m) throw explainMismatch(insn, cands, inMode, ops, ctx, name);
  return emit(m, insn, pfx, opts, warnings, name);
}

function checkRegsMode(o: AsmOperand, mode: Mode): void {
  const regs: RegInfo[] = [];
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
  const counts = inMode.some((c) => c.form.operands.length === ops.length || (c.form.operands[0]?.kind === 'one' && c.form.operands.length - 1 === ops.length));
  if (!counts) return new EncodeError(`number of operands mismatch for \`${name}'`);
  const sfxCands = cands.filter((c) => c.sfx);
  const sfx = sfxCands.length && !cands.some((c) => !c.sfx) ? insn.mnemonic.slice(-1).toLowerCase() : '';
  if (sfx) {
    const any = inMode.some((c) => c.sfx && sizesToTry(c.form, ctx.mode, c.sfx, undefined).length > 0);
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
  const sizeBlind = findMatch(inMode.map((c) => ({ form: c.form, sfx: '' })), ops, { ...ctx, ignoreRegSize: true });
  if (sizeBlind) {
    const gsizes = new Set<number>();
    sizeBlind.ops.forEach((o, i) => { if (pins(sizeBlind.form.operands[i], o)) gsizes.add(regFrom(o)!.size); });
    if (gsizes.size <= 1) return new EncodeError(`operand size mismatch for \`${name}'`);
  }
  return new EncodeError(`operand type mismatch for \`${name}'`);
}

function pushLE(out: number[], v: bigint, n: number): void {
  let x = BigInt.asUintN(n * 8, v);
  for (let i = 0; i < n; i++) { out.push(Number(x & 0xffn)); x >>= 8n; }
}

function emit(m: Match, insn: AsmInsn, pfx: PrefixState, opts: EncodeOptions, warnings: string[], name: string): Encoded {
  const f = m.form;
  const mode = opts.mode;
  const size = m.size;
  const defs = f.operands;

  // Operand roles.
  let regField = -1; // ModRM.reg value (0..15)
  let rmReg: RegInfo | undefined;
  let mem: MemOperand | undefined;
  let opreg: RegInfo | undefined;
  let imm: { v: Value; n: number; signed: boolean } | undefined;
  let imm2: { v: Value; n: number } | undefined;
  let rel: { v: Value; n: 1 | 4 } | undefined;
  let moffs: Value | undefined;
  const byteRegs: RegInfo[] = [];
  let relax: 'short' | 'near' | undefined;

  defs.forEach((d, i) => {
    const o = m.ops[i];
    if (!o) return;
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
          rel = { v: (o as MemOperand).disp!, n: short ? 1 : 4 };
          if (f.relaxTo) relax = short ? 'short' : 'near';
        } else if (d.kind === 'moffs') {
          moffs = (o as MemOperand).disp!;
        } else {
          const n = d.sx ? 1 : d.size === 'v' ? size / 8 : defSize(d, size) / 8;
          imm = { v: (o as { value: Value }).value, n, signed: size === 64 && n === 4 };
        }
        break;
      case 'imm2':
        imm2 = { v: (o as { value: Value }).value, n: defSize(d, size) / 8 };
        break;
      case 'implicit':
        break;
    }
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
  if (mem) addr = encodeAddress(mem, mode, absSize);
  if (mem && mem.disp && addr && !addr.ripRel && addr.dispSize === 4 && isConst(mem.disp) && mode === 64 && !mem.base && !mem.index) {
    if (!fitsS(wrapS(mem.disp.addend, 64), 32) || mem.disp.addend > M64) throw new EncodeError(`operand type mismatch for \`${name}'`);
  }

  // Prefix bytes in GNU's order: segment, address size, operand size, rep/mandatory, lock, REX.
  const out: number[] = [];
  let seg = pfx.seg;
  if (mem?.seg) {
    const s = SEG_PREFIX[mem.seg.name];
    // GNU drops an override naming the segment the address uses anyway (SDM Vol. 1 §3.7.4).
    const dflt = mem.base && (mem.base.num === 4 || mem.base.num === 5) && mem.base.cls === 'gpr' ? 0x36 : 0x3e;
    if (s !== dflt || mode === 16) seg = seg || s;
    else if (!seg && s === dflt && mem.base === undefined && mem.index === undefined && false) seg = s;
  }
  if (moffs === undefined && rel === undefined) { /* nothing */ }
  if (seg) out.push(seg);
  const modeAsz = mode;
  let asz: number = addr ? addr.asize : pfx.addr || modeAsz;
  if (f.asz) asz = f.asz;
  if (moffs !== undefined && pfx.addr) asz = pfx.addr;
  if (asz !== modeAsz || (pfx.addr && pfx.addr !== modeAsz)) out.push(0x67);
  const opsz16 = size === 16 && f.osz !== 'b' && f.osz !== 'none';
  if (opsz16 || pfx.data16) out.push(0x66);
  if (f.prefix === 0x66) out.push(0x66);
  if (pfx.rep) out.push(pfx.rep);
  if (f.prefix === 0xf2 || f.prefix === 0xf3) out.push(f.prefix);
  if (pfx.lock) {
    if (!f.lockable || !mem) throw new EncodeError(`expecting lockable instruction after \`lock'`);
    out.push(0xf0);
  }
  if (pfx.rep && !f.rep) {
    throw new EncodeError(`invalid instruction \`${name}' after \`${insn.prefixes.find((p) => p.startsWith('rep'))}'`);
  }

  // REX.
  let rexW = 0;
  if (size === 64 && (f.osz === 'v' || f.osz === 'q')) rexW = 1;
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
          fixups.push({ offset: out.length, size: addr.dispSize as 1 | 2 | 4, value: d, pcrel: addr.ripRel, signed: addr.dispSize === 4 && mode === 64 });
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
  if (imm2) field(imm2.v, imm2.n, false, false);
  if (rel) field(rel.v, rel.n, true, true);

  // The pc-relative fixups are relative to the end of the instruction; nothing follows them but
  // immediates, whose size the front end sees as (bytes.length - offset - size).
  return { bytes: Uint8Array.from(out), fixups, form: f.id, ...(relax ? { relax } : {}), ...(warnings.length ? { warnings } : {}) };
}

function hex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}
