// `x86lab run --cpus N --dump OUT.json`: CPU 0's dump in the single-CPU shape (dump.ts), so tools
// reading one CPU keep working, plus "cpus": every CPU's registers and state, the memory regions
// of all CPUs (each boot stack), and the schedule the run took (`--schedule` text to replay it).

import { dumpMachine } from './dump.js';
import type { MultiMachine, MultiOutcome } from './multi.js';
import { staleText } from './multi.js';
import { Symbolizer } from './trace.js';

export function dumpMulti(mm: MultiMachine, out: MultiOutcome): Record<string, unknown> {
  const res = dumpMachine(mm.main, out);
  const seen = new Set<string>();
  const memory: unknown[] = [];
  for (const m of mm.machines) {
    for (const r of (dumpMachine(m, out).memory as { name: string }[])) if (!seen.has(r.name)) { seen.add(r.name); memory.push(r); }
  }
  res.memory = memory;
  res.cpus = mm.machines.map((m, i) => {
    const d = dumpMachine(m, m.lastOutcome ?? out);
    delete d.memory;
    delete d.symbols;
    delete d.stop;
    delete d.detail;
    delete d.vector;
    return { cpu: i, halted: m.cpu.halted, ...d };
  });
  res.steps = out.steps;
  if (out.cpu >= 0) res.stopped_cpu = out.cpu;
  res.quantum = mm.quantum;
  res.schedule = mm.scheduleText();
  const sym = new Symbolizer(mm.symbols, mm.image.sections.map((s) => ({ addr: s.addr, size: s.size })));
  res.stale_fetches = mm.staleFetches.map((f) => ({ n: f.n, cpu: f.cpu, step: f.step, text: staleText(f, mm.mode, sym) }));
  return res;
}
