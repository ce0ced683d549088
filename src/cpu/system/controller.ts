// The system model's hooks into the run loop (src/cpu/exec.ts): exception delivery for faults the
// instructions raise, and the instruction-boundary poll that recognizes events in priority order
// (SDM Vol.3 6.9): the single-step #DB trap of the instruction just completed, then NMI, then
// maskable interrupts.
//   - NMI: blocked from delivery until the next IRET completes (6.7.1); at most one is latched.
//   - Maskable interrupts: need RFLAGS.IF = 1 and no sti / mov-ss shadow (6.8.3, STI).
//   - The mov/pop %ss shadow also holds back NMIs and the single-step trap (6.8.3).
//   - Instruction breakpoints from DR0-DR3/DR7 (execution, length 1), lowest priority (6.9).
// cpu.shadow is 2 at the boundary right after the shadowing instruction (the run loop counts it down).

import { Cpu, CpuFault, F_IF, F_TF, F_RF } from '../state.js';
import { modelOf, SystemModel } from './model.js';
import { deliver } from './deliver.js';
import { systemHandlers } from './handlers.js';

/** Thrown out of the run loop when the model must stop it (triple fault, unsupported feature). */
export class RunStop extends Error {
  constructor(readonly reason: 'triple-fault' | 'unsupported', detail: string) { super(detail); this.name = 'RunStop'; }
}

function stopIfNeeded(m: SystemModel): void {
  if (m.stop !== null) throw new RunStop(m.stop.reason, m.stop.detail);
}

/** Is some address of the sorted list `a` in [start, end)? */
function anyIn(a: Float64Array, start: number, end: number): boolean {
  let lo = 0, hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (a[mid] < start) lo = mid + 1; else hi = mid; }
  return lo < a.length && a[lo] < end;
}

export function poll(m: SystemModel): void {
  const cpu = m.cpu;
  // A quiet boundary (nothing pending, no debug registers, TF and RF clear, the hooks' declared
  // addresses and count elsewhere) has nothing to do but keep the hooks' clock: the common case.
  if (!m.tfArmed && m.dbHits === 0 && !m.nmiPending && m.irqPending.length === 0 && (cpu.flags & (F_TF | F_RF)) === 0 &&
      (cpu.dr[7] & 0xff) === 0) {
    if (m.onBoundary === null && m.afterBoundary === null) { m.deliveredSince = false; return; }
    const need = m.hookNeeds;
    if (need !== null && cpu.tsc < need.atTsc && !anyIn(need.addrs, cpu.rip, cpu.rip + 1)) {
      m.step = cpu.tsc;
      m.deliveredSince = false;
      return;
    }
  }
  const shadowed = cpu.shadow >= 2;
  const movSs = shadowed && m.shadowKind === 2;
  // 1. Debug traps of the previous instruction: single step (TF at its start, SDM 17.3.1.4) and
  // data breakpoints (17.3.1.2), reported together in DR6; a mov-ss shadow holds both (6.8.3).
  const step = m.tfArmed && !m.deliveredSince;
  if ((step || m.dbHits !== 0) && !movSs) {
    let dr6 = (cpu.dr[6] || 0xffff0ff0) & ~0xf;
    if (step) dr6 |= 0x4000; // BS
    dr6 |= m.dbHits; // B0-B3
    cpu.dr[6] = dr6 >>> 0;
    m.tfArmed = false;
    m.dbHits = 0;
    if (!deliver(cpu, 1, -1, 'hw', cpu.rip)) stopIfNeeded(m);
  }
  m.onBoundary?.(cpu);
  // 2. NMI, 3. maskable interrupt; a delivered event is followed by another check (the handler's
  // first instruction is a new boundary for the lower-priority events that are still pending).
  for (let k = 0; k < 4; k++) {
    if (m.nmiPending && !cpu.nmiBlocked && !movSs) {
      m.nmiPending = false;
      if (!deliver(cpu, 2, -1, 'nmi', cpu.rip)) stopIfNeeded(m);
      continue;
    }
    if (m.irqPending.length > 0 && (cpu.flags & F_IF) !== 0 && !shadowed) {
      const v = m.irqPending.shift()!;
      if (!deliver(cpu, v, -1, 'irq', cpu.rip)) stopIfNeeded(m);
      continue;
    }
    break;
  }
  // 4. Instruction breakpoints (DR0-DR3 with R/W = 00 enabled in DR7): a fault before the
  // instruction runs, suppressed while RF = 1 (SDM 17.3.1.1, 17.2.4).
  const dr7 = cpu.dr[7];
  if ((dr7 & 0xff) !== 0 && (cpu.flags & F_RF) === 0) {
    for (let n = 0; n < 4; n++) {
      const enabled = (dr7 >>> (2 * n)) & 3;
      const rw = (dr7 >>> (16 + 4 * n)) & 3;
      if (enabled !== 0 && rw === 0 && cpu.dr[n] === cpu.rip) {
        cpu.dr[6] = ((cpu.dr[6] || 0xffff0ff0) & ~0xf) | (1 << n);
        if (!deliver(cpu, 1, -1, 'hw', cpu.rip)) stopIfNeeded(m);
        break;
      }
    }
  }
  m.tfArmed = (cpu.flags & F_TF) !== 0;
  m.deliveredSince = false;
  // RF is cleared at the start of every instruction (SDM Vol.3 17.3.1.1); an event taken at this
  // boundary has already pushed it.
  cpu.flags &= ~F_RF;
  m.afterBoundary?.(cpu);
}

/**
 * The controller's side of InterruptController.quietSteps: instructions may run without their
 * boundaries being polled only while polling would do nothing there. That needs no trap pending
 * from the last instruction, TF and RF clear, no shadow, no NMI or interrupt that could be taken,
 * no debug-register breakpoints, and hooks that declared what they watch (model.hookNeeds) with
 * none of their addresses in [start, end). The answer is how many steps remain before the hooks'
 * next counted boundary. Whatever changes this (sti, popf, iret, mov to DRn or CRn, int n) ends a
 * compiled block, so checking at the block's start is enough.
 */
export function quietSteps(m: SystemModel, start: number, end: number): number {
  const cpu = m.cpu;
  if (m.tfArmed || m.dbHits !== 0 || cpu.shadow !== 0 || (cpu.flags & (F_TF | F_RF)) !== 0) return 0;
  if (m.nmiPending && !cpu.nmiBlocked) return 0;
  if (m.irqPending.length > 0 && (cpu.flags & F_IF) !== 0) return 0;
  if ((cpu.dr[7] & 0xff) !== 0 || m.dataWatch.length > 0 || m.stop !== null) return 0;
  let budget = Infinity;
  if (m.onBoundary !== null || m.afterBoundary !== null) {
    const need = m.hookNeeds;
    if (need === null) return 0;
    // First watched address >= start (binary search), then: is it inside the span?
    if (anyIn(need.addrs, start, end)) return 0;
    budget = need.atTsc - cpu.tsc;
  }
  return budget > 0 ? budget : 0;
}

export function onException(m: SystemModel, f: CpuFault): boolean {
  const cpu = m.cpu;
  if (f.vector === 1) cpu.dr[6] = (cpu.dr[6] || 0xffff0ff0);
  const ok = deliver(cpu, f.vector, f.errorCode, 'hw', cpu.rip, f.kind === 'fault');
  if (!ok) stopIfNeeded(m);
  return ok;
}

/** Give `cpu` the system-level model: handlers, exception delivery and the boundary poll. */
export function installSystem(cpu: Cpu): SystemModel {
  cpu.handlers = systemHandlers();
  const m = modelOf(cpu);
  cpu.onException = (_c, f) => onException(m, f);
  cpu.interrupts = {
    poll: () => poll(m),
    quietSteps: (_c, start, end) => quietSteps(m, start, end),
    blockFault: (c) => m.onBlockFault?.(c),
  };
  return m;
}
