// ModRM / SIB / displacement construction for one memory operand (SDM Vol. 2A §2.1.3-2.1.5, §2.2.1).
//
//   REX      7   6   5   4   3   2   1   0        ModRM   7  6   5  4  3   2  1  0
//          +---+---+---+---+---+---+---+---+             +-----+--------+--------+
//          | 0   1   0   0 | W | R | X | B |             | mod |  reg   |   rm   |
//          +---+---+---+---+---+---+---+---+             +-----+--------+--------+
//   W = 64-bit operand size, R extends ModRM.reg, X extends SIB.index, B extends ModRM.rm / SIB.base / opcode reg.
//
//   SIB      7  6   5  4  3   2  1  0
//          +-----+--------+--------+      rm=100 (mod!=11) means "a SIB byte follows";
//          |scale| index  |  base  |      index=100 (without REX.X) means "no index";
//          +-----+--------+--------+      base=101 with mod=00 means "no base, disp32".
//
// In 64-bit mode mod=00 rm=101 is RIP-relative, so an absolute address needs the SIB form base=101 index=100.

import type { RegInfo } from '../isa/registers.js';
import type { AsmOperand, Value } from './types.js';
import { EncodeError } from './errors.js';
import { fitsS, inRange, wrapS } from './values.js';

export type MemOperand = Extract<AsmOperand, { kind: 'mem' }>;

/** The encoded address part: ModRM fields, SIB, displacement, and what prefixes/REX bits it needs. */
export interface AddrEnc {
  mod: number;
  rm: number;
  sib: number; // -1 when absent
  dispSize: 0 | 1 | 2 | 4;
  /** The displacement when it is not a constant (the operand's own value, for a fixup), else undefined. */
  disp: Value | undefined;
  /** The constant displacement to write when `disp` is undefined (0n when there is none). */
  dispNum: bigint;
  rexX: number;
  rexB: number;
  /** Address size in bits the operand uses (16/32/64). */
  asize: 16 | 32 | 64;
  ripRel: boolean;
}

/** An answer. `d` is the displacement to write: a constant is kept as its number, a non-constant value for a fixup. */
function addrEnc(mod: number, rm: number, sib: number, dispSize: 0 | 1 | 2 | 4, d: Value | undefined, dnum: bigint, rexX: number, rexB: number, asize: 16 | 32 | 64, ripRel: boolean): AddrEnc {
  const c = isConst(d);
  return { mod, rm, sib, dispSize, disp: c ? undefined : d, dispNum: c ? dnum : 0n, rexX, rexB, asize, ripRel };
}

export function isConst(v: Value | undefined): boolean {
  return !v || (v.sym === undefined && v.minus === undefined);
}

// (Bounds made once: `-128n` in the test itself would be a negation, a new BigInt, per call.)
const S8_MIN = -128n, S16_MIN = -(1n << 15n), U16_TOP = 1n << 16n;
const fits8 = (v: bigint) => v >= S8_MIN && v <= 127n;
const U32_MAX = (1n << 32n) - 1n;

function hexU64(v: bigint): string {
  return `0x${BigInt.asUintN(64, v).toString(16)}`;
}

function regText(r: RegInfo): string {
  return `%${r.name}`;
}

/** Text of a memory operand's parenthesised part, for GNU's "not a valid base/index expression" message. */
function bracket(m: MemOperand): string {
  const parts = [m.base ? regText(m.base) : ''];
  if (m.index) parts.push(regText(m.index));
  if (m.index && m.scale !== 1) parts.push(String(m.scale));
  return `${m.indirect ? '*' : ''}(${parts.join(',')})`;
}

/** GNU's message for an address no encoding has (made only when thrown). */
function invalidAddress(m: MemOperand): EncodeError {
  return new EncodeError(`\`${bracket(m)}' is not a valid base/index expression`);
}

/** Address size implied by the registers of a memory operand (0 = none given). */
export function memAddrSize(m: MemOperand): 0 | 16 | 32 | 64 {
  const r = m.base ?? m.index;
  if (!r) return 0;
  return r.size as 16 | 32 | 64;
}

/**
 * Encode the address of `m` in `mode`. `absSize` is the address size to use when the operand has no
 * registers (the mode's, or 32 under an addr32 prefix).
 */
export function encodeAddress(m: MemOperand, mode: 16 | 32 | 64, absSize: 16 | 32 | 64, truncate = false, dispPref?: 8 | 16 | 32): AddrEnc {
  const base = m.base;
  const index = m.index;
  const disp = m.disp;
  const dconst = isConst(disp);
  const dval = disp ? disp.addend : 0n;

  if (base && base.cls === 'ip') {
    if (index || mode !== 64) throw invalidAddress(m);
    let dn = dval;
    if (dconst && disp && base.size === 64) {
      const v64 = wrapS(dval, 64);
      if (!fitsS(v64, 32)) {
        if (!truncate) throw new EncodeError(`${hexU64(v64)} out of range of signed 32bit displacement`);
        dn = BigInt.asIntN(32, dval);
      }
    }
    // RIP-relative: mod=00 rm=101 disp32 (SDM Vol. 2A §2.2.1.6).
    return addrEnc(0, 5, -1, 4, disp, dn, 0, 0, base.size === 32 ? 32 : 64, true);
  }
  if ((base && base.cls !== 'gpr') || (index && index.cls !== 'gpr' && index.cls !== 'iz')) throw invalidAddress(m);
  const asize = (base ?? index)?.size ?? absSize;
  if (base && index && base.size !== index.size) throw invalidAddress(m);
  if (asize === 8) throw invalidAddress(m);
  if (mode === 64 && asize === 16) throw invalidAddress(m);
  if (mode !== 64 && asize === 64) throw invalidAddress(m);

  if (asize === 16) return encode16(m, dispPref);
  // How GNU reads the displacement constant: a 64-bit address must hold it as signed 32 bits; a 32-bit
  // one wraps a value within 32 bits (0xffffffff is -1, so disp8) and otherwise keeps a truncated disp32.
  // `{disp32}` asks for a 32-bit displacement field whatever the value (GNU pseudo-prefix).
  let forceDisp32 = dispPref === 32 && (base !== undefined || index !== undefined);
  let dv = dval;
  if (dconst && disp && (base || index)) {
    const v64 = wrapS(dval, 64);
    if (asize === 64) {
      // (lea into a 32/16-bit register only keeps the low 32 bits, so GNU wraps a value within 32
      // bits as for a 32-bit address — lea 0xffffffff(%rcx),%eax is lea -1(%rcx),%eax, disp8 — and
      // shortens a wider one into a disp32.)
      if (!fitsS(v64, 32)) {
        if (!truncate) throw new EncodeError(`${hexU64(v64)} out of range of signed 32bit displacement`);
        if (v64 < 0n || v64 > U32_MAX) forceDisp32 = true;
        dv = BigInt.asIntN(32, dval);
      } else dv = v64;
    } else if (mode !== 64 || inRange(v64, 32)) dv = wrapS(dval, 32);
    else forceDisp32 = true;
  }

  // %esp/%rsp cannot be an index; %eiz/%riz is index number 4 on purpose (SIB.index=100: none).
  if (index && index.num === 4 && index.cls !== 'iz') throw invalidAddress(m);
  const ss = m.scale === 1 ? 0 : m.scale === 2 ? 1 : m.scale === 4 ? 2 : 3;

  if (!base && !index) {
    if (mode === 64) {
      // Absolute disp32 needs SIB (base=101, index=100) because rm=101 means RIP-relative.
      return addrEnc(0, 4, (0 << 6) | (4 << 3) | 5, 4, disp, dval, 0, 0, asize as 32 | 64, false);
    }
    return addrEnc(0, 5, -1, 4, disp, dval, 0, 0, asize as 32 | 64, false);
  }

  // Displacement size: none if absent or a constant 0 (unless the base is (r/e)bp or r13, whose
  // mod=00 encoding means something else), disp8 if a constant fits, else disp32.
  let mod: number;
  let dispSize: 0 | 1 | 4;
  const needsDisp = base !== undefined && (base.num & 7) === 5;
  if (forceDisp32) {
    mod = 2; dispSize = 4;
  } else if (!disp || (dconst && dv === 0n)) {
    // `{disp8}` writes a zero displacement as one byte instead of none.
    if (needsDisp || dispPref === 8) { mod = 1; dispSize = 1; } else { mod = 0; dispSize = 0; }
  } else if (dconst && fits8(dv)) {
    mod = 1; dispSize = 1;
  } else {
    mod = 2; dispSize = 4;
  }
  // (The value written: the wrapped constant, or the operand's value for a fixup.)
  const dispV = dispSize ? disp : undefined;
  const dispN = dispSize ? dv : 0n;

  if (!base) {
    // Index without base: SIB with base=101 and mod=00 always carries a disp32.
    return addrEnc(0, 4, (ss << 6) | ((index!.num & 7) << 3) | 5, 4, disp, dval, index!.num >> 3, 0, asize as 32 | 64, false);
  }
  if (!index && (base.num & 7) !== 4) {
    return addrEnc(mod, base.num & 7, -1, dispSize, dispV, dispN, 0, base.num >> 3, asize as 32 | 64, false);
  }
  // A SIB byte: an index is present, or the base is %esp/%rsp/%r12 (rm=100 is the SIB escape).
  const idx = index ? index.num & 7 : 4;
  return addrEnc(mod, 4, (ss << 6) | (idx << 3) | (base.num & 7), dispSize, dispV, dispN, index ? index.num >> 3 : 0, base.num >> 3, asize as 32 | 64, false);
}

/** 16-bit addressing (SDM Vol. 2A Table 2-1): base bx/bp, index si/di, scale 1. */
function encode16(m: MemOperand, dispPref?: 8 | 16 | 32): AddrEnc {
  const b = m.base?.name;
  const i = m.index?.name;
  if (m.index && m.scale !== 1) throw invalidAddress(m);
  let rm: number;
  if (b === 'bx' && i === 'si') rm = 0;
  else if (b === 'bx' && i === 'di') rm = 1;
  else if (b === 'bp' && i === 'si') rm = 2;
  else if (b === 'bp' && i === 'di') rm = 3;
  else if (b === 'si' && !i) rm = 4;
  else if (b === 'di' && !i) rm = 5;
  else if (b === 'bp' && !i) rm = 6;
  else if (b === 'bx' && !i) rm = 7;
  else if (!b && !i) return addrEnc(0, 6, -1, 2, m.disp, m.disp ? m.disp.addend : 0n, 0, 0, 16, false);
  else throw invalidAddress(m);
  const d = m.disp;
  const dconst = isConst(d);
  // A 16-bit displacement wraps a value within 16 bits (0xffff is -1); a larger one is truncated to disp16.
  const raw = d ? BigInt.asIntN(64, d.addend) : 0n;
  const wide = dconst && (raw < S16_MIN || raw >= U16_TOP);
  const dv = wide ? raw : BigInt.asIntN(16, raw);
  if (dispPref === 16 || dispPref === 32) return addrEnc(2, rm, -1, 2, d, d ? d.addend : 0n, 0, 0, 16, false);
  if (!wide && (!d || (dconst && dv === 0n))) {
    if (rm === 6 || dispPref === 8) return addrEnc(1, rm, -1, 1, undefined, 0n, 0, 0, 16, false);
    return addrEnc(0, rm, -1, 0, undefined, 0n, 0, 0, 16, false);
  }
  if (dconst && !wide && fits8(dv)) return addrEnc(1, rm, -1, 1, undefined, dv, 0, 0, 16, false);
  return addrEnc(2, rm, -1, 2, d, d ? d.addend : 0n, 0, 0, 16, false);
}
