// GNU as / objdump views of the x87 case files in test/asm/x87/ (for x87-gen.ts and the live checks).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gnuAssemble } from './oracle.js';
import { objdumpRows } from '../objdump-rows.js';

export const X87_DIR = join(import.meta.dirname, 'x87');
export const X87_ASM_CASES = ['x87', 'x87-errors', 'x87-intel'] as const;

export interface CaseResult {
  ok: boolean;
  messages: string[];
  text: string;
}

export function gnuCase(name: string, mode: 32 | 64): CaseResult {
  const r = gnuAssemble(readFileSync(join(X87_DIR, `${name}.s`), 'utf8'), mode, `${name}.s`);
  return { ok: r.ok, messages: r.messages, text: r.sections.find((s) => s.name === '.text')?.hex ?? '' };
}

/** objdump -dw of dis.s assembled by GNU as: [address, hex, AT&T, Intel] per instruction. */
export function gnuDis(mode: 32 | 64): [string, string, string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-x87-'));
  try {
    const obj = join(dir, 'dis.o');
    spawnSync('as', [`--${mode}`, '-o', obj, join(X87_DIR, 'dis.s')]);
    return objdumpRows(obj);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
