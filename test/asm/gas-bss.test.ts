// NOBITS sections (.bss, .tbss): .lcomm/local .comm placement and alignment, sizes far over the
// section contents limit that keep no memory, GNU's fill-value and range warnings; self-written
// cases (gas-bss/cases.ts) against goldens made by GNU as 2.40 and objdump 2.40 and, where the
// tools are installed, against them live.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { applyGasOption, type MutableGasOptions } from '../../src/asm/gas-options.js';
import { disassembleElf } from '../../src/cli/dis.js';
import { toElf } from '../../src/output/elf.js';
import { gnuOutcome, x86labOutcome, type Outcome } from './gas-options/lib.js';
import type { OptionCase } from './gas-options/cases.js';
import { CASES } from './gas-bss/cases.js';
import { gnuObjdump } from './gas-insn/lib.js';
import { HAVE_AS } from './oracle.js';

const golden = JSON.parse(readFileSync(join(__dirname, 'gas-bss/golden.json'), 'utf8')) as Record<string, { outcome: Outcome; objdump: string | null }>;

/** x86lab's object for an accepted case, disassembled as objdump -d prints a file named FILE. */
function x86labObjdump(c: OptionCase): string | null {
  const gas: MutableGasOptions = {};
  let mode: 32 | 64 = 64;
  for (const a of c.args) {
    if (a === '--32' || a === '--64') mode = a === '--32' ? 32 : 64;
    else applyGasOption(gas, a);
  }
  const r = assemble(c.source, { mode, file: 'in.s', gas });
  return r.errors ? null : disassembleElf(toElf(r), 'FILE');
}

describe('GNU as NOBITS sections (golden)', () => {
  it('has a golden per case', () => expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort()));
  for (const c of CASES) {
    it(c.name, () => {
      expect(x86labOutcome(c)).toEqual(golden[c.name].outcome);
      expect(x86labObjdump(c)).toBe(golden[c.name].objdump);
    });
  }
});

describe.runIf(HAVE_AS)('GNU as NOBITS sections (live)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(x86labOutcome(c)).toEqual(gnuOutcome(c));
      expect(x86labObjdump(c)).toBe(gnuObjdump(c) ?? null);
    });
  }
});
