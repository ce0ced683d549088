// `x86lab explore --cpus N` (N > 1): schedules and stale-fetch choices of a listing on N CPUs
// (docs/multi-cpu.md, src/harness/multi-explore.ts).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LoadError, SpecError } from '../harness/machine.js';
import { MAX_CPUS } from '../harness/multi-schedule.js';
import { parseEvent } from '../harness/explore.js';
import { MultiExplorer, defaultMultiOptions, renderMultiJson, renderMultiText, type MultiExploreOptions, type MultiUnitResult } from '../harness/multi-explore.js';

export const usage = `usage: x86lab explore --cpus N [run options] [options] FILE.S
       x86lab explore --cpus N --merge A.json B.json ... [--json OUT]

Run FILE.S on N CPUs (2..8) with the default schedule (round-robin, quantum Q), then once per
schedule with up to P preemptions (at a global step, switch to another runnable CPU) and per
other instruction a stale fetch of cross-modified code could see (SDM Vol.3A 8.1.3). A trial
fails when some CPU does not end at its baseline hlt, takes a #DF, a triple fault or an exception
no CPU took in the baseline, overruns the step limit, or breaks an --expect. Each failure comes
with an 'x86lab run --schedule' command that replays it.

run options: --64 | --32, -I DIR, -D NAME[=VAL], -U NAME, --entry SYM, --max-steps N
options:
  --quantum Q          round-robin quantum (default 100)
  --preemptions P      preemption bound (default 1); a preemption before a read-modify-write
                       of memory without lock is also tried between its read and its write
  --event E            nmi or irq:VECTOR, injected at every CPU before every step (schedule
                       item T:nmi@C); repeatable
  --event-depth D      events per trial (default 1)
  --tso                x86-TSO store buffers: also try each store held in its CPU's store buffer
                       (schedule item T:buffer) until the CPU fences or runs --tso-window
                       (default 20) more instructions
  --tso-delays D       stores held back per trial (default 1)
  --xmc-switches K     switches per trial to another CPU right after a step that modified code,
                       not counted as preemptions (default 1)
  --stale-choices K    stale fetches per trial that may see newer bytes than the oldest (default 1)
  --within A..B        preempt only while the preempted CPU's RIP is in [A, B); repeatable
  --expect SYM=VALUE   the machine word at SYM at the end; repeatable
  --max-trials N       stop each first decision's subtree after N trials
  --jobs N             worker threads (default 1); the report does not depend on N
  --shard K/N          run every N-th first decision from the K-th; with --json, a partial report
  --json OUT           write the report as JSON ('-' for stdout)
  --details N          failures shown in full (default 20)
  -q, --quiet          no text report
`;

class UsageError extends Error {}
const PARTIAL = 'x86lab-explore-multi-partial/1';
interface Partial { format: string; options: MultiExploreOptions; units: MultiUnitResult[] }

function int(v: string, what: string, min: number): number {
  if (!/^[0-9]+$/.test(v) || parseInt(v, 10) < min) throw new UsageError(`bad ${what} '${v}'`);
  return parseInt(v, 10);
}

/** Run `units` on `jobs` worker threads (in this thread for one job or without a compiled worker). */
async function runUnits(x: MultiExplorer, units: number[], jobs: number): Promise<MultiUnitResult[]> {
  const url = new URL('../harness/multi-explore-worker.js', import.meta.url);
  if (jobs <= 1 || units.length < 2 || !existsSync(fileURLToPath(url))) return units.map((i) => x.runUnit(i));
  const out: MultiUnitResult[] = [];
  const queue = [...units];
  const chunk = Math.max(1, Math.min(16, Math.floor(units.length / (jobs * 8))));
  await Promise.all(Array.from({ length: Math.min(jobs, units.length) }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(url, { workerData: x.opts });
    w.on('message', (msg: { unit?: MultiUnitResult; idle?: boolean }) => {
      if (msg.unit) out.push(msg.unit);
      if (msg.idle) {
        const next = queue.splice(0, chunk);
        w.postMessage(next.length ? next : null);
        if (!next.length) void w.terminate().then(() => resolve());
      }
    });
    w.on('error', reject);
  })));
  return out.sort((a, b) => a.unit - b.unit);
}

/** Does an explore command line ask for several CPUs? */
export function wantsMulti(argv: string[]): boolean {
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--cpus' && argv[k + 1] !== undefined && argv[k + 1] !== '1') return true;
    if (argv[k].startsWith('--cpus=') && argv[k] !== '--cpus=1') return true;
  }
  return false;
}

export async function exploreMulti(argv: string[]): Promise<number> {
  const o = defaultMultiOptions('', 2);
  let json: string | undefined, quiet = false, details = 20, merge: string[] | null = null, jobs = 1;
  let shard: { k: number; n: number } | undefined;
  let file: string | undefined;
  try {
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
        case '-h': case '--help': process.stdout.write(usage); return 0;
        case '--cpus': o.cpus = int(val(), '--cpus', 2); if (o.cpus > MAX_CPUS) throw new UsageError(`--cpus: at most ${MAX_CPUS}`); break;
        case '--64': o.mode = 64; break;
        case '--32': o.mode = 32; break;
        case '--entry': o.entry = val(); break;
        case '--max-steps': o.maxSteps = int(val(), '--max-steps', 1); break;
        case '--quantum': o.quantum = int(val(), '--quantum', 1); break;
        case '--preemptions': o.preemptions = int(val(), '--preemptions', 0); break;
        case '--event': {
          const e = parseEvent(val());
          if (e.kind === 'int3') throw new UsageError('--event int3:SYM is for one CPU; with --cpus another CPU writes the code');
          o.events.push(e);
          break;
        }
        case '--xmc-switches': o.xmcSwitches = int(val(), '--xmc-switches', 0); break;
        case '--tso': o.tso = true; break;
        case '--tso-window': o.tsoWindow = int(val(), '--tso-window', 1); break;
        case '--tso-delays': o.tsoDelays = int(val(), '--tso-delays', 0); break;
        case '--event-depth': o.eventDepth = int(val(), '--event-depth', 0); break;
        case '--stale-choices': o.staleChoices = int(val(), '--stale-choices', 0); break;
        case '--within': {
          const v = val();
          const m = /^(.+?)\.\.(.+)$/.exec(v);
          if (!m) throw new UsageError(`bad --within '${v}' (use SYM..SYM)`);
          o.within.push([m[1], m[2]]);
          break;
        }
        case '--expect': o.expect.push(val()); break;
        case '--max-trials': o.maxTrials = int(val(), '--max-trials', 1); break;
        case '--shard': {
          const v = val();
          const m = /^([0-9]+)\/([0-9]+)$/.exec(v);
          if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new UsageError(`bad --shard '${v}' (use K/N with 1 <= K <= N)`);
          shard = { k: +m[1], n: +m[2] };
          break;
        }
        case '--json': json = val(); break;
        case '--jobs': jobs = int(val(), '--jobs', 1); break;
        case '--details': details = int(val(), '--details', 0); break;
        case '-q': case '--quiet': quiet = true; break;
        case '--merge': merge = []; break;
        default:
          if (t.startsWith('-I')) { o.includeDirs.push(t.length > 2 ? t.slice(2) : val()); break; }
          if (t.startsWith('-D')) { o.defines.push(t.length > 2 ? t.slice(2) : val()); break; }
          if (t.startsWith('-U')) { o.undefs.push(t.length > 2 ? t.slice(2) : val()); break; }
          if (t.startsWith('-') && t !== '-') throw new UsageError(`unknown option '${t}'`);
          if (merge !== null) { merge.push(t); break; }
          if (file !== undefined) throw new UsageError('only one input file');
          file = t;
      }
    }
    if (merge === null && file === undefined) throw new UsageError('no input file');
  } catch (e) {
    if (e instanceof UsageError || e instanceof SpecError) { process.stderr.write(`x86lab explore: ${e.message}\n${usage}`); return 2; }
    throw e;
  }
  let parts: Partial[] = [];
  let opts = o;
  if (merge !== null) {
    try { parts = merge.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Partial); } catch (e) { process.stderr.write(`x86lab explore: --merge: ${(e as Error).message}\n`); return 2; }
    if (parts.length === 0 || parts.some((p) => p.format !== PARTIAL || JSON.stringify(p.options) !== JSON.stringify(parts[0].options))) {
      process.stderr.write('x86lab explore: --merge: the files are not partial reports of one exploration (same file and options)\n');
      return 2;
    }
    opts = parts[0].options;
  } else opts.file = file!;
  let x: MultiExplorer;
  try {
    x = new MultiExplorer(opts);
  } catch (e) {
    if (e instanceof LoadError) { process.stderr.write(`${opts.file}: Assembler messages:\n${e.message}\n`); return 1; }
    if (e instanceof SpecError) { process.stderr.write(`x86lab explore: ${e.message}\n`); return 2; }
    throw e;
  }
  let results: MultiUnitResult[];
  if (merge !== null) results = parts.flatMap((p) => p.units);
  else {
    const units = shard ? x.shardUnits(shard.k, shard.n) : x.units.map((_, i) => i);
    results = await runUnits(x, units, jobs);
    if (shard) {
      const failed = results.reduce((s, u) => s + u.failed, 0);
      const text = `explore ${opts.file}: shard ${shard.k}/${shard.n}: ${results.length} of ${x.units.length} first decisions, ${results.reduce((s, u) => s + u.trials, 0)} trials, ${failed} failed (merge the --json outputs with --merge for the report)\n`;
      const p: Partial = { format: PARTIAL, options: opts, units: results };
      if (json === '-') process.stdout.write(JSON.stringify(p) + '\n');
      else { if (json !== undefined) writeFileSync(json, JSON.stringify(p) + '\n'); if (!quiet) process.stdout.write(text); }
      return failed ? 1 : 0;
    }
  }
  const text = renderMultiText(x, results, details);
  const js = renderMultiJson(x, results);
  if (json === '-') process.stdout.write(js);
  else { if (json !== undefined) writeFileSync(json, js); if (!quiet) process.stdout.write(text); }
  const failed = (x.baselineFailure() ? 1 : 0) + results.reduce((s, u) => s + u.failed, 0);
  return failed ? 1 : 0;
}
