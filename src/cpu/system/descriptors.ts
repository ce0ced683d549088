// Segment descriptors (SDM Vol.3 3.4.5, 3.5) and the checks that load them into segment registers
// (SDM Vol.2 MOV/POP "protected mode" pseudocode, Vol.3 5.5-5.8 privilege rules).

import { Cpu, CpuFault, SEG_CS, SEG_SS, SEG_FS, SEG_GS, type SegReg } from '../state.js';
import { sysRd32, sysWr8 } from './sysmem.js';

/** A descriptor as read from a table: the two raw dwords (unsigned) and where it lives. */
export interface Desc {
  lo: number;
  hi: number;
  /** Linear address of the descriptor (to set the accessed / busy bits). */
  addr: number;
  /** Upper 8 bytes' low dword for 16-byte system descriptors in long mode (base 63:32). */
  hi2: number;
}

export const descType = (d: Desc): number => (d.hi >>> 8) & 0xf;
export const descS = (d: Desc): boolean => (d.hi & 0x1000) !== 0;
export const descDpl = (d: Desc): number => (d.hi >>> 13) & 3;
export const descP = (d: Desc): boolean => (d.hi & 0x8000) !== 0;
export const descL = (d: Desc): boolean => (d.hi & 0x200000) !== 0;
export const descDB = (d: Desc): boolean => (d.hi & 0x400000) !== 0;
export const isCode = (d: Desc): boolean => descS(d) && (d.hi & 0x800) !== 0;
export const isData = (d: Desc): boolean => descS(d) && (d.hi & 0x800) === 0;
export const isConforming = (d: Desc): boolean => isCode(d) && (d.hi & 0x400) !== 0;
export const isReadable = (d: Desc): boolean => isData(d) || (d.hi & 0x200) !== 0;
export const isWritableData = (d: Desc): boolean => isData(d) && (d.hi & 0x200) !== 0;

export function descBase(d: Desc): number {
  return ((d.lo >>> 16) | ((d.hi & 0xff) << 16) | (d.hi & 0xff000000)) >>> 0;
}
export function descLimit(d: Desc): number {
  const raw = (d.lo & 0xffff) | (d.hi & 0xf0000);
  return (d.hi & 0x800000) !== 0 ? raw * 4096 + 0xfff : raw;
}
/** Attribute bits in the SegReg layout (high dword >> 8 & 0xf0ff). */
export function descAttr(d: Desc): number { return (d.hi >>> 8) & 0xf0ff; }

/** #GP/#NP/#SS/#TS error code for a selector (SDM Vol.3 6.13: index, TI; EXT in bit 0). */
export function selErr(sel: number, ext = 0): number { return (sel & 0xfffc) | ext; }

/**
 * Read the descriptor for `sel` from the GDT or LDT. Returns null when the selector lies beyond the
 * table limit (callers raise their own fault). `wide` reads 16 bytes (long-mode system descriptors).
 */
export function readDesc(cpu: Cpu, sel: number, wide = false): Desc | null {
  const ti = (sel & 4) !== 0;
  const tbl = ti ? { base: cpu.ldtr.base, limit: cpu.ldtr.sel === 0 ? -1 : cpu.ldtr.limit } : cpu.gdtr;
  const off = sel & 0xfff8;
  if (off + (wide ? 15 : 7) > tbl.limit) return null;
  const a = cpu.mode === 64 ? tbl.base + off : (tbl.base + off) >>> 0;
  const lo = sysRd32(cpu, a);
  const hi = sysRd32(cpu, a + 4);
  const hi2 = wide ? sysRd32(cpu, a + 8) : 0;
  return { lo, hi, addr: a, hi2 };
}

/** Set the accessed bit of a code/data descriptor, as the processor does on a segment load (SDM 3.4.5.1). */
export function markAccessed(cpu: Cpu, d: Desc): void {
  if ((d.hi & 0x100) === 0) {
    d.hi |= 0x100;
    sysWr8(cpu, d.addr + 5, (d.hi >>> 8) & 0xff);
  }
}

export function setSeg(s: SegReg, sel: number, d: Desc | null): void {
  s.sel = sel & 0xffff;
  if (d === null) { s.base = 0; s.limit = 0; s.attr = 0; return; }
  s.base = descBase(d);
  s.limit = descLimit(d);
  s.attr = descAttr(d);
}

/** Fetch a descriptor or raise #GP(selector) (limit), the common case. */
export function descOrGp(cpu: Cpu, sel: number, ext = 0): Desc {
  const d = readDesc(cpu, sel);
  if (d === null) throw new CpuFault(13, selErr(sel, ext));
  return d;
}

/**
 * Load a data segment register or SS (mov to Sreg, pop Sreg, lds...) with the protected-mode checks
 * of SDM Vol.2 MOV: SS needs RPL = CPL = DPL and a writable data segment (#GP), present (#SS);
 * DS/ES/FS/GS need data or readable code with max(CPL, RPL) <= DPL unless conforming (#GP),
 * present (#NP). A null selector is allowed in DS..GS, and in SS only in 64-bit mode below ring 3.
 */
export function loadDataSeg(cpu: Cpu, seg: number, sel: number): void {
  sel &= 0xffff;
  const s = cpu.segs[seg];
  const rpl = sel & 3;
  if ((sel & 0xfffc) === 0) {
    if (seg === SEG_SS && !(cpu.mode === 64 && cpu.cpl < 3 && rpl === cpu.cpl)) throw new CpuFault(13, 0);
    s.sel = sel;
    if (seg === SEG_SS) { s.base = 0; s.limit = 0xffffffff; s.attr = 0x0093 | (cpu.cpl << 5) | 0xc000; }
    else if (cpu.mode === 64 && (seg === SEG_FS || seg === SEG_GS)) { s.base = 0; s.attr = 0; s.limit = 0; } // Intel clears the base (Linux: X86_BUG_NULL_SEG is AMD's)
    else { s.base = 0; s.limit = 0; s.attr = 0; }
    return;
  }
  const d = descOrGp(cpu, sel);
  if (seg === SEG_SS) {
    if (rpl !== cpu.cpl || !isWritableData(d) || descDpl(d) !== cpu.cpl) throw new CpuFault(13, selErr(sel));
    if (!descP(d)) throw new CpuFault(12, selErr(sel));
  } else {
    if (!isReadable(d)) throw new CpuFault(13, selErr(sel));
    if ((isData(d) || !isConforming(d)) && (rpl > descDpl(d) || cpu.cpl > descDpl(d))) throw new CpuFault(13, selErr(sel));
    if (!descP(d)) throw new CpuFault(11, selErr(sel));
  }
  markAccessed(cpu, d);
  const keepHiBase = cpu.mode === 64 && (seg === SEG_FS || seg === SEG_GS);
  setSeg(s, sel, d);
  if (keepHiBase) s.base = descBase(d); // upper 32 bits of the base are cleared (SDM 3.4.4)
}

/** Load CS for a far transfer to `newCpl` (checks done by the caller). */
export function loadCs(cpu: Cpu, sel: number, d: Desc, newCpl: number): void {
  markAccessed(cpu, d);
  setSeg(cpu.segs[SEG_CS], (sel & 0xfffc) | newCpl, d);
  cpu.cpl = newCpl;
}

/** True when `d` is a code segment usable as CS in the current mode (64-bit: L=1 D=0, or compat). */
export function codeOk(cpu: Cpu, d: Desc): boolean {
  if (!isCode(d)) return false;
  if (cpu.mode === 64) return !(descL(d) && descDB(d));
  return !descL(d) || !descDB(d);
}
