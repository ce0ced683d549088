// Both sides of test/asm/gas-directives: GNU as run with a case's options, x86lab given the same
// options (src/asm/gas-options.ts; compression through the CLI's compressor), each object read
// into one comparable view that also names each section's flags (SHF_COMPRESSED shows there).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../../src/asm/assemble.js';
import { applyGasOption, type MutableGasOptions } from '../../../src/asm/gas-options.js';
import { debugCompressor } from '../../../src/cli/deflate.js';
import { toElf } from '../../../src/output/elf.js';
import { gnuView, readObj, type Obj, type ObjectView } from '../object-view.js';
import type { DirCase } from './cases.js';

export const GOLDEN = join(import.meta.dirname, 'golden.json');

/** The object's view with section flags, or the error messages (sorted: GNU reports some late). */
export type Outcome = { view: ObjectView; flags: Record<string, number> } | { errors: string[] };

function view(o: Obj): Outcome {
  const flags: Record<string, number> = {};
  for (const s of o.sections) if (s.name.includes('debug')) flags[s.name] = s.flags;
  // Sections of one name (`unique`) apart: each under its name and rank.
  const seen = new Map<string, number>();
  const ranked = o.sections.map((s) => {
    const k = seen.get(s.name) ?? 0;
    seen.set(s.name, k + 1);
    return k ? { ...s, name: `${s.name}#${k}` } : s;
  });
  return { view: gnuView({ ...o, sections: ranked }), flags };
}

export function gnuOutcome(c: DirCase): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-gasdir-'));
  try {
    writeFileSync(join(dir, 'in.s'), c.source);
    const r = spawnSync('as', [...c.args, '-o', 'out.o', 'in.s'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) return { errors: r.stderr.split('\n').filter((l) => /Error/.test(l)).map((l) => l.replace(/^.*?Error: /, '')).sort() };
    return view(readObj(new Uint8Array(readFileSync(join(dir, 'out.o')))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function x86labOutcome(c: DirCase): Promise<Outcome> {
  let mode: 32 | 64 = 64;
  const gas: MutableGasOptions = {};
  for (const a of c.args) {
    if (a === '--32' || a === '--64') mode = a === '--32' ? 32 : 64;
    else if (!applyGasOption(gas, a)) throw new Error(`option ${a} not taken`);
  }
  const r = assemble(c.source, { mode, file: 'in.s', gas });
  if (r.errors) return { errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).sort() };
  const compress = gas.compressDebug ? await debugCompressor(gas.compressDebug) : undefined;
  return view(readObj(toElf(r, { compress })));
}
