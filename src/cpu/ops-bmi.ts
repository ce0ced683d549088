// Handlers for BMI1, BMI2 and ADX (rows in src/isa/forms/bmi.ts), keyed by `sem`.
// Operands arrive in AT&T order (k0 first source ... destination last), as the table lists them.
// 64-bit values travel as int32 halves (lo, hi); 32-bit forms write zero-extended results.

import { Cpu, CpuFault, F_CF, F_ZF, F_SF, F_OF, STATUS } from './state.js';
import { getFlags } from './flags.js';
import { umul32, mul64, shl64, shr64, sar64 } from './alu.js';
import { readOp, type Handler, type Insn } from './operands.js';
import { Pfx } from '../decode/types.js';

const UD = (): never => { throw new CpuFault(6); };

/** SDM Vol. 2A §2.3.2: a LOCK, 66h, F2h, F3h or REX prefix before VEX is #UD. */
const VEX_BAD_PREFIX = Pfx.LOCK | Pfx.REP | Pfx.REPNE | Pfx.OPSIZE | Pfx.REX;

/** Replace the six status flags with `f`. */
function setStatus(cpu: Cpu, f: number): void {
  cpu.flags = (getFlags(cpu) & ~STATUS) | f;
}

/** ZF and SF of a result at `size`. */
function zs(lo: number, hi: number, size: number): number {
  const z = size === 64 ? (lo | hi) === 0 : lo === 0;
  const s = size === 64 ? hi < 0 : lo < 0;
  return (z ? F_ZF : 0) | (s ? F_SF : 0);
}

/** Read a source operand: low half returned, high half (0 for 32-bit) in cpu.tHi. */
function src(cpu: Cpu, i: Insn, k: number, r: number, size: number): number {
  const v = readOp(cpu, i, k, r, size);
  if (size !== 64) cpu.tHi = 0;
  return v;
}

/** Wrap a VEX handler with the prefix check. */
function vex(h: Handler): Handler {
  return (cpu, i) => {
    if (i.prefixes & VEX_BAD_PREFIX) UD();
    h(cpu, i);
  };
}

// ANDN [rm, vvvv, reg]: reg = ~vvvv & rm (SDM ANDN).
const andnH: Handler = (cpu, i) => {
  const size = i.s2;
  const b = src(cpu, i, i.k0, i.r0, size), bHi = cpu.tHi;
  const a = src(cpu, i, i.k1, i.r1, size), aHi = cpu.tHi;
  const r = ~a & b, rHi = ~aHi & bHi;
  cpu.setReg(i.r2, size, r, rHi);
  setStatus(cpu, zs(r, rHi, size) | cpu.profile.undef.bmi.andn);
};

// BEXTR [vvvv, rm, reg]: start = vvvv[7:0], length = vvvv[15:8] (SDM BEXTR).
const bextrH: Handler = (cpu, i) => {
  const size = i.s2;
  const ctl = cpu.getReg(i.r0, 32);
  const start = ctl & 0xff, len = (ctl >>> 8) & 0xff;
  let r = src(cpu, i, i.k1, i.r1, size), rHi = cpu.tHi;
  if (start >= size) { r = 0; rHi = 0; }
  else { r = shr64(r, rHi, start, cpu); rHi = cpu.tHi; }
  if (len < size) {
    if (len >= 32) rHi &= len === 32 ? 0 : -1 >>> (64 - len);
    else { rHi = 0; r &= len === 0 ? 0 : -1 >>> (32 - len); }
  }
  cpu.setReg(i.r2, size, r, rHi);
  setStatus(cpu, ((r | rHi) === 0 ? F_ZF : 0) | cpu.profile.undef.bmi.bextr);
};

/** BLSI/BLSMSK/BLSR [rm, vvvv] (SDM BLSI, BLSMSK, BLSR): x & -x, x ^ (x - 1), x & (x - 1). */
function blsH(kind: 'blsi' | 'blsmsk' | 'blsr'): Handler {
  return (cpu, i) => {
    const size = i.s1;
    const x = src(cpu, i, i.k0, i.r0, size), xHi = cpu.tHi;
    const zero = (x | xHi) === 0;
    let r: number, rHi: number;
    if (kind === 'blsi') { r = x & -x; rHi = xHi & (x === 0 ? -xHi : ~xHi); }
    else {
      const m = x - 1 | 0, mHi = x === 0 ? xHi - 1 | 0 : xHi; // x - 1
      if (kind === 'blsmsk') { r = x ^ m; rHi = xHi ^ mHi; } else { r = x & m; rHi = xHi & mHi; }
    }
    if (size !== 64) rHi = 0;
    cpu.setReg(i.r1, size, r, rHi);
    const cf = kind === 'blsi' ? !zero : zero;
    setStatus(cpu, zs(r, rHi, size) | (cf ? F_CF : 0) | cpu.profile.undef.bmi.bls);
  };
}

// BZHI [vvvv, rm, reg]: clear bits from index vvvv[7:0] up; CF when the index is past the top (SDM BZHI).
const bzhiH: Handler = (cpu, i) => {
  const size = i.s2;
  const n = cpu.getReg(i.r0, 32) & 0xff;
  let r = src(cpu, i, i.k1, i.r1, size), rHi = cpu.tHi;
  if (n < size) {
    if (n >= 32) rHi &= n === 32 ? 0 : -1 >>> (64 - n);
    else { rHi = 0; r &= n === 0 ? 0 : -1 >>> (32 - n); }
  }
  cpu.setReg(i.r2, size, r, rHi);
  setStatus(cpu, zs(r, rHi, size) | (n > size - 1 ? F_CF : 0) | cpu.profile.undef.bmi.bzhi);
};

// MULX [rm, vvvv, reg]: rdx/edx * rm, low half to vvvv, then high half to reg, so the high half
// wins when both name one register (SDM MULX). Flags unchanged.
const mulxH: Handler = (cpu, i) => {
  const size = i.s2;
  const b = src(cpu, i, i.k0, i.r0, size), bHi = cpu.tHi;
  if (size === 32) {
    const lo = umul32(cpu, cpu.lo[2], b);
    const hi = cpu.tHi;
    cpu.setReg(i.r1, 32, lo, 0);
    cpu.setReg(i.r2, 32, hi, 0);
  } else {
    const o = mul64(cpu.lo[2], cpu.hi[2], b, bHi, false);
    const w0 = o[0], w1 = o[1], w2 = o[2], w3 = o[3];
    cpu.setReg(i.r1, 64, w0, w1);
    cpu.setReg(i.r2, 64, w2, w3);
  }
};

/** Bit k (0..63) of lo:hi. */
const bit = (lo: number, hi: number, k: number): number => (k < 32 ? lo >>> k : hi >>> (k - 32)) & 1;

/** PDEP/PEXT [rm = mask, vvvv = source, reg] (SDM PDEP, PEXT). */
function depExt(ext: boolean): Handler {
  return (cpu, i) => {
    const size = i.s2;
    const m = src(cpu, i, i.k0, i.r0, size), mHi = cpu.tHi;
    const s = src(cpu, i, i.k1, i.r1, size), sHi = cpu.tHi;
    let r = 0, rHi = 0;
    for (let k = 0, j = 0; k < size; k++) {
      if (!bit(m, mHi, k)) continue;
      // pdep: source bit j goes to position k; pext: source bit k goes to position j.
      const from = ext ? k : j, to = ext ? j : k;
      if (bit(s, sHi, from)) { if (to < 32) r |= 1 << to; else rHi |= 1 << (to - 32); }
      j++;
    }
    cpu.setReg(i.r2, size, r, rHi);
  };
}

// RORX [imm8, rm, reg]: rotate right by imm8 masked to the operand size; flags unchanged (SDM RORX).
const rorxH: Handler = (cpu, i) => {
  const size = i.s2;
  const n = i.immLo & (size - 1);
  const x = src(cpu, i, i.k1, i.r1, size), xHi = cpu.tHi;
  if (size === 32) { cpu.setReg(i.r2, 32, n === 0 ? x : (x >>> n) | (x << (32 - n)), 0); return; }
  const a = shr64(x, xHi, n, cpu), aHi = cpu.tHi;
  const b = shl64(x, xHi, (64 - n) & 63, cpu), bHi = cpu.tHi;
  cpu.setReg(i.r2, 64, n === 0 ? x : a | b, n === 0 ? xHi : aHi | bHi);
};

/** SARX/SHLX/SHRX [vvvv = count, rm, reg]: count masked to 5 or 6 bits; flags unchanged (SDM SARX/SHLX/SHRX). */
function shiftX(kind: 'sar' | 'shl' | 'shr'): Handler {
  return (cpu, i) => {
    const size = i.s2;
    const n = cpu.getReg(i.r0, 32) & (size - 1);
    const x = src(cpu, i, i.k1, i.r1, size), xHi = cpu.tHi;
    if (size === 32) {
      cpu.setReg(i.r2, 32, kind === 'sar' ? x >> n : kind === 'shl' ? x << n : x >>> n, 0);
      return;
    }
    const r = kind === 'sar' ? sar64(x, xHi, n, cpu) : kind === 'shl' ? shl64(x, xHi, n, cpu) : shr64(x, xHi, n, cpu);
    cpu.setReg(i.r2, 64, r, cpu.tHi);
  };
}

/** ADCX/ADOX [rm, reg]: reg += rm + carry-in, carry in and out through CF (adcx) or OF (adox) only (SDM ADCX, ADOX). */
function adx(flag: number): Handler {
  return (cpu, i) => {
    const size = i.s1;
    const b = src(cpu, i, i.k0, i.r0, size), bHi = cpu.tHi;
    const a = cpu.getReg(i.r1, size), aHi = size === 64 ? cpu.tHi : 0;
    const f = getFlags(cpu);
    const c = f & flag ? 1 : 0;
    const lo = (a >>> 0) + (b >>> 0) + c;
    const cLo = lo > 0xffffffff ? 1 : 0;
    let carry = cLo, hi = 0;
    if (size === 64) {
      const h = (aHi >>> 0) + (bHi >>> 0) + cLo;
      carry = h > 0xffffffff ? 1 : 0;
      hi = h | 0;
    }
    cpu.setReg(i.r1, size, lo | 0, hi);
    cpu.flags = (f & ~flag) | (carry ? flag : 0);
  };
}

/** Handlers by sem name, merged into the user-mode table (src/cpu/ops.ts). */
export const BMI_HANDLERS: Record<string, Handler> = {
  'bmi:andn': vex(andnH), 'bmi:bextr': vex(bextrH),
  'bmi:blsi': vex(blsH('blsi')), 'bmi:blsmsk': vex(blsH('blsmsk')), 'bmi:blsr': vex(blsH('blsr')),
  'bmi:bzhi': vex(bzhiH), 'bmi:mulx': vex(mulxH), 'bmi:pdep': vex(depExt(false)), 'bmi:pext': vex(depExt(true)),
  'bmi:rorx': vex(rorxH), 'bmi:sarx': vex(shiftX('sar')), 'bmi:shlx': vex(shiftX('shl')), 'bmi:shrx': vex(shiftX('shr')),
  'adx:adcx': adx(F_CF), 'adx:adox': adx(F_OF),
};
