// GNU as / objdump views of the x87 case files in test/asm/x87/ (for x87-gen.ts and the live checks).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gnuAssemble } from './oracle.js';

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
    const dump = (syntax: string): Map<number, [string, string]> => {
      const out = new Map<number, [string, string]>();
      const text = spawnSync('objdump', ['-dw', '-M', syntax, obj], { encoding: 'utf8' }).stdout;
      for (const line of text.split('\n')) {
        const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$/.exec(line);
        if (m) out.set(parseInt(m[1], 16), [m[2].replace(/ /g, ''), m[3].trimEnd()]);
      }
      return out;
    };
    const att = dump('att');
    const intel = dump('intel');
    return [...att].map(([a, [hex, t]]) => [a.toString(16), hex, t, intel.get(a)?.[1] ?? '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
