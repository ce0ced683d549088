// Runs one kernel-idiom case (test/asm/kernel-idioms/*.S) through gcc -c and through x86lab's
// preprocessor, assembler and ELF writer, as comparable views (object-view.ts). A first line
// `// x86lab-opts: -include FILE ...` gives preprocessor options both sides get; files named
// *-32.S are 32-bit (gcc -m32, x86lab --32).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { preprocess } from '../../src/asm/cpp/index.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { toElf } from '../../src/output/elf.js';
import { gnuView, readObj, x86labView, type ObjectView } from './object-view.js';

export const IDIOMS_DIR = join(import.meta.dirname, 'kernel-idioms');
export const IDIOMS_GOLDEN = join(import.meta.dirname, '../golden/asm/kernel-idioms');
export const HAVE_GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;

export const idiomMode = (f: string): 32 | 64 => (f.endsWith('-32.S') ? 32 : 64);

function opts(text: string): string[] {
  const m = /^\/\/ x86lab-opts:(.*)$/m.exec(text.split('\n')[0] ?? '');
  return m ? m[1].trim().split(/\s+/) : [];
}

/** gcc -c's object, as a view (cwd: the cases folder). */
export function gccIdiom(f: string): ObjectView {
  return gccIdiomRun(f).view;
}

/** gcc -c's object and the warnings GNU as printed for it (`FILE:LINE: Warning: ...`). */
export function gccIdiomRun(f: string): { view: ObjectView; warnings: string[] } {
  const argv = opts(readFileSync(join(IDIOMS_DIR, f), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-idiom-'));
  try {
    const out = join(dir, 'out.o');
    const r = spawnSync('gcc', ['-c', `-m${idiomMode(f)}`, ...argv, f, '-o', out], { cwd: IDIOMS_DIR, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc -c ${f} failed:\n${r.stderr}`);
    return { view: gnuView(readObj(readFileSync(out))), warnings: r.stderr.split('\n').filter((l) => l.includes(': Warning: ')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed warnings of a case (golden `NAME.warnings`, written only where GNU as warns). */
export function goldenWarnings(f: string): string[] {
  const p = join(IDIOMS_GOLDEN, f.replace(/\.S$/, '.warnings'));
  return existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l !== '') : [];
}

/** x86lab's object for the case (built-in cpp with the same -include/-imacros, then the assembler). */
export function x86labIdiom(f: string): { view: ObjectView; messages: string[] } {
  const text = readFileSync(join(IDIOMS_DIR, f), 'utf8');
  const argv = opts(text);
  const preincludes: ['include' | 'imacros', string][] = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === '-include' || argv[i] === '-imacros') preincludes.push([argv[i].slice(1) as 'include', argv[++i]]);
  const readFile = (p: string): string | undefined => {
    try { return readFileSync(p.startsWith('/') ? p : join(IDIOMS_DIR, p), 'utf8'); } catch { return undefined; }
  };
  const mode = idiomMode(f);
  const pp = preprocess(text, { file: f, includeDirs: [], defines: [], undefs: [], mode, preincludes, readFile });
  const r = assemble(pp.text, { mode, file: f, readFile });
  // Through the ELF writer (read back like GNU's object), so .eh_frame/.debug_frame count too.
  const view = r.errors ? x86labView(r) : gnuView(readObj(toElf(r)));
  return { view, messages: [...pp.diagnostics, ...r.diagnostics].map((d) => formatDiagnostic(d)) };
}
