// Far control transfers that change CS (and maybe CPL and SS): iret, lret, ljmp, lcall
// (SDM Vol.2 IRET, RET, JMP, CALL "protected mode" pseudocode; Vol.3 5.8 privilege checks).
// Call gates and task switches are not modelled: they stop the run as unsupported.

import { Cpu, CpuFault, SEG_CS, SEG_SS, SEG_ES, SEG_DS, SEG_FS, SEG_GS, F_IF, F_IOPL, F_NT, F_VM, F_RF, F_AC, F_ID, F_TF, F_DF, F_VIF, F_VIP, STATUS, canonLo, canonHi } from '../state.js';
import { getSp, push } from '../operands.js';
import { rd16, rd32, rd64 } from '../access.js';
import { modelOf, Unsupported } from './model.js';
import { readDesc, selErr, isCode, isData, isConforming, descDpl, descP, descL, descDB, isWritableData, loadCs, setSeg, markAccessed, type Desc } from './descriptors.js';
import { rflags, setRflags } from './deliver.js';

const TWO32 = 4294967296;

/** Read `size` bits from the stack at byte offset `off` above RSP, without popping. */
function stackRead(cpu: Cpu, off: number, size: number): number {
  if (cpu.mode === 64) {
    const a = getSp(cpu) + off;
    if (size === 64) { const lo = rd64(cpu, a) >>> 0; return ((cpu.tHi | 0) << 16 >> 16) * TWO32 + lo; }
    return size === 32 ? rd32(cpu, a) >>> 0 : rd16(cpu, a);
  }
  const ss = cpu.segs[SEG_SS];
  const big = (ss.attr & 0x4000) !== 0;
  const sp = big ? cpu.lo[4] >>> 0 : cpu.lo[4] & 0xffff;
  const off2 = big ? (sp + off) >>> 0 : (sp + off) & 0xffff;
  const a = (ss.base + off2) >>> 0;
  return size === 32 ? rd32(cpu, a) >>> 0 : rd16(cpu, a);
}

/**
 * A return RIP from the stack: like stackRead, but in 64-bit mode a non-canonical value stays
 * non-canonical (NaN) so the caller's canonical check raises #GP(0) (SDM IRET, RET far) instead of
 * silently sign-extending bit 47.
 */
function stackReadIp(cpu: Cpu, off: number, size: number): number {
  if (cpu.mode !== 64 || size !== 64) return stackRead(cpu, off, size);
  const v = stackRead(cpu, off, size);
  return (cpu.tHi | 0) === ((cpu.tHi | 0) << 16 >> 16) ? v : NaN;
}

function setSpValue(cpu: Cpu, v: number): void {
  if (cpu.mode === 64) { cpu.lo[4] = canonLo(v); cpu.hi[4] = canonHi(v); return; }
  if ((cpu.segs[SEG_SS].attr & 0x4000) !== 0) cpu.lo[4] = v | 0;
  else cpu.lo[4] = (cpu.lo[4] & ~0xffff) | (v & 0xffff);
}

function canonical(a: number): boolean { return a >= -(2 ** 47) && a < 2 ** 47; }
function gp(e: number): never { throw new CpuFault(13, e); }

/** Return-CS checks shared by iret and lret (SDM IRET/RET: #GP(selector) / #NP(selector)). */
function returnCs(cpu: Cpu, sel: number): Desc {
  if ((sel & 0xfffc) === 0) gp(0);
  const d = readDesc(cpu, sel);
  if (d === null || !isCode(d)) gp(selErr(sel));
  const rpl = sel & 3;
  if (rpl < cpu.cpl) gp(selErr(sel));
  if (isConforming(d) ? descDpl(d) > rpl : descDpl(d) !== rpl) gp(selErr(sel));
  if (!descP(d)) throw new CpuFault(11, selErr(sel));
  if (cpu.mode === 64 && !(descL(d) && !descDB(d))) throw new Unsupported('return to a compatibility-mode (32-bit) code segment from 64-bit mode');
  if (cpu.mode === 32 && descL(d)) gp(selErr(sel));
  return d;
}

/** Return-SS checks (SDM IRET: RPL = new CPL, writable data, DPL = new CPL; #SS if not present). */
function returnSs(cpu: Cpu, sel: number, newCpl: number): Desc | null {
  if ((sel & 0xfffc) === 0) {
    // 64-bit mode allows a null SS when returning to CPL < 3 in 64-bit code (SDM IRET).
    if (cpu.mode === 64 && newCpl < 3 && (sel & 3) === newCpl) return null;
    gp(0);
  }
  if ((sel & 3) !== newCpl) gp(selErr(sel));
  const d = readDesc(cpu, sel);
  if (d === null || !isWritableData(d) || descDpl(d) !== newCpl) gp(selErr(sel));
  if (!descP(d)) throw new CpuFault(12, selErr(sel));
  return d;
}

/** After a return to an outer level, data segments the new CPL may not use become null (SDM RET/IRET). */
function nullInaccessibleSegs(cpu: Cpu, newCpl: number): void {
  for (const s of [SEG_ES, SEG_DS, SEG_FS, SEG_GS]) {
    const r = cpu.segs[s];
    const dpl = (r.attr >> 5) & 3;
    const codeNonConf = (r.attr & 0x18) === 0x18 && (r.attr & 4) === 0;
    const data = (r.attr & 0x18) === 0x10;
    if ((r.sel & 0xfffc) !== 0 && dpl < newCpl && (data || codeNonConf)) { r.sel = 0; r.attr = 0; if (cpu.mode === 32) r.base = 0; }
  }
}

function loadSs(cpu: Cpu, sel: number, d: Desc | null, newCpl: number): void {
  const ss = cpu.segs[SEG_SS];
  if (d === null) { ss.sel = sel & 0xffff; ss.base = 0; ss.limit = 0xffffffff; ss.attr = 0xc093 | (newCpl << 5); return; }
  markAccessed(cpu, d);
  setSeg(ss, sel, d);
}

/** Which flags an iret/popf image may change (SDM IRET/POPF): IOPL only at CPL 0, IF only at CPL <= IOPL. */
export function flagMask(cpu: Cpu, size: number, iret: boolean): number {
  const f = rflags(cpu);
  let mask = STATUS | F_TF | F_DF | F_NT | F_AC | F_ID;
  const iopl = (f & F_IOPL) >> 12;
  if (cpu.cpl === 0) mask |= F_IOPL | F_IF;
  else if (cpu.cpl <= iopl) mask |= F_IF;
  if (iret) mask |= F_RF; // IRET loads RF; POPF clears it
  if (iret && cpu.cpl === 0) mask |= F_VIF | F_VIP; // SDM IRET: VIF/VIP loaded at CPL 0 (32/64-bit)
  if (size === 16) mask &= 0xffff;
  return mask;
}

/**
 * IRET/IRETD/IRETQ in protected mode or IA-32e mode. In 64-bit mode SS:RSP is always popped; in
 * 32-bit mode only on a return to an outer privilege level. Completing an IRET ends NMI blocking
 * (SDM Vol.3 6.7.1) - whatever handler it returns from.
 */
export function iret(cpu: Cpu, size: number): void {
  const m = modelOf(cpu);
  const b = size >> 3;
  const from = cpu.curIp;
  const f0 = rflags(cpu);
  if ((f0 & F_NT) !== 0) {
    if (cpu.mode === 64) gp(0); // no task return in IA-32e mode
    throw new Unsupported('iret with NT=1 (task return)');
  }
  const tIp = stackReadIp(cpu, 0, size);
  const tCs = stackRead(cpu, b, size) & 0xffff;
  const tFlags = stackRead(cpu, 2 * b, size);
  if (cpu.mode === 32 && cpu.cpl === 0 && (tFlags & F_VM) !== 0 && size === 32) throw new Unsupported('iret to virtual-8086 mode');
  const d = returnCs(cpu, tCs);
  const newCpl = tCs & 3;
  const oldCpl = cpu.cpl;
  let newSp: number;
  let ssSel = -1;
  let ssDesc: Desc | null = null;
  if (cpu.mode === 64 || newCpl > oldCpl) {
    const tSp = stackRead(cpu, 3 * b, size);
    ssSel = stackRead(cpu, 4 * b, size) & 0xffff;
    ssDesc = returnSs(cpu, ssSel, newCpl);
    newSp = size === 64 ? tSp : size === 32 ? tSp >>> 0 : tSp & 0xffff;
  } else {
    newSp = NaN;
  }
  let ip = tIp;
  if (size === 16) ip &= 0xffff;
  if (cpu.mode === 64 && !canonical(ip)) gp(0);
  if (cpu.mode === 32 && ip > (((d.lo & 0xffff) | (d.hi & 0xf0000)) * ((d.hi & 0x800000) ? 4096 : 1) + ((d.hi & 0x800000) ? 0xfff : 0))) gp(0);
  // Commit (all checks passed).
  const mask = flagMask(cpu, size, true);
  const nf = (f0 & ~mask) | (tFlags & mask);
  loadCs(cpu, tCs, d, newCpl);
  cpu.rip = ip;
  setRflags(cpu, nf);
  if (!Number.isNaN(newSp)) {
    loadSs(cpu, ssSel, ssDesc, newCpl);
    setSpValue(cpu, newSp);
  } else {
    const sp = cpu.lo[4] >>> 0;
    setSpValue(cpu, sp + 3 * b);
  }
  if (newCpl > oldCpl) nullInaccessibleSegs(cpu, newCpl);
  const unblocked = cpu.nmiBlocked;
  cpu.nmiBlocked = false;
  m.log({ kind: 'iret', from, to: ip, cplFrom: oldCpl, cplTo: newCpl, nmiUnblocked: unblocked, note: `${cpu.mode === 64 ? 'rsp' : 'esp'}=0x${(cpu.mode === 64 ? BigInt.asUintN(64, BigInt(Math.round(getSp(cpu)))) : BigInt(cpu.lo[4] >>> 0)).toString(16)} ${cpu.mode === 64 ? 'rflags' : 'eflags'}=0x${(nf >>> 0).toString(16)}` });
}

/** lret / lret $n (SDM RET far, protected mode): same privilege, or outer with SS:RSP popped after the n bytes. */
export function lret(cpu: Cpu, size: number, n: number): void {
  const b = size >> 3;
  const tIp = stackReadIp(cpu, 0, size);
  const tCs = stackRead(cpu, b, size) & 0xffff;
  const d = returnCs(cpu, tCs);
  const newCpl = tCs & 3;
  const oldCpl = cpu.cpl;
  let ip = size === 16 ? tIp & 0xffff : tIp;
  if (cpu.mode === 64 && size === 32) ip = tIp >>> 0;
  if (cpu.mode === 64 && !canonical(ip)) gp(0);
  if (newCpl > oldCpl) {
    const tSp = stackRead(cpu, 2 * b + n, size);
    const ssSel = stackRead(cpu, 3 * b + n, size) & 0xffff;
    const ssDesc = returnSs(cpu, ssSel, newCpl);
    loadCs(cpu, tCs, d, newCpl);
    cpu.rip = ip;
    loadSs(cpu, ssSel, ssDesc, newCpl);
    setSpValue(cpu, tSp + n);
    nullInaccessibleSegs(cpu, newCpl);
    return;
  }
  loadCs(cpu, tCs, d, newCpl);
  cpu.rip = ip;
  const sp = cpu.mode === 64 ? getSp(cpu) : cpu.lo[4] >>> 0;
  setSpValue(cpu, sp + 2 * b + n);
}

/**
 * Far jmp/call to a code segment (SDM JMP/CALL far, protected mode): conforming needs DPL <= CPL,
 * non-conforming RPL <= CPL and DPL = CPL; CPL does not change. Gates stop the run (unsupported).
 */
export function farTransfer(cpu: Cpu, sel: number, off: number, size: number, isCall: boolean): void {
  sel &= 0xffff;
  if ((sel & 0xfffc) === 0) gp(0);
  const d = readDesc(cpu, sel);
  if (d === null) gp(selErr(sel));
  if (!isCode(d)) {
    if (isData(d)) gp(selErr(sel));
    const t = (d.hi >>> 8) & 0xf;
    if (t === 0xc || t === 0x4) throw new Unsupported('far transfer through a call gate');
    if (t === 0x5 || t === 0x9 || t === 0x1) throw new Unsupported('far transfer to a task gate / TSS (task switch)');
    gp(selErr(sel));
  }
  if (isConforming(d) ? descDpl(d) > cpu.cpl : ((sel & 3) > cpu.cpl || descDpl(d) !== cpu.cpl)) gp(selErr(sel));
  if (!descP(d)) throw new CpuFault(11, selErr(sel));
  if (cpu.mode === 64 && !(descL(d) && !descDB(d))) throw new Unsupported('far transfer to a compatibility-mode code segment');
  if (cpu.mode === 64 && !canonical(off)) gp(0);
  if (isCall) {
    push(cpu, size, cpu.segs[SEG_CS].sel, 0);
    push(cpu, size, canonLo(cpu.rip), size === 64 ? canonHi(cpu.rip) : 0);
  }
  loadCs(cpu, sel, d, cpu.cpl);
  cpu.rip = off;
}

