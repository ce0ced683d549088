// Number handling for the encoder: GNU as's view of immediates and displacements (a signed 64-bit
// number, with its own truncation rules), range checks, and little-endian field output.

import type { Mode } from '../isa/types.js';
import type { ByteBuf } from './bytes.js';

export const M64 = (1n << 64n) - 1n;

/** Per field width: the signed range and the top of the unsigned one, made once (not per test). */
interface Range { readonly sMin: bigint; readonly sMax: bigint; readonly uMax: bigint }
const RANGE: readonly (Range | undefined)[] = Array.from({ length: 65 }, (_, b) => (b === 8 || b === 16 || b === 32 || b === 64 ? {
  sMin: -(1n << BigInt(b - 1)), sMax: (1n << BigInt(b - 1)) - 1n, uMax: (1n << BigInt(b)) - 1n,
} : undefined));

/** Two's-complement reading of v in `bits` bits. */
export function wrapS(v: bigint, bits: number): bigint {
  // (A value already in range is returned as it is: BigInt.asIntN allocates a new one.)
  const r = RANGE[bits];
  return r !== undefined && v >= r.sMin && v <= r.sMax ? v : BigInt.asIntN(bits, v);
}

function range(bits: number): Range {
  return RANGE[bits] ?? { sMin: -(1n << BigInt(bits - 1)), sMax: (1n << BigInt(bits - 1)) - 1n, uMax: (1n << BigInt(bits)) - 1n };
}

export function inRange(v: bigint, bits: number): boolean {
  // GNU accepts a value that fits either signed or unsigned in the field.
  const r = range(bits);
  return v >= r.sMin && v <= r.uMax;
}

export function fitsS(v: bigint, bits: number): boolean {
  const r = range(bits);
  return v >= r.sMin && v <= r.sMax;
}

/** A 64-bit value as GNU sees it for a sign-extended 32-bit field (0xffffffff80000000.. counts). */
export function fitsS32as64(v: bigint): boolean {
  // (v & M64 read as signed 64 bits is v itself, or v - 2^64 above the signed range.)
  if (v < S64_MIN || v > M64) return false;
  return fitsS(v > S64_MAX ? v - TWO_64 : v, 32);
}
const S64_MIN = -(1n << 63n);
const S64_MAX = (1n << 63n) - 1n;
const TWO_64 = 1n << 64n;
const TWO_33 = 1n << 33n;

/**
 * The immediate as GNU's optimize_imm sees it before choosing a field: a signed 64-bit number, where for a
 * 16-bit operation an unsigned 16-bit value, and for a 16/32-bit operation an unsigned 32-bit value, is
 * re-read as signed (so `add $0xffff,%ax` and `add $0xffffffff,%eax` are both -1 and take imm8).
 */
export function gnuImm(v: bigint, size: number, mode: Mode = 64, sized = true): bigint {
  // Outside 64-bit mode GNU keeps 32 bits of a constant (read as signed) once a suffix or register has
  // fixed the operand size; before that only a value just above 32 bits is wrapped (measured on 2.40).
  let v64 = wrapS(v, 64);
  if (mode !== 64) {
    if (sized) v64 = wrapS(v, 32);
    else if (v64 >= 0n && v64 < TWO_33) v64 = wrapS(v64, 32);
    else return v64;
  }
  if (!sized) return v64;
  if (size === 16 && v64 >= 0n && v64 <= 0xffffn) return wrapS(v64, 16);
  if ((size === 16 || size === 32) && v64 >= 0n && v64 <= 0xffffffffn) return wrapS(v64, 32);
  return v64;
}

export const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** -SAFE, made once (a negation per test would allocate a BigInt). */
const NEG_SAFE = -SAFE;

/** Appends `n` bytes of v, little-endian, two's complement. */
export function pushLE(out: ByteBuf, v: bigint, n: number): void {
  const safe = v <= SAFE && v >= NEG_SAFE;
  if (n <= 4 || safe) {
    // Number arithmetic is exact here (|v| < 2^53, or only the low 32 bits are kept; ToInt32 of an
    // exact integer keeps its low 32 bits, without a BigInt.asIntN result to allocate).
    out.pushNum(n <= 4 ? (safe ? Number(v) : Number(BigInt.asIntN(32, v))) : Number(v), n);
    return;
  }
  let x = BigInt.asUintN(n * 8, v);
  for (let i = 0; i < n; i++) { out.push(Number(x & 0xffn)); x >>= 8n; }
}

export function hex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}
