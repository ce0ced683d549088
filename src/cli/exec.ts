// x86lab exec: run a CPU snapshot (or a batch of them) and write the resulting snapshot(s).
// User-mode semantics only: no IDT is consulted, so an exception stops the run (issue 5); the
// system-level model (src/cpu/system/) is used by `x86lab run`.

import { inputLines, IoError, OutputFile, prepareOutput, readInputText, type OutputTarget } from './io.js';
import { loadSnapshot, dumpSnapshot, SnapshotError } from '../cpu/snapshot.js';
import { run as runCpu, DEFAULT_MAX_STEPS } from '../cpu/exec.js';
import { bigToCanon, type CpuMode } from '../cpu/state.js';
import type { CpuProfile } from '../cpu/profiles.js';
import { profileFromOption } from './host-cpu.js';

export const usage = `usage: x86lab exec [--64|--32] [--cpu intel|amd|host] --state IN.json [--steps N] [--until ADDR] [--dump OUT.json]
       x86lab exec [--64|--32] [--cpu intel|amd|host] --batch IN.jsonl OUT.jsonl [--steps N] [--until ADDR]

Loads a snapshot, runs it until hlt, the --until address, the step limit (default ${DEFAULT_MAX_STEPS},
always on) or an exception, and writes the resulting snapshot (to --dump, else stdout).
A snapshot's own "until"/"steps" override the flags. --batch runs one snapshot per line.
--cpu picks whose undefined flags and quirks to reproduce (default host: this machine's vendor,
Intel where it is neither).

Snapshot: {"mode":64,"cpl":3,"regs":{"rax":"0x…",…,"rip":"0x…","rflags":"0x…"},
           "memory":[{"addr":"0x…","hex":"…","perm":"rwx"}]}
Output adds "stop": "hlt"|"until"|"steps"|"exception", and "vector"/"error_code" for an exception.
`;

interface Opts { mode?: CpuMode; cpu?: CpuProfile; state?: string; dump?: string; batch?: [string, string]; steps?: number; until?: bigint }

function parseArgs(argv: string[]): Opts | string {
  const o: Opts = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const need = (): string => {
      const v = argv[++k];
      if (v === undefined) throw new Error(`option ${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--64': o.mode = 64; break;
      case '--32': o.mode = 32; break;
      case '--cpu': {
        const p = profileFromOption(need());
        if (typeof p === 'string') throw new Error(p);
        o.cpu = p;
        break;
      }
      case '--state': o.state = need(); break;
      case '--dump': o.dump = need(); break;
      case '--batch': { const i = need(); const out = need(); o.batch = [i, out]; break; }
      case '--steps': {
        const v = need();
        if (!/^\d+$/.test(v)) throw new Error(`--steps: expected a non-negative integer, got '${v}'`);
        o.steps = Number(v);
        break;
      }
      case '--until': {
        const v = need();
        if (!/^(0x[0-9a-f]+|\d+)$/i.test(v)) throw new Error(`--until: expected an address like 0x401000, got '${v}'`);
        o.until = BigInt(v);
        break;
      }
      default:
        if (!o.state && !a.startsWith('-')) { o.state = a; break; }
        throw new Error(`unknown option '${a}'`);
    }
  }
  return o;
}

function runOne(json: unknown, o: Opts): Record<string, unknown> {
  const mode = (typeof json === 'object' && json !== null && (json as { mode?: unknown }).mode === 32) ? 32 : (o.mode ?? 64);
  const snap = loadSnapshot(json, {
    mode: o.mode,
    profile: o.cpu,
    steps: o.steps,
    until: o.until !== undefined ? bigToCanon(o.until, mode as CpuMode) : undefined,
  });
  const res = runCpu(snap.cpu, { maxSteps: snap.steps ?? DEFAULT_MAX_STEPS, until: snap.until });
  return dumpSnapshot(snap, res);
}

/** Deepest JSON nesting a snapshot may have (a real one nests 3 levels). */
const MAX_JSON_DEPTH = 64;

/** Parses a snapshot's JSON, refusing absurd nesting before anything walks it recursively. */
function parseSnapshotJson(text: string): unknown {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inStr = false;
    } else if (c === 34) inStr = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_JSON_DEPTH) throw new SyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === 125 || c === 93) depth--;
  }
  return JSON.parse(text);
}

function fail(message: string): number {
  process.stderr.write(`x86lab exec: ${message}\n`);
  return 1;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(usage); return 0; }
  let o: Opts;
  try {
    const p = parseArgs(argv);
    // --cpu host (the default) reads the machine's vendor once, not per snapshot.
    if (typeof p !== 'string' && p.cpu === undefined) p.cpu = profileFromOption('host') as CpuProfile;
    if (typeof p === 'string') throw new Error(p);
    o = p;
  } catch (e) {
    process.stderr.write(`x86lab exec: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (o.batch) return runBatch(o);
  if (!o.state) { process.stderr.write(`x86lab exec: --state IN.json is required\n${usage}`); return 2; }
  let target: OutputTarget;
  let text: string;
  try {
    // The output is checked first: never the input, and creatable before the run starts.
    target = prepareOutput(o.dump ?? '-', [o.state]);
    text = readInputText(o.state);
  } catch (e) {
    if (e instanceof IoError) return fail(e.message);
    throw e;
  }
  let json: unknown;
  try { json = parseSnapshotJson(text); } catch (e) { return fail(`${o.state}: invalid JSON: ${(e as Error).message}`); }
  let out: Record<string, unknown>;
  try { out = runOne(json, o); } catch (e) {
    if (e instanceof SnapshotError) return fail(`${o.state}: ${e.message}`);
    throw e;
  }
  const f = new OutputFile(target);
  try {
    f.write(JSON.stringify(out, null, 2) + '\n');
    f.commit();
  } catch (e) {
    f.abort();
    if (e instanceof IoError) return fail(e.message);
    throw e;
  }
  return 0;
}

async function runBatch(o: Opts): Promise<number> {
  const [inPath, outPath] = o.batch!;
  let out: OutputFile;
  let lines: Generator<string>;
  try {
    // Checked before anything is opened for writing: a missing input or an output that is the
    // input leaves every file as it was.
    const target = prepareOutput(outPath, [inPath]);
    lines = inputLines(inPath);
    const first = lines.next();
    out = new OutputFile(target);
    lines = prepend(first, lines);
  } catch (e) {
    if (e instanceof IoError) return fail(e.message);
    throw e;
  }
  let bad = 0, n = 0;
  try {
    for (const line of lines) {
      n++;
      if (line.trim() === '') { out.write('\n'); continue; }
      let res: Record<string, unknown>;
      try {
        res = runOne(parseSnapshotJson(line), o);
      } catch (e) {
        // One bad snapshot must not sink the batch: report it in place, keep line numbers aligned.
        if (e instanceof IoError) throw e;
        bad++;
        const msg = e instanceof SnapshotError || e instanceof SyntaxError ? e.message : `cannot run this snapshot: ${(e as Error).message}`;
        process.stderr.write(`x86lab exec: ${inPath}:${n}: ${msg}\n`);
        res = { error: msg };
      }
      out.write(JSON.stringify(res) + '\n');
    }
    out.commit();
  } catch (e) {
    out.abort();
    if (e instanceof IoError) return fail(e.message);
    throw e;
  }
  return bad > 0 ? 1 : 0;
}

/** The generator with its already-read first result put back in front. */
function* prepend(first: IteratorResult<string>, rest: Generator<string>): Generator<string> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}
