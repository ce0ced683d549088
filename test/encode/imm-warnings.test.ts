// GNU as warns "X shortened to Y" only when an immediate does not fit the operand size as GNU reads
// it (not the byte a sign-extended imm8 form emits). Golden: GNU 2.40's diagnostics per line.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { HAVE_AS, runGnu } from './imm-warnings-oracle.js';

const rows = readFileSync(join(__dirname, '../golden/asm/imm-warnings.tsv'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t') as [string, string, string]);

function mine(mode: 32 | 64, line: string): string {
  const r = assemble(line + '\n', { mode, file: 'w.s' });
  return r.diagnostics.map((d) => formatDiagnostic(d).replace(/^w\.s:1: /, '')).join('\n');
}

describe('immediate range diagnostics match GNU as', () => {
  it('has warning and silent cases in both modes', () => {
    expect(rows.filter((r) => r[2].startsWith('Warning')).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r[2] === '').length).toBeGreaterThan(10);
  });
  it.each(rows)('--%s %s', (mode, line, msg) => {
    expect(mine(Number(mode) as 32 | 64, line)).toBe(msg);
  });
  it.runIf(HAVE_AS)('golden equals a live GNU as run', () => {
    for (const [mode, line, msg] of rows) expect(runGnu(Number(mode) as 32 | 64, line), `--${mode} ${line}`).toBe(msg);
  });
});
