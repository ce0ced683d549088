// GNU as's own i386/x86-64 test suite as the yardstick: every test of binutils'
// gas/testsuite/gas/i386 (each run_dump_test / run_list_test call of i386.exp and x86-64.exp with
// the ASFLAGS in force there, each .d file's `#as:` options and `#source:` input; every .s no test
// names, on its own) is assembled by the local GNU as and by x86lab, and the two objects compared:
// every section's bytes, every relocation, every symbol.
//
//   npm run gas-suite -- BINUTILS_SRC [--jobs N] [--filter RE] [--markdown FILE] [--json FILE] [--verbose]
//
// The test files are only read (BINUTILS_SRC is test input, never part of this repository). The
// expected outputs of the suite (.d/.l) are for binutils' own version; the oracle here is the
// local `as` (GNU 2.40), so a test newer than it shows up as "GNU rejects".
// x86lab runs in process (worker threads over dist/, so `npm run build` first; the npm script
// does it), with a time limit per test.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

import { readObj, R32, R64, type Obj } from '../test/asm/object-view.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Opts { src: string; jobs: number; filter?: RegExp; markdown?: string; json?: string; verbose: boolean; timeoutMs: number }

function parseArgs(argv: string[]): Opts {
  let src: string | undefined;
  const o: Partial<Opts> = { verbose: false, jobs: Math.max(1, Math.min(2, cpus().length)), timeoutMs: 30_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jobs' || a === '-j') o.jobs = Math.max(1, Number(argv[++i]));
    else if (a === '--filter') o.filter = new RegExp(argv[++i]);
    else if (a === '--markdown') o.markdown = argv[++i];
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--timeout') o.timeoutMs = Number(argv[++i]) * 1000;
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (!a.startsWith('-') && src === undefined) src = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!src) throw new Error('usage: gas-suite BINUTILS_SRC [--jobs N] [--filter RE] [--markdown FILE] [--json FILE] [--timeout SEC] [--verbose]');
  return { ...o, src: resolve(src) } as Opts;
}

// ---- the tests --------------------------------------------------------------------------------

interface Test {
  /** The .d file's name (or the run_list_test name), unique per test. */
  id: string;
  /** The .s file assembled, relative to the suite folder. */
  source: string;
  /** ASFLAGS in force, then the test's own options, as words. */
  args: string[];
  /** How the test is named by the suite: dump (.d), list (.l), or none (a .s no test names). */
  kind: 'dump' | 'list' | 'unnamed';
}

/** Splits a Tcl/shell word list (plain words and "..." quoting are all the suite uses). */
function words(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2]);
  return out;
}

/**
 * The test calls of one .exp file with the ASFLAGS each sees. The `if` conditions around them are
 * not evaluated: they test for an ELF x86 target, which the local `as` is.
 */
function expCalls(file: string): { call: 'dump' | 'list'; name: string; opts: string; asflags: string }[] {
  const out: { call: 'dump' | 'list'; name: string; opts: string; asflags: string }[] = [];
  let asflags = '';
  let old = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    let m = /^set old_ASFLAGS "\$ASFLAGS"/.exec(line);
    if (m) { old = asflags; continue; }
    m = /^set ASFLAGS "(.*)"/.exec(line);
    if (m) { asflags = m[1].replace('$old_ASFLAGS', old).replace('$ASFLAGS', asflags).trim(); continue; }
    m = /^run_(dump|list)_test(?:_stdin)?\s+"?([\w.+-]+)"?\s*(?:"([^"]*)")?/.exec(line);
    if (m) out.push({ call: m[1] as 'dump' | 'list', name: m[2], opts: m[3] ?? '', asflags });
  }
  return out;
}

function suiteTests(dir: string): Test[] {
  const tests: Test[] = [];
  const seen = new Set<string>();
  for (const exp of ['i386.exp', 'x86-64.exp']) {
    for (const c of expCalls(join(dir, exp))) {
      const id = c.name;
      if (seen.has(id)) continue;
      if (c.call === 'list') {
        seen.add(id);
        tests.push({ id, source: `${c.name}.s`, args: [...words(c.asflags), ...words(c.opts)], kind: 'list' });
        continue;
      }
      const d = join(dir, `${c.name}.d`);
      if (!existsSync(d)) continue;
      seen.add(id);
      let source = `${c.name}.s`;
      const as: string[] = [];
      for (const l of readFileSync(d, 'utf8').split('\n')) {
        const m = /^#\s*(as|source):\s*(.*)$/.exec(l);
        if (!m) continue;
        if (m[1] === 'source') source = m[2].trim().split(/\s+/)[0];
        else as.push(...words(m[2]));
      }
      tests.push({ id, source, args: [...words(c.asflags), ...as], kind: 'dump' });
    }
  }
  // Every .s no test names (mostly files other tests .include): assembled on its own.
  const named = new Set(tests.map((t) => t.source));
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.s') || named.has(f)) continue;
    const id = f.slice(0, -2);
    if (seen.has(id)) continue;
    tests.push({ id, source: f, args: f.startsWith('x86-64-') ? ['--64'] : ['--32'], kind: 'unnamed' });
  }
  const subst = (a: string): string => a.replace(/\$\{srcdir\}\/\$subdir/g, dir).replace(/\$srcdir\/\$subdir/g, dir);
  for (const t of tests) t.args = t.args.map(subst);
  return tests;
}

// ---- options: what GNU gets, what x86lab gets --------------------------------------------------

interface LabArgs { mode: 32 | 64; includeDirs: string[]; defsyms: [string, string][]; gas: string[]; syntax?: 'att' | 'intel'; nakedReg?: boolean }

/**
 * The test's options as x86lab's assembler takes them, or the first option it does not take.
 * Listing options (-a...) only change the listing, which is not compared.
 */
function labArgs(args: string[], known: (arg: string) => boolean): LabArgs | { unsupported: string } {
  const r: LabArgs = { mode: 64, includeDirs: [], defsyms: [], gas: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--32') r.mode = 32;
    else if (a === '--64') r.mode = 64;
    else if (a === '-I') r.includeDirs.push(args[++i]);
    else if (a.startsWith('-I')) r.includeDirs.push(a.slice(2));
    else if (a === '--defsym' || a === '-defsym') {
      const d = args[++i];
      const eq = d.indexOf('=');
      r.defsyms.push(eq < 0 ? [d, '1'] : [d.slice(0, eq), d.slice(eq + 1)]);
    } else if (a === '-msyntax=intel' || a === '-msyntax=att') r.syntax = a === '-msyntax=intel' ? 'intel' : 'att';
    else if (a === '-mnaked-reg') r.nakedReg = true;
    else if (/^-a[cdghlmns]*(=.*)?$/.test(a) || a.startsWith('--listing-')) continue;
    else if (known(a)) r.gas.push(a);
    else return { unsupported: a };
  }
  return r;
}

// ---- running ------------------------------------------------------------------------------------

function runGnu(args: string[], input: string, out: string, cwd: string): Promise<{ ok: boolean; err: string }> {
  return new Promise((res) => {
    const p = spawn('as', [...args, '-o', out, input], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('close', (code) => res({ ok: code === 0, err }));
  });
}

function objdump(obj: string): Promise<string> {
  return new Promise((res) => {
    const p = spawn('objdump', ['-d', '--no-show-raw-insn', obj], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('close', () => res(out));
  });
}

/** x86lab in a worker thread: assemble, then write the ELF object, as `x86lab as` does. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const load = (p) => import(new URL(p, workerData.dist).href);
(async () => {
  const { assemble } = await load('asm/assemble.js');
  const { toElf } = await load('output/elf.js');
  const { applyGasOption, gasOptionsError } = await load('asm/gas-options.js');
  const { withDwarfLines } = await load('output/dwarf-line.js');
  const { debugCompressor } = await load('cli/deflate.js');
  parentPort.on('message', async (m) => {
    try {
      const gas = {};
      for (const a of m.gas) applyGasOption(gas, a);
      const bad = gasOptionsError(m.mode, gas);
      if (bad) { parentPort.postMessage({ id: m.id, error: 'fatal: ' + bad }); return; }
      const r = assemble(m.text, { mode: m.mode, file: m.file, includeDirs: m.includeDirs, defsyms: m.defsyms.map(([k, v]) => [k, BigInt(v)]), listing: false, gas, debugLines: gas.dwarf !== undefined, syntax: m.syntax, nakedReg: m.nakedReg });
      if (r.errors > 0) {
        const first = r.diagnostics.find((d) => d.severity === 'error');
        parentPort.postMessage({ id: m.id, error: first ? 'line ' + first.loc.line + ': ' + first.message : 'errors' });
        return;
      }
      // As \`x86lab as\` does: DWARF lines (GNU ran in the suite folder: its comp_dir), compression.
      const out = withDwarfLines(r, gas.dwarf ? { version: gas.dwarf, compDir: m.cwd } : undefined, m.cwd);
      const compress = gas.compressDebug ? await debugCompressor(gas.compressDebug) : undefined;
      parentPort.postMessage({ id: m.id, elf: toElf(out, { compress }) });
    } catch (e) {
      parentPort.postMessage({ id: m.id, error: 'internal error: ' + (e && e.message || String(e)) });
    }
  });
  parentPort.postMessage({ ready: true });
})();
`;

interface LabJob { id: number; text: string; file: string; cwd: string; mode: 32 | 64; includeDirs: string[]; defsyms: [string, string][]; gas: string[]; syntax?: 'att' | 'intel'; nakedReg?: boolean }
type LabAnswer = { elf: Uint8Array } | { error: string };

/** One worker thread; a test that runs too long costs the worker (a new one takes its place). */
class LabRunner {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending?: { id: number; done: (a: LabAnswer) => void };
  constructor(private readonly timeoutMs: number) { this.start(); }
  private start(): void {
    this.worker = new Worker(WORKER, { eval: true, workerData: { dist: pathToFileURL(join(repo, 'dist') + '/').href } });
    this.ready = new Promise((res) => {
      this.worker.on('message', (m: { ready?: boolean; id?: number; elf?: Uint8Array; error?: string }) => {
        if (m.ready) { res(); return; }
        const p = this.pending;
        if (!p || p.id !== m.id) return;
        this.pending = undefined;
        p.done(m.elf ? { elf: m.elf } : { error: m.error ?? 'no answer' });
      });
    });
    this.worker.on('error', (e) => {
      const p = this.pending;
      this.pending = undefined;
      p?.done({ error: `internal error: ${e.message}` });
      this.start();
    });
  }
  async run(job: LabJob): Promise<LabAnswer> {
    await this.ready;
    return new Promise((res) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        void this.worker.terminate();
        this.start();
        res({ error: `timeout after ${this.timeoutMs / 1000}s` });
      }, this.timeoutMs);
      this.pending = { id: job.id, done: (a) => { clearTimeout(timer); res(a); } };
      this.worker.postMessage(job);
    });
  }
  stop(): Promise<number> { return this.worker.terminate(); }
}

// ---- comparing ----------------------------------------------------------------------------------

/** Sections that carry the object format rather than assembled content (symtab, strtab, rela, rel). */
const FORMAT_SECTIONS = new Set([2, 3, 4, 9]);

/** The differences between GNU's object and x86lab's, first ones first (empty: identical). */
function compare(gnu: Obj, lab: Obj): string[] {
  const diffs: string[] = [];
  // Sections by name and rank among those of that name (`.section .text,...,unique,N` repeats one).
  const keyed = (o: Obj): [string, Obj['sections'][number]][] => {
    const seen = new Map<string, number>();
    return o.sections.filter((s) => s.name !== '' && !FORMAT_SECTIONS.has(s.type)).map((s) => {
      const k = seen.get(s.name) ?? 0;
      seen.set(s.name, k + 1);
      return [k ? `${s.name}#${k}` : s.name, s];
    });
  };
  const labSec = new Map(keyed(lab));
  for (const [key, s] of keyed(gnu)) {
    const l = labSec.get(key);
    if (!l) { diffs.push(`section ${key} missing (GNU: ${s.size} bytes)`); continue; }
    labSec.delete(key);
    if (l.type !== s.type || l.flags !== s.flags) diffs.push(`section ${key}: type/flags ${l.type}/${l.flags}, GNU ${s.type}/${s.flags}`);
    if (l.size !== s.size) diffs.push(`section ${key}: size ${l.size}, GNU ${s.size}`);
    else if (s.type !== 8) {
      let i = 0;
      while (i < s.size && l.bytes[i] === s.bytes[i]) i++;
      if (i < s.size) {
        const hex = (b: Uint8Array): string => Buffer.from(b.subarray(i, i + 8)).toString('hex');
        diffs.push(`section ${key}: bytes differ at 0x${i.toString(16)}: ${hex(l.bytes)}, GNU ${hex(s.bytes)}`);
      }
    }
  }
  for (const [name, l] of labSec) diffs.push(`section ${name}: only in x86lab (${l.size} bytes)`);
  const names = gnu.bits === 64 ? R64 : R32;
  const rel = (o: Obj): string[] => o.relocs.map((r) => `${r.section}+0x${r.offset.toString(16)} ${names[r.type] ?? r.type} ${r.symbol}${r.addend !== undefined ? ` ${r.addend}` : ''}`);
  const gr = rel(gnu);
  const lr = rel(lab);
  const lrs = new Set(lr);
  const grs = new Set(gr);
  for (const r of gr) if (!lrs.has(r)) diffs.push(`reloc ${r}: not in x86lab`);
  for (const r of lr) if (!grs.has(r)) diffs.push(`reloc ${r}: only in x86lab`);
  const sym = (o: Obj): string[] => o.symbols.map((s) => `${s.name} ${s.section} ${s.value} ${s.type} ${s.size} ${s.binding}`);
  const gs = sym(gnu);
  const ls = sym(lab);
  const lss = new Set(ls);
  const gss = new Set(gs);
  for (const s of gs) if (!lss.has(s)) diffs.push(`symbol ${s}: not in x86lab`);
  for (const s of ls) if (!gss.has(s)) diffs.push(`symbol ${s}: only in x86lab`);
  return diffs;
}

// ---- classifying --------------------------------------------------------------------------------

type Status = 'identical' | 'differs' | 'x86lab rejects' | 'GNU rejects' | 'both reject' | 'skipped';
const STATUSES: readonly Status[] = ['identical', 'differs', 'x86lab rejects', 'GNU rejects', 'both reject', 'skipped'];

interface Row { id: string; source: string; args: string; kind: Test['kind']; family: string; simd: boolean; status: Status; detail: string }

/** The test's family: its name without the x86-64- prefix and trailing parts (nops-1-core2 -> nops). */
function family(id: string): string {
  const base = id.replace(/^x86-64-/, '');
  const m = /^[a-z]+(?:[0-9]+[a-z]*)?/i.exec(base);
  return (m ? m[0] : base).toLowerCase();
}

/** Vector and matrix registers (SSE, AVX, AVX-512 masks, AMX tiles) in GNU's disassembly. */
const SIMD_REGS = /%(?:[xyz]mm\d|tmm\d|k[0-7]\b|mm\d)/;
/** The same in source text (AT&T with %, Intel without), for tests GNU does not assemble. */
const SIMD_SOURCE = /(?:^|[\s,%({[])(?:[xyz]mm\d{1,2}|tmm\d|k[0-7]|mm[0-7])\b/im;
const SIMD_NAME = /avx|sse|amx|simd|vex|xop|fma|f16c|aes|sha|gfni|pclmul|mmx|3dnow|fp16|bf16|vnni|keylocker|xmm|ymm|zmm/i;

async function runTest(t: Test, dir: string, scratch: string, lab: LabRunner, n: number): Promise<Row> {
  const row = (status: Status, simd: boolean, detail: string): Row =>
    ({ id: t.id, source: t.source, args: t.args.join(' '), kind: t.kind, family: family(t.id), simd, status, detail });
  const path = join(dir, t.source);
  let text: string;
  try { text = readFileSync(path, 'latin1'); } catch { return row('skipped', false, `no source ${t.source}`); }
  const srcSimd = SIMD_NAME.test(t.id) || SIMD_SOURCE.test(text.replace(/#.*$/gm, ''));
  const { applyGasOption } = await gasOptions;
  const la = labArgs(t.args, (a) => applyGasOption({}, a));
  const out = join(scratch, `${n}.o`);
  if ('unsupported' in la) {
    // An option GNU 2.40 refuses too (a newer release's) is agreement, not a gap.
    const g = await runGnu(t.args, path, out, dir);
    rmSync(out, { force: true });
    if (!g.ok && /unrecognized option/.test(g.err)) return row('both reject', srcSimd, g.err.split('\n')[0].replace(dir + '/', ''));
    return row('skipped', srcSimd, `unsupported option ${la.unsupported}`);
  }
  const [gnu, mine] = await Promise.all([
    runGnu(t.args, path, out, dir),
    lab.run({ id: n, text, file: path, cwd: dir, mode: la.mode, includeDirs: la.includeDirs, defsyms: la.defsyms, gas: la.gas, syntax: la.syntax, nakedReg: la.nakedReg }),
  ]);
  if (!gnu.ok) {
    rmSync(out, { force: true });
    const first = gnu.err.split('\n').find((l) => /Error|Fatal/.test(l)) ?? gnu.err.split('\n')[0] ?? '';
    return row('elf' in mine ? 'GNU rejects' : 'both reject', srcSimd, first.replace(dir + '/', ''));
  }
  const simd = srcSimd || SIMD_REGS.test(await objdump(out));
  const gObj = readObj(new Uint8Array(readFileSync(out)));
  rmSync(out, { force: true });
  if (!('elf' in mine)) return row('x86lab rejects', simd, mine.error);
  const diffs = compare(gObj, readObj(mine.elf));
  return diffs.length === 0 ? row('identical', simd, '') : row('differs', simd, diffs.slice(0, 3).join('; '));
}

const gasOptions = import(pathToFileURL(join(repo, 'dist/asm/gas-options.js')).href) as Promise<typeof import('../src/asm/gas-options.js')>;

// ---- report -------------------------------------------------------------------------------------

function table(rows: Row[], title: string): string {
  const fams = new Map<string, Row[]>();
  for (const r of rows) (fams.get(r.family) ?? fams.set(r.family, []).get(r.family)!).push(r);
  const line = (name: string, rs: Row[]): string =>
    `| ${name} | ${rs.length} | ${STATUSES.map((s) => rs.filter((r) => r.status === s).length || '').join(' | ')} |`;
  const out = [`### ${title}`, '', `| family | tests | ${STATUSES.join(' | ')} |`, `|---|---:|${STATUSES.map(() => '---:').join('|')}|`];
  for (const f of [...fams.keys()].sort()) out.push(line(f, fams.get(f)!));
  out.push(line('**total**', rows));
  return out.join('\n');
}

function totals(rows: Row[]): string {
  const part = (label: string, rs: Row[]): string => `| ${label} | ${rs.length} | ${STATUSES.map((s) => rs.filter((r) => r.status === s).length).join(' | ')} |`;
  return [`| tests | all | ${STATUSES.join(' | ')} |`, `|---|---:|${STATUSES.map(() => '---:').join('|')}|`,
    part('non-SIMD', rows.filter((r) => !r.simd)), part('SIMD', rows.filter((r) => r.simd)), part('**all**', rows)].join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dir = existsSync(join(o.src, 'gas/testsuite/gas/i386')) ? join(o.src, 'gas/testsuite/gas/i386') : o.src;
  if (!existsSync(join(dir, 'i386.exp'))) throw new Error(`no gas/testsuite/gas/i386/i386.exp under ${o.src}`);
  if (!existsSync(join(repo, 'dist/asm/assemble.js'))) throw new Error('dist/ is missing: run npm run build first');
  const tests = suiteTests(dir).filter((t) => !o.filter || o.filter.test(t.id));
  const scratch = mkdtempSync(join(tmpdir(), 'gas-suite-'));
  const runners = Array.from({ length: o.jobs }, () => new LabRunner(o.timeoutMs));
  const rows: Row[] = new Array(tests.length);
  let next = 0;
  let done = 0;
  const t0 = Date.now();
  await Promise.all(runners.map(async (lab) => {
    for (let i = next++; i < tests.length; i = next++) {
      rows[i] = await runTest(tests[i], dir, scratch, lab, i);
      done++;
      if (o.verbose) process.stderr.write(`${rows[i].status.padEnd(15)} ${rows[i].id}${rows[i].detail ? `: ${rows[i].detail}` : ''}\n`);
      else if (process.stderr.isTTY && done % 20 === 0) process.stderr.write(`\r${done}/${tests.length}`);
    }
  }));
  await Promise.all(runners.map((r) => r.stop()));
  rmSync(scratch, { recursive: true, force: true });
  if (process.stderr.isTTY && !o.verbose) process.stderr.write('\r');
  const report = [
    `GNU as test suite (${dir}), ${tests.length} tests, oracle: ${(await asVersion()).trim()}, ${((Date.now() - t0) / 1000).toFixed(0)}s`, '',
    totals(rows), '', table(rows.filter((r) => !r.simd), 'non-SIMD tests by family'), '', table(rows.filter((r) => r.simd), 'SIMD tests by family'), '',
  ].join('\n');
  process.stdout.write(report);
  if (o.markdown) writeFileSync(o.markdown, report);
  if (o.json) writeFileSync(o.json, JSON.stringify(rows, null, 1) + '\n');
}

function asVersion(): Promise<string> {
  return new Promise((res) => {
    const p = spawn('as', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('close', () => res(out.split('\n')[0]));
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`gas-suite: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
