// Guest memory access from instructions: linear address -> (paging hook) -> physical page, with
// permission checks that raise #PF (SDM Vol.3 4.7 error code: P, W/R, U/S, I/D) and set CR2.
// The fast path handles an access inside one page whose bytes share a permission; everything
// else (page crossing, byte-granular regions, paging) goes byte by byte, checking every byte
// before touching any so a faulting access has no effect.

import { Cpu, CpuFault, ACC_R, ACC_W, ACC_X, type AccessKind } from './state.js';
import { P_R, P_W, P_X, PAGE_SIZE, type Page } from './memory.js';

/** Raise #PF for linear address `lin`. `present`: the page exists but forbids the access. */
export function pageFault(cpu: Cpu, lin: number, acc: AccessKind, present: boolean): never {
  cpu.cr2 = lin;
  // A user-mode snapshot without paging runs as a Linux process would: Linux reports every ring-3
  // fault at or above TASK_SIZE_MAX (0x7ffffffff000, the kernel half and the guard page below it)
  // as a protection fault, P=1 (arch/x86/mm/fault.c, sanitize_error_code), measured here.
  if (cpu.cpl === 3 && cpu.translate === null && cpu.mode === 64 && (lin < 0 || lin >= 0x7ffffffff000)) present = true;
  const err = (present ? 1 : 0) | (acc === ACC_W ? 2 : 0) | (cpu.cpl === 3 ? 4 : 0) | (acc === ACC_X ? 0x10 : 0);
  throw new CpuFault(14, err, 'fault');
}

const NEED = [P_R, P_W, P_X];

/**
 * An access that starts canonical but whose last byte is past 0x7fffffffffff is #GP(0) before any
 * page is touched (SDM Vol.3 3.3.7.1; measured: no #PF for its first bytes).
 */
function checkSpan(cpu: Cpu, lin: number, n: number): void {
  if (cpu.mode === 64) { if (lin >= 0 && lin + n > 0x800000000000) throw new CpuFault(13, 0); }
  // 32-bit: flat segments end at 0xffffffff; an access running past it breaks the limit, #GP(0)
  // (stack references are checked as #SS(0) by the stack helpers first).
  else if (lin + n > 0x100000000) throw new CpuFault(13, 0);
}

/** Physical address of linear byte `lin` for access `acc`, after checking its permission. */
export function physByte(cpu: Cpu, lin: number, acc: AccessKind): number {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, acc);
  const perm = cpu.mem.permAt(a);
  const need = NEED[acc];
  if ((perm & need) !== need) pageFault(cpu, lin, acc, perm !== 0);
  return a;
}

function slowRead(cpu: Cpu, lin: number, n: number, acc: AccessKind): number {
  checkSpan(cpu, lin, n);
  // Check every byte first (no partial effects), then assemble little-endian.
  let v = 0;
  const phys = scratchPhys;
  for (let k = 0; k < n; k++) phys[k] = physByte(cpu, lin + k, acc);
  for (let k = n - 1; k >= 0; k--) v = (v << 8) | cpu.mem.peek8(phys[k]);
  return v;
}
const scratchPhys = new Float64Array(8);

/** Do bytes [off, off+n) of a byte-granular page all have permission `need` (no fault possible)? */
/**
 * May a write of n bytes at off take the fast path on a page whose permissions are per byte? Only
 * when the bytes allow it and the page is not write-trapped for a snapshot (Page.trapPerm: its first
 * write must reach poke8); such a page is not trapped, so the write marks it dirty here instead.
 */
function mixedWritable(p: Page, off: number, n: number): boolean {
  if (p.bytePerm === null || p.trapPerm >= 0 || !spanHas(p.bytePerm, off, n, P_W)) return false;
  p.dirty = true;
  return true;
}
function spanHas(bp: Uint8Array, off: number, n: number, need: number): boolean {
  for (let k = 0; k < n; k++) if ((bp[off + k] & need) === 0) return false;
  return true;
}

function pageFor(cpu: Cpu, a: number, off: number): Page | undefined {
  return cpu.mem.page((a - off) / PAGE_SIZE);
}

export function rd8(cpu: Cpu, lin: number): number {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_R);
  const off = a & 0xfff;
  const p = pageFor(cpu, a, off);
  if (p !== undefined && ((p.perm & P_R) !== 0 || (p.bytePerm !== null && spanHas(p.bytePerm, off, 1, P_R)))) return p.data[off];
  return slowRead(cpu, lin, 1, ACC_R);
}
export function rd16(cpu: Cpu, lin: number): number {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_R);
  const off = a & 0xfff;
  if (off <= PAGE_SIZE - 2) {
    const p = pageFor(cpu, a, off);
    if (p !== undefined && ((p.perm & P_R) !== 0 || (p.bytePerm !== null && spanHas(p.bytePerm, off, 2, P_R)))) return p.view.getUint16(off, true);
  }
  return slowRead(cpu, lin, 2, ACC_R);
}
export function rd32(cpu: Cpu, lin: number): number {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_R);
  const off = a & 0xfff;
  if (off <= PAGE_SIZE - 4) {
    const p = pageFor(cpu, a, off);
    if (p !== undefined && ((p.perm & P_R) !== 0 || (p.bytePerm !== null && spanHas(p.bytePerm, off, 4, P_R)))) return p.view.getInt32(off, true);
  }
  return slowRead(cpu, lin, 4, ACC_R) | 0;
}
/** 64-bit read: returns the low half, leaves the high half in cpu.tHi. */
export function rd64(cpu: Cpu, lin: number): number {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_R);
  const off = a & 0xfff;
  if (off <= PAGE_SIZE - 8) {
    const p = pageFor(cpu, a, off);
    if (p !== undefined && ((p.perm & P_R) !== 0 || (p.bytePerm !== null && spanHas(p.bytePerm, off, 8, P_R)))) {
      cpu.tHi = p.view.getInt32(off + 4, true);
      return p.view.getInt32(off, true);
    }
  }
  // Check all 8 bytes before reading either half.
  checkSpan(cpu, lin, 8);
  for (let k = 0; k < 8; k++) physByte(cpu, lin + k, ACC_R);
  const lo = slowRead(cpu, lin, 4, ACC_R) | 0;
  cpu.tHi = slowRead(cpu, lin + 4, 4, ACC_R) | 0;
  return lo;
}
/** Read `size` bits (8/16/32 zero-extended; 64 with the high half in cpu.tHi). */
export function rdN(cpu: Cpu, lin: number, size: number): number {
  switch (size) {
    case 8: return rd8(cpu, lin);
    case 16: return rd16(cpu, lin);
    case 32: return rd32(cpu, lin);
    default: return rd64(cpu, lin);
  }
}

function codeTouched(p: Page, off: number, n: number): void {
  const m = p.codeMask;
  if (m === null) return;
  for (let k = 0; k < n && off + k < PAGE_SIZE; k++) {
    if (m[off + k] !== 0) { p.icache = null; p.codeMask = null; p.jit = null; return; }
  }
}

function slowWrite(cpu: Cpu, lin: number, n: number, v: number, vHi: number): void {
  checkSpan(cpu, lin, n);
  const phys = scratchPhys;
  for (let k = 0; k < n; k++) phys[k] = physByte(cpu, lin + k, ACC_W);
  for (let k = 0; k < n; k++) {
    const b = k < 4 ? (v >>> (8 * k)) & 0xff : (vHi >>> (8 * (k - 4))) & 0xff;
    cpu.mem.poke8(phys[k], b);
  }
}

export function wr8(cpu: Cpu, lin: number, v: number): void {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_W);
  const off = a & 0xfff;
  const p = pageFor(cpu, a, off);
  if (p !== undefined && ((p.perm & P_W) !== 0 || mixedWritable(p, off, 1))) {
    p.data[off] = v;
    if (p.codeMask !== null) codeTouched(p, off, 1);
    return;
  }
  slowWrite(cpu, lin, 1, v, 0);
}
export function wr16(cpu: Cpu, lin: number, v: number): void {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_W);
  const off = a & 0xfff;
  if (off <= PAGE_SIZE - 2) {
    const p = pageFor(cpu, a, off);
    if (p !== undefined && ((p.perm & P_W) !== 0 || mixedWritable(p, off, 2))) {
      p.view.setUint16(off, v, true);
      if (p.codeMask !== null) codeTouched(p, off, 2);
      return;
    }
  }
  slowWrite(cpu, lin, 2, v, 0);
}
export function wr32(cpu: Cpu, lin: number, v: number): void {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_W);
  const off = a & 0xfff;
  if (off <= PAGE_SIZE - 4) {
    const p = pageFor(cpu, a, off);
    if (p !== undefined && ((p.perm & P_W) !== 0 || mixedWritable(p, off, 4))) {
      p.view.setInt32(off, v, true);
      if (p.codeMask !== null) codeTouched(p, off, 4);
      return;
    }
  }
  slowWrite(cpu, lin, 4, v, 0);
}
export function wr64(cpu: Cpu, lin: number, v: number, vHi: number): void {
  const a = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_W);
  const off = a & 0xfff;
  if (off <= PAGE_SIZE - 8) {
    const p = pageFor(cpu, a, off);
    if (p !== undefined && ((p.perm & P_W) !== 0 || mixedWritable(p, off, 8))) {
      p.view.setInt32(off, v, true);
      p.view.setInt32(off + 4, vHi, true);
      if (p.codeMask !== null) codeTouched(p, off, 8);
      return;
    }
  }
  slowWrite(cpu, lin, 8, v, vHi);
}
export function wrN(cpu: Cpu, lin: number, size: number, v: number, vHi: number): void {
  switch (size) {
    case 8: wr8(cpu, lin, v); return;
    case 16: wr16(cpu, lin, v); return;
    case 32: wr32(cpu, lin, v); return;
    default: wr64(cpu, lin, v, vHi); return;
  }
}

/** Check a write of n bytes would succeed (read-modify-write instructions check before computing). */
export function checkWrite(cpu: Cpu, lin: number, n: number): void {
  checkSpan(cpu, lin, n);
  for (let k = 0; k < n; k++) physByte(cpu, lin + k, ACC_W);
}
export function checkRead(cpu: Cpu, lin: number, n: number): void {
  checkSpan(cpu, lin, n);
  for (let k = 0; k < n; k++) physByte(cpu, lin + k, ACC_R);
}

export { ACC_R, ACC_W, ACC_X };
