// The explorer over interleavings (`x86lab explore --cpus N`, docs/multi-cpu.md): which schedules of
// N CPUs, and which of the values a stale instruction fetch may see, break the listing?
//
// Schedules are enumerated CHESS-style with a preemption bound P: the baseline is the default
// scheduler (round-robin, quantum Q); a trial adds up to P preemptions, each "at global step T,
// switch to CPU C" for a runnable C other than the one the scheduler would run. At every stale
// fetch of a trial (a fetch that may see bytes another CPU wrote since this CPU serialized:
// multi.ts) each other distinct instruction it could fetch is also tried; these choices do not count
// against the bound. Decisions of a trial are ordered by position (a preemption before step T at
// 2T, a fetch at step T at 2T+1) and a child only adds decisions after its parent's last one, so
// every decision list is tried once. A failing trial is not extended: its decision list is the
// shortest reproduction found on that branch, printed as `x86lab run --schedule` command.
//
// A trial fails when the run does not end with every CPU halted at the hlt where it halted in the
// baseline, when some CPU takes a double or triple fault or an exception vector no CPU took in the
// baseline, when it overruns the step limit, or when an --expect does not hold.
//
// Units: the baseline's first-level children in order; shard K/N runs every N-th (the report
// lists failures by unit, so merged shards give the report of one run).

import { SpecError } from './machine.js';
import { loadFile, type Image } from './loader.js';
import { MultiMachine, fetchChoices, staleText, type MultiOutcome } from './multi.js';
import { DEFAULT_QUANTUM, formatSchedule, type Schedule } from './multi-schedule.js';
import { Symbolizer, eventText, hex } from './trace.js';

export interface MultiExploreOptions {
  file: string;
  mode: 32 | 64;
  includeDirs: string[];
  defines: string[];
  undefs: string[];
  entry?: string;
  cpus: number;
  quantum: number;
  /** Preemption bound (default 1). */
  preemptions: number;
  /** Stale fetches per trial that may see other than the oldest bytes (default 1). */
  staleChoices: number;
  /** Events to inject (nmi, irq with a vector) at any CPU at any step, at most `eventDepth` per trial. */
  events: ({ kind: 'nmi' } | { kind: 'irq'; vector: number })[];
  eventDepth: number;
  /**
   * Switches to another CPU right after a step that modified code (before that CPU can serialize),
   * per trial, not counted as preemptions (default 1).
   */
  xmcSwitches: number;
  /** x86-TSO store buffers, and how many stores per trial are held back (T:buffer). */
  tso: boolean;
  tsoWindow: number;
  tsoDelays: number;
  /** Preemptions only where the running CPU's RIP is in one of these [SYM, SYM) ranges. */
  within: [string, string][];
  /** SYM=VALUE: the machine word at SYM at the end. */
  expect: string[];
  maxSteps?: number;
  maxTrials?: number;
}

export function defaultMultiOptions(file: string, cpus: number): MultiExploreOptions {
  return { file, mode: 64, includeDirs: [], defines: [], undefs: [], cpus, quantum: DEFAULT_QUANTUM, preemptions: 1, staleChoices: 1, events: [], eventDepth: 1, xmcSwitches: 1, tso: false, tsoWindow: 20, tsoDelays: 1, within: [], expect: [] };
}

export type MultiFailureKind = 'triple-fault' | 'double-fault' | 'exception' | 'steps' | 'hlt' | 'expect';

export interface MultiFailure {
  unit: number;
  kind: MultiFailureKind;
  detail: string;
  schedule: string;
  /** The last stale fetches of the failing run that ran something other than memory holds (at most 4). */
  stale: string[];
  repro: string;
}

export interface MultiUnitResult { unit: number; trials: number; failed: number; failures: MultiFailure[]; capped?: boolean }

/** One decision list: switches and fetch choices, and the position of its last decision. */
interface Node { sched: Schedule; pos: number; preempts: number; choices: number; injected: number; delays: number; xmc: number }

function clone(s: Schedule): Schedule { return { switches: [...s.switches], fetches: new Map(s.fetches), events: [...(s.events ?? [])], buffers: new Set(s.buffers ?? []) }; }

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export class MultiExplorer {
  readonly image: Image;
  readonly sym: Symbolizer;
  readonly baseline: MultiMachine;
  readonly baselineOutcome: MultiOutcome;
  readonly maxSteps: number;
  /** First-level children of the baseline (the units). */
  readonly units: Node[];
  private readonly hlts: number[];
  private readonly vectors = new Set<number>();
  private readonly ranges: [number, number][];
  private readonly expects: { sym: string; value: bigint }[];

  constructor(readonly opts: MultiExploreOptions, image?: Image) {
    this.image = image ?? loadFile(opts.file, { mode: opts.mode, includeDirs: opts.includeDirs, defines: opts.defines, undefs: opts.undefs });
    this.sym = new Symbolizer(this.image.symbols, this.image.sections.map((s) => ({ addr: s.addr, size: s.size })));
    const mm = this.machine({ switches: [], fetches: new Map() });
    this.ranges = opts.within.map(([a, b]) => [mm.addrOf(a), mm.addrOf(b)]);
    this.expects = opts.expect.map((t) => {
      const eq = t.indexOf('=');
      if (eq < 0) throw new SpecError(`bad --expect '${t}' (use SYM=VALUE)`);
      const sym = t.slice(0, eq).trim();
      mm.addrOf(sym);
      let value: bigint;
      try { value = BigInt(t.slice(eq + 1).trim()); } catch { throw new SpecError(`bad value in --expect '${t}'`); }
      return { sym, value };
    });
    const out = mm.run({ maxSteps: opts.maxSteps ?? 10_000_000, record: true });
    this.baseline = mm;
    this.baselineOutcome = out;
    this.maxSteps = opts.maxSteps ?? 10 * out.steps + 1000;
    this.hlts = mm.machines.map((m) => m.cpu.curIp);
    for (const m of mm.machines) for (const e of m.model.events) if (e.kind === 'exception' && e.vector !== undefined) this.vectors.add(e.vector);
    this.units = this.children(mm, { sched: { switches: [], fetches: new Map(), events: [], buffers: new Set() }, pos: -1, preempts: 0, choices: 0, injected: 0, delays: 0, xmc: 0 });
  }

  /** The machine trials run on (reset before each). */
  private lab: MultiMachine | null = null;

  private machine(s: Schedule): MultiMachine {
    const o = this.opts;
    return new MultiMachine(this.image, { cpus: o.cpus, quantum: o.quantum, schedule: s, tso: o.tso, tsoWindow: o.tsoWindow, ...(o.entry ? { entry: o.entry } : {}) });
  }

  /** Is the baseline itself a failure? */
  baselineFailure(): MultiFailure | null { return this.judge(this.baseline, this.baselineOutcome, -1); }

  /** The decisions that may follow `n` in the run `mm` made. */
  private children(mm: MultiMachine, n: Node): Node[] {
    const out: Node[] = [];
    // Stale-fetch choices, each other distinct instruction the fetch could have run.
    type Pos = { pos: number; node: Node };
    const list: Pos[] = [];
    for (const f of mm.staleFetches) {
      const pos = 2 * f.step + 1;
      if (pos <= n.pos || n.choices >= this.opts.staleChoices) continue;
      const taken = f.choice.join('');
      for (const c of fetchChoices(f, this.image.mode)) {
        if (c.join('') === taken) continue;
        const s = clone(n.sched);
        s.fetches.set(f.n, c);
        list.push({ pos, node: { ...n, sched: s, pos, choices: n.choices + 1 } });
      }
    }
    if (n.preempts < this.opts.preemptions) {
      for (let t = 1; t < mm.ran.length; t++) {
        const pos = 2 * t;
        if (pos <= n.pos) continue;
        const who = mm.ran[t];
        if (this.ranges.length) {
          // The RIP of the CPU the scheduler would have run at step t.
          const rip = mm.ripAt[t];
          if (!this.ranges.some(([a, b]) => rip >= a && rip < b)) continue;
        }
        for (let c = 0; c < mm.cpus; c++) {
          if (c === who || (mm.runnableAt[t] & (1 << c)) === 0) continue;
          // A non-locked read-modify-write may also be preempted between its read and its write.
          for (const split of mm.rmwAt[t] ? [false, true] : [false]) {
            const s = clone(n.sched);
            s.switches.push(split ? { step: t, cpu: c, split } : { step: t, cpu: c });
            list.push({ pos, node: { ...n, sched: s, pos, preempts: n.preempts + 1 } });
          }
        }
      }
    }
    // Right after a step that modified code, every other CPU gets a turn (free of the bound).
    if (n.xmc < this.opts.xmcSwitches) {
      for (const w of mm.codeWrites) {
        const t = w + 1;
        const pos = 2 * t;
        if (pos <= n.pos || t >= mm.ran.length) continue;
        for (let c = 0; c < mm.cpus; c++) {
          if (c === mm.ran[t] || c === mm.ran[w] || (mm.runnableAt[t] & (1 << c)) === 0) continue;
          if (this.ranges.length && !this.ranges.some(([a, b]) => mm.ripAt[t] >= a && mm.ripAt[t] < b)) continue;
          if (n.preempts < this.opts.preemptions) continue; // tried as a preemption already
          const s = clone(n.sched);
          s.switches.push({ step: t, cpu: c });
          list.push({ pos, node: { ...n, sched: s, pos, xmc: n.xmc + 1 } });
        }
      }
    }
    // Events: at each step, into each CPU (before the step's scheduling: position 2T - 0.5).
    if (n.injected < this.opts.eventDepth && this.opts.events.length) {
      for (let t = 1; t < mm.ran.length; t++) {
        const pos = 2 * t - 0.5;
        if (pos <= n.pos) continue;
        if (this.ranges.length && !this.ranges.some(([a, b]) => mm.ripAt[t] >= a && mm.ripAt[t] < b)) continue;
        for (let c = 0; c < mm.cpus; c++) {
          for (const e of this.opts.events) {
            const s = clone(n.sched);
            s.events!.push({ step: t, cpu: c, kind: e.kind, vector: e.kind === 'nmi' ? 2 : e.vector });
            list.push({ pos, node: { ...n, sched: s, pos, injected: n.injected + 1 } });
          }
        }
      }
    }
    // Store buffers: a store into an empty buffer may wait there (position 2T + 1.5, after the step).
    if (this.opts.tso && n.delays < this.opts.tsoDelays) {
      for (let t = 0; t < mm.storeAt.length; t++) {
        const pos = 2 * t + 1.5;
        if (pos <= n.pos || !mm.storeAt[t]) continue;
        if (this.ranges.length && !this.ranges.some(([a, b]) => mm.ripAt[t] >= a && mm.ripAt[t] < b)) continue;
        const s = clone(n.sched);
        s.buffers!.add(t);
        list.push({ pos, node: { ...n, sched: s, pos, delays: n.delays + 1 } });
      }
    }
    list.sort((a, b) => a.pos - b.pos);
    for (const p of list) out.push(p.node);
    return out;
  }

  /** Run unit `k` (a first-level child and everything under it). */
  runUnit(k: number): MultiUnitResult {
    const u: MultiUnitResult = { unit: k, trials: 0, failed: 0, failures: [] };
    const cap = this.opts.maxTrials ?? Infinity;
    const stack: Node[] = [this.units[k]];
    while (stack.length) {
      if (u.trials >= cap) { u.capped = true; break; }
      const n = stack.pop()!;
      const mm = this.lab ??= this.machine(n.sched);
      mm.reset(n.sched);
      const out = mm.run({ maxSteps: this.maxSteps, record: true });
      u.trials++;
      const bad = this.judge(mm, out, k);
      if (bad !== null) { u.failed++; u.failures.push(bad); continue; }
      const kids = this.children(mm, n);
      for (let j = kids.length - 1; j >= 0; j--) stack.push(kids[j]);
    }
    return u;
  }

  /** Check a finished run; null when it passes. */
  judge(mm: MultiMachine, out: MultiOutcome, unit: number): MultiFailure | null {
    const mode = this.image.mode;
    const at = (a: number): string => { const s = this.sym.lookup(a); return s ? `${hex(a, mode)} <${s}>` : hex(a, mode); };
    const fail = (kind: MultiFailureKind, detail: string): MultiFailure => {
      const schedule = mm.scheduleText();
      const stale = mm.staleFetches.filter((f) => f.seen !== f.current).slice(-4).map((f) => `cpu${f.cpu} step ${f.step}: ${staleText(f, mode, this.sym)}`);
      return { unit, kind, detail, schedule, stale, repro: this.repro(schedule, kind === 'steps') };
    };
    for (let i = 0; i < mm.cpus; i++) {
      for (const e of mm.machines[i].model.events) {
        if (e.kind === 'triple-fault' || e.kind === 'double-fault') return fail(e.kind, `cpu${i}: ${eventText(e, mode, this.sym).replace(/^\*\* /, '')}`);
        if (e.kind === 'exception' && e.vector !== undefined && !this.vectors.has(e.vector)) return fail('exception', `cpu${i}: ${eventText(e, mode, this.sym).replace(/^\*\* /, '')}`);
      }
    }
    if (out.stop === 'triple-fault') return fail('triple-fault', `cpu${out.cpu}: ${out.detail ?? 'triple fault'}`);
    if (out.stop === 'steps') return fail('steps', `no end within ${this.maxSteps} steps (${mm.machines.map((m, i) => `cpu${i} at ${at(m.cpu.rip)}`).join(', ')})`);
    if (out.stop !== 'hlt') return fail('exception', `stop ${out.stop}${out.cpu >= 0 ? ` on cpu${out.cpu}` : ''}${out.detail ? ` (${out.detail})` : ''}`);
    for (let i = 0; i < mm.cpus; i++) {
      const ip = mm.machines[i].cpu.curIp;
      if (ip !== this.hlts[i]) return fail('hlt', `cpu${i} ended at hlt ${at(ip)}, not at ${at(this.hlts[i])}`);
    }
    const misses: string[] = [];
    const mask = mode === 64 ? (1n << 64n) - 1n : 0xffffffffn;
    for (const x of this.expects) {
      const v = mm.main.word(mm.addrOf(x.sym));
      if (v !== (x.value & mask)) misses.push(`${x.sym} = 0x${v.toString(16)}, expected 0x${(x.value & mask).toString(16)}`);
    }
    if (misses.length) return fail('expect', misses.join('; '));
    return null;
  }

  /** The `x86lab run` command that replays a schedule. */
  repro(schedule: string, withSteps: boolean): string {
    const o = this.opts;
    const a = ['x86lab', 'run', '--cpus', String(o.cpus)];
    if (o.quantum !== DEFAULT_QUANTUM) a.push('--quantum', String(o.quantum));
    if (o.tso) a.push('--tso');
    if (o.tso && o.tsoWindow !== 20) a.push('--tso-window', String(o.tsoWindow));
    if (o.mode === 32) a.push('--32');
    for (const d of o.includeDirs) a.push('-I', d);
    for (const d of o.defines) a.push('-D', d);
    for (const d of o.undefs) a.push('-U', d);
    if (o.entry) a.push('--entry', o.entry);
    if (withSteps) a.push('--max-steps', String(this.maxSteps));
    if (schedule !== '') a.push('--schedule', schedule);
    a.push(o.file);
    return a.map(shellWord).join(' ');
  }

  shardUnits(k: number, n: number): number[] {
    return this.units.map((_, i) => i).filter((i) => i % n === k - 1);
  }
}

export { formatSchedule };

/** The text report. */
export function renderMultiText(x: MultiExplorer, results: MultiUnitResult[], details = 20): string {
  const o = x.opts;
  const rs = [...results].sort((a, b) => a.unit - b.unit);
  const trials = rs.reduce((s, u) => s + u.trials, 0) + 1;
  const base = x.baselineFailure();
  const failures = [...(base ? [base] : []), ...rs.flatMap((u) => u.failures)];
  const failed = failures.length;
  const mode = x.image.mode;
  const at = (a: number): string => { const s = x.sym.lookup(a); return s ? `${hex(a, mode)} <${s}>` : hex(a, mode); };
  const L: string[] = [];
  L.push(`explore ${o.file} on ${o.cpus} CPUs${o.defines.length ? ` (${o.defines.map((d) => `-D ${d}`).join(' ')})` : ''}`);
  L.push(`baseline: round-robin, quantum ${o.quantum}: ${x.baselineOutcome.steps} steps, ${x.baselineOutcome.stop === 'hlt' ? `every CPU halted (${x.baseline.machines.map((m, i) => `cpu${i} at ${at(m.cpu.curIp)}`).join(', ')})` : `stop ${x.baselineOutcome.stop}`}`);
  if (o.tso) L.push(`memory: x86-TSO store buffers (window ${o.tsoWindow}), up to ${o.tsoDelays} store${o.tsoDelays === 1 ? '' : 's'} held back per trial`);
  if (o.events.length) L.push(`events: ${o.events.map((e) => (e.kind === 'nmi' ? 'nmi' : `irq:0x${e.vector.toString(16)}`)).join(', ')} at any CPU and step, up to ${o.eventDepth} per trial`);
  L.push(`schedules: up to ${o.preemptions} preemption${o.preemptions === 1 ? '' : 's'} + ${o.xmcSwitches} switch${o.xmcSwitches === 1 ? '' : 'es'} right after a code write${o.within.length ? ` within ${o.within.map(([a, b]) => `${a}..${b}`).join(', ')}` : ''}, ${o.staleChoices} stale fetch${o.staleChoices === 1 ? '' : 'es'} seeing newer bytes; ${x.units.length} first decisions`);
  const capped = rs.some((u) => u.capped);
  L.push(`trials: ${trials} (baseline included), passed ${trials - failed}, failed ${failed}${capped ? ' (capped by --max-trials)' : ''}`);
  if (failed) {
    const kinds = new Map<string, number>();
    for (const f of failures) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    L.push(`by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  failures.slice(0, details).forEach((f, k) => {
    L.push('');
    L.push(`FAIL ${k + 1}: ${f.kind}: ${f.detail}`);
    L.push(`  schedule: ${f.schedule === '' ? '(round-robin)' : f.schedule}`);
    for (const s of f.stale) L.push(`  ${s}`);
    L.push(`  repro: ${f.repro}`);
  });
  if (failures.length > details) {
    L.push('');
    L.push(`... ${failures.length - details} more failures:`);
    for (const f of failures.slice(details, details + 100)) L.push(`  ${f.kind}: --schedule ${f.schedule}`);
  }
  return L.join('\n') + '\n';
}

export function renderMultiJson(x: MultiExplorer, results: MultiUnitResult[]): string {
  const rs = [...results].sort((a, b) => a.unit - b.unit);
  const base = x.baselineFailure();
  const failures = [...(base ? [base] : []), ...rs.flatMap((u) => u.failures)];
  const trials = rs.reduce((s, u) => s + u.trials, 0) + 1;
  return JSON.stringify({
    file: x.opts.file, cpus: x.opts.cpus, quantum: x.opts.quantum, preemptions: x.opts.preemptions, defines: x.opts.defines,
    baseline: { steps: x.baselineOutcome.steps, stop: x.baselineOutcome.stop },
    units: x.units.length, trials, passed: trials - failures.length, failed: failures.length,
    capped: rs.some((u) => u.capped) || undefined, failures,
  }, null, 1) + '\n';
}
