// Specialised handlers for the hottest instruction shapes (register and simple memory operands,
// 32/64-bit), chosen once per cached instruction: the operand registers, sizes and immediates are
// baked into a small closure, so the common path has no operand-kind switches. Everything else
// uses the generic per-form handler (dispatch.ts). Both paths must give identical results; the
// native-vector suite runs through these.

import type { Form } from '../isa/types.js';
import { cond } from './flags.js';
import { SEMANTICS, fastHandler } from './codegen.js';
import { K_REG, K_IMM, type Insn, type Handler } from './operands.js';

const TWO32 = 4294967296;

/** A specialised handler for `i`, or null to use the generic one. */
export function specialize(i: Insn, f: Form): Handler | null {
  const sem = f.sem;
  // Described instructions (semantics.ts): the closure is generated from the description.
  if (SEMANTICS[sem] !== undefined) return fastHandler(i, f);
  switch (sem) {
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
