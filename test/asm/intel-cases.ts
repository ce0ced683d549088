import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// How the Intel-syntax case files in intel/ are assembled: the mode from the name (`-32.s`/`-64.s`),
// and `cmdline-*` cases start in Intel syntax by command-line option rather than by directive.

export const intelCaseMode = (f: string): 32 | 64 => (f.endsWith('-32.s') ? 32 : 64);
export const isCmdlineCase = (f: string): boolean => f.startsWith('cmdline-');
/** What -msyntax=intel -mnaked-reg amount to at the top of a file (line numbers shift by none: same line). */
export const CMDLINE_PRELUDE = '\t.intel_syntax noprefix; ';

/** `objdump -dr -M intel` of GNU as's object for a source, from the "Disassembly" line on. */
export function gnuIntelDump(src: string, mode: 32 | 64): string {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-intel-'));
  try {
    writeFileSync(join(dir, 'in.s'), src);
    const a = spawnSync('as', [`--${mode}`, '-o', 'in.o', 'in.s'], { cwd: dir, encoding: 'utf8' });
    if (a.status !== 0) throw new Error(a.stderr);
    return dumpTail(spawnSync('objdump', ['-dr', '-M', 'intel', 'in.o'], { cwd: dir, encoding: 'utf8' }).stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** objdump's text without its first lines (they name the file). */
export const dumpTail = (text: string): string => text.slice(text.indexOf('Disassembly of section'));
