// Implicit supervisor-mode accesses of the system model: descriptor tables, the TSS, and the
// interrupt stack (SDM Vol.3 4.6: accesses to the GDT, LDT, IDT and TSS are supervisor-mode
// accesses whatever the CPL). They go through the same paging hook as instructions, so a missing
// page raises #PF with the supervisor bit clear.

import { Cpu } from '../state.js';
import { rd8, rd16, rd32, rd64, wr8, wr16, wr32, wr64 } from '../access.js';

function asSupervisor<T>(cpu: Cpu, f: () => T): T {
  const cpl = cpu.cpl;
  cpu.cpl = 0;
  try { return f(); } finally { cpu.cpl = cpl; }
}

export function sysRd8(cpu: Cpu, lin: number): number { return asSupervisor(cpu, () => rd8(cpu, lin)); }
export function sysRd16(cpu: Cpu, lin: number): number { return asSupervisor(cpu, () => rd16(cpu, lin)); }
/** Unsigned 32-bit read. */
export function sysRd32(cpu: Cpu, lin: number): number { return asSupervisor(cpu, () => rd32(cpu, lin)) >>> 0; }
/** 64-bit read as [lo, hi] unsigned halves. */
export function sysRd64(cpu: Cpu, lin: number): [number, number] {
  return asSupervisor(cpu, () => { const lo = rd64(cpu, lin) >>> 0; return [lo, cpu.tHi >>> 0]; });
}
export function sysWr8(cpu: Cpu, lin: number, v: number): void { asSupervisor(cpu, () => wr8(cpu, lin, v)); }
export function sysWr16(cpu: Cpu, lin: number, v: number): void { asSupervisor(cpu, () => wr16(cpu, lin, v)); }
export function sysWr32(cpu: Cpu, lin: number, v: number): void { asSupervisor(cpu, () => wr32(cpu, lin, v)); }
export function sysWr64(cpu: Cpu, lin: number, lo: number, hi: number): void { asSupervisor(cpu, () => wr64(cpu, lin, lo, hi)); }

/** Add a (possibly negative) offset to a linear address in the mode's address space. */
export function linAdd(cpu: Cpu, a: number, d: number): number {
  if (cpu.mode === 32) return (a + d) >>> 0;
  return a + d;
}
