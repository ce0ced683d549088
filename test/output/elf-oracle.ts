// Both sides of the ELF differential test: x86lab's object for a source, and GNU as's (live).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { toElf } from '../../src/output/elf.js';
import { ROOT, type ElfInput } from './elf-inputs.js';

export const HAVE_AS = spawnSync('as', ['--version'], { encoding: 'utf8' }).status === 0;

export const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** x86lab's object, or undefined when x86lab reports errors. */
export function x86labObject(input: ElfInput): Uint8Array | undefined {
  const dir = input.name.includes('/') ? dirname(input.name) : '.';
  const r = assemble(input.text, {
    mode: input.mode, file: input.name, includeDirs: [join(ROOT, dir)],
    readFile: (p) => { try { return readFileSync(existsSync(p) ? p : join(ROOT, p), 'utf8'); } catch { return undefined; } },
  });
  if (r.errors > 0) return undefined;
  return toElf(r);
}

/** GNU as's object for the same text (as --64/--32), or undefined when GNU as reports errors. */
export function gnuObject(input: ElfInput): Uint8Array | undefined {
  const tmp = mkdtempSync(join(tmpdir(), 'x86lab-elf-'));
  try {
    const src = join(tmp, 'input.s');
    const obj = join(tmp, 'out.o');
    writeFileSync(src, input.text);
    const dir = input.name.includes('/') ? dirname(input.name) : '.';
    const r = spawnSync('as', [`--${input.mode}`, '-I', join(ROOT, dir), '-o', obj, src], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(obj)) return undefined;
    return new Uint8Array(readFileSync(obj));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
