// Specialised handlers for the hottest instruction shapes (register and simple memory operands,
// 32/64-bit), chosen once per cached instruction: the operand registers, sizes and immediates are
// baked into a small closure, so the common path has no operand-kind switches. Everything else
// uses the generic per-form handler (dispatch.ts). Both paths must give identical results; the
// native-vector suite runs through these.

import type { Form } from '../isa/types.js';
import { Cpu, LZ_ADD, LZ_SUB, LZ_LOGIC, LZ_INC, LZ_DEC, STATUS, F_CF } from './state.js';
import { cond, lazyStatus } from './flags.js';
import { K_REG, K_IMM, K_MEM, type Insn, type Handler } from './operands.js';

function lazy32(cpu: Cpu, op: number, a: number, b: number, r: number): void {
  cpu.lzOp = op; cpu.lzMask = STATUS; cpu.lzSize = 32;
  cpu.lzALo = a; cpu.lzBLo = b; cpu.lzRLo = r; cpu.lzCin = 0;
}
function lazy64(cpu: Cpu, op: number, a: number, aH: number, b: number, bH: number, r: number, rH: number): void {
  cpu.lzOp = op; cpu.lzMask = STATUS; cpu.lzSize = 64;
  cpu.lzALo = a; cpu.lzAHi = aH; cpu.lzBLo = b; cpu.lzBHi = bH; cpu.lzRLo = r; cpu.lzRHi = rH; cpu.lzCin = 0;
}
function incdec32(cpu: Cpu, op: number, a: number, r: number): void {
  if (cpu.lzOp !== 0 && (cpu.lzMask & F_CF) !== 0) cpu.flags = (cpu.flags & ~F_CF) | (lazyStatus(cpu) & F_CF);
  cpu.lzOp = op; cpu.lzMask = STATUS & ~F_CF; cpu.lzSize = 32;
  cpu.lzALo = a; cpu.lzBLo = 1; cpu.lzRLo = r; cpu.lzCin = 0;
}

const TWO32 = 4294967296;

/** A specialised handler for `i`, or null to use the generic one. */
export function specialize(i: Insn, f: Form): Handler | null {
  const sem = f.sem;
  switch (sem) {
    case 'alu:add': case 'alu:sub': case 'alu:and': case 'alu:or': case 'alu:xor': case 'alu:cmp': case 'alu:test':
      return aluFast(i, sem.slice(4));
    case 'alu:inc': case 'alu:dec': {
      if (i.k0 !== K_REG || i.r0 >= 16) return null;
      const d = i.r0;
      const inc = sem === 'alu:inc';
      if (i.s0 === 32) {
        return inc
          ? (cpu) => { const a = cpu.lo[d]; const r = (a + 1) | 0; cpu.lo[d] = r; cpu.hi[d] = 0; incdec32(cpu, LZ_INC, a, r); }
          : (cpu) => { const a = cpu.lo[d]; const r = (a - 1) | 0; cpu.lo[d] = r; cpu.hi[d] = 0; incdec32(cpu, LZ_DEC, a, r); };
      }
      return null;
    }
    case 'mov': {
      if (i.k1 === K_REG && i.r1 < 16 && (i.s1 === 32 || i.s1 === 64)) {
        const d = i.r1;
        if (i.k0 === K_REG && i.r0 < 16) {
          const s = i.r0;
          return i.s1 === 64 ? (cpu) => { cpu.lo[d] = cpu.lo[s]; cpu.hi[d] = cpu.hi[s]; } : (cpu) => { cpu.lo[d] = cpu.lo[s]; cpu.hi[d] = 0; };
        }
        if (i.k0 === K_IMM) {
          const lo = i.immLo, hi = i.s1 === 64 ? i.immHi : 0;
          return (cpu) => { cpu.lo[d] = lo; cpu.hi[d] = hi; };
        }
      }
      return null;
    }
    case 'lea': {
      if (i.k1 !== K_REG || !Number.isNaN(i.abs) || i.base < 0 || i.base >= 16 || i.adsize !== 64 || (i.s1 !== 64 && i.s1 !== 32)) return null;
      const d = i.r1, b = i.base, x = i.index, sc = i.scale, disp = i.disp, s64 = i.s1 === 64;
      if (x < 0) {
        return (cpu) => {
          let l = (cpu.lo[b] >>> 0) + disp, h = cpu.hi[b];
          if (l >= TWO32) { l -= TWO32; h++; } else if (l < 0) { l += TWO32; h--; }
          cpu.lo[d] = l | 0; cpu.hi[d] = s64 ? h | 0 : 0;
        };
      }
      return (cpu) => {
        let l = (cpu.lo[b] >>> 0) + (cpu.lo[x] >>> 0) * sc + disp;
        let h = cpu.hi[b] + cpu.hi[x] * sc;
        if (l >= TWO32 || l < 0) { const c = Math.floor(l / TWO32); l -= c * TWO32; h += c; }
        cpu.lo[d] = l | 0; cpu.hi[d] = s64 ? h | 0 : 0;
      };
    }
    case 'jcc': {
      const cc = i.cc, t = i.target;
      return (cpu) => { if (cond(cpu, cc)) cpu.rip = t; };
    }
    case 'jmp': {
      const t = i.target;
      return (cpu) => { cpu.rip = t; };
    }
  }
  return null;
}

function aluFast(i: Insn, op: string): Handler | null {
  // [src, dst]: dst a plain register, src a register or an immediate; 32- or 64-bit.
  if (i.k1 !== K_REG || i.r1 >= 16 || (i.s1 !== 32 && i.s1 !== 64) || i.k0 === K_MEM) return null;
  if (i.k0 === K_REG && i.r0 >= 16) return null;
  const d = i.r1, size = i.s1;
  const isImm = i.k0 === K_IMM;
  const s = i.r0, iLo = i.immLo, iHi = i.immHi;
  if (size === 32) {
    switch (op) {
      case 'add': return isImm
        ? (cpu) => { const a = cpu.lo[d]; const r = (a + iLo) | 0; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_ADD, a, iLo, r); }
        : (cpu) => { const a = cpu.lo[d], b = cpu.lo[s]; const r = (a + b) | 0; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_ADD, a, b, r); };
      case 'sub': return isImm
        ? (cpu) => { const a = cpu.lo[d]; const r = (a - iLo) | 0; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_SUB, a, iLo, r); }
        : (cpu) => { const a = cpu.lo[d], b = cpu.lo[s]; const r = (a - b) | 0; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_SUB, a, b, r); };
      case 'cmp': return isImm
        ? (cpu) => { const a = cpu.lo[d]; lazy32(cpu, LZ_SUB, a, iLo, (a - iLo) | 0); }
        : (cpu) => { const a = cpu.lo[d], b = cpu.lo[s]; lazy32(cpu, LZ_SUB, a, b, (a - b) | 0); };
      case 'and': return isImm
        ? (cpu) => { const r = cpu.lo[d] & iLo; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_LOGIC, 0, 0, r); }
        : (cpu) => { const r = cpu.lo[d] & cpu.lo[s]; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_LOGIC, 0, 0, r); };
      case 'or': return isImm
        ? (cpu) => { const r = cpu.lo[d] | iLo; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_LOGIC, 0, 0, r); }
        : (cpu) => { const r = cpu.lo[d] | cpu.lo[s]; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_LOGIC, 0, 0, r); };
      case 'xor': return isImm
        ? (cpu) => { const r = cpu.lo[d] ^ iLo; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_LOGIC, 0, 0, r); }
        : (cpu) => { const r = cpu.lo[d] ^ cpu.lo[s]; cpu.lo[d] = r; cpu.hi[d] = 0; lazy32(cpu, LZ_LOGIC, 0, 0, r); };
      case 'test': return isImm
        ? (cpu) => { lazy32(cpu, LZ_LOGIC, 0, 0, cpu.lo[d] & iLo); }
        : (cpu) => { lazy32(cpu, LZ_LOGIC, 0, 0, cpu.lo[d] & cpu.lo[s]); };
    }
    return null;
  }
  switch (op) {
    case 'add': case 'sub': case 'cmp': {
      const sub = op !== 'add', write = op !== 'cmp';
      return (cpu) => {
        const a = cpu.lo[d], aH = cpu.hi[d];
        const b = isImm ? iLo : cpu.lo[s], bH = isImm ? iHi : cpu.hi[s];
        const l = sub ? (a >>> 0) - (b >>> 0) : (a >>> 0) + (b >>> 0);
        const r = l | 0;
        const rH = sub ? (aH - bH - (l < 0 ? 1 : 0)) | 0 : (aH + bH + (l >= TWO32 ? 1 : 0)) | 0;
        if (write) { cpu.lo[d] = r; cpu.hi[d] = rH; }
        lazy64(cpu, sub ? LZ_SUB : LZ_ADD, a, aH, b, bH, r, rH);
      };
    }
    case 'and': case 'or': case 'xor': case 'test': {
      const k = op === 'and' || op === 'test' ? 0 : op === 'or' ? 1 : 2, write = op !== 'test';
      return (cpu) => {
        const b = isImm ? iLo : cpu.lo[s], bH = isImm ? iHi : cpu.hi[s];
        const a = cpu.lo[d], aH = cpu.hi[d];
        const r = k === 0 ? a & b : k === 1 ? a | b : a ^ b;
        const rH = k === 0 ? aH & bH : k === 1 ? aH | bH : aH ^ bH;
        if (write) { cpu.lo[d] = r; cpu.hi[d] = rH; }
        lazy64(cpu, LZ_LOGIC, 0, 0, 0, 0, r, rH);
      };
    }
  }
  return null;
}
