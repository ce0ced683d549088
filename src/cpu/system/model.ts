// The system-level state that is not architectural register state: pending NMI / external
// interrupts, the event log the harness traces, and why a run had to stop (triple fault, an
// unsupported feature). One SystemModel per Cpu, found from handlers through modelOf().

import type { Cpu } from '../state.js';

/** What raised an event, which decides the IDT checks and the EXT bit (SDM Vol.3 6.12.1.1, 6.13). */
export type EventSource =
  | 'hw' // an exception raised by an instruction or by delivery
  | 'soft' // int n, int3, into: gate DPL checked against CPL, EXT = 0
  | 'icebp' // int1 (F1): like an exception, no DPL check
  | 'nmi'
  | 'irq';

/** Exception mnemonics (SDM Vol.3 table 6-1); other vectors print as `vector N`. */
export const VECTOR_NAMES: Readonly<Record<number, string>> = {
  0: '#DE', 1: '#DB', 2: 'NMI', 3: '#BP', 4: '#OF', 5: '#BR', 6: '#UD', 7: '#NM', 8: '#DF', 10: '#TS', 11: '#NP',
  12: '#SS', 13: '#GP', 14: '#PF', 16: '#MF', 17: '#AC', 18: '#MC', 19: '#XM',
};
export function vectorName(v: number): string { return VECTOR_NAMES[v] ?? `vector ${v}`; }

export interface SysEvent {
  readonly kind: 'exception' | 'nmi' | 'interrupt' | 'delivery-fault' | 'double-fault' | 'triple-fault' | 'iret' | 'nmi-latched' | 'irq-latched' | 'wake' | 'unsupported';
  readonly step: number;
  readonly vector?: number;
  /** Error code pushed (absent when none). */
  readonly errorCode?: number;
  /** RIP saved in the frame (or the iret's own address). */
  readonly from?: number;
  /** RIP after the event (handler entry, iret target). */
  readonly to?: number;
  /** Linear address of the frame's lowest word and its words, lowest address first. */
  readonly frameAddr?: number;
  readonly frame?: readonly bigint[];
  readonly frameWordBytes?: number;
  /** IST slot used (64-bit), or 0. */
  readonly ist?: number;
  /** CPL before -> after. */
  readonly cplFrom?: number;
  readonly cplTo?: number;
  /** For iret: NMI blocking was lifted by this iret. */
  readonly nmiUnblocked?: boolean;
  readonly note?: string;
}

export class SystemModel {
  /** An NMI is latched (at most one: SDM 6.7.1 — further NMIs while one is pending are lost). */
  nmiPending = false;
  /** External interrupt vectors waiting for IF = 1, in arrival order. */
  readonly irqPending: number[] = [];
  readonly events: SysEvent[] = [];
  /** Set when the run cannot go on: a triple fault (shutdown) or a feature the model does not have. */
  stop: { reason: 'triple-fault' | 'unsupported'; detail: string } | null = null;
  /** Page tables built by the harness as an identity map (translation can be skipped). */
  identityCr3: number | null = null;
  /** Called at every instruction boundary before events are considered (harness event schedule). */
  onBoundary: ((cpu: Cpu) => void) | null = null;
  /** Called at the end of each boundary poll, when RIP is the instruction about to run. */
  afterBoundary: ((cpu: Cpu) => void) | null = null;
  /** Instruction count as the harness sees it (for event records). */
  step = 0;
  /** The shadow in force at the next boundary: 1 = sti (maskable only), 2 = mov/pop ss (also NMI, #DB). */
  shadowKind = 0;
  /** TF was set when the instruction now executing started (single-step trap after it, SDM 17.3.1.4). */
  tfArmed = false;
  /** An event was delivered since the last boundary (cancels the pending single-step trap). */
  deliveredSince = false;
  /** Data breakpoints from DR0-DR3/DR7 (R/W = 01 write, 11 read/write): byte ranges to watch. */
  dataWatch: { n: number; start: number; end: number; writeOnly: boolean }[] = [];
  /** DR6.B0-B3 bits of data breakpoints hit by the instruction just executed (a trap, taken at the next boundary). */
  dbHits = 0;
  /** The paging translation in force under the data-breakpoint watcher (null: linear = physical). */
  baseTranslate: Cpu['translate'] = null;
  /** Record events when true (the harness may turn it off for speed). */
  logging = true;
  /**
   * PAE paging in 32-bit mode: the four PDPTEs as loaded by the last MOV to CR3 / CR0 / CR4 that
   * (re)loaded them (lo, hi pairs; SDM 4.4.1: the processor caches them, later writes to the table in
   * memory take effect only at the next load). Null when PAE paging is not in force.
   */
  pdptes: number[] | null = null;
  /** This CPU's paging translation with its TLB (paging.ts; one function per CPU, made on first use). */
  pagingTranslate: Cpu['translate'] = null;
  /**
   * What onBoundary / afterBoundary need to see, declared by whoever installs them so compiled blocks
   * may skip the boundaries between (controller.ts quietSteps): the addresses whose arrival they act
   * on (sorted ascending) and the instruction count (cpu.tsc) of the next boundary they act on by
   * count. At every other boundary the hooks would only set model.step = cpu.tsc, which the
   * controller then does for them without calling them. Null while hooks are installed: they need
   * every boundary, and no block runs.
   */
  hookNeeds: { addrs: Float64Array; atTsc: number } | null = null;
  /** Called when a compiled block stops at a fault, before it is delivered (the hooks' clock catches up). */
  onBlockFault: ((cpu: Cpu) => void) | null = null;

  constructor(readonly cpu: Cpu) {}

  log(e: Omit<SysEvent, 'step'>): void {
    if (this.logging) this.events.push({ step: this.step, ...e });
  }
}

const models = new WeakMap<Cpu, SystemModel>();

export function attachModel(cpu: Cpu, m: SystemModel): void { models.set(cpu, m); }

/** The model of `cpu`, created on first use (a bare Cpu from `exec` still gets SDM behaviour). */
export function modelOf(cpu: Cpu): SystemModel {
  let m = models.get(cpu);
  if (m === undefined) { m = new SystemModel(cpu); models.set(cpu, m); }
  return m;
}

export { Unsupported } from '../state.js';
