// Causes of disagreement with GNU as found by the foreign-suite runner over other assemblers' test
// inputs (docs/foreign-suite.md), fixed at their root: self-written cases (foreign-fixes/cases.ts)
// against goldens made by GNU as 2.40 and objdump 2.40 and, where the tools are installed, against
// them live. Object, objdump -d of x86lab's object, and the warnings must be GNU's.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { disassembleElf } from '../../src/cli/dis.js';
import { toElf } from '../../src/output/elf.js';
import { gnuOutcome, x86labOutcome, type Outcome } from './gas-options/lib.js';
import type { OptionCase } from './gas-options/cases.js';
import { gnuObjdump } from './gas-insn/lib.js';
import { CASES } from './foreign-fixes/cases.js';
import { GOLDEN, gnuWarnings, x86labWarnings } from './foreign-fixes/lib.js';
import { HAVE_AS } from './oracle.js';

const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, { outcome: Outcome; objdump: string | null; warnings: string[] }>;

function x86labObjdump(c: OptionCase): string | null {
  const r = assemble(c.source, { mode: c.args.includes('--32') ? 32 : 64, file: 'in.s' });
  return r.errors ? null : disassembleElf(toElf(r), 'FILE');
}

describe('foreign-suite fixes (golden)', () => {
  it('has a golden per case', () => expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort()));
  for (const c of CASES) {
    it(c.name, () => {
      expect(x86labOutcome(c)).toEqual(golden[c.name].outcome);
      if (!c.noObjdump) expect(x86labObjdump(c)).toBe(golden[c.name].objdump);
      expect(x86labWarnings(c)).toEqual(golden[c.name].warnings);
    });
  }
});

describe.runIf(HAVE_AS)('foreign-suite fixes (live)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(x86labOutcome(c)).toEqual(gnuOutcome(c));
      if (!c.noObjdump) expect(x86labObjdump(c)).toBe(gnuObjdump(c) ?? null);
      expect(x86labWarnings(c)).toEqual(gnuWarnings(c));
    });
  }
});
