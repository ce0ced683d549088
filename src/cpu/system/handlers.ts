// System-instruction handlers, registered by ISA `sem` name into the executor's handler registry
// (src/cpu/dispatch.ts). Importing this module installs them. Each follows the SDM Vol.2
// pseudocode for protected mode / IA-32e mode; privilege checks that dispatch.ts does for forms
// marked `priv` (CPL > 0 -> #GP(0)) are not repeated.

import { Cpu, CpuFault, SEG_CS, SEG_SS, SEG_GS, F_IF, F_IOPL, F_RF, F_VM, MSR_STAR, MSR_LSTAR, MSR_FMASK, MSR_SYSENTER_CS, MSR_SYSENTER_ESP, MSR_SYSENTER_EIP, canonLo, canonHi, isCanonical, pairToCanon } from '../state.js';
import { FORMS } from '../../isa/index.js';
import { buildHandlerTable, userHandler, type Handler, type HandlerTable } from '../dispatch.js';
import { K_REG, K_MEM, ea, readOp, pop, type Insn } from '../operands.js';
import { lsegH } from '../ops.js';
import { rd16, rd32, rd64, wr16, wr32, wr64 } from '../access.js';
import { getFlags } from '../flags.js';
import { modelOf, Unsupported } from './model.js';
import { deliverSoft, rflags, setRflags } from './deliver.js';
import { iret, lret, farTransfer, flagMask } from './transfer.js';
import { loadDataSeg, readDesc, selErr, descP, descS, descBase, descLimit, descAttr } from './descriptors.js';
import { sysWr8 } from './sysmem.js';
import { updatePaging, updateDataBreakpoints, MAXPHYADDR, pdptesFor } from './paging.js';

const TWO32 = 4294967296;
const gp0 = (): never => { throw new CpuFault(13, 0); };
const ud = (): never => { throw new CpuFault(6); };

// ---- software interrupts (SDM INT n/INTO/INT3/INT1): traps, saved RIP after the instruction ----
const intN: Handler = (cpu, i) => deliverSoft(cpu, i.immLo & 0xff, cpu.rip);
const int3: Handler = (cpu) => deliverSoft(cpu, 3, cpu.rip);
/**
 * in/out (SDM IN, OUT; Vol.1 19.5): CPL > IOPL would consult the TSS I/O permission bitmap, which is
 * not modelled, so #GP(0). At CPL <= IOPL the access goes to a bus with no devices: out is dropped and
 * in reads all ones (a floating bus), so kernel-style code (PIC EOI, port-0x80 delays, serial output)
 * runs instead of stopping at a #UD.
 */
function ioCheck(cpu: Cpu): void {
  if (cpu.cpl > ((getFlags(cpu) & F_IOPL) >> 12)) gp0();
}
const ioIn: Handler = (cpu, i) => {
  ioCheck(cpu);
  const sz = i.s1;
  cpu.setReg(0, sz, sz === 8 ? 0xff : sz === 16 ? 0xffff : 0xffffffff, 0);
};
const ioOut: Handler = (cpu) => { ioCheck(cpu); };
const into: Handler = (cpu) => { if (cpu.mode === 64) ud(); if (getFlags(cpu) & 0x800) deliverSoft(cpu, 4, cpu.rip); };
/** int1 (icebp) is delivered like a #DB trap: no gate DPL check (SDM INT1). */
const int1: Handler = () => { throw new CpuFault(1, -1, 'trap'); };

const iretH: Handler = (cpu, i) => iret(cpu, i.opsize);
const lretH: Handler = (cpu, i) => lret(cpu, i.opsize, i.n > 0 ? i.immLo & 0xffff : 0);

/** ljmp/lcall: memory form m16:16/32/64 (offset first), or ptr16:16/32 immediate (32-bit mode). */
function far(isCall: boolean): Handler {
  return (cpu, i) => {
    let sel: number, off: number;
    const size = i.opsize;
    if (i.k0 === K_MEM) {
      const a = ea(cpu, i);
      if (size === 64) { const lo = rd64(cpu, a) >>> 0; off = pairToCanon(lo, cpu.tHi); if (!isCanonical(lo, cpu.tHi)) gp0(); }
      else off = size === 32 ? rd32(cpu, a) >>> 0 : rd16(cpu, a);
      sel = rd16(cpu, a + (size >> 3));
    } else {
      sel = i.imm2 & 0xffff;
      off = size === 16 ? i.immLo & 0xffff : i.immLo >>> 0;
    }
    const saveLo = cpu.lo[4], saveHi = cpu.hi[4];
    try { farTransfer(cpu, sel, off, cpu.mode === 64 && size === 32 ? 32 : size, isCall); }
    catch (e) { cpu.lo[4] = saveLo; cpu.hi[4] = saveHi; throw e; }
  };
}

/** hlt: CPL 0 only (SDM HLT); the run loop stops, and the harness wakes it for an NMI or an interrupt. */
const hlt: Handler = (cpu) => { if (cpu.cpl !== 0) gp0(); cpu.halted = true; };

/** cli/sti: #GP(0) when CPL > IOPL (SDM CLI/STI, no VME/PVI). sti shadows the next boundary if IF was 0. */
const cli: Handler = (cpu) => { if (cpu.cpl > ((cpu.flags & F_IOPL) >> 12)) gp0(); cpu.flags &= ~F_IF; };
const sti: Handler = (cpu) => {
  if (cpu.cpl > ((cpu.flags & F_IOPL) >> 12)) gp0();
  if (!(cpu.flags & F_IF)) { cpu.shadow = 2; modelOf(cpu).shadowKind = 1; }
  cpu.flags |= F_IF;
};

/** popf (SDM POPF): at CPL 0 IF and IOPL may change; VM/VIF/VIP kept; RF cleared. */
const popf: Handler = (cpu, i) => {
  const size = i.opsize;
  const v = pop(cpu, size);
  const f = rflags(cpu);
  const mask = flagMask(cpu, size, false);
  setRflags(cpu, ((f & ~mask) | (v & mask)) & ~F_RF);
};

/** mov/pop to a segment register with descriptor loading (SDM MOV, POP); SS opens a shadow (6.8.3). */
const userMovSreg = userHandler('mov:sreg');
/** lds/les/lfs/lgs/lss with descriptor-table checks (made on first use: ops.ts imports this module's dependencies). */
let lsegImpl: Handler | null = null;
const lsegSys: Handler = (cpu, i) => (lsegImpl ??= lsegH(loadDataSeg))(cpu, i);
const movSreg: Handler = (cpu, i) => {
  if (i.k1 !== 4 /* K_OTHER: sreg destination */) { userMovSreg?.(cpu, i); return; }
  const s = i.r1 & 7;
  if (s === SEG_CS || s > 5) ud();
  const sel = readOp(cpu, i, i.k0, i.r0, 16) & 0xffff;
  loadDataSeg(cpu, s, sel);
  if (s === SEG_SS) { cpu.shadow = 2; modelOf(cpu).shadowKind = 2; }
};
const SEGNUM: Record<string, number> = { es: 0, cs: 1, ss: 2, ds: 3, fs: 4, gs: 5 };
const popSeg: Handler = (cpu, i) => {
  const reg = FORMS[i.form].operands.find((o) => o.kind === 'seg')?.reg ?? 'ds';
  const s = SEGNUM[reg];
  const size = i.opsize;
  const saveLo = cpu.lo[4], saveHi = cpu.hi[4];
  const v = pop(cpu, size) & 0xffff;
  try { loadDataSeg(cpu, s, v); } catch (e) { cpu.lo[4] = saveLo; cpu.hi[4] = saveHi; throw e; }
  if (s === SEG_SS) { cpu.shadow = 2; modelOf(cpu).shadowKind = 2; }
};

// ---- descriptor-table registers (SDM LGDT/LIDT/SGDT/SIDT) ----
function loadTable(which: 'gdtr' | 'idtr'): Handler {
  return (cpu, i) => {
    const a = ea(cpu, i);
    const limit = rd16(cpu, a);
    let base: number;
    if (cpu.mode === 64) { const lo = rd64(cpu, a + 2) >>> 0; base = pairToCanon(lo, cpu.tHi); }
    else { base = rd32(cpu, a + 2) >>> 0; if (i.opsize === 16) base &= 0xffffff; }
    cpu[which] = { base, limit };
  };
}
function storeTable(which: 'gdtr' | 'idtr'): Handler {
  return (cpu, i) => {
    const a = ea(cpu, i);
    const t = cpu[which];
    wr16(cpu, a, t.limit);
    if (cpu.mode === 64) wr64(cpu, a + 2, canonLo(t.base), canonHi(t.base));
    else wr32(cpu, a + 2, t.base);
  };
}

/** ltr (SDM LTR): an available TSS in the GDT; marks it busy. 16-byte descriptor in long mode. */
const ltr: Handler = (cpu, i) => {
  const sel = readOp(cpu, i, i.k0, i.r0, 16) & 0xffff;
  if ((sel & 0xfffc) === 0) gp0();
  if (sel & 4) throw new CpuFault(13, selErr(sel));
  const d = readDesc(cpu, sel, cpu.mode === 64);
  if (d === null) throw new CpuFault(13, selErr(sel));
  const t = (d.hi >>> 8) & 0xf;
  const ok = cpu.mode === 64 ? t === 0x9 : t === 0x9 || t === 0x1;
  if (descS(d) || !ok) throw new CpuFault(13, selErr(sel));
  if (!descP(d)) throw new CpuFault(11, selErr(sel));
  if (cpu.mode === 64 && !isCanonical(descBase(d), d.hi2)) throw new CpuFault(13, selErr(sel));
  sysWr8(cpu, d.addr + 5, ((d.hi >>> 8) & 0xff) | 0x02); // busy
  d.hi |= 0x200;
  cpu.tr = { sel, base: cpu.mode === 64 ? pairToCanon(descBase(d), d.hi2) : descBase(d), limit: descLimit(d), attr: descAttr(d) };
};
/** lldt (SDM LLDT): an LDT descriptor (type 2) in the GDT, or null to disable the LDT. */
const lldt: Handler = (cpu, i) => {
  const sel = readOp(cpu, i, i.k0, i.r0, 16) & 0xffff;
  if ((sel & 0xfffc) === 0) { cpu.ldtr = { sel: 0, base: 0, limit: 0, attr: 0 }; return; }
  if (sel & 4) throw new CpuFault(13, selErr(sel));
  const d = readDesc(cpu, sel, cpu.mode === 64);
  if (d === null || descS(d) || ((d.hi >>> 8) & 0xf) !== 2) throw new CpuFault(13, selErr(sel));
  if (!descP(d)) throw new CpuFault(11, selErr(sel));
  cpu.ldtr = { sel, base: cpu.mode === 64 ? pairToCanon(descBase(d), d.hi2) : descBase(d), limit: descLimit(d), attr: descAttr(d) };
};
function storeSel(get: (cpu: Cpu) => number): Handler {
  return (cpu, i) => {
    const v = get(cpu);
    if (i.k0 === K_REG) cpu.setReg(i.r0, i.s0 || 16, v, 0);
    else wr16(cpu, ea(cpu, i), v);
  };
}

// ---- control and debug registers (SDM MOV CR / MOV DR) ----
const CR0_FIXED = 0x10; // ET reads as 1
/** lmsw (SDM LMSW): loads CR0 bits 3:0 (PE, MP, EM, TS); it can set PE but never clear it. */
const lmsw: Handler = (cpu, i) => {
  const v = readOp(cpu, i, i.k0, i.r0, 16) & 0xf;
  cpu.cr0 = ((cpu.cr0 & ~0xe) | v | (cpu.cr0 & 1)) >>> 0;
};
const movCr: Handler = (cpu, i) => {
  const toCr = i.k1 !== K_REG; // mov %reg,%crN: destination (operand 1) is the CR
  const n = toCr ? i.r1 : i.r0;
  const gpr = toCr ? i.r0 : i.r1;
  const size = cpu.mode === 64 ? 64 : 32;
  if (![0, 2, 3, 4, 8].includes(n) || (n === 8 && cpu.mode !== 64)) ud();
  if (!toCr) {
    const v = n === 0 ? cpu.cr0 : n === 2 ? cpu.cr2 : n === 3 ? cpu.cr3 : n === 4 ? cpu.cr4 : cpu.cr8;
    cpu.setReg(gpr, size, canonLo(v), size === 64 ? canonHi(v) : 0);
    return;
  }
  const lo = cpu.getReg(gpr, size) >>> 0;
  const hi = size === 64 ? cpu.tHi >>> 0 : 0;
  const m = modelOf(cpu);
  switch (n) {
    case 0: {
      if (hi !== 0) gp0();
      const pg = (lo & 0x80000000) !== 0, pe = (lo & 1) !== 0;
      if (pg && !pe) gp0(); // SDM MOV CR: PG without PE
      if ((lo & 0x40000000) === 0 && (lo & 0x20000000) !== 0) gp0(); // NW without CD
      if (cpu.mode === 64 && (!pg || !pe)) throw new CpuFault(13, 0); // leaving long mode is not modelled
      // PAE paging being turned on loads the PDPTEs (SDM 4.4.1); CR0 changes nothing if that faults.
      const turnsOn = pg && ((cpu.cr0 & 0x80000000) === 0 || ((lo ^ cpu.cr0) & 0x60000000) !== 0);
      if (turnsOn || !pg) m.pdptes = pdptesFor(cpu, lo, cpu.cr3, cpu.cr4);
      cpu.cr0 = (lo | CR0_FIXED) >>> 0;
      updatePaging(cpu, m.identityCr3);
      return;
    }
    case 2: cpu.cr2 = size === 64 ? pairToCanon(lo, hi) : lo; return;
    case 3: {
      // With CR4.PCIDE, bit 63 is a "don't flush" hint and is not stored (SDM 4.10.4.1).
      let h = hi;
      if ((cpu.cr4 & 0x20000) !== 0 && (h & 0x80000000) !== 0) h &= 0x7fffffff;
      if (h >= 2 ** (MAXPHYADDR - 32)) gp0(); // bits 63:MAXPHYADDR reserved
      m.pdptes = pdptesFor(cpu, cpu.cr0, h * TWO32 + lo, cpu.cr4); // #GP(0) before CR3 changes
      cpu.cr3 = h * TWO32 + lo;
      // From the first CR3 load on, every access walks the tables in memory (the harness identity
      // map may have been edited by the listing).
      m.identityCr3 = null;
      updatePaging(cpu, m.identityCr3);
      return;
    }
    case 4:
      if (hi !== 0 || (lo & ~0x3f77ff) !== 0) gp0();
      if (cpu.mode === 64 && (lo & 0x20) === 0) gp0(); // clearing PAE in IA-32e mode
      // Changing PAE, PGE, PSE or SMEP with paging on reloads the PDPTEs (SDM 4.4.1).
      if (((lo ^ cpu.cr4) & 0x1000b0) !== 0) m.pdptes = pdptesFor(cpu, cpu.cr0, cpu.cr3, lo);
      cpu.cr4 = lo;
      updatePaging(cpu, m.identityCr3);
      return;
    default:
      if (hi !== 0 || lo > 15) gp0();
      cpu.cr8 = lo;
  }
};
const movDr: Handler = (cpu, i) => {
  const toDr = i.k1 !== K_REG;
  const n = toDr ? i.r1 : i.r0;
  const gpr = toDr ? i.r0 : i.r1;
  const size = cpu.mode === 64 ? 64 : 32;
  if (n > 7) ud();
  const r = n === 4 ? 6 : n === 5 ? 7 : n; // DR4/DR5 alias DR6/DR7 with CR4.DE = 0
  if (!toDr) {
    const v = cpu.dr[r] || (r === 6 ? 0xffff0ff0 : r === 7 ? 0x400 : 0);
    cpu.setReg(gpr, size, canonLo(v), size === 64 ? canonHi(v) : 0);
    return;
  }
  const lo = cpu.getReg(gpr, size) >>> 0;
  const hi = size === 64 ? cpu.tHi >>> 0 : 0;
  if ((r === 6 || r === 7) && hi !== 0) gp0();
  cpu.dr[r] = size === 64 ? pairToCanon(lo, hi) : lo;
  if (r <= 3 || r === 7) updateDataBreakpoints(cpu);
};
const invlpg: Handler = (cpu, i) => { ea(cpu, i); cpu.flushTlb(); };
const clts: Handler = (cpu) => { cpu.cr0 = (cpu.cr0 & ~8) >>> 0; }; // unsigned: CR0.PG is bit 31

// ---- MSRs (SDM RDMSR/WRMSR): unknown MSRs raise #GP(0) ----
const rdmsr: Handler = (cpu) => {
  const v = cpu.readMsr(cpu.lo[1] >>> 0);
  if (v === undefined) throw new CpuFault(13, 0);
  cpu.setReg(0, 32, Number(v & 0xffffffffn) | 0);
  cpu.setReg(2, 32, Number(v >> 32n) | 0);
};
const wrmsr: Handler = (cpu) => {
  const n = cpu.lo[1] >>> 0;
  const v = (BigInt(cpu.lo[2] >>> 0) << 32n) | BigInt(cpu.lo[0] >>> 0);
  if (!cpu.writeMsr(n, v)) gp0();
  if (n === 0xc0000080) updatePaging(cpu, modelOf(cpu).identityCr3);
};
const msr = (cpu: Cpu, n: number): bigint => cpu.readMsr(n) ?? 0n;

/** swapgs (SDM SWAPGS): exchange GS.base with IA32_KERNEL_GS_BASE; 64-bit mode only. */
const swapgs: Handler = (cpu) => {
  if (cpu.mode !== 64) ud();
  const t = cpu.segs[SEG_GS].base;
  cpu.segs[SEG_GS].base = cpu.kernelGsBase;
  cpu.kernelGsBase = t;
};

function flat(cpu: Cpu, seg: number, sel: number, attr: number): void {
  const s = cpu.segs[seg];
  s.sel = sel & 0xffff; s.base = 0; s.limit = 0xffffffff; s.attr = attr;
}

/** syscall (SDM SYSCALL): RCX = RIP, R11 = RFLAGS, CS/SS from STAR[47:32], RFLAGS &= ~FMASK, RIP = LSTAR. */
const syscall: Handler = (cpu) => {
  if (cpu.mode !== 64 || (cpu.efer & 1) === 0) ud();
  const star = msr(cpu, MSR_STAR);
  const sel = Number((star >> 32n) & 0xffffn);
  cpu.setReg(1, 64, canonLo(cpu.rip), canonHi(cpu.rip));
  const f = rflags(cpu);
  cpu.setReg(11, 64, f & ~F_RF, 0);
  const lstar = msr(cpu, MSR_LSTAR);
  cpu.rip = Number(BigInt.asIntN(64, lstar));
  setRflags(cpu, f & ~Number(msr(cpu, MSR_FMASK) & 0xffffffffn) & ~F_RF);
  flat(cpu, SEG_CS, sel & 0xfffc, 0xa09b);
  flat(cpu, SEG_SS, (sel + 8) & 0xfffc, 0xc093);
  cpu.cpl = 0;
};
/** sysret (SDM SYSRET): to CPL 3; 64-bit operand size: CS = STAR[63:48]+16, else compatibility mode. */
const sysret: Handler = (cpu, i) => {
  if (cpu.mode !== 64 || (cpu.efer & 1) === 0) ud();
  if (cpu.cpl !== 0) gp0();
  const star = msr(cpu, MSR_STAR);
  const sel = Number((star >> 48n) & 0xffffn);
  if (i.opsize !== 64) throw new Unsupported('sysret to compatibility mode');
  const rcxLo = cpu.lo[1], rcxHi = cpu.hi[1];
  if (!isCanonical(rcxLo, rcxHi)) gp0();
  cpu.rip = pairToCanon(rcxLo, rcxHi);
  setRflags(cpu, (cpu.lo[11] & 0x3c7fd7) | 2);
  flat(cpu, SEG_CS, (sel + 16) | 3, 0xa0fb);
  flat(cpu, SEG_SS, (sel + 8) | 3, 0xc0f3);
  cpu.cpl = 3;
};
/** sysenter (SDM SYSENTER): CS = SYSENTER_CS, SS = CS + 8, RSP/RIP from the MSRs, VM IF RF cleared. */
const sysenter: Handler = (cpu) => {
  const cs = Number(msr(cpu, MSR_SYSENTER_CS) & 0xfffcn);
  if (cs === 0) gp0();
  const f = rflags(cpu);
  setRflags(cpu, f & ~(F_VM | F_IF | F_RF));
  flat(cpu, SEG_CS, cs, cpu.mode === 64 ? 0xa09b : 0xc09b);
  flat(cpu, SEG_SS, cs + 8, 0xc093);
  cpu.cpl = 0;
  const esp = msr(cpu, MSR_SYSENTER_ESP), eip = msr(cpu, MSR_SYSENTER_EIP);
  if (cpu.mode === 64) { cpu.setReg64(4, esp); cpu.rip = Number(BigInt.asIntN(64, eip)); }
  else { cpu.setReg(4, 32, Number(esp & 0xffffffffn) | 0); cpu.rip = Number(eip & 0xffffffffn); }
};
/** sysexit (SDM SYSEXIT): to CPL 3 at RDX with RSP = RCX; CS = SYSENTER_CS + 16 (32) or + 32 (64). */
const sysexit: Handler = (cpu, i) => {
  const cs = Number(msr(cpu, MSR_SYSENTER_CS) & 0xfffcn);
  if (cs === 0 || cpu.cpl !== 0) gp0();
  if (i.opsize === 64) {
    if (!isCanonical(cpu.lo[2], cpu.hi[2]) || !isCanonical(cpu.lo[1], cpu.hi[1])) gp0();
    flat(cpu, SEG_CS, (cs + 32) | 3, 0xa0fb);
    flat(cpu, SEG_SS, (cs + 40) | 3, 0xc0f3);
    cpu.rip = pairToCanon(cpu.lo[2], cpu.hi[2]);
    cpu.lo[4] = cpu.lo[1]; cpu.hi[4] = cpu.hi[1];
  } else {
    if (cpu.mode === 64) throw new Unsupported('sysexit to compatibility mode');
    flat(cpu, SEG_CS, (cs + 16) | 3, 0xc0fb);
    flat(cpu, SEG_SS, (cs + 24) | 3, 0xc0f3);
    cpu.rip = cpu.lo[2] >>> 0;
    cpu.lo[4] = cpu.lo[1];
  }
  cpu.cpl = 3;
};

export const SYSTEM_HANDLERS: Record<string, Handler> = {
  int: intN, 'int:3': int3, 'int:o': into, 'int:1': int1,
  iret: iretH, 'ret:far': lretH, 'jmp:far': far(false), 'call:far': far(true),
  hlt, 'flag:cli': cli, 'flag:sti': sti, popf,
  'mov:sreg': movSreg, 'pop:seg': popSeg,
  'lseg:ds': lsegSys, 'lseg:es': lsegSys, 'lseg:fs': lsegSys, 'lseg:gs': lsegSys, 'lseg:ss': lsegSys,
  'sys:lgdt': loadTable('gdtr'), 'sys:lidt': loadTable('idtr'), 'sys:sgdt': storeTable('gdtr'), 'sys:sidt': storeTable('idtr'),
  'sys:ltr': ltr, 'sys:lldt': lldt, 'sys:str': storeSel((c) => c.tr.sel), 'sys:sldt': storeSel((c) => c.ldtr.sel),
  'sys:movcr': movCr, 'sys:movdr': movDr, 'sys:invlpg': invlpg, 'sys:clts': clts,
  'sys:rdmsr': rdmsr, 'sys:wrmsr': wrmsr, 'sys:swapgs': swapgs,
  'sys:syscall': syscall, 'sys:sysret': sysret, 'sys:sysenter': sysenter, 'sys:sysexit': sysexit,
  'sys:wbinvd': () => {}, 'sys:invd': () => {},
  'io:in': ioIn, 'io:out': ioOut,
  // smsw is not privileged (UMIP off): CR0 to a register (as processors do), its low 16 bits to memory.
  'sys:smsw': storeSel((c) => c.cr0), 'sys:lmsw': lmsw,
};

let systemTable: HandlerTable | null = null;
/** The system model's handler table: the user-mode handlers with the system sems added or replaced. */
export function systemHandlers(): HandlerTable {
  return systemTable ??= buildHandlerTable(SYSTEM_HANDLERS);
}

export type { Insn };
