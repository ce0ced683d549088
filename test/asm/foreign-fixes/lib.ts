// Both sides of test/asm/foreign-fixes beyond the object (gas-options/lib.ts): the warnings each
// assembler gives for a case. GNU's come from its stderr, x86lab's from the diagnostics.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../../src/asm/assemble.js';
import type { OptionCase } from '../gas-options/cases.js';

export const HERE = import.meta.dirname;
export const GOLDEN = join(HERE, 'golden.json');

const mode = (c: OptionCase): 32 | 64 => (c.args.includes('--32') ? 32 : 64);

/** GNU as's warnings for the case, as `LINE: message`. */
export function gnuWarnings(c: OptionCase): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-foreignfix-'));
  try {
    writeFileSync(join(dir, 'in.s'), c.source);
    const r = spawnSync('as', [...c.args, '-o', 'out.o', 'in.s'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    return r.stderr.split('\n').flatMap((l) => { const m = /^in\.s:(\d+): Warning: (.*)$/.exec(l); return m ? [`${m[1]}: ${m[2]}`] : []; });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** x86lab's warnings for the case, in the same shape. */
export function x86labWarnings(c: OptionCase): string[] {
  const r = assemble(c.source, { mode: mode(c), file: 'in.s' });
  return r.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.loc.line}: ${d.message}`);
}
