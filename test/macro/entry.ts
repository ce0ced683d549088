// examples/entry_64.S through x86lab (built-in cpp + assembler) and through gcc -c.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assemble, type AssembleResult } from '../../src/asm/assemble.js';
import { preprocess } from '../../src/asm/cpp/index.js';
import { render } from '../../src/output/index.js';

export const ROOT = join(__dirname, '../..');
export const ENTRY = 'examples/entry_64.S';

const readRel = (p: string): string | undefined => {
  const f = join(ROOT, p);
  return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
};

/** cpp + assemble, as `x86lab as -I examples/include examples/entry_64.S` does. */
export function assembleEntry(): { result: AssembleResult; cppErrors: number } {
  const text = readFileSync(join(ROOT, ENTRY), 'utf8');
  const pp = preprocess(text, { file: ENTRY, includeDirs: ['examples/include'], defines: [], undefs: [], readFile: readRel });
  const result = assemble(pp.text, { mode: 64, file: ENTRY, readFile: readRel });
  return { result, cppErrors: pp.diagnostics.filter((d) => d.severity === 'error').length };
}

/** The `-f json` rendering of the example. */
export function entryJson(): string {
  return Buffer.from(render(assembleEntry().result, 'json', { file: ENTRY })).toString('utf8');
}

/** Non-empty progbits sections of an ELF object, as hex (objcopy), in readelf order. */
export function gnuSectionsOf(obj: string): Record<string, string> {
  const out: Record<string, string> = {};
  const secs = spawnSync('readelf', ['-SW', obj], { encoding: 'utf8' }).stdout;
  for (const line of secs.split('\n')) {
    const m = /^\s*\[\s*\d+\]\s+(\S+)\s+PROGBITS\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(line);
    if (!m || parseInt(m[2], 16) === 0 || m[1] === '.comment' || m[1] === '.note.GNU-stack') continue;
    const bin = `${obj}.${m[1].replace(/[^\w.]/g, '_')}.bin`;
    spawnSync('objcopy', ['-O', 'binary', '--only-section', m[1], obj, bin]);
    out[m[1]] = readFileSync(bin).toString('hex');
    rmSync(bin, { force: true });
  }
  return out;
}
