// Another assembler's x86 test inputs, statement by statement, through GNU as and x86lab
// (docs/foreign-suite.md). DIR holds the inputs (.s/.S/.asm, searched recursively); they are test
// input only and stay outside this repository.
//
//   npm run foreign-suite -- DIR [--jobs N] [--filter RE] [--json FILE] [--markdown FILE]

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

import { classify, splitFile, STATUSES, type Status, type UnitResult } from './foreign-suite-lib.js';

interface Opts { dir: string; jobs: number; filter?: RegExp; json?: string; markdown?: string }

function parseArgs(argv: string[]): Opts {
  let dir: string | undefined;
  const o: Partial<Opts> = { jobs: Math.max(1, Math.min(2, cpus().length)) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jobs' || a === '-j') o.jobs = Math.max(1, Number(argv[++i]));
    else if (a === '--filter') o.filter = new RegExp(argv[++i]);
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--markdown') o.markdown = argv[++i];
    else if (!a.startsWith('-') && dir === undefined) dir = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!dir) throw new Error('usage: foreign-suite DIR [--jobs N] [--filter RE] [--json FILE] [--markdown FILE]');
  return { ...o, dir: resolve(dir) } as Opts;
}

function inputs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(s|S|asm)$/.test(f)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

interface FileRow { file: string; results: UnitResult[] }

const COLS: readonly Status[] = STATUSES;

function counts(rs: readonly UnitResult[]): string {
  const same = rs.filter((r) => r.status === 'both reject' && r.gnuError === r.labError).length;
  return [...COLS.map((s) => rs.filter((r) => r.status === s).length), same].join(' | ');
}

function report(rows: FileRow[], dir: string, secs: number): string {
  const all = rows.flatMap((r) => r.results);
  const head = `| | units | ${COLS.join(' | ')} | same first message |\n|---|---:|${COLS.map(() => '---:').join('|')}|---:|`;
  const line = (label: string, rs: UnitResult[]): string => `| ${label} | ${rs.length} | ${counts(rs)} |`;
  const out = [
    `Foreign x86 test inputs (${dir}): ${rows.length} files, ${all.length} statements, oracle: ${asVersion()}, ${secs.toFixed(0)}s`, '',
    '### Totals', '', head,
    line('non-SIMD, AT&T', all.filter((r) => !r.simd && r.unit.syntax === 'att')),
    line('non-SIMD, Intel', all.filter((r) => !r.simd && r.unit.syntax === 'intel')),
    line('SIMD, AT&T', all.filter((r) => r.simd && r.unit.syntax === 'att')),
    line('SIMD, Intel', all.filter((r) => r.simd && r.unit.syntax === 'intel')),
    line('**all**', all), '',
    '### Non-SIMD statements by file', '', head.replace('| |', '| file |'),
  ];
  for (const r of rows) {
    const ns = r.results.filter((x) => !x.simd);
    if (ns.length) out.push(line(r.file, ns));
  }
  out.push('');
  return out.join('\n');
}

function asVersion(): string {
  return spawnSync('as', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'as';
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const files = inputs(o.dir).filter((f) => !o.filter || o.filter.test(relative(o.dir, f)));
  const rows: FileRow[] = new Array(files.length);
  const t0 = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: o.jobs }, async () => {
    for (let i = next++; i < files.length; i = next++) {
      const rel = relative(o.dir, files[i]);
      const split = splitFile(readFileSync(files[i], 'latin1'), rel);
      rows[i] = { file: rel, results: await classify(split) };
      if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${files.length} ${rel.padEnd(50)}`);
    }
  }));
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(70) + '\r');
  const text = report(rows, o.dir, (Date.now() - t0) / 1000);
  process.stdout.write(text);
  if (o.markdown) writeFileSync(o.markdown, text);
  if (o.json) {
    const flat = rows.flatMap((r) => r.results.filter((x) => x.status !== 'identical').map((x) => ({
      file: r.file, line: x.unit.line, syntax: x.unit.syntax, code: x.unit.code, simd: x.simd, status: x.status,
      text: x.unit.text, ...(x.gnuError ? { gnuError: x.gnuError } : {}), ...(x.labError ? { labError: x.labError } : {}),
      ...(x.gnu !== undefined ? { gnu: x.gnu, lab: x.lab } : {}),
    })));
    writeFileSync(o.json, JSON.stringify(flat, null, 1) + '\n');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`foreign-suite: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
});
