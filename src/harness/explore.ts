// The explorer (`x86lab explore`, docs/explore.md): what happens if an event arrives at each
// instruction boundary of a run?
//
// A baseline run records every boundary it reaches — the point of the system model's event poll
// before each instruction, named SYM+OFF:N where N counts arrivals at that address exactly as
// `run --nmi-at SYM+OFF:N` does — with a snapshot of the machine there (snapshot.ts). A trial
// restores the snapshot, raises the event at that boundary and runs to the end; at depth 2 and 3
// the trial is itself recorded and a further event is tried at every boundary after the first one
// (inside the first event's handler too). A trial fails when the run does not end at the
// baseline's final hlt, takes a #DF, a triple fault or an exception the baseline never takes,
// overruns the step limit, or breaks the listing's checker or the expectations. A failing event
// sequence is not extended further: the shortest failing sequence is the reproduction.
//
// Work is divided into units, one per boundary of the baseline where the first event lands; a
// unit's result does not depend on which process computed it, so `--jobs`, `--shard` and
// `--merge` all give the report a single run gives (report.ts assembles it from units).

import type { Cpu } from '../cpu/state.js';
import { Machine, SpecError, type MachineOptions, type RunOutcome } from './machine.js';
import { loadFile, type Image } from './loader.js';
import { Snapshots, type Snapshot } from './snapshot.js';
import { Symbolizer, eventText, hex } from './trace.js';
import type { SysEvent } from '../cpu/system/model.js';

/** One kind of event the explorer injects. */
export type EventKind = { kind: 'nmi' } | { kind: 'irq'; vector: number } | { kind: 'int3'; sym: string };

export type FailureKind = 'triple-fault' | 'double-fault' | 'exception' | 'steps' | 'hlt' | 'check' | 'expect';
export const FAILURE_KINDS: readonly FailureKind[] = ['triple-fault', 'double-fault', 'exception', 'steps', 'hlt', 'check', 'expect'];

export interface ExploreOptions {
  file: string;
  mode: 32 | 64;
  includeDirs: string[];
  defines: string[];
  undefs: string[];
  entry?: string;
  /** Step limit of every trial (absolute, like `run --max-steps`); default 10 x the baseline's steps + 1000. */
  maxSteps?: number;
  events: EventKind[];
  /** Address ranges [SYM, SYM) the first event is restricted to (none: everywhere). */
  within: [string, string][];
  depth: number;
  check?: string;
  expectStackBalanced: boolean;
  /** SYM=VALUE: the machine word at SYM at the end. */
  expect: string[];
  /** Machine words at these labels must end as in the baseline. */
  expectSame: string[];
  maxTrials?: number;
}

/** An event as injected in one trial. */
export interface InjectedEvent {
  kind: 'nmi' | 'irq' | 'int3';
  vector?: number;
  sym?: string;
  /** The boundary: SYM+OFF:N (or a step count when the address has no symbol). */
  where: string;
  /** Instructions retired before the boundary. */
  step: number;
}

export interface Failure {
  /** Position of each event among its run's boundaries (baseline ordinal first): the report order. */
  key: number[];
  events: InjectedEvent[];
  kind: FailureKind;
  detail: string;
  /** The first event of the trial that broke an invariant, or the last one before the failure. */
  first_wrong_event: string;
  repro: string;
}

/** The result of one unit: every trial whose first event lands at baseline boundary `index`. */
export interface UnitResult {
  index: number;
  trials: number;
  passed: number;
  failed: number;
  by_kind: Partial<Record<FailureKind, number>>;
  failures: Failure[];
  /** The unit hit --max-trials and stopped early. */
  capped?: boolean;
}

/** A recorded run: its boundaries in order, with snapshots when recorded for deeper trials. */
export interface RunLog {
  rips: number[];
  steps: number[];
  /** Snapshot before each boundary's poll; undefined where no event will be tried (baseline only). */
  snaps: (Snapshot | undefined)[];
  parent: RunLog | null;
  /** Index in the parent at which this run started (its boundary 0 is the parent's boundary `start`). */
  start: number;
  byRip: Map<number, number[]> | null;
}

/** Baseline facts the invariants compare against. */
interface BaselineFacts {
  hltAt: number;
  sp: bigint;
  vectors: Set<number>;
  same: Map<string, bigint>;
}

export class ExploreError extends Error {}

export const DETAIL_LIMIT = 20;

/** A Machine with a snapshot port and a boundary hook, reused for many trials. */
class Lab {
  readonly m: Machine;
  readonly snaps: Snapshots;
  /** Set while recording: boundaries go here (and snapshots, when `withSnaps`). */
  log: RunLog | null = null;
  withSnaps = false;
  /** When set, only boundaries it accepts (RIP before the poll) get a snapshot. */
  snapIf: ((cpu: Cpu) => boolean) | null = null;
  /** Ordinal of the next boundary in this run, and the event to raise at boundary 0. */
  ordinal = 0;
  pending: EventKind | null = null;
  constructor(image: Image, opts: MachineOptions, keepVisited: boolean) {
    this.m = new Machine(image, opts);
    const m = this.m;
    this.snaps = new Snapshots(m.cpu, m.model);
    const model = m.model;
    if (!keepVisited) model.afterBoundary = null;
    const inner = m.cpu.interrupts!;
    m.cpu.interrupts = {
      poll: (cpu) => {
        if (this.log !== null && this.withSnaps) this.log.snaps.push(this.snapIf === null || this.snapIf(cpu) ? this.snaps.take() : undefined);
        inner.poll(cpu);
      },
    };
    // This hook acts at every boundary (it records each one and fires at any), so none is quiet:
    // no compiled block may skip a poll (controller.ts quietSteps).
    model.hookNeeds = null;
    model.onBoundary = (cpu) => {
      model.step = cpu.tsc;
      if (this.log !== null) { this.log.rips.push(cpu.rip); this.log.steps.push(m.steps); }
      if (this.ordinal++ === 0 && this.pending !== null) this.fire(this.pending);
    };
  }

  fire(e: EventKind): void {
    const model = this.m.model;
    if (e.kind === 'nmi') model.nmiPending = true;
    else if (e.kind === 'irq') model.irqPending.push(e.vector);
    else this.m.cpu.mem.poke8(this.m.addrOf(e.sym), 0xcc);
  }
}

/**
 * For a failure without a fatal event: the first iret that unblocked NMIs while an NMI handler was
 * still running (it did not return to the interrupted code of the innermost NMI: SDM 6.7.1, NMIs
 * are unblocked by the next iret, whichever it is), else the last event of the run.
 */
function suspectEvent(evs: readonly SysEvent[], text: (e: SysEvent) => string, at: (a: number) => string): string {
  const nmis: number[] = [];
  for (const e of evs) {
    if (e.kind === 'nmi' && e.from !== undefined) nmis.push(e.from);
    else if (e.kind === 'iret' && nmis.length > 0) {
      if (e.to === nmis[nmis.length - 1]) nmis.pop();
      else if (e.nmiUnblocked) return `${text(e)} (inside the NMI handler that interrupted ${at(nmis[nmis.length - 1])})`;
    }
  }
  return evs.length ? `(last event) ${text(evs[evs.length - 1])}` : '(no event)';
}

function countIn(log: RunLog, rip: number, end: number): number {
  if (log.byRip === null) {
    log.byRip = new Map();
    log.rips.forEach((r, i) => { let a = log.byRip!.get(r); if (!a) log.byRip!.set(r, a = []); a.push(i); });
  }
  const a = log.byRip.get(rip);
  let n = 0;
  if (a) { let lo = 0, hi = a.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < end) lo = mid + 1; else hi = mid; } n = lo; }
  return n + (log.parent ? countIn(log.parent, rip, log.start) : 0);
}

export function eventLabel(e: EventKind): string {
  return e.kind === 'nmi' ? 'nmi' : e.kind === 'irq' ? `irq:0x${e.vector.toString(16)}` : `int3:${e.sym}`;
}

export function parseEvent(t: string): EventKind {
  if (t === 'nmi') return { kind: 'nmi' };
  let m = /^irq(?::(0x[0-9a-f]+|[0-9]+))?$/i.exec(t);
  if (m) {
    const v = m[1] === undefined ? 0x20 : Number(m[1]);
    if (v < 32 || v > 255) throw new SpecError(`interrupt vector ${v} out of range 32..255`);
    return { kind: 'irq', vector: v };
  }
  m = /^int3:([A-Za-z_.$][\w.$]*(?:\+(?:0x[0-9a-fA-F]+|[0-9]+))?)$/.exec(t);
  if (m) return { kind: 'int3', sym: m[1] };
  throw new SpecError(`bad event '${t}' (use nmi, irq:VECTOR or int3:SYM)`);
}

export function defaultOptions(file: string): ExploreOptions {
  return { file, mode: 64, includeDirs: [], defines: [], undefs: [], events: [], within: [], depth: 1, expectStackBalanced: false, expect: [], expectSame: [] };
}

/** The `x86lab run` options that rebuild the same machine. */
export function runArgs(o: ExploreOptions): string[] {
  const a: string[] = [o.file];
  if (o.mode === 32) a.push('--32');
  for (const d of o.includeDirs) a.push('-I', d);
  for (const d of o.defines) a.push('-D', d);
  for (const d of o.undefs) a.push('-U', d);
  if (o.entry) a.push('--entry', o.entry);
  return a;
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function reproArgs(o: ExploreOptions, events: InjectedEvent[], maxSteps: number | null): string[] {
  const a = runArgs(o);
  if (maxSteps !== null) a.push('--max-steps', String(maxSteps));
  for (const e of events) {
    if (e.kind === 'nmi') a.push('--nmi-at', e.where);
    else if (e.kind === 'irq') a.push('--irq-at', `0x${e.vector!.toString(16)}@${e.where}`);
    else a.push('--int3-at', `${e.sym}@${e.where}`);
  }
  return a;
}

export function reproCommand(o: ExploreOptions, events: InjectedEvent[], maxSteps: number | null): string {
  return ['x86lab', 'run', ...reproArgs(o, events, maxSteps)].map(shellWord).join(' ');
}

/** The explorer for one listing: baseline, units, trials. */
export class Explorer {
  readonly opts: ExploreOptions;
  readonly image: Image;
  readonly sym: Symbolizer;
  readonly events: EventKind[];
  readonly baseline: Readonly<RunLog>;
  readonly baselineOutcome: RunOutcome;
  /** Baseline boundaries where a first event goes (indices into baseline.rips). */
  readonly units: number[];
  readonly maxSteps: number;
  private readonly facts: BaselineFacts;
  private readonly labs: Lab[] = [];
  private readonly machineOpts: MachineOptions;
  private readonly ranges: [number, number][];
  private readonly expects: { sym: string; value: bigint }[];

  constructor(opts: ExploreOptions, image?: Image) {
    this.opts = opts;
    this.machineOpts = { mode: opts.mode, includeDirs: opts.includeDirs, defines: opts.defines, undefs: opts.undefs, ...(opts.entry ? { entry: opts.entry } : {}) };
    this.image = image ?? loadFile(opts.file, this.machineOpts);
    this.sym = new Symbolizer(this.image.symbols, this.image.sections.map((s) => ({ addr: s.addr, size: s.size })));
    this.events = opts.events.length ? opts.events : [{ kind: 'nmi' }];
    const lab = new Lab(this.image, this.machineOpts, false);
    for (const e of this.events) if (e.kind === 'int3') lab.m.addrOf(e.sym);
    this.ranges = opts.within.map(([a, b]) => [lab.m.addrOf(a), lab.m.addrOf(b)]);
    this.expects = opts.expect.map((t) => {
      const eq = t.indexOf('=');
      if (eq < 0) throw new SpecError(`bad --expect '${t}' (use SYM=VALUE)`);
      const sym = t.slice(0, eq).trim();
      lab.m.addrOf(sym);
      let value: bigint;
      try { value = BigInt(t.slice(eq + 1).trim()); } catch { throw new SpecError(`bad value in --expect '${t}'`); }
      return { sym, value };
    });
    for (const s of opts.expectSame) lab.m.addrOf(s);
    if (opts.check !== undefined) lab.m.addrOf(opts.check);
    // The baseline: every boundary, with a snapshot at each where a first event may go: inside the
    // --within ranges, or (without) once the listing has loaded an IDT.
    this.baseline = { rips: [], steps: [], snaps: [], parent: null, start: 0, byRip: null };
    lab.log = this.baseline;
    lab.withSnaps = true;
    const ranges = this.ranges;
    lab.snapIf = ranges.length ? (cpu) => ranges.some(([a, b]) => cpu.rip >= a && cpu.rip < b) : (cpu) => cpu.idtr.limit !== 0;
    const limit0 = opts.maxSteps ?? 10_000_000;
    this.baselineOutcome = lab.m.run({ maxSteps: limit0 });
    lab.log = null;
    lab.snapIf = null;
    this.baseline.snaps.length = this.baseline.rips.length;
    const out = this.baselineOutcome;
    if (out.stop !== 'hlt') throw new ExploreError(`the baseline run (no event) does not end at hlt: stop ${out.stop}${out.detail ? ` (${out.detail})` : ''} after ${out.steps} steps`);
    this.maxSteps = opts.maxSteps ?? 10 * out.steps + 1000;
    const vectors = new Set<number>();
    for (const e of lab.m.model.events) if (e.kind === 'exception' && e.vector !== undefined) vectors.add(e.vector);
    this.facts = {
      hltAt: lab.m.cpu.curIp,
      sp: lab.m.reg(this.image.mode === 64 ? 'rsp' : 'esp'),
      vectors,
      same: new Map(opts.expectSame.map((s) => [s, lab.m.word(lab.m.addrOf(s))])),
    };
    const bad = this.judge(lab.m, out, []);
    if (bad !== null) throw new ExploreError(`the baseline run (no event) already fails: ${bad.kind}: ${bad.detail}`);
    this.labs.push(lab);
    this.units = [];
    // Without --within, boundaries before the listing loads its IDT are left out: the harness
    // starts with none (IDTR limit 0), so any event there is a triple fault by construction.
    this.beforeIdt = 0;
    if (this.ranges.length === 0) {
      const first = this.baseline.snaps.findIndex((sn) => sn !== undefined);
      this.beforeIdt = first < 0 ? this.baseline.rips.length : first;
    }
    for (let i = this.beforeIdt; i < this.baseline.rips.length; i++) {
      const r = this.baseline.rips[i];
      // (A boundary whose poll delivered a debug trap is named after the trap handler's entry; its
      // snapshot was decided by the RIP before the poll.)
      if (this.baseline.snaps[i] === undefined) continue;
      if (this.ranges.length === 0 || this.ranges.some(([a, b]) => r >= a && r < b)) this.units.push(i);
    }
  }

  /** Boundaries left out because no IDT was loaded yet (only without --within). */
  readonly beforeIdt: number;

  /** Distinct boundaries (address and arrival) the first event may land on. */
  get boundaries(): number { return this.units.length; }

  private lab(level: number): Lab {
    while (this.labs.length <= level) this.labs.push(new Lab(this.image, this.machineOpts, false));
    return this.labs[level];
  }

  whereOf(log: RunLog, i: number): string {
    const rip = log.rips[i];
    const s = this.sym.lookup(rip);
    if (s === undefined) return String(log.steps[i]);
    return `${s}:${countIn(log, rip, i) + 1}`;
  }

  /** Run the unit whose first event lands at baseline boundary `index`. */
  runUnit(index: number): UnitResult {
    const u: UnitResult = { index, trials: 0, passed: 0, failed: 0, by_kind: {}, failures: [] };
    const cap = this.opts.maxTrials ?? Infinity;
    this.explore(u, this.baseline, index, [], [], 1, cap);
    return u;
  }

  private explore(u: UnitResult, parent: RunLog, i: number, prev: InjectedEvent[], key: number[], level: number, cap: number): void {
    const snap = parent.snaps[i]!;
    for (const e of this.events) {
      if (u.trials >= cap) { u.capped = true; return; }
      const lab = this.lab(level);
      const inj: InjectedEvent = { kind: e.kind, where: this.whereOf(parent, i), step: parent.steps[i] };
      if (e.kind === 'irq') inj.vector = e.vector;
      if (e.kind === 'int3') inj.sym = e.sym;
      const events = [...prev, inj];
      const deeper = level < this.opts.depth;
      lab.snaps.restore(snap);
      lab.ordinal = 0;
      lab.pending = e;
      const log: RunLog | null = deeper ? { rips: [], steps: [], snaps: [], parent, start: i, byRip: null } : null;
      lab.log = log;
      lab.withSnaps = deeper;
      const out = lab.m.run({ maxSteps: this.maxSteps });
      lab.log = null;
      lab.pending = null;
      u.trials++;
      const bad = this.judge(lab.m, out, events);
      const k = [...key, i];
      if (bad !== null) {
        u.failed++;
        u.by_kind[bad.kind] = (u.by_kind[bad.kind] ?? 0) + 1;
        u.failures.push({ key: k, events, kind: bad.kind, detail: bad.detail, first_wrong_event: bad.event, repro: reproCommand(this.opts, events, bad.kind === 'steps' ? this.maxSteps : null) });
        continue;
      }
      u.passed++;
      if (log !== null) {
        log.snaps.length = log.rips.length;
        for (let j = 1; j < log.rips.length; j++) this.explore(u, log, j, events, k, level + 1, cap);
      }
    }
  }

  /** Check the invariants at the end of a run; null when they hold. */
  judge(m: Machine, out: RunOutcome, events: InjectedEvent[]): { kind: FailureKind; detail: string; event: string } | null {
    const mode = this.image.mode;
    const evs = m.model.events;
    const text = (e: SysEvent): string => eventText(e, mode, this.sym);
    const int3 = events.some((e) => e.kind === 'int3');
    let fatal: SysEvent | undefined;
    let kind: FailureKind | null = null;
    for (const e of evs) {
      if (e.kind === 'triple-fault') { fatal = e; kind = 'triple-fault'; break; }
      if (e.kind === 'double-fault') { fatal = e; kind = 'double-fault'; break; }
      if (e.kind === 'exception' && e.vector !== undefined && !this.facts.vectors.has(e.vector) && !(int3 && e.vector === 3)) { fatal = e; kind = 'exception'; break; }
      if (e.kind === 'unsupported') { fatal = e; kind = 'exception'; break; }
    }
    const at = (a: number): string => { const s = this.sym.lookup(a); return s ? `${hex(a, mode)} <${s}>` : hex(a, mode); };
    const last = suspectEvent(evs, text, at);
    if (out.stop === 'triple-fault') {
      kind = 'triple-fault';
      fatal = evs.find((e) => e.kind === 'double-fault' || e.kind === 'triple-fault') ?? fatal;
    }
    // A double or triple fault starts with a fault raised while delivering an event: that first
    // link of the chain (the trace shows each, with its cause) is the first event that went wrong.
    if (kind === 'double-fault' || kind === 'triple-fault') fatal = evs.find((e) => e.kind === 'delivery-fault') ?? fatal;
    if (kind !== null) {
      const detail = out.stop === 'hlt' ? `${text(fatal!).replace(/^\*\* /, '')}` : `stop ${out.stop}${out.detail ? ` (${out.detail})` : ''} after ${out.steps} steps`;
      return { kind, detail, event: text(fatal!) };
    }
    if (out.stop === 'steps') return { kind: 'steps', detail: `no hlt within ${this.maxSteps} steps (at ${at(m.cpu.rip)})`, event: last };
    if (out.stop !== 'hlt') return { kind: 'exception', detail: `stop ${out.stop}${out.detail ? ` (${out.detail})` : ''}`, event: last };
    if (m.cpu.curIp !== this.facts.hltAt) return { kind: 'hlt', detail: `ended at hlt ${at(m.cpu.curIp)}, not at ${at(this.facts.hltAt)} after ${out.steps} steps`, event: last };
    const word = (s: string): bigint => m.word(m.addrOf(s));
    // Expectations read the final state, before the checker runs.
    const misses: string[] = [];
    if (this.opts.expectStackBalanced) {
      const sp = m.reg(mode === 64 ? 'rsp' : 'esp');
      if (sp !== this.facts.sp) misses.push(`stack pointer 0x${sp.toString(16)} at the end, baseline 0x${this.facts.sp.toString(16)}`);
    }
    for (const x of this.expects) {
      const mask = mode === 64 ? (1n << 64n) - 1n : 0xffffffffn;
      const v = word(x.sym);
      if (v !== (x.value & mask)) misses.push(`${x.sym} = 0x${v.toString(16)}, expected 0x${(x.value & mask).toString(16)}`);
    }
    for (const [s, want] of this.facts.same) {
      const v = word(s);
      if (v !== want) misses.push(`${s} = 0x${v.toString(16)}, baseline 0x${want.toString(16)}`);
    }
    if (this.opts.check !== undefined) {
      const r = this.runCheck(m);
      if (r !== null) return { kind: 'check', detail: r, event: last };
    }
    if (misses.length) return { kind: 'expect', detail: misses.join('; '), event: last };
    return null;
  }

  /** Call the checker routine at the end of a run (as if from the final hlt): null when it returns 0 in %rax. */
  private runCheck(m: Machine): string | null {
    const cpu = m.cpu;
    const w = this.image.mode === 64 ? 8 : 4;
    const sp = 4; // register number of rsp/esp
    const hlt = cpu.curIp;
    // push the address of the final hlt, then jump to the checker: its ret comes back to the hlt.
    const rsp = Number(cpu.reg64(sp) & (this.image.mode === 64 ? 0xffffffffffffffffn : 0xffffffffn)) - w;
    const bytes = new Uint8Array(w);
    for (let k = 0; k < w; k++) bytes[k] = Math.floor(hlt / 2 ** (8 * k)) & 0xff;
    cpu.mem.writeBytes(rsp, bytes);
    cpu.setReg64(sp, BigInt(rsp));
    cpu.rip = m.addrOf(this.opts.check!);
    const out = m.run({ maxSteps: m.steps + this.maxSteps });
    const rax = m.reg(this.image.mode === 64 ? 'rax' : 'eax');
    if (out.stop !== 'hlt' || cpu.curIp !== hlt) return `checker ${this.opts.check} did not return (stop ${out.stop} at ${hex(cpu.rip, this.image.mode)})`;
    return rax === 0n ? null : `checker ${this.opts.check} returned 0x${rax.toString(16)}`;
  }

  /** Baseline facts for the report header. */
  header(): { steps: number; hlt: string; boundaries: number; beforeIdt: number } {
    const s = this.sym.lookup(this.facts.hltAt);
    return { steps: this.baselineOutcome.steps, hlt: s ? `${hex(this.facts.hltAt, this.image.mode)} <${s}>` : hex(this.facts.hltAt, this.image.mode), boundaries: this.units.length, beforeIdt: this.beforeIdt };
  }

  /** Unit indices of shard k of n (1-based k): every n-th unit. */
  shardUnits(k: number, n: number): number[] {
    return this.units.filter((_, i) => i % n === k - 1);
  }
}

