// A local APIC subset per CPU, enough for kernel-style inter-processor interrupts (SDM Vol.3
// chapter 11 / 12 "Advanced Programmable Interrupt Controller"):
//   - xAPIC registers at 0xfee00000 (11.4.1, table 11-1): ID (0x20), version (0x30), TPR (0x80),
//     EOI (0xb0), SVR (0xf0), ICR low (0x300) and high (0x310). Other offsets read as 0 and
//     ignore writes.
//   - x2APIC MSRs for the same registers (11.12.1, table 11-6): 0x802 ID, 0x803 version, 0x808
//     TPR, 0x80b EOI, 0x80f SVR, 0x830 ICR (one 64-bit register: destination in bits 63:32).
//     Both interfaces are always available here (no IA32_APIC_BASE.EXTD switch is enforced).
//   - IPIs (11.6.1 ICR): delivery mode fixed (000) or NMI (100); physical destination mode; the
//     shorthands none / self / all including self / all excluding self. Other delivery modes
//     (INIT, SIPI, SMI, lowest priority) and logical destinations stop the run as unsupported.
// The ICR send is immediate: the delivery status bit (12) always reads 0 (idle). A fixed IPI
// becomes a pending interrupt of the target (a vector already pending is not queued twice, as the
// IRR holds one bit per vector, 11.8.4); EOI is accepted and counted (in-service tracking is not
// modelled: the harness delivers pending vectors in arrival order, like --irq-at).
//
// CPUID and rdtscp/rdpid give each CPU its number as APIC ID (CPUID.1:EBX[31:24], CPUID.0BH:EDX)
// and as IA32_TSC_AUX, as Linux sets it up. multiHandlers() is the system table with these added.

import { Cpu, CpuFault, MSR_TSC_AUX } from '../state.js';
import { buildHandlerTable, type Handler, type HandlerTable } from '../dispatch.js';
import { SYSTEM_HANDLERS } from './handlers.js';
import { Unsupported } from './model.js';

export const APIC_BASE = 0xfee00000;
export const APIC_SIZE = 0x1000;
export const APIC_ID = 0x20, APIC_VERSION = 0x30, APIC_TPR = 0x80, APIC_EOI = 0xb0, APIC_SVR = 0xf0, APIC_ICR_LO = 0x300, APIC_ICR_HI = 0x310;
/** Version register: version 0x14, 6 LVT entries (max LVT 5), as on recent Intel parts. */
const VERSION = 0x00050014;
export const MSR_APIC_BASE = 0x1b;

/** An IPI as the ICR describes it, resolved to target CPU numbers. */
export interface Ipi { from: number; targets: number[]; kind: 'fixed' | 'nmi'; vector: number; icr: bigint }

export class LocalApic {
  tpr = 0;
  svr = 0xff;
  icrLo = 0;
  icrHi = 0;
  eois = 0;
  constructor(readonly id: number, readonly bus: ApicBus) {}

  /** The 32-bit value an xAPIC register read returns (offset within the page, 16-byte aligned). */
  read(off: number): number {
    switch (off & ~0xf) {
      case APIC_ID: return (this.id << 24) >>> 0;
      case APIC_VERSION: return VERSION;
      case APIC_TPR: return this.tpr;
      case APIC_SVR: return this.svr;
      case APIC_ICR_LO: return this.icrLo & ~0x1000; // delivery status: idle
      case APIC_ICR_HI: return this.icrHi;
      default: return 0;
    }
  }

  /** An xAPIC register write; a write to ICR low sends the IPI (11.6.1). */
  write(off: number, v: number): void {
    switch (off & ~0xf) {
      case APIC_TPR: this.tpr = v & 0xff; return;
      case APIC_SVR: this.svr = v >>> 0; return;
      case APIC_EOI: this.eois++; return;
      case APIC_ICR_HI: this.icrHi = v & 0xff000000; return;
      case APIC_ICR_LO:
        this.icrLo = v >>> 0;
        this.bus.send(this.id, this.icrLo, this.icrHi >>> 24, false);
        return;
      default:
    }
  }

  /** The register block as an xAPIC page image (what a read of the MMIO page sees). */
  image(page: Uint8Array): void {
    page.fill(0);
    const dv = new DataView(page.buffer, page.byteOffset, page.byteLength);
    for (const off of [APIC_ID, APIC_VERSION, APIC_TPR, APIC_SVR, APIC_ICR_LO, APIC_ICR_HI]) dv.setUint32(off, this.read(off), true);
  }
}

/** Every CPU's APIC, and where an IPI goes. */
export class ApicBus {
  readonly apics: LocalApic[] = [];
  /** Called for each IPI (the harness latches it at the targets and logs it). */
  onIpi: ((ipi: Ipi) => void) | null = null;
  constructor(n: number) { for (let i = 0; i < n; i++) this.apics.push(new LocalApic(i, this)); }

  /**
   * Decode an ICR value and deliver it (SDM 11.6.1: vector 7:0, delivery mode 10:8, destination
   * mode 11, shorthand 19:18; destination 63:56 in xAPIC mode, 63:32 in x2APIC mode).
   */
  send(from: number, lo: number, dest: number, x2: boolean): void {
    const mode = (lo >>> 8) & 7;
    const logical = (lo & 0x800) !== 0;
    const shorthand = (lo >>> 18) & 3;
    const vector = lo & 0xff;
    const n = this.apics.length;
    let targets: number[];
    switch (shorthand) {
      case 1: targets = [from]; break;
      case 2: targets = this.apics.map((a) => a.id); break;
      case 3: targets = this.apics.map((a) => a.id).filter((t) => t !== from); break;
      default:
        if (logical) throw new Unsupported('IPI with logical destination mode');
        // 0xff (xAPIC) / 0xffffffff (x2APIC) is the physical broadcast (11.6.2.1, 11.12.9).
        if (dest === (x2 ? 0xffffffff : 0xff)) targets = this.apics.map((a) => a.id);
        else targets = dest < n ? [dest] : [];
    }
    if (mode !== 0 && mode !== 4) throw new Unsupported(`IPI delivery mode ${['fixed', 'lowest priority', 'SMI', 'reserved', 'NMI', 'INIT', 'start-up', 'reserved'][mode]}`);
    const icr = (BigInt(x2 ? dest >>> 0 : (dest << 24) >>> 0) << 32n) | BigInt(lo >>> 0);
    this.onIpi?.({ from, targets, kind: mode === 4 ? 'nmi' : 'fixed', vector, icr });
  }
}

// ---- per-CPU handlers: which APIC (and how many CPUs) a Cpu has ----

interface CpuSlot { apic: LocalApic; count: number }
const slots = new WeakMap<Cpu, CpuSlot>();

/** Give `cpu` its APIC (number `apic.id` of `count` CPUs) and the multi-CPU handler table. */
export function attachApic(cpu: Cpu, apic: LocalApic, count: number): void {
  slots.set(cpu, { apic, count });
  cpu.handlers = multiHandlers();
  cpu.msrs.set(MSR_TSC_AUX, BigInt(apic.id));
}
export function apicOf(cpu: Cpu): LocalApic | undefined { return slots.get(cpu)?.apic; }

const sysRdmsr = SYSTEM_HANDLERS['sys:rdmsr'];
const sysWrmsr = SYSTEM_HANDLERS['sys:wrmsr'];
const TWO32 = 4294967296;

/** x2APIC MSR read (SDM 11.12.1 table 11-6), or undefined for another MSR. */
function x2Read(cpu: Cpu, a: LocalApic, n: number): bigint | undefined {
  switch (n) {
    case MSR_APIC_BASE: return BigInt(APIC_BASE) | 0xc00n | (a.id === 0 ? 0x100n : 0n); // EN, EXTD, BSP
    case 0x802: return BigInt(a.id);
    case 0x803: return BigInt(VERSION);
    case 0x808: return BigInt(a.tpr);
    case 0x80f: return BigInt(a.svr);
    case 0x830: return (BigInt(a.icrHi >>> 0) << 32n) | BigInt((a.icrLo & ~0x1000) >>> 0);
    case 0x80b: throw new CpuFault(13, 0); // EOI is write-only
    default: return n >= 0x800 && n <= 0x8ff ? 0n : cpu.readMsr(n);
  }
}

const rdmsr: Handler = (cpu, i) => {
  const a = apicOf(cpu);
  const n = cpu.lo[1] >>> 0;
  if (a === undefined || (n !== MSR_APIC_BASE && (n < 0x800 || n > 0x8ff))) { sysRdmsr(cpu, i); return; }
  const v = x2Read(cpu, a, n)!;
  cpu.setReg(0, 32, Number(v & 0xffffffffn) | 0);
  cpu.setReg(2, 32, Number(v >> 32n) | 0);
};
const wrmsr: Handler = (cpu, i) => {
  const a = apicOf(cpu);
  const n = cpu.lo[1] >>> 0;
  if (a === undefined || (n !== MSR_APIC_BASE && (n < 0x800 || n > 0x8ff))) { sysWrmsr(cpu, i); return; }
  const lo = cpu.lo[0] >>> 0, hi = cpu.lo[2] >>> 0;
  switch (n) {
    case MSR_APIC_BASE: return; // the base stays at 0xfee00000; EN/EXTD are treated as set
    case 0x808: a.tpr = lo & 0xff; return;
    case 0x80b: if (lo !== 0 || hi !== 0) throw new CpuFault(13, 0); a.eois++; return; // non-zero EOI: #GP (11.12.1.2)
    case 0x80f: a.svr = lo; return;
    case 0x830:
      a.icrLo = lo; a.icrHi = hi;
      a.bus.send(a.id, lo, hi, true);
      return;
    default: return;
  }
};

/**
 * CPUID with the topology of the machine: leaf 0 reports leaf 0xB as the highest basic leaf,
 * leaf 1 has the APIC ID in EBX[31:24], the logical-processor count in EBX[23:16] and the APIC
 * (EDX bit 9), HTT (EDX bit 28) and x2APIC (ECX bit 21) feature bits; leaf 0xB (SDM CPUID "V2
 * Extended Topology") describes one thread per core and `count` cores, EDX = x2APIC ID.
 */
const cpuid: Handler = (cpu) => {
  const s = slots.get(cpu);
  const leaf = cpu.lo[0] >>> 0;
  const v = [...(cpu.profile.cpuid[leaf] ?? [0, 0, 0, 0])];
  if (s !== undefined) {
    const id = s.apic.id;
    if (leaf === 0) v[0] = Math.max(v[0], 0xb);
    else if (leaf === 1) {
      v[1] = ((v[1] & 0xffff) | (Math.min(s.count, 255) << 16) | (id << 24)) >>> 0;
      v[2] = (v[2] | 0x200000) >>> 0;
      v[3] = (v[3] | 0x10000200) >>> 0;
    } else if (leaf === 0xb) {
      const sub = cpu.lo[1] >>> 0;
      const bits = Math.ceil(Math.log2(s.count)) | 0;
      if (sub === 0) { v[0] = 0; v[1] = 1; v[2] = 0x100; }
      else if (sub === 1) { v[0] = bits; v[1] = s.count; v[2] = 0x201; }
      else { v[0] = 0; v[1] = 0; v[2] = sub & 0xff; }
      v[3] = id;
    }
  }
  cpu.setReg(0, 32, v[0] | 0); cpu.setReg(3, 32, v[1] | 0); cpu.setReg(1, 32, v[2] | 0); cpu.setReg(2, 32, v[3] | 0);
};
/** rdtscp: EDX:EAX = TSC, ECX = IA32_TSC_AUX (SDM RDTSCP). */
const rdtscp: Handler = (cpu) => {
  const t = cpu.tsc;
  cpu.setReg(0, 32, t % TWO32 | 0); cpu.setReg(2, 32, Math.floor(t / TWO32) | 0);
  cpu.setReg(1, 32, Number((cpu.readMsr(MSR_TSC_AUX) ?? 0n) & 0xffffffffn) | 0);
};

let table: HandlerTable | null = null;
/** The system model's table with the APIC MSRs, the topology CPUID, rdtscp's TSC_AUX and serialize. */
export function multiHandlers(): HandlerTable {
  return table ??= buildHandlerTable({
    ...SYSTEM_HANDLERS,
    'sys:rdmsr': rdmsr, 'sys:wrmsr': wrmsr, 'sys:cpuid': cpuid, 'sys:rdtscp': rdtscp,
    // SERIALIZE (SDM SERIALIZE): no architectural effect beyond serializing (multi.ts notes it).
    'sys:serialize': () => {},
  });
}
