// A decoded instruction prepared for execution (Insn) and the operand helpers handlers share.
//
// prepare() runs once per cached instruction: it resolves each AT&T operand of the form into a
// kind (register / memory / immediate), a register number (16..19 = ah ch dh bh) and a size, so
// handlers read numbers only. Values travel as int32 halves; a 64-bit read returns the low half
// and leaves the high half in cpu.tHi.

import type { Form } from '../isa/types.js';
import { type Decoded, NONE, RIP, Pfx } from '../decode/types.js';
import { Cpu, CpuFault, SEG_DS, SEG_SS, SEG_FS, SEG_GS, SEG_ES, pairToCanon, canonLo, canonHi } from './state.js';
import { rdN, wrN, rd16, rd32, rd64, wr16, wr32, wr64, checkWrite } from './access.js';

export const K_NONE = 0, K_REG = 1, K_MEM = 2, K_IMM = 3, K_OTHER = 4;

export type Handler = (cpu: Cpu, i: Insn) => void;

const TWO32 = 4294967296;

export class Insn {
  form = -1;
  handler: Handler | null = null;
  /** Address of this instruction and of the next one (canonical-signed numbers). */
  addr = 0;
  next = 0;
  len = 0;
  mode = 64;
  opsize = 32;
  adsize = 64;
  prefixes = 0;
  /** The last F2/F3 prefix byte (0 if none): rep vs repne for cmps/scas. */
  lastRep = 0;
  rex = 0;
  /** Operands in AT&T order: kind, register, size (bits). */
  n = 0;
  k0 = K_NONE; r0 = 0; s0 = 0;
  k1 = K_NONE; r1 = 0; s1 = 0;
  k2 = K_NONE; r2 = 0; s2 = 0;
  /** Memory operand (at most one): segment index, base, index, scale, displacement (sign-extended int32). */
  seg = SEG_DS;
  base = NONE;
  index = NONE;
  scale = 1;
  disp = 0;
  /** Absolute address for moffs / RIP-relative operands (precomputed), else NaN. */
  abs = NaN;
  immLo = 0;
  immHi = 0;
  imm2 = 0;
  /** Branch target (canonical-signed number) for rel operands. */
  target = 0;
  cc = 0;
  /** Number of the memory operand among k0..k2, or -1. */
  memOp = -1;
}

function gprNum(d: Decoded, num: number, size: number): number {
  // Without REX, 8-bit register numbers 4..7 mean ah ch dh bh (SDM Vol.1 3.4.1.1).
  if (size === 8 && d.rex === 0 && num >= 4 && num < 8) return num + 12;
  return num;
}

function sizeOf(d: Decoded, s: number | string): number {
  if (typeof s === 'number') return s;
  return d.opsize;
}

const FIXED: Record<string, number> = {
  acc: 0, al: 0, ax: 0, eax: 0, rax: 0, cl: 1, cx: 1, ecx: 1, rcx: 1, dx: 2, dl: 2, edx: 2, rdx: 2, bl: 3, bx: 3,
};

/** Fill `i` from a decoded record; `addr` is the instruction's address. */
export function prepare(i: Insn, d: Decoded, form: Form, addr: number): void {
  i.form = d.form;
  i.addr = addr;
  i.len = d.length;
  i.mode = d.mode;
  i.next = d.mode === 64 ? addr + d.length : (addr + d.length) % TWO32;
  i.opsize = d.opsize;
  i.adsize = d.adsize;
  i.prefixes = d.prefixes;
  i.lastRep = d.lastRep;
  i.rex = d.rex;
  i.immLo = d.immLo | 0; // the decoder reports unsigned halves; handlers work on int32
  i.immHi = d.immHi | 0;
  i.imm2 = d.imm2;
  i.cc = form.cc ?? 0;
  i.base = d.base;
  i.index = d.index;
  i.scale = d.scale;
  i.disp = d.disp | 0;
  i.abs = NaN;
  i.memOp = -1;
  i.target = d.mode === 64 ? pairToCanon(d.targetLo, d.targetHi) : d.targetLo >>> 0;
  if (d.opsize === 16 && form.flow !== 'none' && d.mode !== 64) i.target = d.targetLo & 0xffff;
  // Default segment: SS for rsp/rbp-based addressing, else DS (SDM Vol.1 3.7.4).
  i.seg = d.seg !== NONE ? d.seg : (d.base === 4 || d.base === 5) ? SEG_SS : SEG_DS;
  const ops = form.operands;
  i.n = ops.length;
  for (let n = 0; n < 3; n++) {
    let k = K_NONE, r = 0, s = 0;
    const op = ops[n];
    if (op) {
      s = sizeOf(d, op.size);
      switch (op.kind) {
        case 'gpr':
          k = K_REG;
          r = gprNum(d, op.loc === 'rm' ? d.rm : op.loc === 'vvvv' ? d.vvvv : d.reg, s);
          break;
        case 'rm':
        case 'mem':
          if (d.mod === 3) { k = K_REG; r = gprNum(d, d.rm, s); }
          else { k = K_MEM; i.memOp = n; }
          break;
        case 'moffs':
          k = K_MEM; i.memOp = n;
          i.base = NONE; i.index = NONE;
          i.abs = d.adsize === 64 ? pairToCanon(d.immLo, d.immHi) : d.adsize === 32 ? d.immLo >>> 0 : d.immLo & 0xffff;
          i.seg = d.seg !== NONE ? d.seg : SEG_DS;
          break;
        case 'fixed':
          k = K_REG;
          r = FIXED[op.reg ?? 'acc'] ?? 0;
          break;
        case 'one':
          k = K_IMM;
          s = 8;
          break;
        case 'imm':
          k = K_IMM;
          if (op.loc === 'imm2') { s = 8; }
          else if (op.sx || op.size === 'z' || op.size === 'v') s = d.opsize;
          break;
        case 'rel':
          k = K_IMM;
          break;
        default:
          k = K_OTHER;
          r = d.reg;
          break;
      }
    }
    if (n === 0) { i.k0 = k; i.r0 = r; i.s0 = s; }
    else if (n === 1) { i.k1 = k; i.r1 = r; i.s1 = s; }
    else { i.k2 = k; i.r2 = r; i.s2 = s; }
  }
  if (ops[0]?.kind === 'one') { i.immLo = 1; i.immHi = 0; }
  if (i.memOp >= 0 && d.base === RIP && Number.isNaN(i.abs)) {
    // RIP-relative: relative to the next instruction (SDM Vol.2 2.2.1.6); constant per instruction.
    let a = i.next + i.disp;
    if (d.adsize === 32) a = ((a % TWO32) + TWO32) % TWO32;
    i.abs = a;
  }
}

/** Raise #GP(0) (or #SS(0) for stack-segment references) for a non-canonical address. */
function nonCanonical(i: Insn): never {
  throw new CpuFault(i.seg === SEG_SS ? 12 : 13, 0);
}

/** Linear address of the instruction's memory operand (canonical-signed number). */
export function ea(cpu: Cpu, i: Insn): number {
  const lo = cpu.lo, hi = cpu.hi;
  if (i.adsize === 64) {
    let sLo: number, sHi: number;
    if (!Number.isNaN(i.abs)) {
      sLo = canonLo(i.abs); sHi = canonHi(i.abs);
    } else {
      let l = i.disp, h = 0;
      if (i.base >= 0) { l += lo[i.base] >>> 0; h += hi[i.base]; }
      if (i.index >= 0) { l += (lo[i.index] >>> 0) * i.scale; h += hi[i.index] * i.scale; }
      if (l >= TWO32 || l < 0) { const c = Math.floor(l / TWO32); l -= c * TWO32; h += c; }
      sLo = l | 0; sHi = h | 0;
    }
    if (i.seg >= SEG_FS) {
      const b = cpu.segs[i.seg].base;
      if (b !== 0) {
        let l = (sLo >>> 0) + (canonLo(b) >>> 0);
        let h = sHi + canonHi(b);
        if (l >= TWO32) { l -= TWO32; h += 1; }
        sLo = l | 0; sHi = h | 0;
      }
    }
    const t = sHi >> 15;
    if (t !== 0 && t !== -1) nonCanonical(i);
    return ((sHi << 16) >> 16) * TWO32 + (sLo >>> 0);
  }
  let a: number;
  if (!Number.isNaN(i.abs)) a = i.abs;
  else {
    a = i.disp;
    if (i.base >= 0) a += lo[i.base];
    if (i.index >= 0) a += lo[i.index] * i.scale;
  }
  a = i.adsize === 16 ? a & 0xffff : a >>> 0;
  // Segment base: FS/GS in 64-bit mode, any segment in protected mode (flat ones have base 0).
  const b = i.mode === 64 ? (i.seg >= SEG_FS ? cpu.segs[i.seg].base : 0) : cpu.segs[i.seg].base;
  if (b !== 0) a = i.mode === 64 ? a + b : (a + b) >>> 0;
  return a;
}

/** Register read helpers by operand slot. */
export function readOp(cpu: Cpu, i: Insn, kind: number, reg: number, size: number): number {
  if (kind === K_REG) return cpu.getReg(reg, size);
  if (kind === K_IMM) {
    cpu.tHi = size === 64 ? i.immHi : 0;
    return size === 8 ? i.immLo & 0xff : size === 16 ? i.immLo & 0xffff : i.immLo;
  }
  return rdN(cpu, ea(cpu, i), size);
}

/** Read the destination-capable operand for a read-modify-write; returns value, stores linear address in cpu.tAddr. */
export function readRmw(cpu: Cpu, i: Insn, kind: number, reg: number, size: number): number {
  if (kind === K_REG) return cpu.getReg(reg, size);
  const a = ea(cpu, i);
  rmwAddr = a;
  // A read-modify-write checks write permission before it reads (the #PF has W=1).
  checkWrite(cpu, a, size >> 3);
  return rdN(cpu, a, size);
}
/** Linear address of the last readRmw memory operand. */
export let rmwAddr = 0;

export function writeOp(cpu: Cpu, i: Insn, kind: number, reg: number, size: number, v: number, vHi: number): void {
  if (kind === K_REG) cpu.setReg(reg, size, v, vHi);
  else wrN(cpu, ea(cpu, i), size, v, vHi);
}

/** Write back to the operand read by readRmw. */
export function writeRmw(cpu: Cpu, kind: number, reg: number, size: number, v: number, vHi: number): void {
  if (kind === K_REG) cpu.setReg(reg, size, v, vHi);
  else wrN(cpu, rmwAddr, size, v, vHi);
}

// ---- stack (SDM Vol.1 6.2): RSP in 64-bit mode, ESP (or SP for a 16-bit stack) in 32-bit ----

/** Stack address check in 32-bit mode: an access past the flat 4 GiB limit is #SS(0) (measured: leave with EBP = 0xffffffff). */
function stackSpan(cpu: Cpu, a: number, n: number): void {
  if (cpu.mode !== 64 && a + n > TWO32) throw new CpuFault(12, 0);
}

function stackLin(cpu: Cpu, sp: number): number {
  if (cpu.mode === 64) return sp;
  const b = cpu.segs[SEG_SS].base;
  return b === 0 ? sp : (sp + b) >>> 0;
}

/** Current stack pointer as a linear-offset number. */
export function getSp(cpu: Cpu): number {
  if (cpu.mode === 64) {
    const h = cpu.hi[4];
    const t = h >> 15;
    if (t !== 0 && t !== -1) throw new CpuFault(12, 0);
    return ((h << 16) >> 16) * TWO32 + (cpu.lo[4] >>> 0);
  }
  return (cpu.segs[SEG_SS].attr & 0x4000) !== 0 ? cpu.lo[4] >>> 0 : cpu.lo[4] & 0xffff;
}

function setSp(cpu: Cpu, sp: number): void {
  if (cpu.mode === 64) { cpu.lo[4] = canonLo(sp); cpu.hi[4] = canonHi(sp); }
  else if ((cpu.segs[SEG_SS].attr & 0x4000) !== 0) cpu.lo[4] = sp | 0;
  else cpu.lo[4] = (cpu.lo[4] & ~0xffff) | (sp & 0xffff);
}

function spAdd(cpu: Cpu, sp: number, delta: number): number {
  if (cpu.mode === 64) {
    // Wraps modulo 2^64: go through halves so a non-canonical RSP still behaves.
    let l = (cpu.lo[4] >>> 0) + delta;
    let h = cpu.hi[4];
    if (l < 0) { l += TWO32; h -= 1; } else if (l >= TWO32) { l -= TWO32; h += 1; }
    void sp;
    return ((h | 0) << 16 >> 16) * TWO32 + l;
  }
  return (cpu.segs[SEG_SS].attr & 0x4000) !== 0 ? (sp + delta) >>> 0 : (sp + delta) & 0xffff;
}

/**
 * The stack pointer a push of `size` bits leaves. In 64-bit mode the canonical check (#SS(0)) is on
 * the address written, not the old RSP: RSP = 0x800000000000 pushes to 0x7ffffffffff8 (measured).
 */
export function pushSp(cpu: Cpu, size: number): number {
  if (cpu.mode === 64) {
    let l = (cpu.lo[4] >>> 0) - (size >> 3), h = cpu.hi[4];
    if (l < 0) { l += TWO32; h = (h - 1) | 0; }
    const t = h >> 15;
    if (t !== 0 && t !== -1) throw new CpuFault(12, 0);
    return ((h << 16) >> 16) * TWO32 + l;
  }
  return spAdd(cpu, getSp(cpu), -(size >> 3));
}

/** Check that a push of `size` bits could be written (call probes its push before the target check). */
export function probePush(cpu: Cpu, size: number): void {
  checkWrite(cpu, stackLin(cpu, pushSp(cpu, size)), size >> 3);
}

/** Push `size` bits (16/32/64). */
export function push(cpu: Cpu, size: number, v: number, vHi: number, low16Only = false): void {
  const nsp = pushSp(cpu, size);
  const a = stackLin(cpu, nsp);
  stackSpan(cpu, a, size >> 3);
  if (low16Only) wr16(cpu, a, v);
  else if (size === 64) wr64(cpu, a, v, vHi);
  else if (size === 32) wr32(cpu, a, v);
  else wr16(cpu, a, v);
  setSp(cpu, nsp);
}

/** Pop `size` bits; 64-bit leaves the high half in cpu.tHi. RSP is updated after the read succeeds. */
export function pop(cpu: Cpu, size: number): number {
  const sp = getSp(cpu);
  const a = stackLin(cpu, sp);
  stackSpan(cpu, a, size >> 3);
  const v = size === 64 ? rd64(cpu, a) : size === 32 ? rd32(cpu, a) : rd16(cpu, a);
  const th = cpu.tHi;
  setSp(cpu, spAdd(cpu, sp, size >> 3));
  cpu.tHi = th;
  return v;
}

/** Read without popping (pop into memory computes the address after the increment, SDM POP). */
export function peekStack(cpu: Cpu, size: number, offset: number): number {
  const sp = getSp(cpu);
  const a = stackLin(cpu, spAdd(cpu, sp, offset));
  return size === 64 ? rd64(cpu, a) : size === 32 ? rd32(cpu, a) : rd16(cpu, a);
}

export function adjustSp(cpu: Cpu, delta: number): void {
  setSp(cpu, spAdd(cpu, getSp(cpu), delta));
}

/** Set RIP to a branch target, checking canonicality in 64-bit mode (#GP(0), SDM JMP). */
export function jumpTo(cpu: Cpu, target: number): void {
  cpu.rip = target;
}

/** Segment for string sources (DS, overridable) and destinations (ES, fixed). */
export function strSrcSeg(i: Insn): number { return i.seg; }
export const STR_DST_SEG = SEG_ES;

export { Pfx, NONE, RIP, SEG_GS };
