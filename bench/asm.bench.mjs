// Assembler benchmark: one generated 200,000-line AT&T file (bench/gen-asm-input.mjs) assembled by
//   GNU as --64 (whole process), `x86lab as -f bin` (whole process), x86lab's in-process assemble(),
//   and @defasm/core (in process),
// with a warm-up and the median of several runs, printed side by side with the ratios issue 2 sets:
// x86lab within 2x of GNU as whole-process, and at least 10x faster than @defasm/core.
// Timing a wrong assembler means nothing, so it first checks x86lab's .text bytes against GNU's
// (`objcopy -O binary -j .text`) and that @defasm/core accepts every line.
//
// Usage: node bench/asm.bench.mjs            (or `npm run bench`, which runs every bench/*.bench.mjs)
// Env:   BENCH_LINES=N       input size (default 200000)
//        BENCH_RUNS=N        timed runs per fast contestant (default 5, after 1 warm-up)
//        BENCH_DEFASM_RUNS=N timed runs of @defasm/core (default 1: one run takes about a minute here;
//                            0 skips it)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, DEFAULT_LINES, writeAsmInput } from './gen-asm-input.mjs';

const ROOT = join(BENCH_DIR, '..');
const OUT = join(BENCH_DIR, 'out');
const LINES = Number(process.env.BENCH_LINES ?? DEFAULT_LINES);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const DEFASM_RUNS = Math.max(0, Number(process.env.BENCH_DEFASM_RUNS ?? 1));

const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rel = (p) => relative(ROOT, p) || '.';

/** CPU ms used so far by this process (all threads) and by its reaped children (Linux /proc). */
function cpuNow() {
  const u = process.cpuUsage();
  let kids = 0;
  try {
    // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th, in clock ticks.
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    kids = ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch { /* not Linux: children's CPU time unknown */ }
  return { self: (u.user + u.system) / 1000, kids };
}

/** Runs `fn` warm times untimed, then `runs` times timed; returns wall and CPU times in ms. */
function timeIt(fn, runs, warm = 1, child = false) {
  for (let i = 0; i < warm; i++) fn();
  const ts = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = cpuNow();
    const t = now();
    fn();
    ts.push(now() - t);
    const c2 = cpuNow();
    cpu.push(child ? c2.kids - c.kids : c2.self - c.self);
  }
  return { ts, cpu };
}

function hasTool(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return r;
}

function firstDiff(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Source line whose bytes cover `.text` offset `off`, from an assemble() listing. */
function lineAt(listing, off) {
  for (const l of listing) if (l.section === '.text' && off >= l.offset && off < l.offset + l.size) return l.line;
  return undefined;
}

function fmtMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const t0 = now();
  const file = writeAsmInput({ lines: LINES });
  const src = readFileSync(file, 'utf8');
  console.log(`# assembler benchmark: ${rel(file)} (${LINES} lines, ${(src.length / 1e6).toFixed(1)} MB, generated in ${fmtMs(now() - t0)})`);

  const distAsm = join(ROOT, 'dist', 'asm', 'assemble.js');
  if (!existsSync(distAsm)) {
    console.log('dist/ is missing: run `npm run build` first.');
    process.exitCode = 1;
    return;
  }
  const { assemble } = await import(pathToFileURL(distAsm).href);
  const x86cli = [join(ROOT, 'bin', 'x86lab.js'), 'as', '--64', '-f', 'bin', '-o', join(OUT, 'asm-x86lab.bin'), file];

  const gnu = hasTool('as') && hasTool('objcopy');
  const gnuObj = join(OUT, 'asm-gnu.o');
  const results = [];
  const problems = [];

  // --- correctness first -------------------------------------------------------------------
  const mine = assemble(src, { mode: 64, file: rel(file) });
  const myText = mine.sections.find((s) => s.name === '.text')?.bytes ?? new Uint8Array(0);
  const myWarnings = mine.diagnostics.filter((d) => d.severity !== 'error').length;
  if (mine.errors) {
    const first = mine.diagnostics.find((d) => d.severity === 'error');
    problems.push(`x86lab reports ${mine.errors} errors (first: line ${first?.loc?.line}: ${first?.message})`);
  }
  const cli = run(process.execPath, x86cli);
  if (cli.status !== 0) problems.push(`x86lab as exited ${cli.status}: ${cli.stderr.split('\n').slice(0, 3).join(' | ')}`);
  const cliText = existsSync(x86cli[6]) ? readFileSync(x86cli[6]) : new Uint8Array(0);
  if (firstDiff(cliText, myText) !== -1) problems.push('x86lab CLI bytes differ from in-process assemble() bytes');

  let gnuWarnings = 0;
  if (gnu) {
    const a = run('as', ['--64', '-o', gnuObj, file]);
    if (a.status !== 0) problems.push(`GNU as rejected the input: ${a.stderr.split('\n').slice(0, 3).join(' | ')}`);
    gnuWarnings = (a.stderr.match(/: Warning: /g) ?? []).length;
    const gnuBin = join(OUT, 'asm-gnu.bin');
    run('objcopy', ['-O', 'binary', '-j', '.text', gnuObj, gnuBin]);
    const ref = readFileSync(gnuBin);
    const d = firstDiff(ref, myText);
    if (d === -1) console.log(`x86lab .text == GNU as .text: yes (${ref.length} bytes identical)`);
    else {
      const ln = lineAt(mine.listing, d);
      const where = ln ? `, line ${ln}: ${src.split('\n')[ln - 1].trim()}` : '';
      console.log(`x86lab .text == GNU as .text: NO — first difference at offset 0x${d.toString(16)} (GNU ${ref.length} bytes, x86lab ${myText.length})${where}`);
      problems.push('x86lab bytes differ from GNU as: the timings below are of a wrong assembler');
    }
  } else console.log('GNU as/objcopy not found: no byte check and no GNU timing');
  if (myWarnings !== gnuWarnings) {
    const w = mine.diagnostics.find((d) => d.severity !== 'error');
    problems.push(`x86lab gives ${myWarnings} warnings, GNU as ${gnuWarnings} (first: line ${w?.loc?.line}: ${w?.message})`);
  }

  let defasm;
  try {
    defasm = await import('@defasm/core');
  } catch {
    console.log('@defasm/core not installed (npm install): skipped');
  }

  // --- timings -----------------------------------------------------------------------------
  if (gnu) {
    results.push({ name: 'GNU as --64 (whole process)', key: 'gnu', ...timeIt(() => run('as', ['--64', '-o', gnuObj, file]), RUNS, 1, true) });
  }
  results.push({
    name: 'x86lab as -f bin (whole process)',
    key: 'x86cli',
    ...timeIt(() => run(process.execPath, x86cli), RUNS, 1, true),
  });
  results.push({
    name: 'x86lab assemble() (in process)',
    key: 'x86lib',
    ...timeIt(() => assemble(src, { mode: 64, file: rel(file) }), RUNS),
  });
  if (defasm && DEFASM_RUNS > 0) {
    let state;
    const t = timeIt(() => {
      state = new defasm.AssemblyState();
      state.compile(src);
      for (const s of state.sections) s.head.dump();
    }, DEFASM_RUNS, 0);
    results.push({ name: '@defasm/core compile() (in process)', key: 'defasm', ...t });
    const errs = state.errors;
    if (errs.length) {
      const lineOf = (i) => { let n = 1; for (let k = 0; k < i; k++) if (src.charCodeAt(k) === 10) n++; return n; };
      const shown = errs.slice(0, 5).map((e) => `line ${lineOf(e.range.start)}: ${e.message}`);
      problems.push(`@defasm/core rejects ${errs.length} lines (${shown.join('; ')})`);
    } else console.log('@defasm/core: accepts every line (0 errors)');
    if (gnu) {
      const text = state.sections.find((s) => s.name === '.text')?.head.dump() ?? new Uint8Array(0);
      const d = firstDiff(readFileSync(join(OUT, 'asm-gnu.bin')), text);
      console.log(`@defasm/core .text == GNU as .text: ${d === -1 ? 'yes' : `no (first difference at offset 0x${d.toString(16)}; it makes other encoding choices)`}`);
    }
  }
  rmSync(gnuObj, { force: true });

  // --- table -------------------------------------------------------------------------------
  // Wall time is what the targets speak of; CPU time (user+sys, incl. node's GC/JIT threads) is
  // printed beside it because it moves much less when other work shares the machine.
  const by = Object.fromEntries(results.map((r) => [r.key, median(r.ts)]));
  const byCpu = Object.fromEntries(results.map((r) => [r.key, median(r.cpu)]));
  const base = by.gnu;
  console.log('');
  console.log(`| assembler | wall median | min | max | runs | vs GNU as | CPU median | CPU vs GNU as |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of results) {
    const m = median(r.ts);
    const c = median(r.cpu);
    const vs = base ? `${(m / base).toFixed(2)}x` : '-';
    const cvs = byCpu.gnu ? `${(c / byCpu.gnu).toFixed(2)}x` : '-';
    console.log(`| ${r.name} | ${fmtMs(m)} | ${fmtMs(Math.min(...r.ts))} | ${fmtMs(Math.max(...r.ts))} | ${r.ts.length} | ${vs} | ${fmtMs(c)} | ${cvs} |`);
  }
  console.log('');
  const ratios = {};
  const pair = (a, b) => `${(by[a] / by[b]).toFixed(2)}x wall, ${(byCpu[a] / byCpu[b]).toFixed(2)}x CPU`;
  if (base) {
    ratios.x86cliVsGnu = by.x86cli / base;
    ratios.x86cliVsGnuCpu = byCpu.x86cli / byCpu.gnu;
    console.log(`x86lab (whole process) / GNU as: ${pair('x86cli', 'gnu')}  (target <= 2x wall: ${ratios.x86cliVsGnu <= 2 ? 'met' : 'NOT met'})`);
    console.log(`x86lab assemble() (in process) / GNU as (whole process): ${pair('x86lib', 'gnu')}`);
  }
  if (by.defasm) {
    ratios.defasmVsX86lib = by.defasm / by.x86lib;
    ratios.defasmVsX86cli = by.defasm / by.x86cli;
    console.log(`@defasm/core / x86lab assemble() (both in process): ${pair('defasm', 'x86lib')}  (target >= 10x wall: ${ratios.defasmVsX86lib >= 10 ? 'met' : 'NOT met'})`);
    console.log(`@defasm/core (in process) / x86lab (whole process): ${pair('defasm', 'x86cli')}`);
    if (base) console.log(`@defasm/core (in process) / GNU as (whole process): ${pair('defasm', 'gnu')}`);
  }
  for (const p of problems) console.log(`PROBLEM: ${p}`);
  writeFileSync(join(OUT, 'asm-results.json'), JSON.stringify({ lines: LINES, medianMs: by, medianCpuMs: byCpu, ratios, problems, runs: results }, null, 2) + '\n');
  // Wrong bytes or rejected input make the numbers meaningless: fail the run.
  if (problems.some((p) => /differ|rejects|rejected|errors \(|exited/.test(p))) process.exitCode = 1;
}

await main();
