// Integer arithmetic on 32-bit halves, with the flag rules of each instruction family.
// Results return the low half and leave the high half in cpu.tHi (64-bit operations).
// Where the SDM leaves a flag undefined the value produced here is what this machine's CPU
// (AMD EPYC, measured with test/native/) produces; each such rule is marked "undefined: measured".

import {
  Cpu, F_CF, F_PF, F_AF, F_ZF, F_SF, F_OF, STATUS,
  LZ_ADD, LZ_SUB,
} from './state.js';
import { setLazy, setLazyRes, getFlags, getCF, PARITY } from './flags.js';

const TWO32 = 4294967296;

export function maskOf(size: number): number {
  return size === 8 ? 0xff : size === 16 ? 0xffff : -1;
}

/** Sign bit of a value at size (64: of the high half). */
export function msb(lo: number, hi: number, size: number): number {
  switch (size) {
    case 8: return (lo >> 7) & 1;
    case 16: return (lo >> 15) & 1;
    case 32: return lo >>> 31;
    default: return hi >>> 31;
  }
}

export function add(cpu: Cpu, size: number, a: number, aHi: number, b: number, bHi: number, cin: number): number {
  let r: number, rHi = 0;
  if (size === 64) {
    const l = (a >>> 0) + (b >>> 0) + cin;
    r = l | 0;
    rHi = (aHi + bHi + (l >= TWO32 ? 1 : 0)) | 0;
  } else if (size === 32) { r = (a + b + cin) | 0; aHi = bHi = 0; }
  else { r = (a + b + cin) & maskOf(size); aHi = bHi = 0; }
  setLazy(cpu, LZ_ADD, size, a, aHi, b, bHi, r, rHi, cin);
  cpu.tHi = rHi;
  return r;
}

export function sub(cpu: Cpu, size: number, a: number, aHi: number, b: number, bHi: number, cin: number): number {
  let r: number, rHi = 0;
  if (size === 64) {
    const l = (a >>> 0) - (b >>> 0) - cin;
    r = l | 0;
    rHi = (aHi - bHi - (l < 0 ? 1 : 0)) | 0;
  } else if (size === 32) { r = (a - b - cin) | 0; aHi = bHi = 0; }
  else { r = (a - b - cin) & maskOf(size); aHi = bHi = 0; }
  setLazy(cpu, LZ_SUB, size, a, aHi, b, bHi, r, rHi, cin);
  cpu.tHi = rHi;
  return r;
}

/** Bit size-2 of a value at size (the bit an one-bit rotate moves into or out of the msb). */
function bitBelowMsb(lo: number, hi: number, size: number): number {
  return size === 64 ? (hi >>> 30) & 1 : (lo >>> (size - 2)) & 1;
}

// ---- 64-bit shifts on halves (n in 0..63) ----

export function shl64(lo: number, hi: number, n: number, cpu: Cpu): number {
  if (n === 0) { cpu.tHi = hi; return lo; }
  if (n < 32) { cpu.tHi = (hi << n) | (lo >>> (32 - n)); return lo << n; }
  cpu.tHi = lo << (n - 32);
  return 0;
}
export function shr64(lo: number, hi: number, n: number, cpu: Cpu): number {
  if (n === 0) { cpu.tHi = hi; return lo; }
  if (n < 32) { cpu.tHi = hi >>> n | 0; return (lo >>> n) | (hi << (32 - n)); }
  cpu.tHi = 0;
  return (hi >>> (n - 32)) | 0;
}
export function sar64(lo: number, hi: number, n: number, cpu: Cpu): number {
  if (n === 0) { cpu.tHi = hi; return lo; }
  if (n < 32) { cpu.tHi = hi >> n; return (lo >>> n) | (hi << (32 - n)); }
  cpu.tHi = hi >> 31;
  return hi >> (n - 32);
}
/** Bit n (0..63) of hi:lo. */
export function bit64(lo: number, hi: number, n: number): number {
  return n < 32 ? (lo >>> n) & 1 : (hi >>> (n - 32)) & 1;
}

/** BigInt at the edge: 64- and 128-bit division (ops.ts) only. */
function toBig(lo: number, hi: number): bigint { return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0); }
function fromBig(cpu: Cpu, v: bigint): number {
  cpu.tHi = Number((v >> 32n) & 0xffffffffn) | 0;
  return Number(v & 0xffffffffn) | 0;
}

/** hi:lo shifted left / right by n in 0..127 (zero from 64 on); high half in cpu.tHi. */
function shlWide(lo: number, hi: number, n: number, cpu: Cpu): number {
  if (n >= 64) { cpu.tHi = 0; return 0; }
  return shl64(lo, hi, n, cpu);
}
function shrWide(lo: number, hi: number, n: number, cpu: Cpu): number {
  if (n >= 64) { cpu.tHi = 0; return 0; }
  return shr64(lo, hi, n, cpu);
}

/**
 * Shift/rotate group 2 (SDM Vol.2B SAL/SAR/SHL/SHR, RCL/RCR/ROL/ROR).
 * op: 0 rol 1 ror 2 rcl 3 rcr 4 shl 5 shr 7 sar. `count` is the raw count operand.
 * Returns the result (cpu.tHi = high half); flags are updated unless the masked count is 0.
 * `immCount`: 0 for a count in CL (or the D0/D1 forms), 1 for an immediate count with a register
 * destination, 2 for an immediate count with a memory destination (their undefined OF differs).
 */
export function shift(cpu: Cpu, op: number, size: number, v: number, vHi: number, count: number, immCount: 0 | 1 | 2 = 0): number {
  const cnt = count & (size === 64 ? 63 : 31);
  if (cnt === 0) { cpu.tHi = vHi; return v; }
  const mask = maskOf(size);
  let r = 0, rHi = 0, cf = 0, of = 0;
  switch (op) {
    case 4: case 6: { // shl
      if (size === 64) { r = shl64(v, vHi, cnt, cpu); rHi = cpu.tHi; cf = bit64(v, vHi, 64 - cnt); }
      else {
        r = cnt < 32 ? (v << cnt) & mask : 0;
        cf = cnt <= size ? (size === 32 ? (cnt === 32 ? v & 1 : (v >>> (32 - cnt)) & 1) : (v >>> (size - cnt)) & 1) : 0;
      }
      // OF is defined for a count of 1 only (SDM SAL/SAL/SHL/SHR): beyond, the profile says which step it reflects.
      of = cnt === 1 || cpu.profile.undef.shlOF === 'last' ? msb(r, rHi, size) ^ cf : msb(v, vHi, size) ^ (size === 64 ? (vHi >>> 30) & 1 : (v >>> (size - 2)) & 1);
      setLazyRes(cpu, size, r, rHi, (cf ? F_CF : 0) | (of ? F_OF : 0) | (cpu.profile.undef.shiftAF ? F_AF : 0), F_CF | F_OF | F_AF);
      break;
    }
    case 5: { // shr
      if (size === 64) { r = shr64(v, vHi, cnt, cpu); rHi = cpu.tHi; cf = bit64(v, vHi, cnt - 1); }
      else {
        const u = v & mask;
        r = cnt < 32 ? (u >>> cnt) & mask : 0;
        cf = cnt <= size ? (u >>> (cnt - 1)) & 1 : 0;
      }
      of = cnt === 1 || cpu.profile.undef.shrOF === 'first' ? msb(v, vHi, size) : 0;
      setLazyRes(cpu, size, r, rHi, (cf ? F_CF : 0) | (of ? F_OF : 0) | (cpu.profile.undef.shiftAF ? F_AF : 0), F_CF | F_OF | F_AF);
      break;
    }
    case 7: { // sar
      if (size === 64) { r = sar64(v, vHi, cnt, cpu); rHi = cpu.tHi; cf = bit64(v, vHi, cnt - 1); }
      else {
        const sh = 32 - size;
        const sv = (v << sh) >> sh;
        const c = cnt >= size ? size - 1 : cnt;
        r = (sv >> c) & mask;
        if (cnt >= size) cf = (sv >> (size - 1)) & 1;
        else cf = (sv >> (cnt - 1)) & 1;
      }
      of = 0;
      setLazyRes(cpu, size, r, rHi, (cf ? F_CF : 0) | (cpu.profile.undef.shiftAF ? F_AF : 0), F_CF | F_OF | F_AF);
      break;
    }
    case 0: case 1: { // rol, ror
      if (size === 64) {
        const n = cnt;
        if (op === 0) {
          const a = shl64(v, vHi, n, cpu), ah = cpu.tHi;
          const b = shr64(v, vHi, 64 - n, cpu), bh = cpu.tHi;
          r = a | b; rHi = ah | bh;
        } else {
          const a = shr64(v, vHi, n, cpu), ah = cpu.tHi;
          const b = shl64(v, vHi, 64 - n, cpu), bh = cpu.tHi;
          r = a | b; rHi = ah | bh;
        }
      } else {
        const n = cnt % size;
        const u = v & mask;
        if (n === 0) r = u;
        else if (op === 0) r = ((u << n) | (u >>> (size - n))) & mask;
        else r = ((u >>> n) | (u << (size - n))) & mask;
      }
      const f = getFlags(cpu);
      if (op === 0) cf = r & 1; else cf = msb(r, rHi, size);
      // OF is defined for a count of 1 only (SDM ROL/ROR): beyond, the profile says which step it reflects.
      const u = cpu.profile.undef;
      const rule = cnt === 1 ? 'last' : immCount === 0 ? u.rotateOF : immCount === 1 ? u.rotateImmOF : u.rotateImmMemOF;
      if (rule === 'last') of = op === 0 ? msb(r, rHi, size) ^ cf : cf ^ bitBelowMsb(r, rHi, size);
      else if (rule === 'first') of = op === 0 ? msb(v, vHi, size) ^ bitBelowMsb(v, vHi, size) : msb(v, vHi, size) ^ (v & 1);
      else of = (f & F_OF) !== 0 ? 1 : 0;
      cpu.flags = (f & ~(F_CF | F_OF)) | (cf ? F_CF : 0) | (of ? F_OF : 0);
      break;
    }
    case 2: case 3: { // rcl, rcr
      const n = size === 8 ? cnt % 9 : size === 16 ? cnt % 17 : cnt;
      const c = getCF(cpu);
      const f = getFlags(cpu);
      if (n === 0) {
        // Masked count a multiple of size+1: the value and CF stay; OF is kept or updated (profile).
        if (cpu.profile.undef.rcZeroRotateOF === 'update') {
          of = op === 2 ? msb(v, vHi, size) ^ c : msb(v, vHi, size) ^ ((v >>> (size - 2)) & 1);
          cpu.flags = (f & ~F_OF) | (of ? F_OF : 0);
        }
        cpu.tHi = vHi;
        return v;
      }
      // Rotate the size+1-bit value CF:v by n (1..size): the bits that leave one end re-enter at
      // the other through CF. Values below 64 bits travel zero-extended in the low half.
      const u = size === 64 ? v : v & mask, uh = size === 64 ? vHi : 0;
      let a: number, ah: number, d: number, dh: number, cl: number, ch: number;
      if (op === 2) { // rcl: v << n | CF << n-1 | v >> size+1-n
        a = shlWide(u, uh, n, cpu); ah = cpu.tHi;
        cl = c !== 0 ? shl64(1, 0, n - 1, cpu) : 0; ch = c !== 0 ? cpu.tHi : 0;
        d = shrWide(u, uh, size + 1 - n, cpu); dh = cpu.tHi;
        cf = bit64(u, uh, size - n);
      } else { // rcr: v >> n | CF << size-n | v << size+1-n
        a = shrWide(u, uh, n, cpu); ah = cpu.tHi;
        cl = c !== 0 ? shl64(1, 0, size - n, cpu) : 0; ch = c !== 0 ? cpu.tHi : 0;
        d = shlWide(u, uh, size + 1 - n, cpu); dh = cpu.tHi;
        cf = bit64(u, uh, n - 1);
      }
      r = (a | cl | d) & mask;
      rHi = size === 64 ? ah | ch | dh : 0;
      if (cnt === 1 || cpu.profile.undef.rotateOF === 'last') of = op === 2 ? msb(r, rHi, size) ^ cf : msb(r, rHi, size) ^ bitBelowMsb(r, rHi, size);
      else of = op === 2 ? msb(v, vHi, size) ^ bitBelowMsb(v, vHi, size) : msb(v, vHi, size) ^ c;
      cpu.flags = (f & ~(F_CF | F_OF)) | (cf ? F_CF : 0) | (of ? F_OF : 0);
      break;
    }
  }
  cpu.tHi = rHi;
  return r;
}

/**
 * shld/shrd (SDM Vol.2B): dst shifted with bits from src. Count masked to 5 bits (6 for 64);
 * for a 16-bit operand and a count above 16 the result is undefined: measured behaviour.
 */
export function shiftDouble(cpu: Cpu, left: boolean, size: number, d: number, dHi: number, s: number, sHi: number, count: number): number {
  const cnt = count & (size === 64 ? 63 : 31);
  if (cnt === 0) { cpu.tHi = dHi; return d; }
  // Shift the 3*size-bit value made of D, S and a third part: only a 16-bit operand with a count
  // above 16 reaches the third part (an undefined result, SDM SHLD/SHRD), which is S on AMD (D:S:S)
  // and D on Intel (D:S:D) — profile shiftDouble16.
  const dsd = cpu.profile.undef.shiftDouble16 === 'DSD';
  let rLo: number, rHi = 0, cf: number;
  if (size === 16) {
    // 48 bits: exact in a double.
    const D = d & 0xffff, Sv = s & 0xffff;
    if (left) {
      const wide = D * 2 ** 32 + Sv * 65536 + (dsd ? D : Sv);
      rLo = Math.floor(wide / 2 ** (32 - cnt)) % 65536;
      cf = Math.floor(wide / 2 ** (48 - cnt)) % 2;
    } else {
      const wide = (dsd ? D : Sv) * 2 ** 32 + Sv * 65536 + D;
      rLo = Math.floor(wide / 2 ** cnt) % 65536;
      cf = Math.floor(wide / 2 ** (cnt - 1)) % 2;
    }
  } else if (left) { // cnt < size: D << cnt | S >> size-cnt
    const a = shl64(d, size === 64 ? dHi : 0, cnt, cpu), ah = cpu.tHi;
    const b = shr64(s, size === 64 ? sHi : 0, size - cnt, cpu), bh = cpu.tHi;
    rLo = a | b;
    if (size === 64) rHi = ah | bh;
    cf = bit64(d, dHi, size - cnt);
  } else { // D >> cnt | S << size-cnt
    const a = shr64(d, size === 64 ? dHi : 0, cnt, cpu), ah = cpu.tHi;
    const b = shl64(s, size === 64 ? sHi : 0, size - cnt, cpu), bh = cpu.tHi;
    rLo = a | b;
    if (size === 64) rHi = ah | bh;
    cf = bit64(d, dHi, cnt - 1);
  }
  // 16-bit operand, count 17..31: AMD also clears CF (and OF for shld) — measured.
  const over = !dsd && size === 16 && cnt > 16;
  if (over) cf = 0;
  // OF is defined for a count of 1 only; AMD computes msb(result) ^ CF for shld and msb(result) ^
  // bit size-2 of the result for shrd at every count; Intel's OF for counts above 1 reflects the
  // first one-bit step instead (profile shiftDoubleOF).
  let of: number;
  if (cnt !== 1 && cpu.profile.undef.shiftDoubleOF === 'first') of = msb(d, dHi, size) ^ (left ? bitBelowMsb(d, dHi, size) : s & 1);
  else of = left ? (over ? 0 : size === 16 && cnt === 16 ? cf : msb(rLo, rHi, size) ^ cf) : msb(rLo, rHi, size) ^ bitBelowMsb(rLo, rHi, size);
  setLazyRes(cpu, size, rLo, rHi, (cf ? F_CF : 0) | (of ? F_OF : 0) | (cpu.profile.undef.shiftAF ? F_AF : 0), F_CF | F_OF | F_AF);
  cpu.tHi = rHi;
  return rLo;
}

/**
 * Flags after mul/imul: CF = OF = `ovf`; SF ZF AF PF are undefined (SDM MUL/IMUL): kept, or (profile
 * 'lowHalf') SF and PF from the low half of the product (lo:loHi at `size`) with ZF and AF cleared.
 */
export function mulFlags(cpu: Cpu, size: number, ovf: boolean, lo: number, loHi: number): void {
  const f = getFlags(cpu);
  const cfof = ovf ? F_CF | F_OF : 0;
  if (cpu.profile.undef.mulFlags === 'keep') cpu.flags = (f & ~(F_CF | F_OF)) | cfof;
  else cpu.flags = (f & ~STATUS) | cfof | PARITY[lo & 0xff] | (msb(lo, loHi, size) ? F_SF : 0);
}

// ---- 64x64 -> 128 multiply on 16-bit limbs (no BigInt) ----
const mulOut = new Int32Array(4);

/** Unsigned 64x64 multiply: writes the four 32-bit words (low first) to mulOut. */
function umul64(aLo: number, aHi: number, bLo: number, bHi: number): Int32Array {
  const a = [aLo & 0xffff, aLo >>> 16, aHi & 0xffff, aHi >>> 16];
  const b = [bLo & 0xffff, bLo >>> 16, bHi & 0xffff, bHi >>> 16];
  const r = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    let carry = 0;
    for (let j = 0; j < 4; j++) {
      const t = a[i] * b[j] + r[i + j] + carry;
      r[i + j] = t & 0xffff;
      carry = Math.floor(t / 65536);
    }
    r[i + 4] += carry;
  }
  mulOut[0] = r[0] | (r[1] << 16);
  mulOut[1] = r[2] | (r[3] << 16);
  mulOut[2] = r[4] | (r[5] << 16);
  mulOut[3] = r[6] | (r[7] << 16);
  return mulOut;
}

/** 64x64 multiply, signed or not. Returns the four result words (low first). */
export function mul64(aLo: number, aHi: number, bLo: number, bHi: number, signed: boolean): Int32Array {
  const o = umul64(aLo, aHi, bLo, bHi);
  if (signed) {
    // Signed correction of the high 64 bits: subtract b if a < 0, a if b < 0.
    let hLo = o[2], hHi = o[3];
    if (aHi < 0) { const l = (hLo >>> 0) - (bLo >>> 0); hHi = (hHi - bHi - (l < 0 ? 1 : 0)) | 0; hLo = l | 0; }
    if (bHi < 0) { const l = (hLo >>> 0) - (aLo >>> 0); hHi = (hHi - aHi - (l < 0 ? 1 : 0)) | 0; hLo = l | 0; }
    o[2] = hLo; o[3] = hHi;
  }
  return o;
}

/** Unsigned 32x32 -> 64 multiply: returns low, cpu.tHi = high. */
export function umul32(cpu: Cpu, a: number, b: number): number {
  const o = umul64(a, 0, b, 0);
  cpu.tHi = o[1];
  return o[0];
}
/** Signed 32x32 -> 64 multiply. */
export function imul32(cpu: Cpu, a: number, b: number): number {
  const o = mul64(a, a >> 31, b, b >> 31, true);
  cpu.tHi = o[1];
  return o[0];
}

export { toBig, fromBig, F_ZF, F_SF, F_PF, F_AF };
export { LZ_SUB };
