// `x86lab explore`: an event at every instruction boundary of a listing's run (docs/explore.md).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LoadError, SpecError } from '../harness/machine.js';
import { DETAIL_LIMIT, Explorer, ExploreError, defaultOptions, parseEvent, type ExploreOptions, type UnitResult } from '../harness/explore.js';
import { exploreMulti, wantsMulti } from './explore-multi.js';
import { PARTIAL_FORMAT, buildReport, renderJson, renderText, type PartialReport } from '../harness/explore-report.js';

export const usage = `usage: x86lab explore [run options] [explore options] FILE.S
       x86lab explore --merge A.json B.json ... [--json OUT]

Run FILE.S once (the baseline) recording every instruction boundary it reaches, then once per
boundary from a snapshot taken there with an event injected at that boundary, to the end.
A trial fails when the run does not end at the baseline's final hlt, takes a #DF, a triple
fault or an exception the baseline never takes, overruns the step limit, or breaks --check or
an expectation. Each failure comes with an 'x86lab run' command line that reproduces it.

run options (as for x86lab run): --64 | --32, -I DIR, -D NAME[=VAL], -U NAME, --entry SYM,
  --max-steps N (for trials; default: 10 x the baseline's steps + 1000)

explore options:
  --event E            nmi (default), irq:VECTOR, or int3:SYM (another CPU writes 0xCC over the
                       byte at SYM at that boundary); repeatable: each boundary gets each event
  --within A..B        only first events at boundaries with A <= address < B (SYM or SYM+OFF); repeatable
                       (default: every boundary after the listing loads its IDT)
  --depth 1|2|3        also a second (third) event at every boundary after the previous one
  --check SYM          call SYM at the end (from the final hlt): %rax/%eax 0 = ok
  --expect-stack-balanced   the stack pointer at the end equals the baseline's
  --expect SYM=VALUE   the machine word at SYM at the end; repeatable
  --expect-same-as-baseline SYM[,SYM...]   these words end as in the baseline; repeatable
  --max-trials N       stop after the boundary at which N trials have run
  --jobs N             worker threads (default 1); the report does not depend on N
  --cpus N             N > 1: explore schedules of N CPUs instead (x86lab explore --cpus 2 --help)
  --shard K/N          run only every N-th first-event boundary starting at the K-th; with --json,
                       writes a partial report for --merge
  --json OUT           write the report as JSON ('-' for stdout)
  --details N          failures shown in full, re-run and traced (default 20; the rest one per line)
  -q, --quiet          no text report
  -h, --help           show this help

exit status: 0 when every trial passed, 1 when some failed (or the baseline itself fails, or
assembly errors), 2 for usage errors.
`;

class UsageError extends Error {}

interface Args {
  opts: ExploreOptions;
  jobs: number;
  shard?: { k: number; n: number };
  json?: string;
  quiet: boolean;
  merge: string[] | null;
  details: number;
}

function int(v: string, what: string, min: number): number {
  if (!/^[0-9]+$/.test(v) || parseInt(v, 10) < min) throw new UsageError(`bad ${what} '${v}'`);
  return parseInt(v, 10);
}

function parseArgs(argv: string[]): Args | 'help' {
  const o = defaultOptions('');
  const a: Args = { opts: o, jobs: 1, quiet: false, merge: null, details: DETAIL_LIMIT };
  let file: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const t = argv[k];
    const eq = t.indexOf('=');
    const opt = t.startsWith('--') && eq > 0 ? t.slice(0, eq) : t;
    const val = (): string => {
      if (t.startsWith('--') && eq > 0) return t.slice(eq + 1);
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`option '${t}' needs a value`);
      return v;
    };
    switch (opt) {
      case '-h': case '--help': return 'help';
      case '--64': o.mode = 64; break;
      case '--32': o.mode = 32; break;
      case '-q': case '--quiet': a.quiet = true; break;
      case '--entry': o.entry = val(); break;
      case '--max-steps': o.maxSteps = int(val(), '--max-steps', 1); break;
      case '--event': o.events.push(parseEvent(val())); break;
      case '--within': {
        const v = val();
        const m = /^(.+?)\.\.(.+)$/.exec(v);
        if (!m) throw new UsageError(`bad --within '${v}' (use SYM..SYM)`);
        o.within.push([m[1], m[2]]);
        break;
      }
      case '--depth': {
        const d = int(val(), '--depth', 1);
        if (d > 3) throw new UsageError('--depth is 1, 2 or 3');
        o.depth = d;
        break;
      }
      case '--check': o.check = val(); break;
      case '--expect-stack-balanced': o.expectStackBalanced = true; break;
      case '--expect': o.expect.push(val()); break;
      case '--expect-same-as-baseline': o.expectSame.push(...val().split(',').filter((s) => s !== '')); break;
      case '--max-trials': o.maxTrials = int(val(), '--max-trials', 1); break;
      case '--jobs': a.jobs = int(val(), '--jobs', 1); break;
      case '--shard': {
        const v = val();
        const m = /^([0-9]+)\/([0-9]+)$/.exec(v);
        if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new UsageError(`bad --shard '${v}' (use K/N with 1 <= K <= N)`);
        a.shard = { k: +m[1], n: +m[2] };
        break;
      }
      case '--json': a.json = val(); break;
      case '--details': a.details = int(val(), '--details', 0); break;
      case '--merge': a.merge = []; break;
      case '--cpus': if (val() !== '1') throw new UsageError('--cpus N > 1 runs the multi-CPU explorer'); break;
      default:
        if (t.startsWith('-I')) { o.includeDirs.push(t.length > 2 ? t.slice(2) : val()); break; }
        if (t.startsWith('-D')) { o.defines.push(t.length > 2 ? t.slice(2) : val()); break; }
        if (t.startsWith('-U')) { o.undefs.push(t.length > 2 ? t.slice(2) : val()); break; }
        if (t.startsWith('-') && t !== '-') throw new UsageError(`unknown option '${t}'`);
        if (a.merge !== null) { a.merge.push(t); break; }
        if (file !== undefined) throw new UsageError('only one input file');
        file = t;
    }
  }
  if (a.merge !== null) {
    if (a.merge.length === 0) throw new UsageError('--merge needs the partial reports to merge');
    return a;
  }
  if (file === undefined) throw new UsageError('no input file');
  o.file = file;
  return a;
}

/** A progress line on a terminal only (not in pipes or CI logs). */
class Progress {
  private readonly on = process.stderr.isTTY === true && !process.env.CI;
  private last = 0;
  constructor(private readonly total: number) {}
  update(done: number, trials: number, failed: number): void {
    if (!this.on) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const w = 30, f = Math.round((done / Math.max(1, this.total)) * w);
    process.stderr.write(`\r[${'#'.repeat(f)}${'.'.repeat(w - f)}] ${done}/${this.total} boundaries, ${trials} trials, ${failed} failed `);
  }
  end(): void { if (this.on) process.stderr.write('\r\x1b[K'); }
}

function workerUrl(): URL | null {
  const u = new URL('../harness/explore-worker.js', import.meta.url);
  return existsSync(fileURLToPath(u)) ? u : null;
}

/** Run `units` with `jobs` worker threads (in this thread when jobs is 1 or no compiled worker). */
async function runUnits(x: Explorer, units: number[], jobs: number, progress: Progress): Promise<UnitResult[]> {
  const out: UnitResult[] = [];
  let trials = 0, failed = 0;
  const note = (u: UnitResult): void => { out.push(u); trials += u.trials; failed += u.failed; progress.update(out.length, trials, failed); };
  const url = workerUrl();
  if (jobs <= 1 || url === null || units.length < 2) {
    for (const i of units) note(x.runUnit(i));
    return out;
  }
  const queue = [...units];
  const chunk = Math.max(1, Math.min(16, Math.floor(units.length / (jobs * 8))));
  await Promise.all(Array.from({ length: Math.min(jobs, units.length) }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(url, { workerData: x.opts });
    w.on('message', (msg: { unit?: UnitResult; idle?: boolean }) => {
      if (msg.unit) note(msg.unit);
      if (msg.idle) {
        const next = queue.splice(0, chunk);
        w.postMessage(next.length ? next : null);
        if (!next.length) void w.terminate().then(() => resolve());
      }
    });
    w.on('error', reject);
  })));
  return out;
}

function emit(args: Args, text: string, json: string): void {
  if (args.json === '-') process.stdout.write(json);
  else {
    if (args.json !== undefined) writeFileSync(args.json, json);
    if (!args.quiet) process.stdout.write(text);
  }
}

export async function run(argv: string[]): Promise<number> {
  if (wantsMulti(argv)) return exploreMulti(argv);
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SpecError) { process.stderr.write(`x86lab explore: ${e.message}\n${usage}`); return 2; }
    throw e;
  }
  if (args === 'help') { process.stdout.write(usage); return 0; }
  let parts: PartialReport[] = [];
  if (args.merge !== null) {
    try {
      parts = args.merge.map((f) => JSON.parse(readFileSync(f, 'utf8')) as PartialReport);
    } catch (e) {
      process.stderr.write(`x86lab explore: --merge: ${(e as Error).message}\n`);
      return 2;
    }
    const bad = parts.find((p) => p.format !== PARTIAL_FORMAT || JSON.stringify(p.options) !== JSON.stringify(parts[0].options));
    if (bad) { process.stderr.write(`x86lab explore: --merge: the files are not partial reports of one exploration (same file and options)\n`); return 2; }
    args.opts = parts[0].options;
  }
  let x: Explorer;
  try {
    x = new Explorer(args.opts);
  } catch (e) {
    if (e instanceof LoadError) { process.stderr.write(`${args.opts.file}: Assembler messages:\n${e.message}\n`); return 1; }
    if (e instanceof SpecError) { process.stderr.write(`x86lab explore: ${e.message}\n`); return 2; }
    if (e instanceof ExploreError) { process.stderr.write(`x86lab explore: ${e.message}\n`); return 1; }
    throw e;
  }
  let results: UnitResult[];
  if (args.merge !== null) {
    results = parts.flatMap((p) => p.units);
  } else {
    const units = args.shard ? x.shardUnits(args.shard.k, args.shard.n) : x.units;
    const progress = new Progress(units.length);
    results = await runUnits(x, units, args.jobs, progress);
    progress.end();
    if (args.shard) {
      results.sort((a, b) => a.index - b.index);
      const failed = results.reduce((s, u) => s + u.failed, 0);
      const p: PartialReport = { format: PARTIAL_FORMAT, shard: `${args.shard.k}/${args.shard.n}`, options: x.opts, boundaries: x.boundaries, units: results };
      const trials = results.reduce((s, u) => s + u.trials, 0);
      emit(args, `explore ${x.opts.file}: shard ${p.shard}: ${results.length} of ${x.boundaries} boundaries, ${trials} trials, ${failed} failed (merge the --json outputs with --merge for the report)\n`, JSON.stringify(p) + '\n');
      return failed ? 1 : 0;
    }
  }
  let report;
  try {
    report = buildReport(x, results, args.details);
  } catch (e) {
    process.stderr.write(`x86lab explore: ${(e as Error).message}\n`);
    return 1;
  }
  emit(args, renderText(report), renderJson(report));
  return report.failed ? 1 : 0;
}
