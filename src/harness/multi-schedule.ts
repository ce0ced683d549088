// The schedule of a run on several CPUs (docs/multi-cpu.md): who runs each instruction, and what a
// stale instruction fetch sees. Text form (`x86lab run --schedule S`), items separated by commas:
//   T:C        at global step T (instructions retired by all CPUs so far) switch to CPU C; it gets
//              a fresh quantum and round-robin goes on from it
//   T~C        the same, but the CPU switched away from has already made the read of its next
//              instruction when that is a read-modify-write of memory without lock (inc, add, bts,
//              cmpxchg ... to memory): its write happens when it resumes, computed from that read
//              (SDM Vol.3A 8.1.2: only locked operations, and xchg, are atomic)
//   T:nmi@C    at global step T, an NMI arrives at CPU C (latched as --nmi-at would latch it);
//   T:irq=V@C  likewise external interrupt vector V (default 0x20)
//   T:buffer   (--tso) the store made at global step T stays in its CPU's store buffer until the
//              CPU fences (mfence, a locked instruction, xchg, a serializing instruction, an event,
//              hlt) or has run the TSO window of instructions since
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
  /** Events injected at a global step, in increasing step order. */
  events?: InjectedAt[];
  /** --tso: global steps whose store is held in the store buffer. */
  buffers?: Set<number>;
}

export interface InjectedAt { step: number; cpu: number; kind: 'nmi' | 'irq'; vector: number }

export function emptySchedule(): Schedule { return { switches: [], fetches: new Map(), events: [], buffers: new Set() }; }

function eventItem(e: InjectedAt): string {
  return `${e.step}:${e.kind === 'nmi' ? 'nmi' : e.vector === 0x20 ? 'irq' : `irq=0x${e.vector.toString(16)}`}@${e.cpu}`;
}

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
    m = /^([0-9]+):(nmi|irq)(?:=(0x[0-9a-fA-F]+|[0-9]+))?@([0-9]+)$/.exec(t);
    if (m) {
      const cpu = parseInt(m[4], 10);
      if (cpu >= cpus) throw new SpecError(`schedule item '${t}': no CPU ${cpu} (CPUs are 0..${cpus - 1})`);
      const vector = m[2] === 'nmi' ? 2 : m[3] === undefined ? 0x20 : Number(m[3]);
      if (m[2] === 'irq' && (vector < 32 || vector > 255)) throw new SpecError(`schedule item '${t}': vector out of range 32..255`);
      const ev = (s.events ??= []);
      const last = ev[ev.length - 1];
      if (last !== undefined && last.step > parseInt(m[1], 10)) throw new SpecError(`schedule item '${t}': event steps must not decrease`);
      ev.push({ step: parseInt(m[1], 10), cpu, kind: m[2] as 'nmi' | 'irq', vector });
      continue;
    }
    m = /^([0-9]+):buffer$/.exec(t);
    if (m) { (s.buffers ??= new Set()).add(parseInt(m[1], 10)); continue; }
    m = /^f([0-9]+)=([0-9]+)$/.exec(t);
    if (m) {
      const k = parseInt(m[1], 10);
      if (k < 1) throw new SpecError(`schedule item '${t}': stale fetches count from 1`);
      s.fetches.set(k, [...m[2]].map(Number));
      continue;
    }
    throw new SpecError(`bad schedule item '${t}' (use STEP:CPU, STEP~CPU, STEP:nmi@CPU, STEP:irq=V@CPU, STEP:buffer or fK=DIGITS)`);
  }
  return s;
}

export function formatSchedule(s: Schedule): string {
  // Switches and events in step order (an event at step T comes before a switch at T).
  const items = [
    ...(s.events ?? []).map((e) => ({ k: e.step * 2, t: eventItem(e) })),
    ...s.switches.map((w) => ({ k: w.step * 2 + 1, t: `${w.step}${w.split ? '~' : ':'}${w.cpu}` })),
    ...[...(s.buffers ?? [])].map((b) => ({ k: b * 2 + 1.5, t: `${b}:buffer` })),
  ].sort((a, b) => a.k - b.k).map((x) => x.t);
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
