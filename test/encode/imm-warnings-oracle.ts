// Runs GNU as on one line and returns its diagnostics without the file:line prefix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAVE_AS = spawnSync('as', ['--version']).status === 0;
const dir = HAVE_AS ? mkdtempSync(join(tmpdir(), 'x86lab-w-')) : '';

export function runGnu(mode: 32 | 64, line: string): string {
  const f = join(dir, 'w.s');
  writeFileSync(f, line + '\n');
  const r = spawnSync('as', [`--${mode}`, f, '-o', '/dev/null'], { encoding: 'utf8' });
  return r.stderr.split('\n').filter((l) => l && !l.includes('Assembler messages')).map((l) => l.replace(/^[^:]*:1: /, '')).join('\n');
}
