// The schedule of a run on several CPUs (docs/multi-cpu.md): who runs each instruction, and what a
// stale instruction fetch sees. Text form (`x86lab run --schedule S`), items separated by commas:
//   T:C        at global step T (instructions retired by all CPUs so far) switch to CPU C; it gets
//              a fresh quantum and round-robin goes on from it
//   T~C        the same, but the CPU switched away from has already made the read of its next
//              instruction when that is a read-modify-write of memory without lock (inc, add, bts,
//              cmpxchg ... to memory): its write happens when it resumes, computed from that read
//              (SDM Vol.3A 8.1.2: only locked operations, and xchg, are atomic)
//   fK=DIGITS  the K-th stale fetch of the run (1-based, counted over all CPUs) sees, for each
//              stale byte in its 15-byte window in address order, the value numbered by the digit:
//              0 = the value when the CPU last serialized (the default), 1 = the next value
//              written, ...; missing digits are 0
// Between the listed switches the default scheduler runs: round-robin with a quantum of Q
// instructions (`--quantum`, default DEFAULT_QUANTUM), a halted CPU skipped until something can
// wake it.

import { SpecError } from './schedule.js';

/** Instructions a CPU runs before round-robin moves on (unless it halts first). */
export const DEFAULT_QUANTUM = 100;

export interface Schedule {
  /** Switches, in increasing step order. */
  switches: { step: number; cpu: number; split?: boolean }[];
  /** Stale-fetch choices by fetch number (1-based): one value index per stale byte of the window. */
  fetches: Map<number, number[]>;
}

export function emptySchedule(): Schedule { return { switches: [], fetches: new Map() }; }

export function parseSchedule(text: string, cpus: number): Schedule {
  const s = emptySchedule();
  for (const raw of text.split(',')) {
    const t = raw.trim();
    if (t === '') continue;
    let m = /^([0-9]+)([:~])([0-9]+)$/.exec(t);
    if (m) {
      const step = parseInt(m[1], 10), cpu = parseInt(m[3], 10);
      if (cpu >= cpus) throw new SpecError(`schedule item '${t}': no CPU ${cpu} (CPUs are 0..${cpus - 1})`);
      const last = s.switches[s.switches.length - 1];
      if (last !== undefined && last.step >= step) throw new SpecError(`schedule item '${t}': switch steps must increase`);
      s.switches.push(m[2] === '~' ? { step, cpu, split: true } : { step, cpu });
      continue;
    }
    m = /^f([0-9]+)=([0-9]+)$/.exec(t);
    if (m) {
      const k = parseInt(m[1], 10);
      if (k < 1) throw new SpecError(`schedule item '${t}': stale fetches count from 1`);
      s.fetches.set(k, [...m[2]].map(Number));
      continue;
    }
    throw new SpecError(`bad schedule item '${t}' (use STEP:CPU, STEP~CPU or fK=DIGITS)`);
  }
  return s;
}

export function formatSchedule(s: Schedule): string {
  const items = s.switches.map((w) => `${w.step}${w.split ? '~' : ':'}${w.cpu}`);
  for (const [k, d] of [...s.fetches.entries()].sort((a, b) => a[0] - b[0])) {
    let n = d.length;
    while (n > 0 && d[n - 1] === 0) n--;
    if (n > 0) items.push(`f${k}=${d.slice(0, n).join('')}`);
  }
  return items.join(',');
}

/** `cpuK:REST` -> [K, REST]; no prefix -> [0, text]. */
export function cpuPrefix(text: string, cpus = MAX_CPUS): [number, string] {
  const m = /^cpu([0-9]+):(.*)$/.exec(text);
  if (!m) return [0, text];
  const k = parseInt(m[1], 10);
  if (k >= cpus) throw new SpecError(`'${text}': no CPU ${k} (CPUs are 0..${cpus - 1}; raise --cpus)`);
  return [k, m[2]];
}

export const MAX_CPUS = 8;
