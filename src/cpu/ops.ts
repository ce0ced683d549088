// User-mode instruction handlers, keyed by the ISA table's `sem` names (src/isa/forms/*.ts).
// Operands arrive in AT&T order (sources first, destination last): k0/r0/s0 is the first.
// cpu.rip already points at the next instruction when a handler runs (exec.ts).

import { Cpu, CpuFault, F_CF, F_PF, F_AF, F_ZF, F_SF, F_TF, F_IF, F_DF, F_OF, F_IOPL, F_NT, F_RF, F_AC, F_ID, STATUS, SEG_SS, SEG_DS, SEG_ES, SEG_FS, SEG_GS, SEG_CS, LZ_SUB, ACC_R, canonLo, canonHi, isCanonical, pairToCanon } from './state.js';
import { getFlags, setLazy, setLazyRes, setFlagsMasked, PARITY } from './flags.js';
import {
  add, sub, shiftDouble, mulFlags, mul64, umul32, imul32, maskOf, msb, toBig, fromBig,
} from './alu.js';
import {
  Insn, K_REG, K_MEM, K_IMM, ea, readOp, readRmw, writeRmw, writeOp, push, pop, peekStack, adjustSp, getSp, rmwAddr, probePush, type Handler,
} from './operands.js';
import { rd8, rd16, rd32, rd64, rdN, wr8, wrN, wr16, checkWrite, physByte } from './access.js';
import { Pfx, NONE } from '../decode/types.js';
import { FORMS } from '../isa/index.js';
import { BMI_HANDLERS } from './ops-bmi.js';
import { MPX_HANDLERS } from './ops-mpx.js';
import { generatedHandlers } from './codegen.js';

const TWO32 = 4294967296;

export const UD = (): never => { throw new CpuFault(6); };
export const GP0 = (): never => { throw new CpuFault(13, 0); };

/** Read operand 0 (source) at size s. */
function src0(cpu: Cpu, i: Insn, size: number): number {
  return readOp(cpu, i, i.k0, i.r0, size);
}

// ALU group 1, inc/dec/neg/not: generated from semantics.ts (codegen.ts).

// ---- multiply / divide (SDM Vol.2 MUL, IMUL, DIV, IDIV) ----

function mulOne(signed: boolean): Handler {
  return (cpu, i) => {
    const size = i.s0;
    const b = src0(cpu, i, size);
    const bHi = size === 64 ? cpu.tHi : 0;
    switch (size) {
      case 8: {
        const a = cpu.lo[0] & 0xff;
        const r = signed ? ((a << 24) >> 24) * ((b << 24) >> 24) : a * b;
        const ax = r & 0xffff;
        cpu.setReg(0, 16, ax);
        const ovf = signed ? ((ax << 24) >> 24) !== ((ax << 16) >> 16) : (ax & 0xff00) !== 0;
        mulFlags(cpu, 8, ovf, ax & 0xff, 0);
        break;
      }
      case 16: {
        const a = cpu.lo[0] & 0xffff;
        const r = signed ? ((a << 16) >> 16) * ((b << 16) >> 16) : a * b;
        cpu.setReg(0, 16, r); cpu.setReg(2, 16, r >> 16);
        const ovf = signed ? ((r << 16) >> 16) !== r : (r >>> 16) !== 0;
        mulFlags(cpu, 16, ovf, r & 0xffff, 0);
        break;
      }
      case 32: {
        const a = cpu.lo[0];
        const lo = signed ? imul32(cpu, a, b) : umul32(cpu, a, b);
        const hi = cpu.tHi;
        cpu.setReg(0, 32, lo); cpu.setReg(2, 32, hi);
        const ovf = signed ? hi !== (lo >> 31) : hi !== 0;
        mulFlags(cpu, 32, ovf, lo, 0);
        break;
      }
      default: {
        const o = mul64(cpu.lo[0], cpu.hi[0], b, bHi, signed);
        const w0 = o[0], w1 = o[1], w2 = o[2], w3 = o[3];
        cpu.lo[0] = w0; cpu.hi[0] = w1; cpu.lo[2] = w2; cpu.hi[2] = w3;
        const s = w1 >> 31;
        const ovf = signed ? (w2 !== s || w3 !== s) : (w2 | w3) !== 0;
        mulFlags(cpu, 64, ovf, w0, w1);
        break;
      }
    }
  };
}

/** imul with a truncated result: imul2 [src, dst] and imul3 [imm, src, dst]. */
function imulN(three: boolean): Handler {
  return (cpu, i) => {
    let size: number, a: number, aHi: number, b: number, bHi: number;
    if (three) {
      size = i.s2;
      a = readOp(cpu, i, i.k1, i.r1, size); aHi = size === 64 ? cpu.tHi : 0;
      b = readOp(cpu, i, i.k0, i.r0, size); bHi = size === 64 ? cpu.tHi : 0;
    } else {
      size = i.s1;
      a = cpu.getReg(i.r1, size); aHi = size === 64 ? cpu.tHi : 0;
      b = readOp(cpu, i, i.k0, i.r0, size); bHi = size === 64 ? cpu.tHi : 0;
    }
    const dst = three ? i.r2 : i.r1;
    let lo: number, hi = 0, ovf: boolean;
    if (size === 16) {
      const r = ((a << 16) >> 16) * ((b << 16) >> 16);
      lo = r & 0xffff; ovf = ((r << 16) >> 16) !== r;
    } else if (size === 32) {
      lo = imul32(cpu, a, b); ovf = cpu.tHi !== (lo >> 31);
    } else {
      const o = mul64(a, aHi, b, bHi, true);
      lo = o[0]; hi = o[1];
      const s = hi >> 31;
      ovf = o[2] !== s || o[3] !== s;
    }
    cpu.setReg(dst, size, lo, hi);
    mulFlags(cpu, size, ovf, lo, hi);
  };
}

/** Flags after div/idiv: all six undefined (SDM DIV/IDIV); the profile says what the silicon leaves. */
function divFlags(cpu: Cpu): void {
  if (cpu.profile.undef.divFlags === 'keep') return;
  cpu.flags = (getFlags(cpu) & ~(F_SF | F_ZF | F_PF)) | F_AF;
}

function divOne(signed: boolean): Handler {
  return (cpu, i) => {
    const size = i.s0;
    const b = src0(cpu, i, size);
    const bHi = size === 64 ? cpu.tHi : 0;
    if (size <= 16) {
      const sh = 32 - size;
      const dividend = size === 8
        ? (signed ? ((cpu.lo[0] << 16) >> 16) : cpu.lo[0] & 0xffff)
        : (signed ? ((cpu.lo[2] & 0xffff) << 16) | (cpu.lo[0] & 0xffff) : (((cpu.lo[2] & 0xffff) << 16) | (cpu.lo[0] & 0xffff)) >>> 0);
      const divisor = signed ? (b << sh) >> sh : b & maskOf(size);
      if (divisor === 0) throw new CpuFault(0);
      const q = Math.trunc(dividend / divisor);
      const r = dividend - q * divisor;
      const qmax = signed ? (1 << (size - 1)) - 1 : (1 << size) - 1;
      const qmin = signed ? -(1 << (size - 1)) : 0;
      if (q > qmax || q < qmin) throw new CpuFault(0);
      if (size === 8) cpu.setReg(0, 16, (q & 0xff) | ((r & 0xff) << 8));
      else { cpu.setReg(0, 16, q); cpu.setReg(2, 16, r); }
      divFlags(cpu);
      return;
    }
    // 64- and 128-bit dividends: BigInt is fine here (division is rare and slow on hardware too).
    const S = BigInt(size);
    const hiPart = size === 32 ? BigInt(cpu.lo[2] >>> 0) : toBig(cpu.lo[2], cpu.hi[2]);
    const loPart = size === 32 ? BigInt(cpu.lo[0] >>> 0) : toBig(cpu.lo[0], cpu.hi[0]);
    let dividend = (hiPart << S) | loPart;
    let divisor = size === 32 ? BigInt(b >>> 0) : toBig(b, bHi);
    if (divisor === 0n) throw new CpuFault(0);
    if (signed) { dividend = BigInt.asIntN(2 * size, dividend); divisor = BigInt.asIntN(size, divisor); }
    const q = dividend / divisor;
    const r = dividend % divisor;
    const lim = 1n << (signed ? S - 1n : S);
    if (signed ? (q >= lim || q < -lim) : q >= lim) throw new CpuFault(0);
    const qm = BigInt.asUintN(size, q), rm = BigInt.asUintN(size, r);
    if (size === 32) { cpu.setReg(0, 32, Number(qm) | 0); cpu.setReg(2, 32, Number(rm) | 0); }
    else {
      const ql = fromBig(cpu, qm), qh = cpu.tHi;
      const rl = fromBig(cpu, rm), rh = cpu.tHi;
      cpu.setReg(0, 64, ql, qh); cpu.setReg(2, 64, rl, rh);
    }
    divFlags(cpu);
  };
}

// ---- double shifts (the single ones are generated from semantics.ts) ----
function shiftD(left: boolean): Handler {
  return (cpu, i) => {
    const size = i.s2;
    const count = i.k0 === K_IMM ? i.immLo & 0xff : cpu.lo[1] & 0xff;
    const s = cpu.getReg(i.r1, size); const sHi = size === 64 ? cpu.tHi : 0;
    const d = readRmw(cpu, i, i.k2, i.r2, size); const dHi = size === 64 ? cpu.tHi : 0;
    const r = shiftDouble(cpu, left, size, d, dHi, s, sHi, count);
    writeRmw(cpu, i.k2, i.r2, size, r, cpu.tHi);
  };
}

// ---- bit instructions ----
/** bt/bts/btr/btc: op 0 test, 1 set, 2 reset, 3 complement (SDM Vol.2A BT). */
function btH(op: number): Handler {
  return (cpu, i) => {
    const size = i.s1;
    let off: number, offHi = 0;
    if (i.k0 === K_IMM) off = i.immLo & (size - 1);
    else { off = cpu.getReg(i.r0, size); if (size === 64) offHi = cpu.tHi; }
    let v: number, vHi = 0, bitn: number, addr = 0;
    if (i.k1 === K_REG) {
      v = cpu.getReg(i.r1, size); if (size === 64) vHi = cpu.tHi;
      bitn = off & (size - 1);
    } else {
      // A register bit offset addresses memory beyond the operand (signed, SDM Vol.1 3.6.1).
      let base = ea(cpu, i);
      if (i.k0 !== K_IMM) {
        let boff: number;
        if (size === 16) boff = (off << 16) >> 16;
        else if (size === 32) boff = off;
        else boff = offHi * TWO32 + (off >>> 0);
        const unit = Math.floor(boff / size);
        base += unit * (size >> 3);
        if (i.adsize === 32 && i.mode === 64) base = base; // offset applied to the linear address
        if (i.mode === 32) base = ((base % TWO32) + TWO32) % TWO32;
        bitn = boff - unit * size;
      } else bitn = off;
      addr = base;
      if (op !== 0) checkWrite(cpu, addr, size >> 3);
      v = rdN(cpu, addr, size); if (size === 64) vHi = cpu.tHi;
    }
    const bit = bitn < 32 ? (v >>> bitn) & 1 : (vHi >>> (bitn - 32)) & 1;
    // CF = bit; OF SF AF PF undefined (measured: unchanged), ZF unchanged.
    const f = getFlags(cpu);
    cpu.flags = (f & ~F_CF) | bit;
    if (op === 0) return;
    const m = bitn < 32 ? 1 << bitn : 0, mh = bitn >= 32 ? 1 << (bitn - 32) : 0;
    let r: number, rHi: number;
    if (op === 1) { r = v | m; rHi = vHi | mh; }
    else if (op === 2) { r = v & ~m; rHi = vHi & ~mh; }
    else { r = v ^ m; rHi = vHi ^ mh; }
    if (i.k1 === K_REG) cpu.setReg(i.r1, size, r, rHi);
    else wrN(cpu, addr, size, r, rHi);
  };
}

function clz32(x: number): number { return Math.clz32(x); }
function ctz32(x: number): number { return x === 0 ? 32 : 31 - Math.clz32(x & -x); }
function popcnt32(x: number): number { x = x - ((x >>> 1) & 0x55555555); x = (x & 0x33333333) + ((x >>> 2) & 0x33333333); return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24; }

/** bsf/bsr/tzcnt/lzcnt/popcnt [src, dst]. */
function bitScan(kind: 'bsf' | 'bsr' | 'tzcnt' | 'lzcnt' | 'popcnt'): Handler {
  return (cpu, i) => {
    const size = i.s1;
    const v = src0(cpu, i, size) & maskOf(size);
    const vHi = size === 64 ? cpu.tHi : 0;
    const zero = (v | vHi) === 0;
    const f = getFlags(cpu) & ~STATUS;
    let r = 0;
    switch (kind) {
      case 'bsf': case 'bsr': {
        if (zero) {
          // Destination unchanged (AMD documents it; Intel behaves the same). Undefined flags: measured.
          cpu.flags = f | F_ZF | F_PF;
          return;
        }
        if (kind === 'bsf') r = v !== 0 ? ctz32(v) : 32 + ctz32(vHi);
        else r = size === 64 && vHi !== 0 ? 63 - clz32(vHi) : 31 - clz32(v);
        cpu.setReg(i.r1, size, r, 0);
        cpu.flags = f | PARITY[r];
        return;
      }
      case 'tzcnt': r = zero ? size : v !== 0 ? ctz32(v) : 32 + ctz32(vHi); break;
      case 'lzcnt': r = zero ? size : size === 64 ? (vHi !== 0 ? clz32(vHi) : 32 + clz32(v)) : clz32(v) - (32 - size); break;
      case 'popcnt': r = popcnt32(v) + popcnt32(vHi); break;
    }
    cpu.setReg(i.r1, size, r, 0);
    if (kind === 'popcnt') cpu.flags = f | (zero ? F_ZF : 0);
    else cpu.flags = f | (cpu.profile.undef.countOF === 'keep' ? getFlags(cpu) & F_OF : 0) | (zero ? F_CF : 0) | (r === 0 ? F_ZF : 0);
  };
}
// Undefined flags, measured on both vendors: bsf/bsr clear CF OF SF AF and set PF from the index
// (from 0 for a zero source, which leaves the destination unchanged); tzcnt/lzcnt clear SF AF PF
// and keep or clear OF (profile countOF).

// ---- data movement (mov, movzx, movsx, lea, cmovcc, setcc: generated from semantics.ts) ----
const xchgH: Handler = (cpu, i) => {
  const size = i.s1;
  const b = readRmw(cpu, i, i.k1, i.r1, size); const bHi = size === 64 ? cpu.tHi : 0;
  const a = cpu.getReg(i.r0, size); const aHi = size === 64 ? cpu.tHi : 0;
  writeRmw(cpu, i.k1, i.r1, size, a, aHi);
  cpu.setReg(i.r0, size, b, bHi);
};
function bswap32(x: number): number { return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24); }
const bswapH: Handler = (cpu, i) => {
  const size = i.s0;
  const r = i.r0;
  if (size === 64) { const l = cpu.lo[r], h = cpu.hi[r]; cpu.lo[r] = bswap32(h); cpu.hi[r] = bswap32(l); }
  else if (size === 32) cpu.setReg(r, 32, bswap32(cpu.lo[r]));
  else cpu.setReg(r, 16, 0); // 16-bit bswap is undefined (SDM): measured, the low word becomes 0
};
const movbeH: Handler = (cpu, i) => {
  const size = i.s1;
  const v = readOp(cpu, i, i.k0, i.r0, size); const vHi = cpu.tHi;
  let r: number, rHi = 0;
  if (size === 16) r = ((v & 0xff) << 8) | ((v >> 8) & 0xff);
  else if (size === 32) r = bswap32(v);
  else { r = bswap32(vHi); rHi = bswap32(v); }
  writeOp(cpu, i, i.k1, i.r1, size, r, rHi);
};
const cbwH: Handler = (cpu, i) => {
  switch (i.opsize) {
    case 16: cpu.setReg(0, 16, (cpu.lo[0] << 24) >> 24); break;
    case 32: cpu.setReg(0, 32, (cpu.lo[0] << 16) >> 16); break;
    default: cpu.setReg(0, 64, cpu.lo[0], cpu.lo[0] >> 31); break;
  }
};
const cwdH: Handler = (cpu, i) => {
  switch (i.opsize) {
    case 16: cpu.setReg(2, 16, (cpu.lo[0] << 16) >> 31); break;
    case 32: cpu.setReg(2, 32, cpu.lo[0] >> 31); break;
    default: { const s = cpu.hi[0] >> 31; cpu.setReg(2, 64, s, s); break; }
  }
};
const cmpxchgH: Handler = (cpu, i) => {
  const size = i.s1;
  const d = readRmw(cpu, i, i.k1, i.r1, size); const dHi = size === 64 ? cpu.tHi : 0;
  const a = cpu.getReg(0, size); const aHi = size === 64 ? cpu.tHi : 0;
  sub(cpu, size, a & maskOf(size), aHi, d, dHi, 0);
  if ((a & maskOf(size)) === d && aHi === dHi) {
    const s = cpu.getReg(i.r0, size); const sHi = size === 64 ? cpu.tHi : 0;
    writeRmw(cpu, i.k1, i.r1, size, s, sHi);
  } else {
    // The destination is written back unchanged on failure (a memory write cycle; SDM CMPXCHG).
    if (i.k1 !== K_REG) writeRmw(cpu, i.k1, i.r1, size, d, dHi);
    cpu.setReg(0, size, d, dHi);
  }
};
const xaddH: Handler = (cpu, i) => {
  const size = i.s1;
  const d = readRmw(cpu, i, i.k1, i.r1, size); const dHi = size === 64 ? cpu.tHi : 0;
  const s = cpu.getReg(i.r0, size); const sHi = size === 64 ? cpu.tHi : 0;
  const r = add(cpu, size, d, dHi, s, sHi, 0); const rHi = cpu.tHi;
  cpu.setReg(i.r0, size, d, dHi);
  writeRmw(cpu, i.k1, i.r1, size, r, rHi);
};
function cmpxchgNb(sz: 64 | 128): Handler {
  return (cpu, i) => {
    const a = ea(cpu, i);
    if (sz === 128 && (a % 16) !== 0) throw new CpuFault(13, 0);
    checkWrite(cpu, a, sz >> 3);
    if (sz === 64) {
      const lo = rd32(cpu, a), hi = rd32(cpu, a + 4);
      if (lo === cpu.lo[0] && hi === cpu.lo[2]) {
        wrN(cpu, a, 32, cpu.lo[3], 0); wrN(cpu, a + 4, 32, cpu.lo[1], 0);
        cpu.flags = getFlags(cpu) | F_ZF;
      } else {
        wrN(cpu, a, 32, lo, 0); wrN(cpu, a + 4, 32, hi, 0);
        cpu.setReg(0, 32, lo); cpu.setReg(2, 32, hi);
        cpu.flags = getFlags(cpu) & ~F_ZF;
      }
    } else {
      const l0 = rd64(cpu, a), h0 = cpu.tHi, l1 = rd64(cpu, a + 8), h1 = cpu.tHi;
      if (l0 === cpu.lo[0] && h0 === cpu.hi[0] && l1 === cpu.lo[2] && h1 === cpu.hi[2]) {
        wrN(cpu, a, 64, cpu.lo[3], cpu.hi[3]); wrN(cpu, a + 8, 64, cpu.lo[1], cpu.hi[1]);
        cpu.flags = getFlags(cpu) | F_ZF;
      } else {
        wrN(cpu, a, 64, l0, h0); wrN(cpu, a + 8, 64, l1, h1);
        cpu.setReg(0, 64, l0, h0); cpu.setReg(2, 64, l1, h1);
        cpu.flags = getFlags(cpu) & ~F_ZF;
      }
    }
  };
}
const xlatH: Handler = (cpu, i) => {
  if (i.adsize === 64) {
    // rbx + al is a DS (or override) reference: non-canonical -> #GP(0), not a page fault.
    const l = (cpu.lo[3] >>> 0) + (cpu.lo[0] & 0xff);
    const h = (cpu.hi[3] + (l >= TWO32 ? 1 : 0)) | 0;
    const t = h >> 15;
    if (i.seg < SEG_FS && t !== 0 && t !== -1) throw new CpuFault(13, 0);
  }
  let a = (i.adsize === 64 ? pairToCanon(cpu.lo[3], cpu.hi[3]) : i.adsize === 32 ? cpu.lo[3] >>> 0 : cpu.lo[3] & 0xffff) + (cpu.lo[0] & 0xff);
  if (i.adsize === 32) a = a % TWO32; else if (i.adsize === 16) a &= 0xffff;
  const b = i.mode === 64 ? (i.seg >= SEG_FS ? cpu.segs[i.seg].base : 0) : cpu.segs[i.seg].base;
  cpu.setReg(0, 8, rd8(cpu, a + b));
};

// ---- stack (push, pop: generated from semantics.ts) ----
/** Stack operand size: 64 (or 16 with 66h) in long mode, 32 (or 16) in 32-bit mode. */
function stackSize(i: Insn): number { return i.opsize; }

const pushSegH: Handler = (cpu, i) => {
  const sreg = SEGNUM[(FORM_SEG.get(i.form)) ?? 'ds'];
  const size = stackSize(i);
  // A 32-bit push of a segment register writes the selector zero-extended or only its 16 bits,
  // leaving the slot's upper half (SDM PUSH: "all recent Core and Atom processors perform a 16-bit move").
  push(cpu, size, cpu.segs[sreg].sel, 0, size === 32 && cpu.profile.quirks.pushSeg32Low16);
};
/** The segment register a push/pop-segment form names (derived from the ISA table at load). */
export const FORM_SEG: ReadonlyMap<number, string> = new Map(
  FORMS.flatMap((f) => { const o = f.operands.find((x) => x.kind === 'seg'); return o?.reg ? [[f.index, o.reg] as [number, string]] : []; }));
const SEGNUM: Record<string, number> = { es: SEG_ES, cs: SEG_CS, ss: SEG_SS, ds: SEG_DS, fs: SEG_FS, gs: SEG_GS };

// pusha/popa are all-or-nothing: a fault part way (e.g. #PF at a page edge) leaves every register
// as it was, as the native vectors show. 32-bit mode only, so the low halves are the whole state.
const pushaSave = new Int32Array(8);
const pushaH: Handler = (cpu, i) => {
  const size = i.opsize;
  const sp = cpu.getReg(4, size);
  const sp0 = cpu.lo[4];
  try {
    for (let r = 0; r < 8; r++) push(cpu, size, r === 4 ? sp : cpu.getReg(r, size), 0);
  } catch (e) { cpu.lo[4] = sp0; throw e; }
};
const popaH: Handler = (cpu, i) => {
  const size = i.opsize;
  for (let r = 0; r < 8; r++) pushaSave[r] = cpu.lo[r];
  try {
    for (let r = 7; r >= 0; r--) { const v = pop(cpu, size); if (r !== 4) cpu.setReg(r, size, v); }
  } catch (e) { for (let r = 0; r < 8; r++) cpu.lo[r] = pushaSave[r]; throw e; }
};

/** pushf: RF and VM are pushed as 0 (SDM PUSHF). */
const pushfH: Handler = (cpu, i) => {
  const f = getFlags(cpu) & ~(F_RF | 0x20000);
  push(cpu, stackSize(i), i.opsize === 16 ? f & 0xffff : f, 0);
};
/** popf at CPL > 0: IOPL kept, IF only if CPL <= IOPL; VM VIF VIP kept, RF cleared (SDM POPF). */
const popfH: Handler = (cpu, i) => {
  const size = stackSize(i);
  const v = pop(cpu, size);
  const f = getFlags(cpu);
  let mask = STATUS | F_TF | F_DF | F_NT | F_AC | F_ID;
  const iopl = (f & F_IOPL) >> 12;
  if (cpu.cpl === 0) mask |= F_IOPL | F_IF;
  else if (cpu.cpl <= iopl) mask |= F_IF;
  if (size === 16) mask &= 0xffff;
  cpu.flags = ((f & ~mask) | (v & mask) | 2) & ~F_RF;
};
const leaveH: Handler = (cpu, i) => {
  const size = stackSize(i);
  // RSP <- RBP (at the stack address size), then pop RBP.
  const saveLo = cpu.lo[4], saveHi = cpu.hi[4];
  if (cpu.mode === 64) { cpu.lo[4] = cpu.lo[5]; cpu.hi[4] = cpu.hi[5]; }
  else if ((cpu.segs[SEG_SS].attr & 0x4000) !== 0) cpu.lo[4] = cpu.lo[5];
  else cpu.lo[4] = (cpu.lo[4] & ~0xffff) | (cpu.lo[5] & 0xffff);
  try {
    const v = pop(cpu, size);
    cpu.setReg(5, size, v, cpu.tHi);
  } catch (e) { cpu.lo[4] = saveLo; cpu.hi[4] = saveHi; throw e; }
};
/** enter $alloc, $level (SDM ENTER, with the nested frame-pointer copies). */
const enterH: Handler = (cpu, i) => {
  const size = stackSize(i);
  const alloc = i.immLo & 0xffff;
  const level = (i.imm2 & 0xff) % 32;
  const saveLo = new Int32Array(cpu.lo), saveHi = new Int32Array(cpu.hi);
  try {
    const rbp = cpu.getReg(5, size); const rbpHi = size === 64 ? cpu.tHi : 0;
    push(cpu, size, rbp, rbpHi);
    const frame = cpu.getReg(4, size); const frameHi = size === 64 ? cpu.tHi : 0;
    if (level > 0) {
      let bp = rbp, bpHi = rbpHi;
      for (let k = 1; k < level; k++) {
        // rbp -= size/8, push [rbp]
        if (size === 64) {
          // [rbp - 8k] is a stack-segment reference: non-canonical gives #SS(0) (SDM ENTER).
          let l = (bp >>> 0) - 8, h = bpHi;
          if (l < 0) { l += TWO32; h = (h - 1) | 0; }
          if (!isCanonical(l | 0, h)) throw new CpuFault(12, 0);
          bp = l | 0; bpHi = h;
          push(cpu, size, rdN(cpu, pairToCanon(bp, bpHi), size), cpu.tHi);
          continue;
        }
        const bpNum = (bp >>> 0) - (size >> 3);
        bp = canonLo(bpNum); bpHi = size === 64 ? canonHi(bpNum) : 0;
        const a = size === 64 ? bpNum : bpNum >>> 0;
        // A stack reference past the flat 4 GiB limit is #SS(0) (measured: enter $8, $3 with EBP = 2).
        // Intel translates the first byte's page first, so a not-present page there is #PF (measured).
        if (a + (size >> 3) > TWO32) {
          if (cpu.profile.quirks.stackWrapPageFirst) physByte(cpu, a, ACC_R);
          throw new CpuFault(12, 0);
        }
        const v = rdN(cpu, a, size);
        push(cpu, size, v, cpu.tHi);
      }
      push(cpu, size, frame, frameHi);
    }
    cpu.setReg(5, size, frame, frameHi);
    adjustSp(cpu, -alloc);
    // The final stack pointer is probed for a write (measured: #PF at the new RSP, error code W).
    if (alloc > 0) checkWrite(cpu, getSp(cpu), 1);
  } catch (e) { cpu.lo.set(saveLo); cpu.hi.set(saveHi); throw e; }
};

// ---- control flow (jmp, jcc, call, ret: generated from semantics.ts) ----
/** Near indirect target: 64-bit in long mode (f64), opsize in 32-bit mode. */
function indTarget(cpu: Cpu, i: Insn): number {
  const size = i.mode === 64 ? 64 : i.opsize;
  const v = readOp(cpu, i, i.k0, i.r0, size);
  if (size === 64) {
    if (!isCanonical(v, cpu.tHi)) throw new CpuFault(13, 0);
    return pairToCanon(v, cpu.tHi);
  }
  return size === 16 ? v & 0xffff : v >>> 0;
}
const jmpIndH: Handler = (cpu, i) => { cpu.rip = indTarget(cpu, i); };
function pushRip(cpu: Cpu, i: Insn): void {
  if (i.mode === 64) push(cpu, 64, canonLo(cpu.rip), canonHi(cpu.rip));
  else push(cpu, i.opsize === 16 ? 16 : 32, cpu.rip, 0);
}
const callIndH: Handler = (cpu, i) => {
  if (i.mode !== 64) { const t = indTarget(cpu, i); pushRip(cpu, i); cpu.rip = t; return; }
  const v = readOp(cpu, i, i.k0, i.r0, 64), vh = cpu.tHi;
  probePush(cpu, 64);
  if (!isCanonical(v, vh)) {
    // Intel stores the return address before the #GP for the target (RSP stays): measured.
    if (cpu.profile.quirks.callBadTargetStoresReturn) {
      const spLo = cpu.lo[4], spHi = cpu.hi[4];
      pushRip(cpu, i);
      cpu.lo[4] = spLo; cpu.hi[4] = spHi;
    }
    throw new CpuFault(13, 0);
  }
  pushRip(cpu, i);
  cpu.rip = pairToCanon(v, vh);
};
/** Count register of loop/jcxz/rep by address size. */
function cntZero(cpu: Cpu, adsize: number): boolean {
  if (adsize === 64) return (cpu.lo[1] | cpu.hi[1]) === 0;
  if (adsize === 32) return cpu.lo[1] === 0;
  return (cpu.lo[1] & 0xffff) === 0;
}
function cntDec(cpu: Cpu, adsize: number): void {
  if (adsize === 64) { if (cpu.lo[1] === 0) cpu.hi[1] = (cpu.hi[1] - 1) | 0; cpu.lo[1] = (cpu.lo[1] - 1) | 0; }
  else if (adsize === 32) { cpu.lo[1] = (cpu.lo[1] - 1) | 0; cpu.hi[1] = 0; }
  else cpu.lo[1] = (cpu.lo[1] & ~0xffff) | ((cpu.lo[1] - 1) & 0xffff);
}
function loopH(kind: number): Handler {
  return (cpu, i) => {
    cntDec(cpu, i.adsize);
    if (cntZero(cpu, i.adsize)) return;
    if (kind === 1 && !(getFlags(cpu) & F_ZF)) return;
    if (kind === 2 && (getFlags(cpu) & F_ZF)) return;
    cpu.rip = i.target;
  };
}
const jcxzH: Handler = (cpu, i) => { if (cntZero(cpu, i.adsize)) cpu.rip = i.target; };

// ---- string instructions (SDM Vol.1 7.3.9); rep runs in chunks so the step limit stays responsive ----
const REP_CHUNK = 4096;

function idxGet(cpu: Cpu, r: number, adsize: number): number {
  if (adsize === 64) return pairToCanon(cpu.lo[r], cpu.hi[r]);
  return adsize === 32 ? cpu.lo[r] >>> 0 : cpu.lo[r] & 0xffff;
}
function idxAdd(cpu: Cpu, r: number, adsize: number, d: number): void {
  if (adsize === 64) {
    let l = (cpu.lo[r] >>> 0) + d, h = cpu.hi[r];
    if (l < 0) { l += TWO32; h--; } else if (l >= TWO32) { l -= TWO32; h++; }
    cpu.lo[r] = l | 0; cpu.hi[r] = h | 0;
  } else if (adsize === 32) { cpu.lo[r] = (cpu.lo[r] + d) | 0; cpu.hi[r] = 0; }
  else cpu.lo[r] = (cpu.lo[r] & ~0xffff) | ((cpu.lo[r] + d) & 0xffff);
}
function strAddr(cpu: Cpu, i: Insn, r: number, seg: number): number {
  const off = idxGet(cpu, r, i.adsize);
  if (i.mode === 64) {
    if (i.adsize === 64 && !isCanonical(cpu.lo[r], cpu.hi[r])) throw new CpuFault(13, 0);
    return seg >= SEG_FS ? off + cpu.segs[seg].base : off;
  }
  return (off + cpu.segs[seg].base) >>> 0;
}

function strOp(kind: 'movs' | 'stos' | 'lods' | 'cmps' | 'scas' | 'ins' | 'outs'): Handler {
  return (cpu, i) => {
    const size = BYTE_FORM.has(i.form) ? 8 : i.opsize;
    if (kind === 'ins' || kind === 'outs') {
      const iopl = (getFlags(cpu) & F_IOPL) >> 12;
      if (cpu.cpl > iopl) throw new CpuFault(13, 0);
      throw new CpuFault(6); // no I/O ports are modelled
    }
    const rep = (i.prefixes & (Pfx.REP | Pfx.REPNE)) !== 0;
    // With both F2 and F3 present the last one decides (the decoder records it).
    const repne = i.lastRep === 0xf2;
    const ad = i.adsize;
    const srcSeg = i.seg;
    // rep with a 32-bit address size in 64-bit mode: Intel clears RCX[63:32] even when no iteration
    // completes (ECX = 0, or a fault on the first); AMD leaves it until ECX is written (measured).
    if (rep && ad === 32 && i.mode === 64 && cpu.profile.quirks.addr32RepClearsRcxHigh) cpu.hi[1] = 0;
    if (rep && (kind === 'cmps' || kind === 'scas') && cpu.profile.quirks.repCompareFaultKeepsFlags) {
      // Intel: a fault part way through repe/repne cmps/scas reports the flags the instruction
      // started with, not those of the last completed iteration (measured).
      const f0 = getFlags(cpu);
      try { repLoop(cpu, i, kind, size, rep, repne, ad, srcSeg); } catch (e) { setFlagsMasked(cpu, f0, STATUS); throw e; }
      return;
    }
    repLoop(cpu, i, kind, size, rep, repne, ad, srcSeg);
  };
}

function repLoop(cpu: Cpu, i: Insn, kind: 'movs' | 'stos' | 'lods' | 'cmps' | 'scas', size: number, rep: boolean, repne: boolean, ad: number, srcSeg: number): void {
  const step = (getFlags(cpu) & F_DF) ? -(size >> 3) : size >> 3;
    let n = 0;
    for (;;) {
      if (rep && cntZero(cpu, ad)) return;
      switch (kind) {
        case 'movs': {
          const v = rdN(cpu, strAddr(cpu, i, 6, srcSeg), size); const vh = cpu.tHi;
          wrN(cpu, strAddr(cpu, i, 7, SEG_ES), size, v, vh);
          idxAdd(cpu, 6, ad, step); idxAdd(cpu, 7, ad, step);
          break;
        }
        case 'stos': {
          const v = cpu.getReg(0, size);
          wrN(cpu, strAddr(cpu, i, 7, SEG_ES), size, v, size === 64 ? cpu.hi[0] : 0);
          idxAdd(cpu, 7, ad, step);
          break;
        }
        case 'lods': {
          const v = rdN(cpu, strAddr(cpu, i, 6, srcSeg), size);
          cpu.setReg(0, size, v, cpu.tHi);
          idxAdd(cpu, 6, ad, step);
          break;
        }
        case 'cmps': {
          // ES:rDI is read first (measured: its #GP/#PF wins over one at rSI).
          const b = rdN(cpu, strAddr(cpu, i, 7, SEG_ES), size); const bh = size === 64 ? cpu.tHi : 0;
          const a = rdN(cpu, strAddr(cpu, i, 6, srcSeg), size); const ah = size === 64 ? cpu.tHi : 0;
          sub(cpu, size, a, ah, b, bh, 0);
          idxAdd(cpu, 6, ad, step); idxAdd(cpu, 7, ad, step);
          break;
        }
        case 'scas': {
          const a = cpu.getReg(0, size) & maskOf(size); const ah = size === 64 ? cpu.hi[0] : 0;
          const b = rdN(cpu, strAddr(cpu, i, 7, SEG_ES), size); const bh = size === 64 ? cpu.tHi : 0;
          sub(cpu, size, a, ah, b, bh, 0);
          idxAdd(cpu, 7, ad, step);
          break;
        }
      }
      if (!rep) return;
      cntDec(cpu, ad);
      if (kind === 'cmps' || kind === 'scas') {
        const z = (getFlags(cpu) & F_ZF) !== 0;
        if (repne ? z : !z) return;
      }
      if (++n >= REP_CHUNK && !cntZero(cpu, ad)) {
        // Interruptible (SDM Vol.1 7.3.9.2): resume the same instruction on the next step.
        cpu.rip = i.addr;
        return;
      }
  }
}
/** Forms of the byte-sized string instructions (their osz is 'b', opsize reported by the decoder may differ). */
export const BYTE_FORM: ReadonlySet<number> = new Set(FORMS.filter((f) => f.osz === 'b').map((f) => f.index));

// ---- flags ----
const clcH: Handler = (cpu) => { cpu.flags = getFlags(cpu) & ~F_CF; };
const stcH: Handler = (cpu) => { cpu.flags = getFlags(cpu) | F_CF; };
const cmcH: Handler = (cpu) => { cpu.flags = getFlags(cpu) ^ F_CF; };
const cldH: Handler = (cpu) => { cpu.flags &= ~F_DF; };
const stdH: Handler = (cpu) => { cpu.flags |= F_DF; };
/** cli/sti: #GP(0) when CPL > IOPL (no VME/PVI modelled). sti opens a one-instruction shadow. */
const cliH: Handler = (cpu) => { if (cpu.cpl > ((cpu.flags & F_IOPL) >> 12)) throw new CpuFault(13, 0); cpu.flags &= ~F_IF; };
const stiH: Handler = (cpu) => {
  if (cpu.cpl > ((cpu.flags & F_IOPL) >> 12)) throw new CpuFault(13, 0);
  if (!(cpu.flags & F_IF)) cpu.shadow = 2;
  cpu.flags |= F_IF;
};
const lahfH: Handler = (cpu) => { cpu.setReg(16, 8, (getFlags(cpu) & (STATUS & 0xff)) | 2); };
const sahfH: Handler = (cpu) => {
  const ah = (cpu.lo[0] >> 8) & 0xff;
  const m = F_SF | F_ZF | F_AF | F_PF | F_CF;
  cpu.flags = (getFlags(cpu) & ~m) | (ah & m);
};

// ---- BCD (32-bit mode only; SDM Vol.2A DAA/DAS/AAA/AAS/AAM/AAD) ----
// Undefined flags (profile): daa/das OF = signed overflow of AL +/- the whole adjustment (AMD) or 0
// (Intel); aaa/aas adjust AX by +0x106 / -0x106 and take SF ZF PF OF from that 16-bit add/sub before
// AL is masked (AMD) or ZF PF from the final AL with SF = OF = 0 (Intel); aad adds AH*imm to AL with an
// 8-bit add's flags (both).
const daaH = (sub_: boolean): Handler => (cpu) => {
  const f = getFlags(cpu);
  const oldAl = cpu.lo[0] & 0xff, oldCf = f & F_CF;
  let adj = 0, cf = 0, af = 0;
  if ((oldAl & 0xf) > 9 || (f & F_AF)) {
    adj = 6; af = F_AF;
    cf = oldCf | ((sub_ ? oldAl < 6 : oldAl + 6 > 0xff) ? 1 : 0);
  }
  if (oldAl > 0x99 || oldCf) { adj += 0x60; cf = 1; }
  const al = (sub_ ? oldAl - adj : oldAl + adj) & 0xff;
  const ov = cpu.profile.undef.decimalAdjustOF === 'clear' ? 0 : sub_ ? ((oldAl ^ adj) & (oldAl ^ al) & 0x80) : ((oldAl ^ al) & (adj ^ al) & 0x80);
  cpu.setReg(0, 8, al);
  setLazyRes(cpu, 8, al, 0, (cf ? F_CF : 0) | af | (ov ? F_OF : 0), F_CF | F_AF | F_OF);
};
const aaaH = (sub_: boolean): Handler => (cpu) => {
  const f = getFlags(cpu);
  let ax = cpu.lo[0] & 0xffff;
  let fl = f & ~STATUS;
  if ((ax & 0xf) > 9 || (f & F_AF)) {
    const r = (sub_ ? ax - 0x106 : ax + 0x106) & 0xffff;
    // OF: signed overflow of that 16-bit add/sub (measured)
    const ov = sub_ ? (ax ^ 0x106) & (ax ^ r) & 0x8000 : (ax ^ r) & (0x106 ^ r) & 0x8000;
    ax = r;
    fl |= F_AF | F_CF | (ov ? F_OF : 0);
  }
  if (cpu.profile.undef.asciiAdjustFlags === 'finalAL') {
    fl &= ~F_OF;
    fl |= PARITY[ax & 0x0f] | ((ax & 0x0f) === 0 ? F_ZF : 0);
  } else fl |= PARITY[ax & 0xff] | (ax === 0 ? F_ZF : 0) | (ax & 0x8000 ? F_SF : 0);
  cpu.setReg(0, 16, ax & 0xff0f);
  cpu.flags = fl;
};
const aamH: Handler = (cpu, i) => {
  const base = i.n > 0 ? i.immLo & 0xff : 10;
  if (base === 0) throw new CpuFault(0);
  const al = cpu.lo[0] & 0xff;
  const r = ((Math.floor(al / base) & 0xff) << 8) | (al % base);
  cpu.setReg(0, 16, r);
  setLazyRes(cpu, 8, r & 0xff, 0, 0, F_CF | F_AF | F_OF);
};
const aadH: Handler = (cpu, i) => {
  const base = i.n > 0 ? i.immLo & 0xff : 10;
  const ax = cpu.lo[0];
  const t = (((ax >> 8) & 0xff) * base) & 0xff;
  const al = add(cpu, 8, ax & 0xff, 0, t, 0, 0);
  cpu.setReg(0, 16, al);
};
const arplH: Handler = (cpu, i) => {
  const d = readRmw(cpu, i, i.k1, i.r1, 16);
  const s = cpu.getReg(i.r0, 16);
  const f = getFlags(cpu);
  if ((d & 3) < (s & 3)) { writeRmw(cpu, i.k1, i.r1, 16, (d & ~3) | (s & 3), 0); cpu.flags = f | F_ZF; }
  else cpu.flags = f & ~F_ZF;
};

// ---- misc ----
const nopH: Handler = () => {};
const udH: Handler = () => { throw new CpuFault(6); };
const int3H: Handler = () => { throw new CpuFault(3, -1, 'trap'); };
const int1H: Handler = () => { throw new CpuFault(1, -1, 'trap'); };
/**
 * int n without the system model: a user-mode snapshot stands for a Linux process, whose IDT opens
 * only vectors 3, 4 and 0x80 to ring 3; any other gate fails the DPL check, #GP(n*8+2) (SDM INT n,
 * IDT bit set in the error code). At CPL 0 the vector itself is reported.
 */
const intH: Handler = (cpu, i) => {
  const n = i.immLo & 0xff;
  if (cpu.cpl === 3 && n !== 3 && n !== 4 && n !== 0x80) throw new CpuFault(13, n * 8 + 2);
  throw new CpuFault(n, -1, 'trap');
};
const intoH: Handler = (cpu) => { if (getFlags(cpu) & F_OF) throw new CpuFault(4, -1, 'trap'); };
/** hlt: privileged (#GP(0) at CPL > 0) in the system model; the run loop treats it as a stop. */
const hltH: Handler = (cpu) => { cpu.halted = true; };

/**
 * cpuid: the profile's fixed, documented leaves (profiles.ts), not the host's, so runs are
 * reproducible anywhere. Unknown leaves return zeros. Order: eax, ebx, ecx, edx.
 */
const ZERO4 = [0, 0, 0, 0] as const;
const cpuidH: Handler = (cpu) => {
  const leaf = cpu.lo[0] >>> 0;
  const v = cpu.profile.cpuid[leaf] ?? ZERO4;
  cpu.setReg(0, 32, v[0]); cpu.setReg(3, 32, v[1]); cpu.setReg(1, 32, v[2]); cpu.setReg(2, 32, v[3]);
};
/** rdtsc: a deterministic counter (cpu.tsc, one tick per retired instruction). */
const rdtscH: Handler = (cpu) => {
  const t = cpu.tsc;
  cpu.setReg(0, 32, t % TWO32); cpu.setReg(2, 32, Math.floor(t / TWO32));
};
const rdtscpH: Handler = (cpu) => { rdtscH(cpu, null as unknown as Insn); cpu.setReg(1, 32, 0); };
const ioH: Handler = (cpu) => {
  const iopl = (getFlags(cpu) & F_IOPL) >> 12;
  if (cpu.cpl > iopl) throw new CpuFault(13, 0);
  throw new CpuFault(6);
};
/** rd/wr fs/gs base (CR4.FSGSBASE assumed on, as Linux sets it). */
function fsgsH(write: boolean, seg: number): Handler {
  return (cpu, i) => {
    const size = i.s0;
    if (!write) {
      const b = cpu.segs[seg].base;
      cpu.setReg(i.r0, size, canonLo(b), size === 64 ? canonHi(b) : 0);
    } else {
      const v = cpu.getReg(i.r0, size); const vh = size === 64 ? cpu.tHi : 0;
      if (size === 64 && !isCanonical(v, vh)) throw new CpuFault(13, 0);
      cpu.segs[seg].base = size === 64 ? pairToCanon(v, vh) : v >>> 0;
    }
  };
}
/** mov from a segment register (to a register: zero-extended at operand size; to memory: 16 bits). */
const movFromSregH: Handler = (cpu, i) => {
  // ModRM.reg 6 and 7 name no segment register: #UD (SDM MOV, measured on this CPU).
  if ((i.r0 & 7) > 5) throw new CpuFault(6);
  const sel = cpu.segs[i.r0 & 7].sel;
  if (i.k1 === K_REG) cpu.setReg(i.r1, i.s1 === 0 ? 16 : i.s1, sel, 0);
  else wr16(cpu, ea(cpu, i), sel);
};
/**
 * mov to a segment register without descriptor tables: null selectors (DS/ES/FS/GS) and Linux's flat
 * user/kernel selectors load a flat segment; anything else is #GP(selector). The system model
 * replaces this with real descriptor loading.
 */
const movToSregH: Handler = (cpu, i) => {
  const s = i.r1 & 7;
  if (s === SEG_CS || s > 5) throw new CpuFault(6);
  loadSegUser(cpu, s, readOp(cpu, i, i.k0, i.r0, 16) & 0xffff);
};
/**
 * Load a data/stack segment register without descriptor tables, as Linux's GDT would answer:
 * null selectors (not SS outside 64-bit ring 0), the DPL-3 user segments 0x20/0x28/0x30 at any
 * RPL (SS: 0x2b only, RPL = CPL), the kernel ones 0x10/0x18 only at CPL 0. Else #GP(selector).
 */
export function loadSegUser(cpu: Cpu, s: number, sel: number): void {
  const idx = sel & ~3;
  if (idx === 0) {
    if (s === SEG_SS && (cpu.mode !== 64 || cpu.cpl === 3)) throw new CpuFault(13, 0);
    cpu.segs[s].sel = sel;
    if (cpu.mode === 32) cpu.segs[s].base = 0;
    return;
  }
  const user = idx === 0x20 || idx === 0x28 || idx === 0x30;
  const kern = idx === 0x10 || idx === 0x18;
  let ok = user || (kern && cpu.cpl === 0);
  if (s === SEG_SS) ok = (sel & 3) === cpu.cpl && (cpu.cpl === 3 ? idx === 0x28 : idx === 0x18);
  if (!ok) throw new CpuFault(13, idx);
  cpu.segs[s].sel = sel;
  cpu.segs[s].base = 0;
  if (s === SEG_SS) cpu.shadow = 2;
}
/**
 * lds/les/lfs/lgs/lss (SDM LDS/LES/LFS/LGS/LSS): a far pointer m16:16/32 (offset, then selector)
 * loads the segment register first (its checks may fault, leaving the register as it was), then
 * the offset register. `load` is the segment loader of the model in force.
 */
export function lsegH(load: (cpu: Cpu, s: number, sel: number) => void): Handler {
  return (cpu, i) => {
    const s = SEGNUM[i.form >= 0 ? (FORMS[i.form].sem.slice(5)) : 'ds'];
    const size = i.s1;
    const a = ea(cpu, i);
    const off = rdN(cpu, a, size);
    const sel = rd16(cpu, a + (size >> 3));
    load(cpu, s, sel & 0xffff);
    cpu.setReg(i.r1, size, off, 0);
  };
}

// x87 control instructions (SDM Vol.1 8.1): only the control/status/tag words are modelled, as
// fninit leaves them; arithmetic and the environment images stop the run as unsupported.
const x87InitH: Handler = (cpu) => { cpu.fpuCw = 0x37f; cpu.fpuSw = 0; cpu.fpuTw = 0xffff; };
/** fnclex: clears the exception flags (bits 0-5), SF (6), ES (7) and B (15). */
const x87ClexH: Handler = (cpu) => { cpu.fpuSw &= 0x7f00; };
const x87LdcwH: Handler = (cpu, i) => { cpu.fpuCw = rd16(cpu, ea(cpu, i)) & 0xffff; };
const x87StcwH: Handler = (cpu, i) => { wr16(cpu, ea(cpu, i), cpu.fpuCw); };
const x87StswH: Handler = (cpu, i) => {
  if (i.k0 === K_MEM) wr16(cpu, ea(cpu, i), cpu.fpuSw);
  else cpu.setReg(0, 16, cpu.fpuSw);
};
/** fwait: no x87 exception can be pending (no arithmetic is modelled), so it only waits. */
const x87WaitH: Handler = () => {};

const popSegH: Handler = (cpu, i) => {
  const s = SEGNUM[FORM_SEG.get(i.form) ?? 'ds'];
  const size = stackSize(i);
  const v = peekStack(cpu, size, 0) & 0xffff;
  loadSegUser(cpu, s, v);
  adjustSp(cpu, size >> 3);
};
/** The code selector of the current flat user/kernel code segment. */
function sameCs(cpu: Cpu, sel: number): boolean {
  return (sel & 0xfffc) === (cpu.segs[SEG_CS].sel & 0xfffc) && (sel & 3) === cpu.cpl;
}
/**
 * Far jmp/call without descriptor tables: only the current code segment can be reached (another
 * one, or a mode switch, needs the system model): any other selector is #GP(selector & ~3), as
 * Linux's GDT answers for random selectors (measured). Memory form: offset, then the selector.
 */
function farUserH(call: boolean): Handler {
  return (cpu, i) => {
    const size = i.opsize;
    let off: number, offHi = 0, sel: number;
    if (i.k0 === K_MEM) {
      const a = ea(cpu, i);
      off = rdN(cpu, a, size); offHi = size === 64 ? cpu.tHi : 0;
      sel = rd16(cpu, a + (size >> 3));
    } else { off = i.immLo; sel = i.imm2 & 0xffff; }
    if (!sameCs(cpu, sel)) throw new CpuFault(13, sel & 0xfffc);
    let t: number;
    if (size === 64) { if (!isCanonical(off, offHi)) throw new CpuFault(13, 0); t = pairToCanon(off, offHi); }
    else t = size === 16 ? off & 0xffff : off >>> 0;
    if (call) {
      const w = i.mode === 64 && size === 64 ? 64 : size;
      const sp0 = cpu.lo[4], sp0h = cpu.hi[4];
      try {
        push(cpu, w, cpu.segs[SEG_CS].sel, 0);
        if (w === 64) push(cpu, 64, canonLo(cpu.rip), canonHi(cpu.rip)); else push(cpu, w, cpu.rip, 0);
      } catch (e) { cpu.lo[4] = sp0; cpu.hi[4] = sp0h; throw e; } // a fault leaves RSP as it was
    }
    cpu.rip = t;
  };
}
/** lret to the same privilege level and code segment (far returns elsewhere need the system model). */
const lretH: Handler = (cpu, i) => {
  const size = i.opsize;
  // The CS slot is read first (measured: with RSP at an unmapped page, CR2 = RSP+8).
  const cs = peekStack(cpu, size, size >> 3) & 0xffff;
  const ip = peekStack(cpu, size, 0); const ipHi = cpu.tHi;
  // With RPL != CPL the CPU fetches the SS slot, then the rSP slot, before the selector checks
  // (measured: a #PF at rSP + 3 slots wins over the #GP(selector)).
  if ((cs & 3) !== cpu.cpl) { peekStack(cpu, size, 3 * (size >> 3)); peekStack(cpu, size, 2 * (size >> 3)); }
  if (!sameCs(cpu, cs)) throw new CpuFault(13, cs & 0xfffc);
  let t: number;
  if (size === 64) { if (!isCanonical(ip, ipHi)) throw new CpuFault(13, 0); t = pairToCanon(ip, ipHi); }
  else t = size === 16 ? ip & 0xffff : ip >>> 0;
  adjustSp(cpu, 2 * (size >> 3) + (i.n > 0 ? i.immLo & 0xffff : 0));
  cpu.rip = t;
};
/** iret to the same privilege level (64-bit mode always pops SS:RSP too; SDM IRET). */
const iretUserH: Handler = (cpu, i) => {
  const size = i.opsize;
  const w = size >> 3;
  const ip = peekStack(cpu, size, 0); const ipHi = cpu.tHi;
  const cs = peekStack(cpu, size, w) & 0xffff;
  const fl = peekStack(cpu, size, 2 * w);
  if (!sameCs(cpu, cs)) throw new CpuFault(13, cs & 0xfffc);
  let sp = 0, spHi = 0, ss = 0;
  if (cpu.mode === 64) {
    sp = peekStack(cpu, size, 3 * w); spHi = size === 64 ? cpu.tHi : 0;
    ss = peekStack(cpu, size, 4 * w) & 0xffff;
    if ((ss & 3) !== cpu.cpl || (ss & ~3) !== (cpu.segs[SEG_SS].sel & ~3)) throw new CpuFault(13, ss & 0xfffc);
  }
  let t: number;
  if (size === 64) { if (!isCanonical(ip, ipHi)) throw new CpuFault(13, 0); t = pairToCanon(ip, ipHi); }
  else t = size === 16 ? ip & 0xffff : ip >>> 0;
  const f = getFlags(cpu);
  let mask = STATUS | F_TF | F_DF | F_NT | F_AC | F_ID | F_RF;
  const iopl = (f & F_IOPL) >> 12;
  if (cpu.cpl === 0) mask |= F_IOPL | F_IF;
  else if (cpu.cpl <= iopl) mask |= F_IF;
  if (size === 16) mask &= 0xffff;
  cpu.flags = (f & ~mask) | (fl & mask) | 2;
  if (cpu.mode === 64) {
    if (size === 64) cpu.setReg(4, 64, sp, spHi); else adjustSp(cpu, 5 * w);
    if (size !== 64) cpu.setReg(4, size, sp, 0);
    cpu.segs[SEG_SS].sel = ss;
  } else adjustSp(cpu, 3 * w);
  cpu.rip = t;
};
/** clflush/clflushopt/clwb: no cache is modelled, but the line must be addressable (#PF like a read). */
const clflushH: Handler = (cpu, i) => { rd8(cpu, ea(cpu, i)); };
/** bound (32-bit): #BR when the signed index lies outside [lower, upper] (SDM BOUND). */
const boundH: Handler = (cpu, i) => {
  const size = i.opsize === 16 ? 16 : 32;
  const a = ea(cpu, i);
  const sh = 32 - size;
  const idx = (cpu.getReg(i.r0, size) << sh) >> sh;
  const lo = (rdN(cpu, a, size) << sh) >> sh, hi = (rdN(cpu, a + (size >> 3), size) << sh) >> sh;
  if (idx < lo || idx > hi) throw new CpuFault(5);
};
const movSregH: Handler = (cpu, i) => {
  if (i.k1 === 4 /* K_OTHER: sreg destination */) movToSregH(cpu, i);
  else movFromSregH(cpu, i);
};

// ---- lar / lsl / verr / verw without descriptor tables ----
// They answer as Linux's GDT does for a ring-3 process (measured): user CS32 0x20, user DS 0x28 and
// user CS64 0x30 are flat DPL-3 segments; kernel entries (DPL 0), the null selector, LDT selectors
// and anything else report ZF=0 and leave the destination alone (SDM LAR/LSL/VERR/VERW).
/** Access-rights dword (as lar returns it) of the Linux user descriptors, by GDT index. */
const LINUX_USER_AR: Record<number, number> = { 4: 0x00cffb00, 5: 0x00cff300, 6: 0x00affb00 };
function userDescAR(cpu: Cpu, sel: number): number {
  if ((sel & 4) !== 0) return 0;
  const ar = LINUX_USER_AR[sel >> 3] ?? 0;
  if (ar === 0) return 0;
  const dpl = (ar >> 13) & 3;
  return dpl >= cpu.cpl && dpl >= (sel & 3) ? ar : 0;
}
function setZF(cpu: Cpu, z: boolean): void { cpu.flags = (getFlags(cpu) & ~F_ZF) | (z ? F_ZF : 0); }
function larLsl(limit: boolean): Handler {
  return (cpu, i) => {
    const ar = userDescAR(cpu, readOp(cpu, i, i.k0, i.r0, 16) & 0xffff);
    if (ar !== 0) {
      const v = limit ? -1 : ar;
      cpu.setReg(i.r1, i.opsize, i.opsize === 16 ? v & 0xffff : v, 0);
    }
    setZF(cpu, ar !== 0);
  };
}
function verRW(write: boolean): Handler {
  return (cpu, i) => {
    const ar = userDescAR(cpu, readOp(cpu, i, i.k0, i.r0, 16) & 0xffff);
    const code = (ar & 0x800) !== 0;
    // Readable: data, or code with R (bit 9); writable: data with W (bit 9).
    setZF(cpu, ar !== 0 && (write ? !code && (ar & 0x200) !== 0 : !code || (ar & 0x200) !== 0));
  };
}

/** Handlers for user-mode semantics, by ISA-table sem name. */
export const USER_HANDLERS: Record<string, Handler> = {
  // Every sem described in semantics.ts: handlers generated by codegen.ts.
  ...generatedHandlers(),
  'alu:mul': mulOne(false), 'alu:imul': mulOne(true), 'alu:div': divOne(false), 'alu:idiv': divOne(true),
  'alu:imul2': imulN(false), 'alu:imul3': imulN(true),
  'shift:shld': shiftD(true), 'shift:shrd': shiftD(false),
  'bit:bt': btH(0), 'bit:bts': btH(1), 'bit:btr': btH(2), 'bit:btc': btH(3),
  'bit:bsf': bitScan('bsf'), 'bit:bsr': bitScan('bsr'), 'bit:tzcnt': bitScan('tzcnt'), 'bit:lzcnt': bitScan('lzcnt'), 'bit:popcnt': bitScan('popcnt'),
  xchg: xchgH, bswap: bswapH, movbe: movbeH,
  'conv:cbw': cbwH, 'conv:cwd': cwdH, cmpxchg: cmpxchgH, xadd: xaddH,
  cmpxchg8b: cmpxchgNb(64), cmpxchg16b: cmpxchgNb(128), 'sys:cmpxchg8b': cmpxchgNb(64), 'sys:cmpxchg16b': cmpxchgNb(128),
  xlat: xlatH,
  'sys:lar': larLsl(false), 'sys:lsl': larLsl(true), 'sys:verr': verRW(false), 'sys:verw': verRW(true),
  'lseg:ds': lsegH(loadSegUser), 'lseg:es': lsegH(loadSegUser), 'lseg:fs': lsegH(loadSegUser), 'lseg:gs': lsegH(loadSegUser), 'lseg:ss': lsegH(loadSegUser),
  'x87:init': x87InitH, 'x87:clex': x87ClexH, 'x87:ldcw': x87LdcwH, 'x87:stcw': x87StcwH, 'x87:stsw': x87StswH, 'x87:wait': x87WaitH,
  'push:seg': pushSegH, pusha: pushaH, popa: popaH, pushf: pushfH, popf: popfH,
  leave: leaveH, enter: enterH,
  'jmp:ind': jmpIndH, 'call:ind': callIndH,
  loop: loopH(0), 'loop:e': loopH(1), 'loop:ne': loopH(2), jcxz: jcxzH,
  'str:movs': strOp('movs'), 'str:stos': strOp('stos'), 'str:lods': strOp('lods'), 'str:cmps': strOp('cmps'), 'str:scas': strOp('scas'),
  'str:ins': strOp('ins'), 'str:outs': strOp('outs'), 'io:in': ioH, 'io:out': ioH,
  'flag:clc': clcH, 'flag:stc': stcH, 'flag:cmc': cmcH, 'flag:cld': cldH, 'flag:std': stdH,
  'flag:cli': cliH, 'flag:sti': stiH, 'flag:lahf': lahfH, 'flag:sahf': sahfH,
  'bcd:daa': daaH(false), 'bcd:das': daaH(true), 'bcd:aaa': aaaH(false), 'bcd:aas': aaaH(true), 'bcd:aam': aamH, 'bcd:aad': aadH,
  'sys:arpl': arplH,
  nop: nopH, ud: udH, 'int:3': int3H, 'int:1': int1H, int: intH, 'int:o': intoH, hlt: hltH,
  'sys:cpuid': cpuidH, 'sys:rdtsc': rdtscH, 'sys:rdtscp': rdtscpH,
  'sys:lfence': nopH, 'sys:mfence': nopH, 'sys:sfence': nopH, 'sys:pause': nopH,
  'sys:rdfsbase': fsgsH(false, SEG_FS), 'sys:rdgsbase': fsgsH(false, SEG_GS), 'sys:wrfsbase': fsgsH(true, SEG_FS), 'sys:wrgsbase': fsgsH(true, SEG_GS),
  'jmp:far': farUserH(false), 'call:far': farUserH(true), 'mov:sreg': movSregH, 'pop:seg': popSegH, 'ret:far': lretH, iret: iretUserH,
  'sys:clflush': clflushH, 'sys:clflushopt': clflushH, 'sys:clwb': clflushH, 'sys:serialize': nopH,
  'sys:rdpid': (cpu, i) => { cpu.setReg(i.r0, i.mode === 64 ? 64 : 32, Number((cpu.readMsr(0xc0000103) ?? 0n) & 0xffffffffn) | 0, 0); },
  bound: boundH,
  ...BMI_HANDLERS,
  ...MPX_HANDLERS,
};

export { setLazy, LZ_SUB, msb, F_PF, F_AF, F_SF, F_OF, F_TF, F_IF, getSp, rmwAddr, rd16, wr8, NONE, canonLo };
