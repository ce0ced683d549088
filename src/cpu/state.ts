// Machine state of one x86 CPU (64-bit long mode or 32-bit protected mode).
//
// ┌─ Extension points for the system-level model (src/cpu/system/) ──────────────────────────────┐
// │ • Faults: handlers `throw new CpuFault(vector, errorCode, kind)`. The step loop (exec.ts)      │
// │   catches it; for kind 'fault' RIP is rolled back to the faulting instruction, for 'trap'      │
// │   (int3, int n, into, single-step) RIP stays after it (SDM Vol.3 6.5). #PF sets CR2 first.     │
// │ • cpu.onException(cpu, fault): called by the step loop with RIP already adjusted. Return true   │
// │   if the exception was delivered (IDT frame pushed, RIP now at the handler) and running goes on;│
// │   false stops the run with stop="exception" (what `exec` does: no IDT installed).               │
// │ • cpu.interrupts: InterruptController | null. poll(cpu) runs at every instruction boundary      │
// │   (before fetch) while it is set — inject NMI/IRQ there (honour cpu.shadow for sti / mov ss).   │
// │   Boundaries inside a compiled block are skipped only where its quietSteps() allows.              │
// │ • cpu.translate: null when paging is off (linear = physical). Set it to a function mapping      │
// │   a linear address to a physical one (throwing CpuFault(14) with CR2 set on a miss); every      │
// │   data access and instruction fetch goes through it. Call cpu.flushTlb() after CR3/INVLPG.      │
// │ • Handlers: cpu.handlers, a HandlerTable from dispatch.ts's buildHandlerTable(overrides).      │
// │ • Descriptor tables: gdtr/idtr/ldtr/tr fields below; segment hidden parts in cpu.segs.          │
// └─────────────────────────────────────────────────────────────────────────────────────────────────┘
//
// Registers live as 32-bit halves in Int32Arrays (no BigInt on the hot path). Linear addresses and
// RIP are JS numbers in "canonical signed" form: a canonical 64-bit address is the sign-extended
// 48-bit value, which a double holds exactly (0xffffffff81000000 is -0x7f000000).

import type { HandlerTable } from './dispatch.js';
import { DEFAULT_PROFILE, type CpuProfile } from './profiles.js';
import { Memory } from './memory.js';

export type CpuMode = 32 | 64;

/** Exception class per SDM Vol.3 6.5: faults restart the instruction, traps continue after it. */
export type FaultKind = 'fault' | 'trap' | 'abort';

export const enum Vec {
  DE = 0, DB = 1, NMI = 2, BP = 3, OF = 4, BR = 5, UD = 6, NM = 7, DF = 8,
  TS = 10, NP = 11, SS = 12, GP = 13, PF = 14, MF = 16, AC = 17, MC = 18,
}

/** A guest exception raised by an instruction handler. errorCode is -1 when the vector pushes none. */
export class CpuFault extends Error {
  constructor(
    readonly vector: number,
    readonly errorCode: number = -1,
    readonly kind: FaultKind = 'fault',
  ) {
    super(`guest exception ${vector}${errorCode >= 0 ? ` (error code ${errorCode})` : ''}`);
  }
}

/** A feature the executor does not implement: the run stops with a clear message instead of guessing. */
export class Unsupported extends Error {
  constructor(what: string) { super(`unsupported: ${what}`); this.name = 'Unsupported'; }
}

export interface InterruptController {
  /** Called at each instruction boundary; may deliver an event (change RIP, push a frame). */
  poll(cpu: Cpu): void;
  /**
   * How many instructions, starting with the one at RIP (whose boundary was just polled), may run
   * without polling the boundaries between them when they occupy addresses [start, end): 0 when
   * some boundary in that span needs the poll. Absent: every boundary is polled (no compiled blocks).
   */
  quietSteps?(cpu: Cpu, start: number, end: number): number;
  /** A compiled block stopped at a fault (after cpu.tsc counts what it completed), before delivery. */
  blockFault?(cpu: Cpu): void;
}

/** Hidden part of a segment register (SDM Vol.3 3.4.3). base is a canonical-signed number. */
export interface SegReg {
  sel: number;
  base: number;
  limit: number;
  /** Descriptor attribute bits 8..15 and 20..23 of the high dword (type, S, DPL, P, AVL, L, D/B, G), as attr = high >> 8 & 0xf0ff. */
  attr: number;
}

export interface TableReg { base: number; limit: number }

export const SEG_ES = 0, SEG_CS = 1, SEG_SS = 2, SEG_DS = 3, SEG_FS = 4, SEG_GS = 5;

// RFLAGS bits.
export const F_CF = 1, F_PF = 4, F_AF = 0x10, F_ZF = 0x40, F_SF = 0x80, F_TF = 0x100, F_IF = 0x200,
  F_DF = 0x400, F_OF = 0x800, F_IOPL = 0x3000, F_NT = 0x4000, F_RF = 0x10000, F_VM = 0x20000,
  F_AC = 0x40000, F_VIF = 0x80000, F_VIP = 0x100000, F_ID = 0x200000;
export const STATUS = F_CF | F_PF | F_AF | F_ZF | F_SF | F_OF;

// Lazy flag operations (flags.ts computes the flags from the remembered operands).
export const LZ_NONE = 0, LZ_ADD = 1, LZ_SUB = 2, LZ_LOGIC = 3, LZ_INC = 4, LZ_DEC = 5, LZ_RES = 6;

export const MSR_EFER = 0xc0000080, MSR_STAR = 0xc0000081, MSR_LSTAR = 0xc0000082, MSR_CSTAR = 0xc0000083,
  MSR_FMASK = 0xc0000084, MSR_FS_BASE = 0xc0000100, MSR_GS_BASE = 0xc0000101, MSR_KERNEL_GS_BASE = 0xc0000102,
  MSR_TSC_AUX = 0xc0000103, MSR_SYSENTER_CS = 0x174, MSR_SYSENTER_ESP = 0x175, MSR_SYSENTER_EIP = 0x176;

export type AccessKind = 0 | 1 | 2; // read, write, fetch
export const ACC_R = 0, ACC_W = 1, ACC_X = 2;

export class Cpu {
  mode: CpuMode;
  /** Low and high 32-bit halves of rax..r15 (index = hardware register number). */
  readonly lo = new Int32Array(16);
  readonly hi = new Int32Array(16);
  /** Instruction pointer (canonical-signed number; 0..2^32-1 in 32-bit mode). */
  rip = 0;
  /** RFLAGS except the status flags named in lzMask, which are still pending in the lazy record. */
  flags = 0x2;
  // Lazy flags (SDM Vol.1 3.4.3): op, size, operands and result of the last flag-setting op.
  lzOp = LZ_NONE;
  lzMask = 0;
  lzSize = 32;
  lzALo = 0; lzAHi = 0; lzBLo = 0; lzBHi = 0; lzRLo = 0; lzRHi = 0; lzCin = 0;

  readonly segs: SegReg[];
  gdtr: TableReg = { base: 0, limit: 0xffff };
  idtr: TableReg = { base: 0, limit: 0xffff };
  ldtr: SegReg = { sel: 0, base: 0, limit: 0, attr: 0 };
  tr: SegReg = { sel: 0, base: 0, limit: 0, attr: 0 };
  kernelGsBase = 0;
  cr0 = 0x80000011; // PE | ET | PG (long mode); 32-bit mode resets PG below
  cr2 = 0;
  cr3 = 0;
  cr4 = 0x20; // PAE
  cr8 = 0;
  efer = 0xd01; // SCE | LME | LMA | NXE
  readonly dr = new Float64Array(8);
  /** Model-specific registers not held in dedicated fields (BigInt: rdmsr/wrmsr are not hot). */
  readonly msrs = new Map<number, bigint>();
  cpl = 3;
  /** Instruction-boundary inhibition after sti / mov ss / pop ss (SDM Vol.3 6.8.3): 1 while active. */
  shadow = 0;
  /** NMI blocked until the next iret (SDM Vol.3 6.7.1); maintained by the system model. */
  nmiBlocked = false;
  halted = false;
  /** Deterministic time-stamp counter: advanced by one per retired instruction. */
  tsc = 0;

  readonly mem: Memory;
  /** Paging hook (null: linear = physical). */
  translate: ((cpu: Cpu, linear: number, access: AccessKind) => number) | null = null;
  onException: ((cpu: Cpu, fault: CpuFault) => boolean) | null = null;
  interrupts: InterruptController | null = null;

  /** Scratch outputs for 64-bit reads (avoid allocating pairs). */
  tLo = 0;
  tHi = 0;
  /** Address of the instruction being executed (for faults) and of the next one. */
  curIp = 0;
  /** Instructions a compiled block completed before the one that faulted (jit.ts). */
  blkDone = 0;
  /** Decode/TLB generation: bump to drop cached translations (flushTlb). */
  tlbGen = 0;
  /** x87 control, status and tag words (only the control instructions are modelled: fninit state). */
  fpuCw = 0x37f;
  fpuSw = 0;
  fpuTw = 0xffff;
  /** The handler table this CPU runs with (null: the user-mode table, chosen on first use). */
  handlers: HandlerTable | null = null;
  /** Which silicon's undefined results, quirks and CPUID this CPU reproduces (profiles.ts). */
  profile: CpuProfile;

  constructor(mode: CpuMode = 64, mem: Memory = new Memory(), profile: CpuProfile = DEFAULT_PROFILE) {
    this.mode = mode;
    this.profile = profile;
    this.mem = mem;
    this.segs = [];
    for (let i = 0; i < 6; i++) this.segs.push({ sel: 0, base: 0, limit: 0xffffffff, attr: 0 });
    this.setUserFlat();
    if (mode === 32) {
      this.cr0 = 0x11;
      this.cr4 = 0;
      this.efer = 0;
    }
  }

  /** Flat ring-3 segments with Linux's selectors (SDM Vol.3 3.4.5 attribute layout). */
  setUserFlat(): void {
    const s = this.segs;
    const dataAttr = 0xc0f3; // G D/B, P DPL3 S type=3 (rw accessed)
    const codeAttr = this.mode === 64 ? 0xa0fb : 0xc0fb; // L (64) or D (32); P DPL3 S type=b
    const set = (i: number, sel: number, attr: number): void => { s[i].sel = sel; s[i].base = 0; s[i].limit = 0xffffffff; s[i].attr = attr; };
    if (this.mode === 64) {
      set(SEG_CS, 0x33, codeAttr); set(SEG_SS, 0x2b, dataAttr);
      set(SEG_DS, 0, dataAttr); set(SEG_ES, 0, dataAttr); set(SEG_FS, 0, dataAttr); set(SEG_GS, 0, dataAttr);
    } else {
      set(SEG_CS, 0x23, codeAttr); set(SEG_SS, 0x2b, dataAttr);
      set(SEG_DS, 0x2b, dataAttr); set(SEG_ES, 0x2b, dataAttr); set(SEG_FS, 0, dataAttr); set(SEG_GS, 0, dataAttr);
    }
    this.cpl = 3;
    this.flags |= F_IF;
  }

  /** Flat ring-0 segments (Linux __KERNEL_CS 0x10 / __KERNEL_DS 0x18). */
  setKernelFlat(): void {
    const s = this.segs;
    const dataAttr = 0xc093;
    const codeAttr = this.mode === 64 ? 0xa09b : 0xc09b;
    for (let i = 0; i < 6; i++) { s[i].base = 0; s[i].limit = 0xffffffff; s[i].attr = dataAttr; s[i].sel = i === SEG_FS || i === SEG_GS ? 0 : 0x18; }
    s[SEG_CS].sel = 0x10; s[SEG_CS].attr = codeAttr;
    this.cpl = 0;
  }

  get fsBase(): number { return this.segs[SEG_FS].base; }
  set fsBase(v: number) { this.segs[SEG_FS].base = v; }
  get gsBase(): number { return this.segs[SEG_GS].base; }
  set gsBase(v: number) { this.segs[SEG_GS].base = v; }

  /** Drop cached translations (after a CR3 write, INVLPG, or CR0/CR4 paging changes). */
  flushTlb(): void { this.tlbGen++; }

  // ---- register access (hardware numbering; 8-bit 16..19 = ah ch dh bh) ----

  /** Read a GPR at `size` bits, zero-extended into an int32 (64: low half; high half in tHi). */
  getReg(r: number, size: number): number {
    switch (size) {
      case 8: return r >= 16 ? (this.lo[r - 16] >> 8) & 0xff : this.lo[r] & 0xff;
      case 16: return this.lo[r] & 0xffff;
      case 32: return this.lo[r];
      default: this.tHi = this.hi[r]; return this.lo[r];
    }
  }

  /** Write a GPR with x86 partial-register rules (SDM Vol.1 3.4.1.1): 32-bit writes zero bits 63:32. */
  setReg(r: number, size: number, v: number, vHi = 0): void {
    switch (size) {
      case 8:
        if (r >= 16) this.lo[r - 16] = (this.lo[r - 16] & ~0xff00) | ((v & 0xff) << 8);
        else this.lo[r] = (this.lo[r] & ~0xff) | (v & 0xff);
        return;
      case 16: this.lo[r] = (this.lo[r] & ~0xffff) | (v & 0xffff); return;
      case 32: this.lo[r] = v; this.hi[r] = 0; return;
      default: this.lo[r] = v; this.hi[r] = vHi; return;
    }
  }

  /** 64-bit register value as a BigInt (API edge only). */
  reg64(r: number): bigint {
    return (BigInt(this.hi[r] >>> 0) << 32n) | BigInt(this.lo[r] >>> 0);
  }
  setReg64(r: number, v: bigint): void {
    this.lo[r] = Number(v & 0xffffffffn) | 0;
    this.hi[r] = Number((v >> 32n) & 0xffffffffn) | 0;
  }

  /** RIP as an unsigned 64-bit BigInt (API edge). */
  ripBig(): bigint { return canonToBig(this.rip); }
  setRipBig(v: bigint): void { this.rip = bigToCanon(v, this.mode); }

  readMsr(n: number): bigint | undefined {
    switch (n) {
      case MSR_EFER: return BigInt(this.efer);
      case MSR_FS_BASE: return canonToBig(this.fsBase);
      case MSR_GS_BASE: return canonToBig(this.gsBase);
      case MSR_KERNEL_GS_BASE: return canonToBig(this.kernelGsBase);
      default: return this.msrs.get(n);
    }
  }
  /** Returns false for an MSR the model does not know (caller raises #GP(0)). */
  writeMsr(n: number, v: bigint): boolean {
    switch (n) {
      case MSR_EFER: this.efer = Number(v & 0xffffn); return true;
      case MSR_FS_BASE: this.fsBase = bigToCanon(v, 64); return true;
      case MSR_GS_BASE: this.gsBase = bigToCanon(v, 64); return true;
      case MSR_KERNEL_GS_BASE: this.kernelGsBase = bigToCanon(v, 64); return true;
      case MSR_STAR: case MSR_LSTAR: case MSR_CSTAR: case MSR_FMASK: case MSR_TSC_AUX:
      case MSR_SYSENTER_CS: case MSR_SYSENTER_ESP: case MSR_SYSENTER_EIP:
        this.msrs.set(n, v & 0xffffffffffffffffn); return true;
      default:
        if (this.msrs.has(n)) { this.msrs.set(n, v & 0xffffffffffffffffn); return true; }
        return false;
    }
  }
}

const TWO32 = 4294967296;

/** Canonical-signed number -> unsigned 64-bit BigInt. */
export function canonToBig(a: number): bigint {
  return a < 0 ? (1n << 64n) + BigInt(a) : BigInt(a);
}

/** Unsigned 64-bit BigInt -> canonical-signed number (non-canonical values keep their low 48 bits' sign). */
export function bigToCanon(v: bigint, mode: CpuMode): number {
  v &= 0xffffffffffffffffn;
  if (mode === 32) return Number(v & 0xffffffffn);
  const s = BigInt.asIntN(64, v);
  return Number(BigInt.asIntN(48, s));
}

/** True when the 64-bit value hi:lo is canonical (bits 63:47 all equal, SDM Vol.1 3.3.7.1). */
export function isCanonical(lo: number, hi: number): boolean {
  const h = hi >> 15;
  return h === 0 || h === -1;
}

/** hi:lo (canonical) -> canonical-signed number. */
export function pairToCanon(lo: number, hi: number): number {
  return ((hi << 16) >> 16) * TWO32 + (lo >>> 0);
}

/** Canonical-signed number -> low half (int32). */
export function canonLo(a: number): number { return a | 0; } // ToInt32 is exact modulo 2^32
/** Canonical-signed number -> high half (int32). */
export function canonHi(a: number): number { return Math.floor(a / TWO32) | 0; }
