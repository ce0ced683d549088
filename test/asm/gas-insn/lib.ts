// GNU's side of test/asm/gas-insn beyond the object (gas-options/lib.ts): objdump -d of the object
// GNU as makes of a case, with the object's path written FILE.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OptionCase } from '../gas-options/cases.js';

export const HERE = import.meta.dirname;
export const GOLDEN = join(HERE, 'golden.json');

/** objdump -d of GNU as's object for the case, or undefined when GNU rejects it. */
export function gnuObjdump(c: OptionCase): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-gasinsn-'));
  try {
    writeFileSync(join(dir, 'in.s'), c.source);
    if (spawnSync('as', [...c.args, '-o', 'out.o', 'in.s'], { cwd: dir }).status !== 0) return undefined;
    return spawnSync('objdump', ['-d', 'out.o'], { cwd: dir, encoding: 'utf8' }).stdout.replaceAll('out.o', 'FILE');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
