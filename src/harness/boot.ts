// The machine state a listing starts in (documented in docs/harness.md and include/x86lab/harness.h):
//   64-bit: long mode, CPL 0, paging on through an identity map of the low 512 GiB (1 GiB pages,
//           PML4 at 0x2000, PDPT at 0x3000), the harness GDT at 0x1000 with Linux's selectors
//           (cs = __KERNEL_CS 0x10, ss/ds/es = __KERNEL_DS 0x18, fs/gs null), EFER = SCE|LME|LMA|NXE.
//   32-bit: flat protected mode, CPL 0, paging off, the i386 GDT at 0x1000 (cs 0x60, ss/ds/es 0x68).
//   Both: IDTR limit 0 (no IDT: the listing loads its own), no TSS, RFLAGS = 0x2 (IF = 0),
//         RSP = 0x80000 with a 64 KiB boot stack below it, other GPRs 0.
//   With several CPUs (multi.ts), CPU i's boot stack is the 64 KiB below 0x80000 + i * 0x10000.

import { Cpu, SEG_CS, SEG_SS, SEG_DS, SEG_ES, SEG_FS, SEG_GS } from '../cpu/state.js';
import { P_R, P_W, P_X } from '../cpu/memory.js';

export const GDT_ADDR = 0x1000;
export const PML4_ADDR = 0x2000;
export const PDPT_ADDR = 0x3000;
export const STACK_TOP = 0x80000;
export const STACK_SIZE = 0x10000;
export const RWX = P_R | P_W | P_X;

/** Linux GDT_ENTRY_INIT(flags, base 0, limit 0xfffff) as the two descriptor dwords. */
function entry(flags: number): [number, number] {
  const lo = 0xffff;
  const hi = ((flags & 0xf0ff) << 8) | 0xf0000;
  return [lo, hi >>> 0];
}

function put32(b: Uint8Array, off: number, v: number): void {
  b[off] = v & 0xff; b[off + 1] = (v >>> 8) & 0xff; b[off + 2] = (v >>> 16) & 0xff; b[off + 3] = (v >>> 24) & 0xff;
}

export interface BootRegion { name: string; addr: number; len: number }

/** Build the harness structures in memory and set the CPU up in ring 0. Returns the regions mapped. */
export function boot(cpu: Cpu, index = 0): BootRegion[] {
  const regions: BootRegion[] = [];
  const is64 = cpu.mode === 64;
  const gdt = new Uint8Array(is64 ? 16 * 8 : 32 * 8);
  const set = (idx: number, flags: number): void => { const [lo, hi] = entry(flags); put32(gdt, idx * 8, lo); put32(gdt, idx * 8 + 4, hi); };
  if (is64) {
    set(1, 0xc09b); set(2, 0xa09b); set(3, 0xc093); set(4, 0xc0fb); set(5, 0xc0f3); set(6, 0xa0fb);
  } else {
    set(12, 0xc09a); set(13, 0xc092); set(14, 0xc0fa); set(15, 0xc0f2);
  }
  cpu.mem.map(GDT_ADDR, 0x1000, RWX);
  cpu.mem.writeBytes(GDT_ADDR, gdt);
  regions.push({ name: 'gdt', addr: GDT_ADDR, len: gdt.length });
  cpu.gdtr = { base: GDT_ADDR, limit: gdt.length - 1 };
  cpu.idtr = { base: 0, limit: 0 };
  cpu.tr = { sel: 0, base: 0, limit: 0, attr: 0 };
  cpu.ldtr = { sel: 0, base: 0, limit: 0, attr: 0 };
  const seg = (i: number, sel: number, attr: number): void => { const s = cpu.segs[i]; s.sel = sel; s.base = 0; s.limit = sel === 0 ? 0 : 0xffffffff; s.attr = sel === 0 ? 0 : attr; };
  if (is64) {
    seg(SEG_CS, 0x10, 0xa09b); seg(SEG_SS, 0x18, 0xc093); seg(SEG_DS, 0x18, 0xc093); seg(SEG_ES, 0x18, 0xc093);
    seg(SEG_FS, 0, 0); seg(SEG_GS, 0, 0);
    // Identity map: PML4[0] -> PDPT, PDPT[i] = i GiB, 1 GiB pages (PS), present, writable, user.
    const pml4 = new Uint8Array(4096), pdpt = new Uint8Array(4096);
    put32(pml4, 0, PDPT_ADDR | 0x27);
    for (let i = 0; i < 512; i++) {
      put32(pdpt, i * 8, ((i & 3) << 30) | 0xa7 >>> 0);
      put32(pdpt, i * 8 + 4, i >>> 2);
    }
    cpu.mem.map(PML4_ADDR, 0x2000, RWX);
    cpu.mem.writeBytes(PML4_ADDR, pml4);
    cpu.mem.writeBytes(PDPT_ADDR, pdpt);
    regions.push({ name: 'pml4', addr: PML4_ADDR, len: 4096 }, { name: 'pdpt', addr: PDPT_ADDR, len: 4096 });
    cpu.cr0 = 0x80010033; // PG WP NE ET MP PE
    cpu.cr3 = PML4_ADDR;
    cpu.cr4 = 0x20; // PAE
    cpu.efer = 0xd01; // NXE LMA LME SCE
  } else {
    seg(SEG_CS, 0x60, 0xc09b); seg(SEG_SS, 0x68, 0xc093); seg(SEG_DS, 0x68, 0xc093); seg(SEG_ES, 0x68, 0xc093);
    seg(SEG_FS, 0, 0); seg(SEG_GS, 0, 0);
    cpu.cr0 = 0x00000033; // NE ET MP PE
    cpu.cr3 = 0;
    cpu.cr4 = 0;
    cpu.efer = 0;
  }
  cpu.cpl = 0;
  cpu.flags = 0x2;
  cpu.lzOp = 0; cpu.lzMask = 0;
  for (let r = 0; r < 16; r++) { cpu.lo[r] = 0; cpu.hi[r] = 0; }
  const top = STACK_TOP + index * STACK_SIZE;
  cpu.lo[4] = top;
  cpu.mem.map(top - STACK_SIZE, STACK_SIZE, RWX);
  regions.push({ name: index === 0 ? 'stack' : `stack${index}`, addr: top - STACK_SIZE, len: STACK_SIZE });
  cpu.tsc = 0;
  cpu.nmiBlocked = false;
  cpu.shadow = 0;
  cpu.halted = false;
  return regions;
}
