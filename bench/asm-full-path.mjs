// The assembler's full path per instruction (lexer, parser, operand reading, encoder), as a file
// whose lines all miss the line caches sees it: bench/gen-asm-input.mjs's 200,000-line input through
// x86lab's in-process assemble() with the line cache (state.ts recall) and the shape cache
// (shape-cache.ts replay) made to miss, so every statement takes the full path. CPU time of this
// process, the first (cold) run apart and the median and minimum of the warm ones; each further
// directory given is timed the same way in turn, run by run (e.g. a checkout of another branch, built),
// and its output must equal the first one's.
//
// Usage: node bench/asm-full-path.mjs [--runs N] [OTHER_ROOT...]   (env BENCH_LINES as for asm.bench.mjs)

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, DEFAULT_LINES, writeAsmInput } from './gen-asm-input.mjs';

const args = process.argv.slice(2);
const ri = args.indexOf('--runs');
const RUNS = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 5;
const LINES = Number(process.env.BENCH_LINES ?? DEFAULT_LINES);
const roots = [join(BENCH_DIR, '..'), ...args];
const file = existsSync(join(BENCH_DIR, 'out', 'asm-200k.s')) && LINES === DEFAULT_LINES ? join(BENCH_DIR, 'out', 'asm-200k.s') : writeAsmInput({ lines: LINES });
const src = readFileSync(file, 'utf8');

/** assemble() of a root's dist/, with both line caches missing. */
async function load(root) {
  const url = (p) => pathToFileURL(join(root, 'dist', p)).href;
  const { assemble } = await import(url('asm/assemble.js'));
  const { Assembly } = await import(url('asm/state.js'));
  const { ShapeCache } = await import(url('asm/shape-cache.js'));
  Assembly.prototype.recall = () => undefined;
  ShapeCache.prototype.replay = () => false;
  return assemble;
}

/** A digest of everything assemble() returned that the object file is made of, and its messages. */
function digest(r) {
  const h = createHash('sha1');
  for (const s of r.sections) h.update(s.name).update(s.bytes);
  const big = (_k, v) => (typeof v === 'bigint' ? String(v) : v);
  h.update(JSON.stringify([r.relocations, r.symbols, r.diagnostics], big));
  return h.digest('hex').slice(0, 12);
}

const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const fns = [];
for (const root of roots) fns.push(await load(root));
const times = roots.map(() => []);
const sums = [];
for (let r = 0; r <= RUNS; r++) {
  // (Alternating which root goes first, so that neither always runs after the other's garbage.)
  const order = fns.map((_, k) => k);
  if (r % 2) order.reverse();
  for (const k of order) {
    const assemble = fns[k];
    const t = cpuMs();
    const out = assemble(src, { mode: 64, file: 'bench.s' });
    times[k].push(cpuMs() - t);
    if (r === 0) sums[k] = digest(out);
  }
}
console.log(`# full path, line caches missing: ${LINES} lines, ${RUNS} warm runs after one cold (CPU ms of this process)`);
console.log('| root | cold | warm median | warm min | output |');
console.log('|---|---|---|---|---|');
roots.forEach((root, k) => {
  const warm = times[k].slice(1).sort((a, b) => a - b);
  console.log(`| ${root} | ${times[k][0].toFixed(0)} | ${warm[warm.length >> 1].toFixed(0)} | ${warm[0].toFixed(0)} | ${sums[k]}${sums[k] === sums[0] ? '' : ' DIFFERS'} |`);
});
if (sums.some((s) => s !== sums[0])) process.exitCode = 1;
