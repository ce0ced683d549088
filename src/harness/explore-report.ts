// The explorer's report, assembled from unit results (explore.ts) in unit order, so that one
// process, N worker threads, or N shards merged later all give byte-identical text and JSON.
// The first DETAIL_LIMIT failures get their reproduction re-run from scratch with `run`'s own
// event schedule (Machine.arm) and traced: that confirms the command line reproduces the failure
// and gives the part of the trace where the trial left the baseline's path.

import { Machine } from './machine.js';
import { parseInt3, parseIrq, parseNmi, type EventSpec } from './schedule.js';
import { DETAIL_LIMIT, FAILURE_KINDS, eventLabel, type Explorer, type ExploreOptions, type Failure, type FailureKind, type InjectedEvent, type UnitResult } from './explore.js';

/** Failures listed one per line in the text report after the detailed ones. */
export const LIST_LIMIT = 100;

export const PARTIAL_FORMAT = 'x86lab-explore-partial/1';

/** What a shard (`--shard K/N --json OUT`) writes: raw unit results, merged by `--merge`. */
export interface PartialReport {
  format: typeof PARTIAL_FORMAT;
  shard: string;
  options: ExploreOptions;
  boundaries: number;
  units: UnitResult[];
}

export interface ReportFailure extends Failure {
  /** The repro, run from scratch, fails the same way (only for the first DETAIL_LIMIT failures). */
  reproduces?: boolean;
  /** Trace lines around the point where the trial left the baseline's path. */
  divergence?: string[];
}

export interface Report {
  file: string;
  mode: 32 | 64;
  events: string[];
  depth: number;
  within: string[];
  baseline: { steps: number; hlt: string };
  boundaries: number;
  /** Boundaries before the listing loaded its IDT, not tried (only without --within). */
  before_idt?: number;
  trials: number;
  passed: number;
  failed: number;
  by_kind: Partial<Record<FailureKind, number>>;
  /** --max-trials stopped the exploration before every boundary was tried. */
  capped?: boolean;
  /** Depth 2 and 3: per first-event boundary, the trials under it and how many failed. */
  per_boundary?: { where: string; step: number; trials: number; failed: number }[];
  failures: ReportFailure[];
}

/** Combine unit results (any order, any source) into the report of a whole run. */
export function buildReport(x: Explorer, results: UnitResult[], detail = DETAIL_LIMIT): Report {
  const byIndex = new Map<number, UnitResult>();
  for (const u of results) byIndex.set(u.index, u);
  const h = x.header();
  const r: Report = {
    file: x.opts.file, mode: x.image.mode, events: x.events.map(eventLabel), depth: x.opts.depth,
    within: x.opts.within.map(([a, b]) => `${a}..${b}`),
    baseline: { steps: h.steps, hlt: h.hlt }, boundaries: h.boundaries,
    ...(h.beforeIdt ? { before_idt: h.beforeIdt } : {}),
    trials: 0, passed: 0, failed: 0, by_kind: {}, failures: [],
  };
  const cap = x.opts.maxTrials ?? Infinity;
  for (const i of x.units) {
    const u = byIndex.get(i);
    if (u === undefined) throw new Error(`explore: no result for boundary ${i} (missing shard?)`);
    if (r.trials >= cap) { r.capped = true; break; }
    r.trials += u.trials; r.passed += u.passed; r.failed += u.failed;
    for (const k of FAILURE_KINDS) if (u.by_kind[k]) r.by_kind[k] = (r.by_kind[k] ?? 0) + u.by_kind[k]!;
    r.failures.push(...u.failures);
    if (u.capped) r.capped = true;
    if (x.opts.depth > 1) (r.per_boundary ??= []).push({ where: x.whereOf(x.baseline, i), step: x.baseline.steps[i], trials: u.trials, failed: u.failed });
  }
  r.failures.sort((a, b) => cmpKey(a.key, b.key) || a.events.length - b.events.length);
  if (detail > 0 && r.failures.length > 0) {
    // A failing sequence is compared with the same run without its last event (which passed).
    const refs = new Map<string, string[]>();
    for (const f of r.failures.slice(0, detail)) {
      const prefix = f.events.slice(0, -1);
      const id = JSON.stringify(prefix);
      let ref = refs.get(id);
      if (ref === undefined) { ref = traced(x, prefix).lines; refs.set(id, ref); }
      const t = traced(x, f.events);
      f.reproduces = t.kind === f.kind;
      f.divergence = divergence(ref, t.lines, f.events[f.events.length - 1].step);
    }
  }
  return r;
}

function cmpKey(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function specOf(e: InjectedEvent): EventSpec {
  if (e.kind === 'nmi') return parseNmi(e.where);
  if (e.kind === 'irq') return parseIrq(`0x${e.vector!.toString(16)}@${e.where}`);
  return parseInt3(`${e.sym}@${e.where}`);
}

/** Run the repro the way `x86lab run` does (a fresh machine, run's event schedule), traced. */
function traced(x: Explorer, events: InjectedEvent[]): { lines: string[]; kind: FailureKind | null } {
  const o = x.opts;
  const m = new Machine(x.image, { mode: o.mode, ...(o.entry ? { entry: o.entry } : {}) });
  for (const e of events) m.arm(specOf(e));
  const out = m.run({ trace: true, maxSteps: x.maxSteps });
  const lines = [...m.trace];
  const bad = x.judge(m, out, events);
  return { lines, kind: bad === null ? null : bad.kind };
}

const INSN = /^\s*(\d+)\s+0x/;
/** A trace line without its step number (the same instruction with the same effects matches). */
function body(l: string): string { return l.replace(/^\s*\d+/, ''); }
/** What keeps two traces in step: an instruction's address, or an event line itself. */
function key(l: string): string { const m = /^\s*\d+\s+(0x[0-9a-f]+)/.exec(l); return m ? m[1] : l; }

/**
 * The trial's trace from where it left the baseline's path for the last time: walk both traces
 * from the first event's step; lines that match (instruction, address and effects, step numbers
 * aside) keep them in step, the trial's other lines are a detour (the handler). The last detour
 * that never comes back — or, when every detour came back, the last one — is shown with a few
 * lines before it, cut in the middle when long.
 */
export function divergence(base: string[], trial: string[], step: number): string[] {
  // Both traces from the first line of the instruction at `step` and the event lines before it
  // that follow the previous instruction's own line.
  const from = (ls: string[]): number => {
    let k = ls.findIndex((l) => { const m = INSN.exec(l); return m !== null && Number(m[1]) >= step; });
    if (k < 0) k = ls.length;
    while (k > 0 && !INSN.test(ls[k - 1]) && !/^\s+changed:/.test(ls[k - 1])) k--;
    return k;
  };
  const bl = base.slice(from(base));
  const b = bl.map(body), bk = bl.map(key);
  const t = from(trial);
  // Lines are in step when they are the same instruction (address) or the same event; a line in
  // step whose effects differ is a one-line divergence, a line out of step starts a detour.
  let j = 0, detour = -1, inDetour = false, back = -1;
  for (let i = t; i < trial.length; i++) {
    if (j < b.length && key(trial[i]) === bk[j]) {
      if (inDetour) { inDetour = false; back = i; }
      else if (body(trial[i]) !== b[j]) { detour = i; back = i; }
      j++;
      continue;
    }
    if (!inDetour) { detour = i; inDetour = true; }
  }
  if (detour < 0) return [];
  const end = inDetour ? trial.length : back + 1;
  const start = Math.max(0, detour - 3);
  const out = trial.slice(start, end).map((l, i) => (i === detour - start ? '>' : ' ') + l);
  if (out.length > 30) return [...out.slice(0, 16), `  ... (${out.length - 26} lines)`, ...out.slice(-10)];
  return out;
}

function eventsText(evs: InjectedEvent[]): string {
  return evs.map((e) => `${e.kind === 'nmi' ? 'nmi' : e.kind === 'irq' ? `irq 0x${e.vector!.toString(16)}` : `int3 on ${e.sym}`} at ${e.where} (step ${e.step})`).join(', then ');
}

/** The text report (stdout of `x86lab explore`). */
export function renderText(r: Report): string {
  const L: string[] = [];
  L.push(`explore ${r.file}${r.mode === 32 ? ' (--32)' : ''}: events ${r.events.join(', ')}; depth ${r.depth}${r.within.length ? `; within ${r.within.join(', ')}` : ''}`);
  L.push(`baseline: hlt at ${r.baseline.hlt} after ${r.baseline.steps} steps; ${r.boundaries} boundaries${r.before_idt ? ` (and ${r.before_idt} before the IDT is loaded, not tried: --within includes them)` : ''}`);
  const kinds = FAILURE_KINDS.filter((k) => r.by_kind[k]).map((k) => `${k} ${r.by_kind[k]}`);
  L.push(`trials: ${r.trials} run, ${r.passed} passed, ${r.failed} failed${kinds.length ? ` (${kinds.join(', ')})` : ''}${r.capped ? ' — stopped by --max-trials' : ''}`);
  if (r.per_boundary) {
    L.push('');
    L.push('per first-event boundary (trials = the event alone + every later event under it):');
    const w = Math.max(...r.per_boundary.map((b) => b.where.length));
    for (const b of r.per_boundary) L.push(`  ${b.where.padEnd(w)}  step ${String(b.step).padStart(5)}  ${String(b.trials).padStart(6)} trials  ${b.failed ? `${String(b.failed).padStart(6)} failed` : '     ok'}`);
  }
  r.failures.forEach((f, n) => {
    if (f.divergence === undefined) return;
    L.push('');
    L.push(`FAIL ${n + 1}: ${eventsText(f.events)}: ${f.kind}: ${f.detail}`);
    L.push(`  repro: ${f.repro}${f.reproduces === false ? '   (WARNING: does not reproduce this failure)' : ''}`);
    L.push(`  first wrong event: ${f.first_wrong_event}`);
    if (f.divergence.length) {
      L.push('  trace where it leaves the run without its last event (>):');
      for (const l of f.divergence) L.push('   ' + l);
    }
  });
  const rest = r.failures.filter((f) => f.divergence === undefined);
  if (rest.length) {
    L.push('');
    L.push(`further failures (${rest.length}; repro: x86lab run with these events):`);
    for (const f of rest.slice(0, LIST_LIMIT)) L.push(`  ${eventsText(f.events)}: ${f.kind}: ${f.detail}`);
    if (rest.length > LIST_LIMIT) L.push(`  ... and ${rest.length - LIST_LIMIT} more (--json lists every failure)`);
  }
  return L.join('\n') + '\n';
}

/** The JSON report (--json): stable key order, two-space indentation. */
export function renderJson(r: Report): string {
  return JSON.stringify(r, null, 1) + '\n';
}
