// Lazy status flags (the Bochs/v86 technique): arithmetic handlers record op, size, operands and
// result; a flag is computed only when something reads it (jcc, pushf, adc, a dump...).
// cpu.lzMask says which status bits are still pending; the rest of RFLAGS lives in cpu.flags.

import {
  Cpu, F_CF, F_PF, F_AF, F_ZF, F_SF, F_OF, STATUS,
  LZ_NONE, LZ_ADD, LZ_SUB, LZ_LOGIC, LZ_INC, LZ_DEC, LZ_RES,
} from './state.js';

/** Parity of the low 8 bits: PF set when the number of 1 bits is even. */
export const PARITY = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let b = i, n = 0;
  while (b) { n += b & 1; b >>= 1; }
  PARITY[i] = n & 1 ? 0 : F_PF;
}

/** Mask a value to `size` bits (8/16/32; 32 and 64 return the int32 low half unchanged). */
export function maskLo(v: number, size: number): number {
  return size === 8 ? v & 0xff : size === 16 ? v & 0xffff : v;
}

/** Sign bit of hi:lo at `size`. */
function signOf(lo: number, hi: number, size: number): number {
  switch (size) {
    case 8: return (lo >> 7) & 1;
    case 16: return (lo >> 15) & 1;
    case 32: return lo >>> 31;
    default: return hi >>> 31;
  }
}

/** Unsigned a < b at `size` (operands already masked). */
function ult(aLo: number, aHi: number, bLo: number, bHi: number, size: number): boolean {
  if (size === 64 && aHi !== bHi) return aHi >>> 0 < bHi >>> 0;
  return aLo >>> 0 < bLo >>> 0;
}

/** Status flags of the pending lazy record (all six, before masking). */
export function lazyStatus(cpu: Cpu): number {
  const size = cpu.lzSize;
  const rLo = cpu.lzRLo, rHi = cpu.lzRHi;
  let f = PARITY[rLo & 0xff];
  if (size === 64 ? (rLo | rHi) === 0 : rLo === 0) f |= F_ZF;
  if (signOf(rLo, rHi, size)) f |= F_SF;
  const aLo = cpu.lzALo, aHi = cpu.lzAHi, bLo = cpu.lzBLo, bHi = cpu.lzBHi;
  switch (cpu.lzOp) {
    case LZ_ADD: {
      f |= (aLo ^ bLo ^ rLo) & F_AF;
      if (ult(rLo, rHi, aLo, aHi, size) || (cpu.lzCin !== 0 && rLo === aLo && rHi === aHi)) f |= F_CF;
      if (signOf((aLo ^ rLo) & (bLo ^ rLo), (aHi ^ rHi) & (bHi ^ rHi), size)) f |= F_OF;
      break;
    }
    case LZ_SUB: {
      f |= (aLo ^ bLo ^ rLo) & F_AF;
      if (ult(aLo, aHi, bLo, bHi, size) || (cpu.lzCin !== 0 && aLo === bLo && aHi === bHi)) f |= F_CF;
      if (signOf((aLo ^ bLo) & (aLo ^ rLo), (aHi ^ bHi) & (aHi ^ rHi), size)) f |= F_OF;
      break;
    }
    case LZ_INC: {
      f = (f & ~F_AF) | ((aLo ^ 1 ^ rLo) & F_AF);
      // OF: the result is the most negative value (signed overflow from max positive).
      if (signOf(rLo & ~aLo, rHi & ~aHi, size)) f |= F_OF;
      break;
    }
    case LZ_DEC: {
      f = (f & ~F_AF) | ((aLo ^ 1 ^ rLo) & F_AF);
      if (signOf(aLo & ~rLo, aHi & ~rHi, size)) f |= F_OF;
      break;
    }
    case LZ_LOGIC:
      // CF = OF = 0 (SDM); AF is undefined: this machine's CPU clears it.
      break;
    case LZ_RES:
      // Only ZF/SF/PF are pending; the handler set the other flags eagerly.
      break;
  }
  return f;
}

/** Full RFLAGS with pending flags materialised (and the lazy record retired). */
export function getFlags(cpu: Cpu): number {
  if (cpu.lzOp !== LZ_NONE) {
    const m = cpu.lzMask;
    cpu.flags = (cpu.flags & ~m) | (lazyStatus(cpu) & m);
    cpu.lzOp = LZ_NONE;
    cpu.lzMask = 0;
  }
  return cpu.flags;
}

/** Carry flag (0/1), the common case for adc/sbb/rcl/rcr. */
export function getCF(cpu: Cpu): number {
  if (cpu.lzOp !== LZ_NONE && (cpu.lzMask & F_CF) !== 0) return getFlags(cpu) & F_CF;
  return cpu.flags & F_CF;
}

/** Replace all status flags (and others in `mask`) with `v`. */
export function setFlagsMasked(cpu: Cpu, v: number, mask: number): void {
  const f = getFlags(cpu);
  cpu.flags = (f & ~mask) | (v & mask) | 2;
}

/** Record a lazy result whose six status flags come from op/operands (add/sub/logic families). */
export function setLazy(cpu: Cpu, op: number, size: number, aLo: number, aHi: number, bLo: number, bHi: number, rLo: number, rHi: number, cin: number): void {
  cpu.lzOp = op;
  cpu.lzMask = STATUS;
  cpu.lzSize = size;
  cpu.lzALo = aLo; cpu.lzAHi = aHi; cpu.lzBLo = bLo; cpu.lzBHi = bHi;
  cpu.lzRLo = rLo; cpu.lzRHi = rHi; cpu.lzCin = cin;
}

/** ZF/SF/PF from a result; `eager` holds the values of the other status flags in `eagerMask`. */
export function setLazyRes(cpu: Cpu, size: number, rLo: number, rHi: number, eager: number, eagerMask: number): void {
  // ZF SF PF become pending; when eagerMask covers the other three nothing old survives.
  const f = (eagerMask | F_ZF | F_SF | F_PF) === STATUS ? cpu.flags : getFlags(cpu);
  cpu.flags = (f & ~STATUS & ~eagerMask) | (f & STATUS & ~eagerMask & ~(F_ZF | F_SF | F_PF)) | (eager & eagerMask);
  cpu.lzOp = LZ_RES;
  cpu.lzMask = F_ZF | F_SF | F_PF;
  cpu.lzSize = size;
  cpu.lzRLo = rLo; cpu.lzRHi = rHi;
}

/** Evaluate condition code cc (0..15, SDM Vol.1 B.1 order: o no b ae e ne be a s ns p np l ge le g). */
export function cond(cpu: Cpu, cc: number): boolean {
  // Fast paths on the pending record for the common compare/test + jcc pairs.
  const op = cpu.lzOp;
  if (op === LZ_SUB && cpu.lzCin === 0 && cpu.lzSize !== 64) {
    const size = cpu.lzSize;
    const a = cpu.lzALo, b = cpu.lzBLo;
    switch (cc) {
      case 2: return a >>> 0 < b >>> 0;
      case 3: return a >>> 0 >= b >>> 0;
      case 4: return a === b;
      case 5: return a !== b;
      case 6: return a >>> 0 <= b >>> 0;
      case 7: return a >>> 0 > b >>> 0;
      case 12: case 13: case 14: case 15: {
        const sh = 32 - size;
        const sa = (a << sh) >> sh, sb = (b << sh) >> sh;
        return cc === 12 ? sa < sb : cc === 13 ? sa >= sb : cc === 14 ? sa <= sb : sa > sb;
      }
    }
  } else if ((op === LZ_LOGIC || op === LZ_DEC || op === LZ_INC || op === LZ_ADD) && (cc === 4 || cc === 5)) {
    const z = cpu.lzSize === 64 ? (cpu.lzRLo | cpu.lzRHi) === 0 : cpu.lzRLo === 0;
    return cc === 4 ? z : !z;
  }
  const f = getFlags(cpu);
  let r: boolean;
  switch (cc >> 1) {
    case 0: r = (f & F_OF) !== 0; break;
    case 1: r = (f & F_CF) !== 0; break;
    case 2: r = (f & F_ZF) !== 0; break;
    case 3: r = (f & (F_CF | F_ZF)) !== 0; break;
    case 4: r = (f & F_SF) !== 0; break;
    case 5: r = (f & F_PF) !== 0; break;
    case 6: r = ((f & F_SF) !== 0) !== ((f & F_OF) !== 0); break;
    default: r = (f & F_ZF) !== 0 || ((f & F_SF) !== 0) !== ((f & F_OF) !== 0); break;
  }
  return (cc & 1) !== 0 ? !r : r;
}
