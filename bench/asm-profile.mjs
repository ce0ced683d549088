// Profiles `x86lab as` on the assembler benchmark input with node --cpu-prof and prints where the
// time goes: self time per function and per source file (the .cpuprofile stays in bench/out/prof/
// for Chrome DevTools or speedscope).
//
// Usage: node bench/asm-profile.mjs [--top N]   (env BENCH_LINES as for asm.bench.mjs)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_DIR, DEFAULT_LINES, writeAsmInput } from './gen-asm-input.mjs';

const ROOT = join(BENCH_DIR, '..');
const PROF = join(BENCH_DIR, 'out', 'prof');
const LINES = Number(process.env.BENCH_LINES ?? DEFAULT_LINES);
const ti = process.argv.indexOf('--top');
const TOP = ti >= 0 ? Number(process.argv[ti + 1]) : 30;

const file = existsSync(join(BENCH_DIR, 'out', 'asm-200k.s')) && LINES === DEFAULT_LINES
  ? join(BENCH_DIR, 'out', 'asm-200k.s')
  : writeAsmInput({ lines: LINES });
rmSync(PROF, { recursive: true, force: true });
mkdirSync(PROF, { recursive: true });
const r = spawnSync(process.execPath, [
  '--cpu-prof', '--cpu-prof-dir', PROF, '--cpu-prof-interval', '200',
  // The ES modules rather than bin/x86lab.js's bundle, so that time is attributed to source files.
  '--input-type=module', '-e', `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)}; main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`,
  'as', '-f', 'bin', '-o', join(PROF, 'out.bin'), file,
], { encoding: 'utf8' });
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(1);
}
const name = readdirSync(PROF).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(join(PROF, name), 'utf8'));

// Self time per node = samples hitting it x the mean sampling interval.
const hits = new Map();
for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
const totalUs = prof.endTime - prof.startTime;
const perSample = totalUs / prof.samples.length;
const byFn = new Map();
const byFile = new Map();
const short = (url) => {
  if (!url) return '(native/vm)';
  const p = url.startsWith('file://') ? fileURLToPath(url) : url;
  return p.startsWith(ROOT) ? relative(ROOT, p) : p;
};
for (const n of prof.nodes) {
  const h = hits.get(n.id);
  if (!h) continue;
  const cf = n.callFrame;
  const f = short(cf.url);
  const key = `${cf.functionName || '(anonymous)'}  ${f}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + h);
  byFile.set(f, (byFile.get(f) ?? 0) + h);
}
const ms = (h) => (h * perSample) / 1000;
const pct = (h) => ((100 * h) / prof.samples.length).toFixed(1);
console.log(`# x86lab as on ${relative(ROOT, file)}: ${(totalUs / 1000).toFixed(0)} ms profiled (${join(relative(ROOT, PROF), name)})`);
console.log('\n## self time by function');
for (const [k, h] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(h).toFixed(0).padStart(7)} ms ${pct(h).padStart(5)}%  ${k}`);
console.log('\n## self time by file');
for (const [k, h] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(h).toFixed(0).padStart(7)} ms ${pct(h).padStart(5)}%  ${k}`);
