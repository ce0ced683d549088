// `npm run fuzz`: a seeded, time-boxed fuzz campaign over as, dis, exec and run (issue 10).
//
//   npm run fuzz -- [--seconds 60] [--seed N] [--mode child|inproc] [--keep DIR] [--case I]
//
// child (default): each case runs as `node bin/x86lab.js` (build first) under a 20 s limit with
// its peak RSS measured, so hangs, native aborts and memory show up; inproc: the commands' `run`
// in this process, about 50 times faster, for exceptions, messages and file safety only.
// Findings are printed with the seed and case index that reproduce them (`--case I` reruns one,
// leaving its files in --keep DIR). Exit status 1 when anything was found.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCase } from '../test/fuzz/cases.js';
import { runChild, runInProcess, type Outcome } from '../test/fuzz/runner.js';

interface Opts { seconds: number; seed: number; mode: 'child' | 'inproc'; keep?: string; only?: number }

function parse(argv: string[]): Opts {
  const o: Opts = { seconds: 60, seed: Date.now() % 1_000_000, mode: 'child' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1];
    if (a === '--seconds') { o.seconds = Number(v); i++; }
    else if (a === '--seed') { o.seed = Number(v); i++; }
    else if (a === '--mode') { o.mode = v === 'inproc' ? 'inproc' : 'child'; i++; }
    else if (a === '--keep') { o.keep = v; i++; }
    else if (a === '--case') { o.only = Number(v); i++; }
    else { process.stderr.write(`fuzz: unknown option '${a}'\n`); process.exit(2); }
  }
  return o;
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  const base = o.keep ?? mkdtempSync(join(tmpdir(), 'x86lab-fuzz-'));
  const deadline = Date.now() + o.seconds * 1000;
  let n = 0, bad = 0, maxRss = 0, maxMs = 0;
  const kinds = new Map<string, number>();
  process.stdout.write(`fuzz: seed ${o.seed}, mode ${o.mode}, ${o.only !== undefined ? `case ${o.only}` : `${o.seconds} s`}\n`);
  for (let i = o.only ?? 0; o.only !== undefined ? i === o.only : Date.now() < deadline; i++) {
    const c = makeCase(o.seed, i);
    const dir = join(base, `case-${i}`);
    const r: Outcome = o.mode === 'child' ? runChild(c, dir) : await runInProcess(c, dir);
    n++;
    maxRss = Math.max(maxRss, r.rssKb ?? 0);
    maxMs = Math.max(maxMs, r.ms);
    kinds.set(c.cmd, (kinds.get(c.cmd) ?? 0) + 1);
    if (r.findings.length) {
      bad++;
      process.stdout.write(`\nFINDING seed=${o.seed} case=${i}: x86lab ${c.cmd} ${c.argv.join(' ').slice(0, 200)}  (${c.note})\n`);
      for (const f of r.findings) process.stdout.write(`  ${f.kind}: ${f.detail.slice(0, 400)}\n`);
    } else if (o.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
  if (o.keep === undefined) rmSync(base, { recursive: true, force: true });
  process.stdout.write(`\nfuzz: ${n} cases (${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}), ${bad} with findings; slowest ${maxMs} ms${maxRss ? `, peak RSS ${Math.round(maxRss / 1024)} MiB` : ''}\n`);
  return bad ? 1 : 0;
}

main().then((c) => { process.exitCode = c; });
