// Explorer benchmark (issue 14): trials per second per core on examples/nmi-in-int3.S at depth 1
// (every boundary of the run, in process, after a warm-up; target >= 5,000/s/core), and the
// wall time of depth 2 over the whole int3 path (asm_exc_int3 .. do_int3's end, i.e. every first
// NMI inside the int3 handler and every second one after it) with `x86lab explore --jobs 2`
// (target < 60 s on 2 cores).
//
// Usage: node bench/explore.bench.mjs      (or `npm run bench explore`; needs `npm run build`)
// Times: depth 1 is CPU time of this process; depth 2 is wall time and CPU time of the child.
// Env:   BENCH_RUNS=N  timed depth-1 passes (median; default 5)

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const { Explorer, defaultOptions } = await import(join(ROOT, 'dist', 'harness', 'explore.js'));

const rows = [];
for (const defines of [[], ['POPF_RET']]) {
  const x = new Explorer({ ...defaultOptions(join(ROOT, 'examples', 'nmi-in-int3.S')), defines });
  const pass = () => { let n = 0; for (const i of x.units) n += x.runUnit(i).trials; return n; };
  for (let w = 0; w < 20; w++) pass(); // warm-up: decode caches, JIT of the host
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    let n = 0;
    for (let k = 0; k < 20; k++) n += pass();
    const c = process.cpuUsage(c0);
    rates.push(n / ((c.user + c.system) / 1e6));
  }
  rows.push([`depth 1, ${defines.length ? 'popf' : 'iretq'} design (${x.units.length} trials/pass)`, `${Math.round(median(rates)).toLocaleString('en-US')} trials/s/core`, '>= 5,000']);
}

const bin = join(ROOT, 'bin', 'x86lab.js');
for (const defines of [[], ['POPF_RET']]) {
  const args = [bin, 'explore', 'examples/nmi-in-int3.S', '--depth', '2', '--within', 'asm_exc_int3..asm_exc_nmi', '--jobs', '2', '-q', '--json', '-',
    ...defines.flatMap((d) => ['-D', d])];
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
  const wall = (Date.now() - t0) / 1000;
  const rep = JSON.parse(r.stdout);
  rows.push([`depth 2, int3 path, ${defines.length ? 'popf' : 'iretq'} design, --jobs 2 (${rep.trials} trials, ${rep.failed} fail)`, `${wall.toFixed(1)} s wall`, '< 60 s']);
}

const w0 = Math.max(...rows.map((r) => r[0].length)), w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${'measure'.padEnd(w0)}  ${'result'.padEnd(w1)}  target`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
