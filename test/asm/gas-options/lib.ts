// Both sides of test/asm/gas-options: GNU as run with a case's options, x86lab given the same
// options through src/asm/gas-options.ts, each object read into one comparable view.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../../src/asm/assemble.js';
import { applyGasOption, gasOptionsError, type MutableGasOptions } from '../../../src/asm/gas-options.js';
import { toElf } from '../../../src/output/elf.js';
import { gnuView, readObj, type ObjectView } from '../object-view.js';
import type { OptionCase } from './cases.js';

export const HERE = import.meta.dirname;
export const GOLDEN = join(HERE, 'golden.json');

/** What an assembler made of a case: the object's view, or its error messages. */
export type Outcome = { view: ObjectView } | { errors: string[] };

export function gnuOutcome(c: OptionCase): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-gasopt-'));
  try {
    writeFileSync(join(dir, 'in.s'), c.source);
    const r = spawnSync('as', [...c.args, '-o', 'out.o', 'in.s'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) return { errors: r.stderr.split('\n').filter((l) => /Error/.test(l)).map((l) => l.replace(/^.*?Error: /, '')) };
    return { view: gnuView(readObj(new Uint8Array(readFileSync(join(dir, 'out.o'))))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function x86labOutcome(c: OptionCase): Outcome {
  let mode: 32 | 64 = 64;
  const defsyms: [string, bigint][] = [];
  const gas: MutableGasOptions = {};
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === '--32' || a === '--64') mode = a === '--32' ? 32 : 64;
    else if (a === '--defsym') {
      const [k, v] = c.args[++i].split('=');
      defsyms.push([k, BigInt(v)]);
    } else if (!applyGasOption(gas, a)) throw new Error(`option ${a} not taken`);
  }
  const bad = gasOptionsError(mode, gas);
  if (bad) return { errors: [bad] };
  const r = assemble(c.source, { mode, file: 'in.s', defsyms, gas });
  if (r.errors) return { errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) };
  return { view: gnuView(readObj(toElf(r))) };
}
