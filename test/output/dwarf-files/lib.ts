// Both sides of test/output/dwarf-files: GNU as run in a working directory on a case written
// there, and x86lab given the same options and told that directory (as `x86lab as` takes it
// from its own), each reduced to the messages (the directory written `@PWD@`) and the SHA-256 of
// the object, if one was written.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../../src/asm/assemble.js';
import { formatDiagnostic } from '../../../src/asm/errors.js';
import { applyGasOption, type MutableGasOptions } from '../../../src/asm/gas-options.js';
import { withDwarfLines } from '../../../src/output/dwarf-line.js';
import { toElf } from '../../../src/output/elf.js';
import { sha256 } from '../dwarf-oracle.js';
import type { DwarfFileCase } from './cases.js';

export const GOLDEN = join(__dirname, 'golden.json');
/** The working directory the golden objects were made in (gen.ts). */
export const GOLDEN_DIR = '/tmp/x86lab-dwarf-files-golden';

export interface Outcome { readonly messages: readonly string[]; readonly object: string | null }

export const key = (c: DwarfFileCase, opts: readonly string[]): string => `${c.name} [${opts.join(' ')}]`;

/** The file name on the command line and the source as written in `dir`. */
function input(c: DwarfFileCase, dir: string): { file: string; text: string } {
  const file = c.input === 'abs' ? join(dir, 'in.s') : c.input === 'sub' ? 'sub/in.s' : 'in.s';
  return { file, text: c.source.replaceAll('@PWD@', dir) };
}

const messages = (text: string, dir: string): string[] =>
  text.split('\n').filter((l) => l !== '' && !l.endsWith('Assembler messages:')).map((l) => l.replaceAll(dir, '@PWD@'));

/** GNU as on the case, run in `dir` (made empty first, removed after). */
export function gnuOutcome(c: DwarfFileCase, opts: readonly string[], dir: string): Outcome {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'sub'), { recursive: true });
  try {
    const { file, text } = input(c, dir);
    writeFileSync(join(dir, file.startsWith('/') ? 'in.s' : file), text);
    const r = spawnSync('as', [...opts, '-o', 'out.o', file], { cwd: dir, encoding: 'utf8' });
    return { messages: messages(r.stderr, dir), object: r.status === 0 ? sha256(readFileSync(join(dir, 'out.o'))) : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** x86lab on the case, as `x86lab as` run in `dir` does it. */
export function x86labOutcome(c: DwarfFileCase, opts: readonly string[], dir: string): Outcome {
  let mode: 32 | 64 = 64;
  const gas: MutableGasOptions = {};
  for (const a of opts) {
    if (a === '--32' || a === '--64') mode = a === '--32' ? 32 : 64;
    else if (!applyGasOption(gas, a)) throw new Error(`option ${a} not taken`);
  }
  const { file, text } = input(c, dir);
  const r = assemble(text, { mode, file, gas, debugLines: gas.dwarf !== undefined });
  const msgs = messages(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'), dir);
  if (r.errors) return { messages: msgs, object: null };
  const out = withDwarfLines(r, gas.dwarf ? { version: gas.dwarf, compDir: dir } : undefined, dir);
  return { messages: msgs, object: sha256(toElf(out)) };
}
