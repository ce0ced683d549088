// Start-up benchmark: a one-line file assembled as a whole process, the way a user or a build
// script calls x86lab, side by side with GNU as and with node's own start-up (`node -e 0`, the
// floor no node program goes under). The contestants run interleaved round by round, so a burst of
// load on the shared machine hits all of them alike; each figure is the median of the rounds.
//
//   x86lab as (bin)           node bin/x86lab.js as: the bundle with V8's code cache (warmed first)
//   x86lab as (no cache)      the same with X86LAB_CODE_CACHE=0: the bundle compiled on every run
//   x86lab as (ES modules)    dist/cli/main.js imported directly: the ~120 modules tsc writes,
//                             which is what bin/x86lab.js ran before the bundle
//   npx x86lab as             through npm's npx from the repository (npm's own start-up included)
//
// Usage: node bench/startup.bench.mjs   (or `node bench/run.mjs startup`)
// Env:   BENCH_RUNS=N  rounds (default 15)

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BENCH_DIR = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
const ROOT = join(BENCH_DIR, '..');
const OUT = join(BENCH_DIR, 'out');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));
mkdirSync(OUT, { recursive: true });

const src = join(OUT, 'one-line.s');
writeFileSync(src, '\tmovl $1, %eax\n');
const bin = join(ROOT, 'bin', 'x86lab.js');
const esm = `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)};` +
  `main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;

const contestants = [
  { name: 'GNU as', cmd: 'as', args: ['--64', '-o', join(OUT, 'one-gnu.o'), src] },
  { name: 'node -e 0 (floor)', cmd: process.execPath, args: ['-e', '0'] },
  { name: 'x86lab as (bin)', cmd: process.execPath, args: [bin, 'as', '-o', join(OUT, 'one-bin.o'), src] },
  { name: 'x86lab as (no cache)', cmd: process.execPath, args: [bin, 'as', '-o', join(OUT, 'one-nc.o'), src], env: { X86LAB_CODE_CACHE: '0' } },
  { name: 'x86lab as (ES modules)', cmd: process.execPath, args: ['--input-type=module', '-e', esm, 'as', '-o', join(OUT, 'one-esm.o'), src] },
  { name: 'npx x86lab as', cmd: 'npx', args: ['--no-install', 'x86lab', 'as', '-o', join(OUT, 'one-npx.o'), src] },
];

/** CPU ms of this process's reaped children (Linux /proc: cutime + cstime, clock ticks of 10 ms). */
function kidsCpu() {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function runOnce(c) {
  const k = kidsCpu();
  const t = performance.now();
  const r = spawnSync(c.cmd, c.args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...c.env } });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${c.name} failed (${r.status}): ${r.stderr || r.error}`);
  return { wall, cpu: kidsCpu() - k };
}

// Warm-up (also writes the code cache) and a correctness check: every x86lab object equals GNU's.
for (const c of contestants) runOnce(c);
const gnu = readFileSync(join(OUT, 'one-gnu.o'));
for (const f of ['one-bin.o', 'one-nc.o', 'one-esm.o', 'one-npx.o']) {
  if (!readFileSync(join(OUT, f)).equals(gnu)) throw new Error(`${f} differs from GNU as's object`);
}

const times = contestants.map(() => ({ wall: [], cpu: [] }));
for (let r = 0; r < RUNS; r++) {
  contestants.forEach((c, i) => {
    const t = runOnce(c);
    times[i].wall.push(t.wall);
    times[i].cpu.push(t.cpu);
  });
}

const cpuModel = (() => {
  try { return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?'; } catch { return '?'; }
})();
let load = '?';
try { load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { /* not Linux */ }
console.log(`one-line file, ${RUNS} interleaved rounds; ${cpuModel}, node ${process.version}, load ${load}`);
console.log('times in ms (median wall, median CPU user+sys; CPU is in 10 ms ticks)\n');
const floor = median(times[1].wall);
console.log(`${'contestant'.padEnd(24)} ${'wall'.padStart(7)} ${'CPU'.padStart(7)}  ${'wall / GNU'.padStart(10)}  ${'wall - node floor'.padStart(17)}`);
const gnuWall = median(times[0].wall);
contestants.forEach((c, i) => {
  const w = median(times[i].wall), u = median(times[i].cpu);
  console.log(`${c.name.padEnd(24)} ${w.toFixed(1).padStart(7)} ${u.toFixed(0).padStart(7)}  ${(w / gnuWall).toFixed(1).padStart(10)}  ${(w - floor).toFixed(1).padStart(17)}`);
});
const bw = median(times[2].wall);
console.log(`\ntarget: x86lab as (bin) <= 60 ms whole process: ${bw <= 60 ? 'met' : 'NOT met'} (${bw.toFixed(1)} ms; node's own start-up here ${floor.toFixed(1)} ms)`);
writeFileSync(join(OUT, 'startup-results.json'), JSON.stringify({ runs: RUNS, load, contestants: contestants.map((c, i) => ({ name: c.name, ...times[i] })) }, null, 2));
