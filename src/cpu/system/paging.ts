// Linear -> physical translation when CR0.PG = 1 (SDM Vol.3 chapter 4): 4-level paging in long
// mode (4.5), PAE paging (4.4) and 32-bit 2-level paging (4.3) in protected mode. Installed as
// cpu.translate; faults raise #PF with CR2 and the error code of SDM 4.7 (P, W/R, U/S, RSVD, I/D).
// Accessed and dirty bits are set as the processor sets them (4.8). A small TLB keyed by page and
// access kind is dropped on every cpu.flushTlb() (CR3 writes, INVLPG, CR0/CR4 changes).

import { Cpu, CpuFault, ACC_W, ACC_X, type AccessKind } from '../state.js';
import { modelOf } from './model.js';

const TWO32 = 4294967296;
const PG = 0x80000000, WP = 0x10000, PSE = 0x10, PAE = 0x20, NXE = 0x800, SMEP = 0x100000;
/**
 * MAXPHYADDR: 48, this machine's (/proc/cpuinfo "48 bits physical"). Address bits 51:48 of an 8-byte
 * entry are then reserved (SDM 4.5.5 / 4.4.2 tables, "Reserved (must be 0)").
 */
export const MAXPHYADDR = 48;
const HI_ADDR_RSVD = ((1 << (52 - 32)) - 1) & ~((1 << (MAXPHYADDR - 32)) - 1);

/**
 * Reserved bits of a present 8-byte entry (SDM 4.4.2 / 4.5.4, tables 4-15..4-20): address bits at or
 * above MAXPHYADDR, XD without EFER.NXE, PS in a PML4E, and the low address bits of a large page
 * (bits 29:13 of a 1 GiB PDPTE, 20:13 of a 2 MiB PDE) which must be zero.
 */
function rsvd8(cpu: Cpu, lo: number, hi: number, level: number, pml4: boolean): boolean {
  if ((hi & HI_ADDR_RSVD) !== 0) return true;
  if ((hi & 0x80000000) !== 0 && (cpu.efer & NXE) === 0) return true;
  if (pml4 && (lo & 0x80) !== 0) return true;
  if ((lo & 0x80) !== 0) {
    if (level === 3 && (lo & 0x3fffe000) !== 0) return true;
    if (level === 2 && (lo & 0x1fe000) !== 0) return true;
  }
  return false;
}

/** Physical memory reads/writes of paging-structure entries (no permission checks: physical). */
function rdPhys32(cpu: Cpu, a: number): number {
  const m = cpu.mem;
  return (m.peek8(a) | (m.peek8(a + 1) << 8) | (m.peek8(a + 2) << 16) | (m.peek8(a + 3) << 24)) >>> 0;
}
function setBits(cpu: Cpu, a: number, bits: number): void {
  const v = cpu.mem.peek8(a);
  if ((v & bits) !== bits) cpu.mem.poke8(a, v | bits);
}

function fault(cpu: Cpu, lin: number, acc: AccessKind, present: boolean, rsvd = false): never {
  cpu.cr2 = lin;
  const fetchBit = acc === ACC_X && ((cpu.efer & NXE) !== 0 || (cpu.cr4 & SMEP) !== 0) ? 0x10 : 0;
  const err = (present ? 1 : 0) | (acc === ACC_W ? 2 : 0) | (cpu.cpl === 3 ? 4 : 0) | (rsvd ? 8 : 0) | fetchBit;
  throw new CpuFault(14, err, 'fault');
}

/**
 * The PDPTE registers for PAE paging (SDM 4.4.1): MOV to CR3 with PAE paging on, or a MOV to CR0/CR4
 * that turns it on, loads the four PDPTEs from CR3[31:5]; a present PDPTE with a reserved bit set
 * (2:1, 8:5, 63:MAXPHYADDR) makes that MOV raise #GP(0) and change nothing. Returns null when the
 * given control-register values do not select PAE paging in 32-bit mode.
 */
export function pdptesFor(cpu: Cpu, cr0: number, cr3: number, cr4: number): number[] | null {
  if (cpu.mode === 64 || (cr0 & PG) === 0 || (cr4 & PAE) === 0) return null;
  const base = Math.floor((cr3 >>> 0) / 32) * 32;
  const out: number[] = [];
  for (let k = 0; k < 4; k++) {
    const lo = rdPhys32(cpu, base + 8 * k), hi = rdPhys32(cpu, base + 8 * k + 4);
    if ((lo & 1) !== 0 && ((lo & 0x1e6) !== 0 || (hi & ~((1 << (MAXPHYADDR - 32)) - 1)) !== 0)) throw new CpuFault(13, 0);
    out.push(lo, hi);
  }
  return out;
}

/** Entry addresses a walk visited, to set their accessed bits once it succeeds (scratch, reused). */
const visit = new Float64Array(5);
function leafDirty(cpu: Cpu, n: number, leaf: number, isW: boolean): void {
  for (let k = 0; k < n; k++) setBits(cpu, visit[k], 0x20);
  if (isW) setBits(cpu, leaf, 0x40);
}

/**
 * Walk the paging structures for `lin` (an entry is 8 bytes in 4-level and PAE paging, 4 bytes in
 * 32-bit paging); returns the physical address. Allocates nothing.
 */
function walk(cpu: Cpu, lin: number, acc: AccessKind): number {
  const isW = acc === ACC_W;
  const nxe = (cpu.efer & NXE) !== 0;
  let user = true, write = true, nx = false;
  let nv = 0;
  if (cpu.mode === 64 || (cpu.cr4 & PAE) !== 0) {
    const u = cpu.mode === 64 ? (lin < 0 ? lin + 2 ** 48 : lin) : lin >>> 0;
    let table: number;
    let levels: number;
    if (cpu.mode === 64) {
      table = Math.floor(cpu.cr3 / 4096) * 4096;
      levels = 4;
    } else {
      // PAE: CR3[31:5] points at four PDPTEs (SDM 4.4.1); they only have P and address bits.
      const k = Math.floor(u / 2 ** 30);
      const cached = modelOf(cpu).pdptes;
      const pdpte = (Math.floor((cpu.cr3 >>> 0) / 32) * 32) + 8 * k;
      const lo = cached !== null ? cached[2 * k] : rdPhys32(cpu, pdpte);
      const hi = cached !== null ? cached[2 * k + 1] : rdPhys32(cpu, pdpte + 4);
      if ((lo & 1) === 0) fault(cpu, lin, acc, false);
      table = (hi & 0xfffff) * TWO32 + ((lo & 0xfffff000) >>> 0);
      levels = 2;
    }
    for (let level = levels; level >= 1; level--) {
      const shift = 12 + 9 * (level - 1);
      const idx = Math.floor(u / 2 ** shift) % 512;
      const ea = table + 8 * idx;
      const lo = rdPhys32(cpu, ea), hi = rdPhys32(cpu, ea + 4);
      if ((lo & 1) === 0) fault(cpu, lin, acc, false);
      // A reserved bit set in a present entry: #PF with P=1 and RSVD=1, nothing accessed (SDM 4.7).
      if (rsvd8(cpu, lo, hi, level, cpu.mode === 64 && level === 4)) fault(cpu, lin, acc, true, true);
      user = user && (lo & 4) !== 0;
      write = write && (lo & 2) !== 0;
      if (nxe && (hi & 0x80000000) !== 0) nx = true;
      visit[nv++] = ea;
      const frame = (hi & 0xfffff) * TWO32 + ((lo & 0xfffff000) >>> 0);
      const large = (lo & 0x80) !== 0 && (level === 2 || (level === 3 && cpu.mode === 64));
      if (large) {
        const size = 2 ** shift;
        const base = Math.floor(frame / size) * size;
        check(cpu, lin, acc, user, write, nx);
        leafDirty(cpu, nv, ea, isW);
        return base + (u % size);
      }
      if (level === 1) {
        check(cpu, lin, acc, user, write, nx);
        leafDirty(cpu, nv, ea, isW);
        return frame + (u % 4096);
      }
      table = frame;
    }
  }
  // 32-bit paging (SDM 4.3): 4-byte entries, 4 MiB pages with CR4.PSE.
  const u = lin >>> 0;
  const pde = ((cpu.cr3 >>> 0) & 0xfffff000) + 4 * (u >>> 22);
  const d = rdPhys32(cpu, pde);
  if ((d & 1) === 0) fault(cpu, lin, acc, false);
  // 4 MiB page: bit 21 is reserved (PSE-36 with MAXPHYADDR > 40, SDM 4.3 table 4-4).
  if ((d & 0x80) !== 0 && (cpu.cr4 & PSE) !== 0 && (d & 0x200000) !== 0) fault(cpu, lin, acc, true, true);
  user = (d & 4) !== 0;
  write = (d & 2) !== 0;
  visit[nv++] = pde;
  if ((d & 0x80) !== 0 && (cpu.cr4 & PSE) !== 0) {
    check(cpu, lin, acc, user, write, nx);
    leafDirty(cpu, nv, pde, isW);
    return ((d & 0xffc00000) >>> 0) + (u & 0x3fffff);
  }
  const pte = ((d & 0xfffff000) >>> 0) + 4 * ((u >>> 12) & 0x3ff);
  const t = rdPhys32(cpu, pte);
  if ((t & 1) === 0) fault(cpu, lin, acc, false);
  user = user && (t & 4) !== 0;
  write = write && (t & 2) !== 0;
  visit[nv++] = pte;
  check(cpu, lin, acc, user, write, nx);
  leafDirty(cpu, nv, pte, isW);
  return ((t & 0xfffff000) >>> 0) + (u & 0xfff);
}

/** Access rights (SDM 4.6): user pages for CPL 3; writes need R/W unless supervisor with CR0.WP=0. */
function check(cpu: Cpu, lin: number, acc: AccessKind, user: boolean, write: boolean, nx: boolean): void {
  const sup = cpu.cpl < 3;
  if (!sup && !user) fault(cpu, lin, acc, true);
  if (acc === ACC_W && !write && (!sup || (cpu.cr0 & WP) !== 0)) fault(cpu, lin, acc, true);
  if (acc === ACC_X && nx) fault(cpu, lin, acc, true);
  if (acc === ACC_X && sup && user && (cpu.cr4 & SMEP) !== 0) fault(cpu, lin, acc, true);
}

/**
 * Per-CPU TLB: page number -> physical page base, separately for each (access kind, cpl > 0).
 * Direct-mapped typed arrays (no allocation on a miss); an entry is valid while its generation
 * equals cpu.tlbGen, so a flush is O(1). A slot taken by another page moves its old entry to a
 * small overflow map instead of dropping it: the TLB never forgets a translation before a flush,
 * as before (a listing that edits a PTE without INVLPG keeps seeing the old mapping).
 */
const TLB_SLOTS = 1024;
class Tlb {
  readonly tag = new Float64Array(6 * TLB_SLOTS).fill(NaN);
  readonly base = new Float64Array(6 * TLB_SLOTS);
  readonly gen = new Int32Array(6 * TLB_SLOTS).fill(-1);
  /** Evicted entries of the current generation, keyed by kind * 2^40 + page (rare: conflicts). */
  readonly spill = new Map<number, number>();
  spillGen = -1;
}
const tlbs = new WeakMap<Cpu, Tlb>();

/** The translation function of one CPU (its TLB captured, so no lookup per access). */
function translatorFor(cpu: Cpu): NonNullable<Cpu['translate']> {
  const m = modelOf(cpu);
  if (m.pagingTranslate !== null) return m.pagingTranslate;
  let t = tlbs.get(cpu);
  if (t === undefined) { t = new Tlb(); tlbs.set(cpu, t); }
  const tlb = t;
  const fn = (c: Cpu, lin: number, acc: AccessKind): number => translateWith(tlb, c, lin, acc);
  m.pagingTranslate = fn;
  return fn;
}

function translateWith(t: Tlb, cpu: Cpu, lin: number, acc: AccessKind): number {
  const page = Math.floor(lin / 4096);
  const off = lin - page * 4096;
  const kind = acc * 2 + (cpu.cpl === 3 ? 1 : 0);
  const k = kind * TLB_SLOTS + (page & (TLB_SLOTS - 1));
  const gen = cpu.tlbGen;
  if (t.gen[k] === gen && t.tag[k] === page) return t.base[k] + off;
  if (t.spillGen !== gen) { t.spill.clear(); t.spillGen = gen; }
  const key = kind * 2 ** 40 + page;
  let pbase = t.spill.size > 0 ? t.spill.get(key) : undefined;
  if (pbase !== undefined) t.spill.delete(key);
  else pbase = walk(cpu, lin, acc) - off;
  if (t.gen[k] === gen) t.spill.set(kind * 2 ** 40 + t.tag[k], t.base[k]);
  t.gen[k] = gen;
  t.tag[k] = page;
  t.base[k] = pbase;
  return pbase + off;
}

export function translate(cpu: Cpu, lin: number, acc: AccessKind): number {
  return translatorFor(cpu)(cpu, lin, acc);
}

/**
 * Choose the translation after a CR0/CR3/CR4/EFER change. `identityCr3` names page tables the harness
 * built as an identity map (so the walk can be skipped: same result, no per-access cost).
 */
export function updatePaging(cpu: Cpu, identityCr3: number | null): void {
  cpu.flushTlb();
  let base: Cpu['translate'] = translatorFor(cpu);
  if ((cpu.cr0 & PG) === 0) base = null;
  else if (identityCr3 !== null && cpu.cr3 === identityCr3) base = null;
  const m = modelOf(cpu);
  m.baseTranslate = base;
  cpu.translate = m.dataWatch.length > 0 ? watchTranslate : base;
}

/**
 * Data breakpoints (SDM 17.2.4, 17.3.1.2): every data access goes through cpu.translate, so while
 * DR7 enables one, a wrapper notes accesses whose address falls in a watched range (the access's
 * first byte: exact for accesses no wider than the watched field and aligned with it). The #DB is
 * a trap taken at the next instruction boundary (controller.ts), held back by a mov-ss shadow.
 */
function watchTranslate(cpu: Cpu, lin: number, acc: AccessKind): number {
  const m = modelOf(cpu);
  const phys = m.baseTranslate === null ? lin : m.baseTranslate(cpu, lin, acc);
  if (acc !== ACC_X) {
    for (const w of m.dataWatch) {
      if (lin >= w.start && lin < w.end && (acc === ACC_W || !w.writeOnly)) m.dbHits |= 1 << w.n;
    }
  }
  return phys;
}

/** Recompute the watched ranges after a DR0-DR3 or DR7 write. */
export function updateDataBreakpoints(cpu: Cpu): void {
  const m = modelOf(cpu);
  const dr7 = cpu.dr[7];
  m.dataWatch = [];
  for (let n = 0; n < 4; n++) {
    if (((dr7 >>> (2 * n)) & 3) === 0) continue;
    const rw = (dr7 >>> (16 + 4 * n)) & 3;
    if (rw !== 1 && rw !== 3) continue; // 00 = execution (controller.ts), 10 = I/O (not modelled)
    const len = [1, 2, 8, 4][(dr7 >>> (18 + 4 * n)) & 3];
    const start = Math.floor(cpu.dr[n] / len) * len; // the address is aligned to the length (17.2.5)
    m.dataWatch.push({ n, start, end: start + len, writeOnly: rw === 1 });
  }
  updatePaging(cpu, m.identityCr3);
}

