// What V8's optimizing compiler costs a whole `x86lab as` (or `x86lab dis`) process, beside the peer's
// whole run: how many TurboFan compiles, their CPU time, which functions were compiled more than once
// and the deoptimizations that made them so. Compilation runs on the main thread here
// (--no-concurrent-recompilation), so each compile's time is CPU time, not time spent waiting for a core.
//
// Usage: node bench/jit-cost.mjs [as|dis] [--top N]
//   as:  the 200,000-line benchmark input (BENCH_LINES as for asm.bench.mjs), peer GNU as --64
//   dis: `dis -d -j .text` of libc (BENCH_DIS_FILE), peer objdump -d -j .text

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, DEFAULT_LINES, writeAsmInput } from './gen-asm-input.mjs';

const ROOT = join(BENCH_DIR, '..');
const OUT = join(BENCH_DIR, 'out');
const mode = process.argv[2] === 'dis' ? 'dis' : 'as';
const ti = process.argv.indexOf('--top');
const TOP = ti >= 0 ? Number(process.argv[ti + 1]) : 15;

let args;
let peer;
if (mode === 'as') {
  const lines = Number(process.env.BENCH_LINES ?? DEFAULT_LINES);
  const file = existsSync(join(OUT, 'asm-200k.s')) && lines === DEFAULT_LINES
    ? join(OUT, 'asm-200k.s')
    : writeAsmInput({ lines });
  args = ['as', '-f', 'bin', '-o', join(OUT, 'jit-cost.bin'), file];
  peer = ['as', ['--64', '-o', join(OUT, 'jit-cost-gnu.o'), file]];
} else {
  const file = process.env.BENCH_DIS_FILE ?? '/lib/x86_64-linux-gnu/libc.so.6';
  args = ['dis', '-d', '-j', '.text', file];
  peer = ['objdump', ['-d', '-j', '.text', file]];
}

const t0 = process.hrtime.bigint();
const r = spawnSync(process.execPath, [
  '--trace-opt', '--trace-deopt', '--no-concurrent-recompilation',
  '--input-type=module', '-e',
  `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)}; main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`,
  ...args,
], { encoding: 'utf8', maxBuffer: 1 << 30 });
const wall = Number(process.hrtime.bigint() - t0) / 1e6;
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(1);
}

// One line per event in node 20 (V8 11.3):
//   [completed compiling 0x… <JSFunction NAME (sfi = 0x…)> (target TURBOFAN) [OSR] - took A, B, C ms]
//   (OSR: compiled while one of its loops was running)
//   [bailout (kind: KIND, reason: REASON): begin. deoptimizing 0x… <JSFunction NAME (sfi = …)>, …
//   [marking dependent code 0x… <Code TURBOFAN> (0x… <SharedFunctionInfo NAME>) (opt id N) for deoptimization, reason: REASON]
const compiles = new Map();
const deopts = new Map();
let compileMs = 0;
let nCompiles = 0;
const bump = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
for (const line of r.stdout.split('\n')) {
  let m = /^\[completed compiling .*<JSFunction (?:(\S+) )?\(sfi.*\(target TURBOFAN\)(?: OSR)? - took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
  if (m) {
    const ms = Number(m[2]) + Number(m[3]) + Number(m[4]);
    compileMs += ms;
    nCompiles++;
    const e = compiles.get(m[1]) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    compiles.set(m[1], e);
    continue;
  }
  m = /^\[bailout \(kind: ([\w-]+), reason: (.*?)\): begin\. deoptimizing \S+ <JSFunction (?:(\S+) )?\(sfi/.exec(line);
  if (m) {
    bump(deopts, `${m[3]}: ${m[1]}, ${m[2]}`, 1);
    continue;
  }
  m = /^\[marking dependent code .*<SharedFunctionInfo (\S*)>\) .*reason: (.*)\]/.exec(line);
  if (m) bump(deopts, `${m[1]}: dependent code, ${m[2]}`, 1);
}

const p0 = process.hrtime.bigint();
const pr = spawnSync(peer[0], peer[1], { stdio: ['ignore', 'ignore', 'pipe'] });
const peerMs = Number(process.hrtime.bigint() - p0) / 1e6;
const peerNote = pr.status === 0 ? `${peerMs.toFixed(0)} ms` : `did not run (${pr.error?.code ?? pr.status})`;

const f = (n) => n.toFixed(0).padStart(6);
console.log(`# x86lab ${args.join(' ')}`);
console.log(`whole process (traced, compiling on the main thread): ${wall.toFixed(0)} ms; ${peer[0]} whole process: ${peerNote}`);
console.log(`TurboFan: ${nCompiles} compiles, ${compileMs.toFixed(0)} ms CPU` +
  (pr.status === 0 ? ` (${(compileMs / peerMs).toFixed(2)}x ${peer[0]}'s whole run)` : ''));
console.log(`deoptimizations: ${[...deopts.values()].reduce((a, b) => a + b, 0)}`);
console.log(`\n## compile time by function (top ${TOP}; n > 1 means compiled again after a deoptimization)`);
for (const [name, e] of [...compiles].sort((a, b) => b[1].ms - a[1].ms).slice(0, TOP)) {
  console.log(`${f(e.ms)} ms  n=${e.n}  ${name || '(anonymous)'}`);
}
console.log('\n## deoptimizations');
for (const [k, n] of [...deopts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${k}`);
