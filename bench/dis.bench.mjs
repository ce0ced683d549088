// `x86lab dis` against GNU objdump as whole processes: the same file and flags, runs alternating
// between the two so that machine load hits both alike, the median of each printed with the ratio.
// Output goes to a file (as `> out.txt`) and to a pipe (as `| cat > /dev/null`; this process reads
// the pipe), since node writes the two differently. The lines where the two outputs differ are counted.
// Issue 16's target: x86lab at least 2x faster than objdump.
//
// Usage: node bench/dis.bench.mjs      (needs `npm run build` for dist/)
// Env:   BENCH_DIS_FILE=path   ELF file (default libc.so.6, else /bin/ls)
//        BENCH_RUNS=N          runs of each contestant per case (default 7)
//        BENCH_DIS_CASES=all   also -M intel and -w (default: -d -j .text only)
//        BENCH_DIS_BIN=path    another build's bin/x86lab.js (to measure before/after)

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const FILE = [process.env.BENCH_DIS_FILE, '/lib/x86_64-linux-gnu/libc.so.6', '/bin/ls'].filter(Boolean).find((f) => existsSync(f));
const OUT = join(ROOT, 'bench', 'out');
const BIN = process.env.BENCH_DIS_BIN ?? join(ROOT, 'bin', 'x86lab.js');

const CASES = [['-d', '-j', '.text']];
if (process.env.BENCH_DIS_CASES === 'all') CASES.push(['-d', '-M', 'intel', '-j', '.text'], ['-d', '-w', '-j', '.text']);

/** CPU time (ms) of this process's waited-for children, from /proc/self/stat (cutime + cstime). */
function childCpuMs() {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[13]) + Number(rest[14])) * 1000) / 100; // USER_HZ
}

/** Runs cmd once with its output to `sink` ('file' or 'pipe'); wall and CPU time in ms. */
function once(cmd, args, sink) {
  const c0 = childCpuMs();
  const t0 = performance.now();
  let r;
  if (sink === 'file') {
    const fd = openSync(join(OUT, 'dis-bench.txt'), 'w');
    try {
      r = spawnSync(cmd, args, { stdio: ['ignore', fd, 'inherit'] });
    } finally {
      closeSync(fd);
    }
  } else r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}`);
  return { wall, cpu: childCpuMs() - c0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.log('dis bench: dist/ is missing: run `npm run build` first.');
    return;
  }
  if (spawnSync('objdump', ['--version']).status !== 0) {
    console.log('dis bench: objdump is not installed.');
    return;
  }
  if (!FILE) {
    console.log('dis bench: no ELF file (set BENCH_DIS_FILE).');
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const load0 = loadavg()[0];
  const rows = [];
  for (const flags of CASES) {
    const ours = [process.execPath, [BIN, 'dis', ...flags, FILE]];
    const theirs = ['objdump', [...flags, FILE]];
    const a = spawnSync(ours[0], ours[1], { maxBuffer: 1 << 30 });
    const b = spawnSync(theirs[0], theirs[1], { maxBuffer: 1 << 30 });
    // Lines that differ from objdump's (x86lab prints (bad) for what its ISA table lacks, e.g. AVX-512).
    const al = a.stdout.toString('latin1').split('\n');
    const bl = b.stdout.toString('latin1').split('\n');
    const differing = a.status !== 0 ? NaN : al.length !== bl.length ? Infinity : al.filter((l, i) => l !== bl[i]).length;
    for (const sink of ['file', 'pipe']) {
      const t = { ours: [], theirs: [] };
      for (let i = 0; i < RUNS; i++) {
        t.ours.push(once(ours[0], ours[1], sink));
        t.theirs.push(once(theirs[0], theirs[1], sink));
      }
      const m = (xs, k) => median(xs.map((x) => x[k]));
      rows.push({
        what: `dis ${flags.join(' ')} > ${sink}`, differing, lines: bl.length, mb: a.stdout.length / 1048576,
        oc: m(t.ours, 'cpu'), ow: m(t.ours, 'wall'), tc: m(t.theirs, 'cpu'), tw: m(t.theirs, 'wall'),
      });
    }
  }
  rmSync(join(OUT, 'dis-bench.txt'), { force: true });
  console.log(`\ndis benchmark: ${FILE}, median of ${RUNS} alternating runs each, load average ${load0.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
  console.log('CPU = user+sys of the process; wall includes start-up. ratio = objdump time / x86lab time (>= 2 is issue 16\'s target)');
  const h = (s, n) => s.padStart(n);
  console.log(`${'case'.padEnd(34)} ${h('MiB', 6)} ${h('x86lab cpu', 11)} ${h('objdump cpu', 12)} ${h('ratio', 6)} ${h('x86lab wall', 12)} ${h('objdump wall', 13)} ${h('ratio', 6)}  output`);
  for (const r of rows) {
    console.log(`${r.what.padEnd(34)} ${h(r.mb.toFixed(1), 6)} ${h(r.oc.toFixed(0), 11)} ${h(r.tc.toFixed(0), 12)} ${h((r.tc / r.oc).toFixed(2), 6)} ${h(r.ow.toFixed(0), 12)} ${h(r.tw.toFixed(0), 13)} ${h((r.tw / r.ow).toFixed(2), 6)}  ${r.differing === 0 ? 'identical' : `${r.differing} of ${r.lines} lines differ`}`);
  }
}

main();
