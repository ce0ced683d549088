// `x86lab run --dump OUT.json`: the exec snapshot format (mode, regs, memory regions as hex with
// permissions, stop) plus what handler-listing checks need: every symbol's address, the labels in
// the order execution reached them, the system registers, and the event log.

import { canonToBig } from '../cpu/state.js';
import type { Machine, RunOutcome } from './machine.js';
import { GPR64, GPR32 } from '../isa/registers.js';
import { eventRecord } from './events.js';

function hx(v: bigint): string { return '0x' + v.toString(16); }

/**
 * A run that loops through an exception until the step limit logs millions of events; the dump keeps
 * the first MAX_DUMP_EVENTS and the last TAIL_EVENTS (so the end of the run is always there) and says
 * how many it left out, instead of building a JSON string too long for the host.
 */
export const MAX_DUMP_EVENTS = 100_000;
const TAIL_EVENTS = 1_000;

export function dumpMachine(m: Machine, out: RunOutcome): Record<string, unknown> {
  const cpu = m.cpu;
  const mode = m.mode;
  const mask = mode === 64 ? (1n << 64n) - 1n : 0xffffffffn;
  const regs: Record<string, string> = {};
  const gprs = mode === 64 ? GPR64 : GPR32.slice(0, 8);
  for (const r of gprs) regs[r] = hx(m.reg(r) & mask);
  regs[mode === 64 ? 'rip' : 'eip'] = hx(m.reg('rip') & mask);
  regs[mode === 64 ? 'rflags' : 'eflags'] = hx(m.reg('rflags'));
  for (const s of ['cs', 'ss', 'ds', 'es', 'fs', 'gs']) regs[s] = hx(m.reg(s));
  for (const c of ['cr0', 'cr2', 'cr3', 'cr4']) regs[c] = hx(m.reg(c) & mask);
  if (mode === 32) {
    // The exec snapshot names registers rax..rdi/rip/rflags in both modes: give those names too.
    GPR64.slice(0, 8).forEach((r, k) => { regs[r] = regs[GPR32[k]]; });
    regs.rip = regs.eip;
    regs.rflags = regs.eflags;
  }
  if (mode === 64) {
    regs.fs_base = hx(m.reg('fs_base'));
    regs.gs_base = hx(m.reg('gs_base'));
    regs.kernel_gs_base = hx(m.reg('kernel_gs_base'));
  }
  const symbols: Record<string, string> = {};
  for (const [n, a] of [...m.symbols.entries()].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))) symbols[n] = hx(canonToBig(a) & mask);
  const res: Record<string, unknown> = {
    mode,
    regs,
    memory: m.regions.map((r) => ({
      name: r.name,
      addr: hx(canonToBig(r.addr) & mask),
      hex: Buffer.from(cpu.mem.readBytes(r.addr, r.len)).toString('hex'),
      perm: r.perm,
    })),
    stop: out.stop,
    steps: out.steps,
    cpl: cpu.cpl,
    nmi_blocked: cpu.nmiBlocked,
    nmi_pending: m.model.nmiPending,
    irq_pending: [...m.model.irqPending],
    unfired: m.unfired(),
    gdtr: { base: hx(canonToBig(cpu.gdtr.base) & mask), limit: hx(BigInt(cpu.gdtr.limit)) },
    idtr: { base: hx(canonToBig(cpu.idtr.base) & mask), limit: hx(BigInt(cpu.idtr.limit)) },
    tr: hx(BigInt(cpu.tr.sel)),
    symbols,
    visited: m.visited,
    events: pickEvents(m.model.events).map((e) => eventRecord(e, mode, { lookup: (a: number) => m.symbolize(a) })),
  };
  const omitted = m.model.events.length - pickEvents(m.model.events).length;
  if (omitted > 0) res.events_omitted = omitted;
  if (out.detail) res.detail = out.detail;
  if (out.vector !== undefined) res.vector = out.vector;
  return res;
}

function pickEvents<T>(ev: readonly T[]): readonly T[] {
  if (ev.length <= MAX_DUMP_EVENTS + TAIL_EVENTS) return ev;
  return [...ev.slice(0, MAX_DUMP_EVENTS), ...ev.slice(ev.length - TAIL_EVENTS)];
}
