// Start-up benchmark: short commands run as a whole process, the way a user or a build script
// calls x86lab, side by side with their GNU peers and with node's own start-up (`node -e 0`, the
// floor no node program goes under). The contestants run interleaved round by round, so a burst of
// load on the shared machine hits all of them alike; each figure is the median of the rounds.
//
//   x86lab as (bin)           node bin/x86lab.js as: the `as` bundle (dist/cli/bundle-as.cjs) with
//                             V8's code cache (warmed first); `dis` has a bundle of its own too
//   x86lab as (no cache)      the same with X86LAB_CODE_CACHE=0: the bundle compiled on every run
//   x86lab as (ES modules)    dist/cli/main.js imported directly: the ~120 modules tsc writes,
//                             which is what bin/x86lab.js ran before the bundle
//   x86lab dis -d             the one-line object disassembled, beside objdump -d
//   x86lab run                a two-instruction program assembled, linked and run to its hlt
//   x86lab --version          the launcher and the bundle with no command to run
//   ... (no extra CA)         where NODE_EXTRA_CA_CERTS is set (as in some sandboxes and CI), node
//                             parses its whole root certificate store at every start, before any
//                             script runs (~45 ms of CPU here): node -e 0 and x86lab as once more
//                             without it, to show node's own start-up as most users have it
//   npx x86lab ...            through npm's npx from a project that has x86lab installed (a
//                             node_modules/.bin link made here in bench/out/, as `npm install`
//                             makes one): npm's own start-up included. In this repository itself
//                             npx does more: it installs the package into its own cache first.
//
// CPU time is perf's task-clock where `perf stat` runs (exact), else the reaped children's CPU
// from /proc (10 ms ticks). On a loaded machine wall time mostly measures the queue: compare CPU.
//
// Usage: node bench/startup.bench.mjs   (or `node bench/run.mjs startup`)
// Env:   BENCH_RUNS=N  rounds (default 15);  BENCH_NPX=0  leaves the npx rows out

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BENCH_DIR = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
const ROOT = join(BENCH_DIR, '..');
const OUT = join(BENCH_DIR, 'out');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));
const NPX = process.env.BENCH_NPX !== '0';
mkdirSync(OUT, { recursive: true });

const src = join(OUT, 'one-line.s');
writeFileSync(src, '\tmovl $1, %eax\n');
const prog = join(OUT, 'one-run.S');
writeFileSync(prog, '\t.globl _start\n_start:\n\tmovl $1, %eax\n\thlt\n');
const bin = join(ROOT, 'bin', 'x86lab.js');
const esm = `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)};` +
  `main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;

// A project with x86lab installed: node_modules/x86lab -> this repository, and its bin link.
const project = join(OUT, 'npx-project');
rmSync(project, { recursive: true, force: true });
mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
writeFileSync(join(project, 'package.json'), '{ "name": "startup-bench-project", "private": true }\n');
symlinkSync(ROOT, join(project, 'node_modules', 'x86lab'));
symlinkSync(join('..', 'x86lab', 'bin', 'x86lab.js'), join(project, 'node_modules', '.bin', 'x86lab'));

const node = process.execPath;
const EXTRA_CA = !!process.env.NODE_EXTRA_CA_CERTS;
const gnuObj = join(OUT, 'one-gnu.o');
const contestants = [
  { group: 'as', name: 'GNU as', cmd: 'as', args: ['--64', '-o', gnuObj, src] },
  { group: 'as', name: 'node -e 0 (floor)', cmd: node, args: ['-e', '0'] },
  { group: 'as', name: 'x86lab as (bin)', cmd: node, args: [bin, 'as', '-o', join(OUT, 'one-bin.o'), src] },
  ...(EXTRA_CA ? [
    { group: 'as', name: 'node -e 0 (no extra CA)', cmd: node, args: ['-e', '0'], unset: ['NODE_EXTRA_CA_CERTS'] },
    { group: 'as', name: 'x86lab as (no extra CA)', cmd: node, args: [bin, 'as', '-o', join(OUT, 'one-noca.o'), src], unset: ['NODE_EXTRA_CA_CERTS'] },
  ] : []),
  { group: 'as', name: 'x86lab as (no cache)', cmd: node, args: [bin, 'as', '-o', join(OUT, 'one-nc.o'), src], env: { X86LAB_CODE_CACHE: '0' } },
  { group: 'as', name: 'x86lab as (ES modules)', cmd: node, args: ['--input-type=module', '-e', esm, 'as', '-o', join(OUT, 'one-esm.o'), src] },
  ...(NPX ? [{ group: 'as', name: 'npx x86lab as', cmd: 'npx', args: ['--no-install', 'x86lab', 'as', '-o', join(OUT, 'one-npx.o'), src], cwd: project }] : []),
  { group: 'dis', name: 'objdump -d', cmd: 'objdump', args: ['-d', gnuObj] },
  { group: 'dis', name: 'x86lab dis -d (bin)', cmd: node, args: [bin, 'dis', '-d', gnuObj] },
  { group: 'run', name: 'x86lab run (bin)', cmd: node, args: [bin, 'run', prog] },
  { group: 'version', name: 'x86lab --version (bin)', cmd: node, args: [bin, '--version'] },
  ...(NPX ? [{ group: 'version', name: 'npx x86lab --version', cmd: 'npx', args: ['--no-install', 'x86lab', '--version'], cwd: project }] : []),
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

const perfOut = join(OUT, 'startup-perf.txt');
const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', '-o', perfOut, 'true']).status === 0;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function runOnce(c) {
  const k = kidsCpu();
  const [cmd, args] = perf ? ['perf', ['stat', '-x,', '-e', 'task-clock', '-o', perfOut, c.cmd, ...c.args]] : [c.cmd, c.args];
  const t = performance.now();
  const env = { ...process.env, ...c.env };
  for (const k of c.unset ?? []) delete env[k];
  const r = spawnSync(cmd, args, { cwd: c.cwd ?? ROOT, encoding: 'utf8', env });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${c.name} failed (${r.status}): ${r.stderr || r.error}`);
  let cpu = kidsCpu() - k;
  if (perf) cpu = Number(readFileSync(perfOut, 'utf8').split('\n').find((l) => l.includes('task-clock'))?.split(',')[0]);
  return { wall, cpu, stdout: r.stdout };
}

// Warm-up (also writes the code caches) and a correctness check: every x86lab object equals
// GNU's, and x86lab's disassembly of it reads as objdump's.
const warm = contestants.map((c) => runOnce(c));
const gnu = readFileSync(gnuObj);
for (const f of ['one-bin.o', 'one-nc.o', 'one-esm.o', ...(EXTRA_CA ? ['one-noca.o'] : []), ...(NPX ? ['one-npx.o'] : [])]) {
  if (!readFileSync(join(OUT, f)).equals(gnu)) throw new Error(`${f} differs from GNU as's object`);
}
const dis = (name) => warm[contestants.findIndex((c) => c.name === name)].stdout;
if (dis('x86lab dis -d (bin)') !== dis('objdump -d')) throw new Error("x86lab dis -d differs from objdump -d");

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
console.log(`short commands, ${RUNS} interleaved rounds; ${cpuModel}, node ${process.version}, load ${load}`);
console.log(`times in ms, medians; CPU = user+sys ${perf ? "(perf task-clock)" : '(/proc, 10 ms ticks)'}\n`);
const at = (name) => contestants.findIndex((c) => c.name === name);
const floor = median(times[at('node -e 0 (floor)')].cpu);
const peerOf = { as: 'GNU as', dis: 'objdump -d' };
console.log(`${'contestant'.padEnd(24)} ${'wall'.padStart(7)} ${'CPU'.padStart(7)}  ${'CPU / GNU'.padStart(9)}  ${'CPU - node floor'.padStart(16)}`);
let group = '';
contestants.forEach((c, i) => {
  if (c.group !== group && group) console.log('');
  group = c.group;
  const w = median(times[i].wall), u = median(times[i].cpu);
  const peer = peerOf[c.group] && c.cmd === node ? median(times[at(peerOf[c.group])].cpu) : undefined;
  // Each over its own floor: the rows without NODE_EXTRA_CA_CERTS over node -e 0 without it.
  const own = c.unset ? median(times[at('node -e 0 (no extra CA)')].cpu) : floor;
  const overFloor = c.cmd === node && !c.name.startsWith('node -e 0') ? (u - own).toFixed(1) : '';
  console.log(`${c.name.padEnd(24)} ${w.toFixed(1).padStart(7)} ${u.toFixed(1).padStart(7)}  ${(peer ? `${(u / peer).toFixed(0)}x` : '').padStart(9)}  ${overFloor.padStart(16)}`);
});
const bw = median(times[at('x86lab as (bin)')].wall), bc = median(times[at('x86lab as (bin)')].cpu);
console.log(`\ntarget: x86lab as (bin) <= 60 ms whole process: ${bw <= 60 ? 'met' : 'NOT met'} (wall ${bw.toFixed(1)} ms, CPU ${bc.toFixed(1)} ms; node's own start-up here: CPU ${floor.toFixed(1)} ms)`);
if (EXTRA_CA) {
  const nw = median(times[at('x86lab as (no extra CA)')].wall), nc = median(times[at('x86lab as (no extra CA)')].cpu);
  const fc = median(times[at('node -e 0 (no extra CA)')].cpu);
  console.log(`NODE_EXTRA_CA_CERTS is set here: node loads its root certificates at every start. Without it: x86lab as wall ${nw.toFixed(1)} ms, CPU ${nc.toFixed(1)} ms (node -e 0: CPU ${fc.toFixed(1)} ms)`);
}
writeFileSync(join(OUT, 'startup-results.json'), JSON.stringify({ runs: RUNS, load, perf, contestants: contestants.map((c, i) => ({ name: c.name, ...times[i] })) }, null, 2));
rmSync(project, { recursive: true, force: true });
