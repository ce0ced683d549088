// Delivery of exceptions and interrupts through the IDT (SDM Vol.3 chapter 6):
//   64-bit (6.14): 16-byte interrupt/trap gates, IST stack switching from the TSS, RSP aligned
//   to 16 before the 5-word frame SS, RSP, RFLAGS, CS, RIP (+ error code);
//   32-bit (6.12): 8-byte gates, EFLAGS, CS, EIP (+ error code) on the same stack, or SS:ESP first
//   on a privilege change with the inner stack from the TSS (ss0:esp0 ...).
// Faults raised while delivering combine per SDM 6.15 table 6-5 into #DF, and a fault while
// delivering #DF is a triple fault: the model stops the run (real hardware would shut down).

import { Cpu, CpuFault, SEG_CS, SEG_SS, F_TF, F_IF, F_NT, F_RF, F_VM, canonLo, canonHi } from '../state.js';
import { getFlags } from '../flags.js';
import { getSp } from '../operands.js';
import { modelOf, Unsupported, vectorName, type EventSource, type SystemModel } from './model.js';
import { readDesc, selErr, isCode, descDpl, descP, descL, descDB, isConforming, isWritableData, loadCs, setSeg, markAccessed } from './descriptors.js';
import { sysRd32, sysRd64, sysWr16, sysWr32, sysWr64 } from './sysmem.js';

const TWO32 = 4294967296;

/** Vectors for which the processor pushes an error code (SDM 6.15). */
export function pushesErrorCode(v: number): boolean {
  return v === 8 || (v >= 10 && v <= 14) || v === 17 || v === 21 || v === 29 || v === 30;
}

const BENIGN = 0, CONTRIB = 1, PFCLASS = 2;
function klass(v: number): number {
  if (v === 0 || (v >= 10 && v <= 13)) return CONTRIB;
  if (v === 14) return PFCLASS;
  return BENIGN;
}

/** A fault raised by delivery itself, with what was wrong, for the trace's fault chain. */
export class DeliveryFault extends CpuFault {
  constructor(vector: number, errorCode: number, readonly why: string) { super(vector, errorCode); }
}
function fail(v: number, e: number, why: string): never { throw new DeliveryFault(v, e, why); }
const hx = (v: number): string => '0x' + (v >>> 0).toString(16);

/** Why a fault during delivery happened: the DeliveryFault's reason, or what the access was. */
export function deliveryFaultCause(f: CpuFault, cpu: Cpu): string {
  if (f instanceof DeliveryFault) return f.why;
  if (f.vector === 14) return `page fault at ${hx(cpu.cr2)} (frame push or table read)`;
  if (f.vector === 12) return 'stack fault pushing the frame';
  return 'fault pushing the frame';
}

/** Read a 64-bit TSS field (rsp0..2, ist1..7) or raise #TS(TR selector). */
function tss64(cpu: Cpu, off: number, ext: number): number {
  if (cpu.tr.sel === 0) fail(10, selErr(cpu.tr.sel, ext), 'no TSS loaded (TR is null) for the stack switch');
  if (off + 7 > cpu.tr.limit) fail(10, selErr(cpu.tr.sel, ext), `TSS limit ${hx(cpu.tr.limit)} too small for the stack pointer at offset ${off}`);
  const [lo, hi] = sysRd64(cpu, cpu.tr.base + off);
  return ((hi | 0) << 16 >> 16) * TWO32 + lo; // the CPU does not check canonicality here; pushes will
}

function canonical(a: number): boolean { return a >= -(2 ** 47) && a < 2 ** 47; }

/** Current RFLAGS, lazily-held status flags included. */
export function rflags(cpu: Cpu): number { return getFlags(cpu) >>> 0; }
export function setRflags(cpu: Cpu, v: number): void { getFlags(cpu); cpu.flags = (v | 2) >>> 0; }

interface Gate { offset: number; sel: number; type: number; dpl: number; present: boolean; ist: number }

function readGate(cpu: Cpu, vec: number, ext: number): Gate {
  const idtErr = vec * 8 + 2 + ext; // IDT bit (1) set: the selector-index names a gate (SDM 6.13)
  const size = cpu.mode === 64 ? 16 : 8;
  if (vec * size + size - 1 > cpu.idtr.limit) fail(13, idtErr, `IDT entry ${vec} is beyond the IDT limit ${hx(cpu.idtr.limit)}`);
  const a = cpu.mode === 64 ? cpu.idtr.base + vec * 16 : (cpu.idtr.base + vec * 8) >>> 0;
  const w0 = sysRd32(cpu, a), w1 = sysRd32(cpu, a + 4);
  const type = (w1 >>> 8) & 0xf;
  let offset = ((w1 & 0xffff0000) | (w0 & 0xffff)) >>> 0;
  if (cpu.mode === 64) {
    const w2 = sysRd32(cpu, a + 8);
    offset = ((w2 | 0) << 16 >> 16) * TWO32 + offset;
    if (((w2 | 0) >> 15) !== 0 && ((w2 | 0) >> 15) !== -1) offset = NaN; // non-canonical target
  } else if (type === 0x6 || type === 0x7) offset &= 0xffff;
  return { offset, sel: w0 >>> 16, type, dpl: (w1 >>> 13) & 3, present: (w1 & 0x8000) !== 0, ist: w1 & 7 };
}

/**
 * Deliver one event through the IDT. `ret` is the RIP to save (the faulting instruction for faults,
 * the next one for traps and interrupts). Throws CpuFault when delivery itself faults.
 */
function deliverOnce(m: SystemModel, vec: number, err: number, src: EventSource, ret: number, rfImage = false): void {
  const cpu = m.cpu;
  const ext = src === 'soft' ? 0 : 1;
  const g = readGate(cpu, vec, ext);
  const idtErr = vec * 8 + 2 + ext;
  const is64 = cpu.mode === 64;
  // Gate type (SDM 6.14.1: only 64-bit interrupt/trap gates in IA-32e mode; 6.11: task, 16/32-bit int/trap).
  const okTypes = is64 ? [0xe, 0xf] : [0x5, 0x6, 0x7, 0xe, 0xf];
  if (!okTypes.includes(g.type)) fail(13, idtErr, `IDT entry ${vec} is not an interrupt or trap gate (type ${hx(g.type)}${g.type === 0 && !g.present ? ': missing gate' : ''})`);
  // Software interrupts check the gate's DPL against CPL (6.12.1.1); int1 and hardware events do not.
  if (src === 'soft' && g.dpl < cpu.cpl) fail(13, idtErr, `gate ${vec} has DPL ${g.dpl} < CPL ${cpu.cpl}`);
  if (!g.present) fail(11, idtErr, `gate ${vec} is not present`);
  if (g.type === 0x5) throw new Unsupported(`task gate for vector ${vec} (hardware task switching)`);
  if ((g.sel & 0xfffc) === 0) fail(13, ext, `gate ${vec} has a null code selector`);
  const d = readDesc(cpu, g.sel);
  if (d === null) fail(13, selErr(g.sel, ext), `gate ${vec}'s selector ${hx(g.sel)} is beyond the descriptor table limit`);
  if (!isCode(d)) fail(13, selErr(g.sel, ext), `gate ${vec}'s selector ${hx(g.sel)} is not a code segment`);
  if (descDpl(d) > cpu.cpl) fail(13, selErr(g.sel, ext), `gate ${vec}'s code segment ${hx(g.sel)} has DPL ${descDpl(d)} > CPL ${cpu.cpl}`);
  if (is64 && !(descL(d) && !descDB(d))) fail(13, selErr(g.sel, ext), `gate ${vec}'s code segment ${hx(g.sel)} is not a 64-bit code segment`);
  if (!descP(d)) fail(11, selErr(g.sel, ext), `gate ${vec}'s code segment ${hx(g.sel)} is not present`);
  const oldCpl = cpu.cpl;
  const newCpl = isConforming(d) ? oldCpl : descDpl(d);
  // The image pushed for a fault-class exception has RF = 1 so the restarted instruction does not
  // re-trigger an instruction breakpoint (SDM Vol.3 17.3.1.1); otherwise RF as it is.
  const cur = rflags(cpu);
  const flags = rfImage ? (cur | F_RF) >>> 0 : cur;
  const oldCs = cpu.segs[SEG_CS].sel, oldSs = cpu.segs[SEG_SS].sel;
  const hasErr = (src === 'hw' || src === 'icebp') && pushesErrorCode(vec);
  const errVal = err >= 0 ? err : 0;

  if (is64) {
    if (Number.isNaN(g.offset)) fail(13, ext, `gate ${vec}'s handler address is not canonical`);
    // The interrupted RSP is saved as it is, even non-canonical (a #SS from a push at a bad RSP is
    // delivered through an IST or TSS stack and its frame holds that RSP; getSp would fault here).
    const oldRspLo = cpu.lo[4], oldRspHi = cpu.hi[4];
    const rspOk = ((oldRspHi | 0) << 16 >> 16) === (oldRspHi | 0);
    const oldRsp = rspOk ? getSp(cpu) : NaN;
    let rsp: number;
    if (g.ist !== 0) rsp = tss64(cpu, 36 + 8 * (g.ist - 1), ext);
    else if (newCpl < oldCpl) rsp = tss64(cpu, 4 + 8 * newCpl, ext);
    else rsp = oldRsp;
    rsp = Math.floor(rsp / 16) * 16; // SDM 6.14.2: RSP aligned to a 16-byte boundary first
    const words = [oldSs, oldRsp, flags, oldCs, ret];
    if (hasErr) words.push(errVal);
    let sp = rsp;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      sp -= 8;
      if (!canonical(sp)) fail(12, ext, 'stack pointer not canonical'); // NaN (non-canonical current RSP) lands here too
      if (k === 1) sysWr64(cpu, sp, oldRspLo >>> 0, oldRspHi | 0);
      else sysWr64(cpu, sp, canonLo(w), canonHi(w));
    }
    // Commit.
    if (newCpl < oldCpl) {
      const ss = cpu.segs[SEG_SS];
      ss.sel = newCpl; ss.base = 0; ss.limit = 0xffffffff; ss.attr = 0xc093 | (newCpl << 5); // null SS, RPL = new CPL
    }
    loadCs(cpu, g.sel, d, newCpl);
    cpu.lo[4] = canonLo(sp); cpu.hi[4] = canonHi(sp);
    cpu.rip = g.offset;
    let nf = cur & ~(F_TF | F_NT | F_RF | F_VM);
    if (g.type === 0xe) nf &= ~F_IF;
    setRflags(cpu, nf);
    m.log({ kind: src === 'nmi' ? 'nmi' : src === 'irq' ? 'interrupt' : 'exception', vector: vec, ...(hasErr ? { errorCode: errVal } : {}), from: ret, to: g.offset, frameAddr: sp, frame: [...[...(hasErr ? [errVal] : []), ret, oldCs, flags].map((w) => BigInt.asUintN(64, BigInt(w))), (BigInt(oldRspHi >>> 0) << 32n) | BigInt(oldRspLo >>> 0), BigInt(oldSs)], frameWordBytes: 8, ist: g.ist, cplFrom: oldCpl, cplTo: newCpl });
    return;
  }

  // 32-bit protected mode.
  const gsz = (g.type & 8) !== 0 ? 4 : 2;
  const wr = (a: number, v: number): void => { if (gsz === 4) sysWr32(cpu, a, v); else sysWr16(cpu, a, v); };
  const oldEsp = cpu.lo[4] >>> 0;
  let esp: number, ssBase: number;
  let newSs: { sel: number; d: NonNullable<ReturnType<typeof readDesc>> } | null = null;
  const words: number[] = [];
  if (newCpl < oldCpl) {
    // Inner stack from the 32-bit TSS: esp<n> at 4 + 8n, ss<n> at 8 + 8n (SDM 8.2.1, 6.12.1).
    const off = 4 + 8 * newCpl;
    if (cpu.tr.sel === 0) fail(10, selErr(cpu.tr.sel, ext), 'no TSS loaded (TR is null) for the stack switch');
    if (off + 5 > cpu.tr.limit) fail(10, selErr(cpu.tr.sel, ext), `TSS limit ${hx(cpu.tr.limit)} too small for ss${newCpl}:esp${newCpl}`);
    esp = sysRd32(cpu, cpu.tr.base + off);
    const ssSel = sysRd32(cpu, cpu.tr.base + off + 4) & 0xffff;
    if ((ssSel & 0xfffc) === 0) fail(10, ext, `TSS ss${newCpl} is a null selector`);
    const sd = readDesc(cpu, ssSel);
    if (sd === null || (ssSel & 3) !== newCpl || descDpl(sd) !== newCpl || !isWritableData(sd)) fail(10, selErr(ssSel, ext), `TSS ss${newCpl} ${hx(ssSel)} is not a writable data segment at privilege ${newCpl}`);
    if (!descP(sd)) fail(12, selErr(ssSel, ext), `TSS ss${newCpl} ${hx(ssSel)} is not present`);
    newSs = { sel: ssSel, d: sd };
    ssBase = ((sd.lo >>> 16) | ((sd.hi & 0xff) << 16) | (sd.hi & 0xff000000)) >>> 0;
    words.push(oldSs, oldEsp);
  } else {
    esp = oldEsp;
    ssBase = cpu.segs[SEG_SS].base >>> 0;
  }
  words.push(flags, oldCs, ret >>> 0);
  if (hasErr) words.push(errVal);
  let sp = esp;
  for (const w of words) {
    sp = (sp - gsz) >>> 0;
    wr((ssBase + sp) >>> 0, w);
  }
  if (newSs !== null) {
    markAccessed(cpu, newSs.d);
    setSeg(cpu.segs[SEG_SS], newSs.sel, newSs.d);
  }
  loadCs(cpu, g.sel, d, newCpl);
  cpu.lo[4] = sp | 0; cpu.hi[4] = 0;
  cpu.rip = g.offset;
  let nf = cur & ~(F_TF | F_NT | F_RF | F_VM); // SDM 6.12.1.3
  if ((g.type & 7) === 6) nf &= ~F_IF;
  setRflags(cpu, nf);
  const frame = words.slice().reverse().map((w) => BigInt(w >>> 0));
  m.log({ kind: src === 'nmi' ? 'nmi' : src === 'irq' ? 'interrupt' : 'exception', vector: vec, ...(hasErr ? { errorCode: errVal } : {}), from: ret, to: g.offset, frameAddr: (ssBase + sp) >>> 0, frame, frameWordBytes: gsz, ist: 0, cplFrom: oldCpl, cplTo: newCpl });
}

/**
 * Deliver a software interrupt (int n, int3, into): a fault during its delivery (a DPL check,
 * a missing gate) is a fault of the instruction itself, so it propagates to the step loop, which
 * restarts from the int instruction and delivers that fault instead (SDM 6.12.1.1).
 */
export function deliverSoft(cpu: Cpu, vec: number, ret: number): void {
  const m = modelOf(cpu);
  try {
    deliverOnce(m, vec, -1, 'soft', ret);
  } catch (f) {
    // Logged here for the trace's fault chain; the step loop delivers it as the instruction's fault.
    if (f instanceof CpuFault) m.log({ kind: 'delivery-fault', vector: f.vector, ...(f.errorCode >= 0 ? { errorCode: f.errorCode } : {}), note: `while delivering interrupt 0x${vec.toString(16)}: ${deliveryFaultCause(f, cpu)}` });
    throw f;
  }
  m.deliveredSince = true;
}

/**
 * Deliver an event, combining faults raised during delivery (SDM 6.15 table 6-5): benign first
 * events are followed by the new one serially; contributory + contributory or #PF + (#PF or
 * contributory) give #DF; anything during #DF delivery is a triple fault. Returns false when the
 * run must stop (triple fault or an unsupported feature); m.stop says why.
 */
export function deliver(cpu: Cpu, vec: number, err: number, src: EventSource, ret: number, fault = false): boolean {
  const m = modelOf(cpu);
  let v = vec, e = err, s: EventSource = src;
  const savedRip = cpu.rip;
  for (let depth = 0; depth < 8; depth++) {
    try {
      deliverOnce(m, v, e, s, ret, fault && v !== 8);
      m.deliveredSince = true;
      if (v === 2 && s === 'nmi') cpu.nmiBlocked = true; // SDM 6.7.1
      cpu.halted = false;
      return true;
    } catch (f) {
      if (f instanceof Unsupported) {
        m.stop = { reason: 'unsupported', detail: f.message };
        m.log({ kind: 'unsupported', vector: v, note: f.message });
        cpu.rip = savedRip;
        return false;
      }
      if (!(f instanceof CpuFault)) throw f;
      const first = s === 'hw' ? klass(v) : BENIGN;
      const why = deliveryFaultCause(f, cpu);
      if (v === 8 && s === 'hw') {
        m.stop = { reason: 'triple-fault', detail: `exception ${f.vector} while delivering #DF` };
        m.log({ kind: 'triple-fault', vector: f.vector, ...(f.errorCode >= 0 ? { errorCode: f.errorCode } : {}), from: ret, note: `while delivering #DF: ${why}` });
        cpu.rip = savedRip;
        return false;
      }
      const second = klass(f.vector);
      // Each fault of the chain is logged with its cause (SDM 6.15 table 6-5 decides what follows).
      const what = s === 'nmi' ? 'NMI' : s === 'irq' || s === 'soft' ? `interrupt 0x${v.toString(16)}` : vectorName(v);
      if ((first === CONTRIB && second === CONTRIB) || (first === PFCLASS && second !== BENIGN)) {
        m.log({ kind: 'double-fault', vector: f.vector, ...(f.errorCode >= 0 ? { errorCode: f.errorCode } : {}), note: `while delivering ${what}: ${why}` });
        v = 8; e = 0; s = 'hw';
      } else {
        m.log({ kind: 'delivery-fault', vector: f.vector, ...(f.errorCode >= 0 ? { errorCode: f.errorCode } : {}), note: `while delivering ${what}: ${why}` });
        v = f.vector; e = f.errorCode; s = 'hw';
      }
    }
  }
  m.stop = { reason: 'triple-fault', detail: 'fault loop during event delivery' };
  return false;
}
