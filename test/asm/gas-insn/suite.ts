// One harness for the GNU-golden case files (gas-insn, gas-mpx, gas-bss): each case is assembled by
// x86lab and compared with the golden GNU as 2.40 / objdump 2.40 made (outcome: object or messages;
// objdump -d of x86lab's object against objdump's of GNU's), and, where the tools are installed,
// with them live.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../src/asm/assemble.js';
import { applyGasOption, type MutableGasOptions } from '../../../src/asm/gas-options.js';
import { disassembleElf } from '../../../src/cli/dis.js';
import { toElf } from '../../../src/output/elf.js';
import { gnuOutcome, x86labOutcome, type Outcome } from '../gas-options/lib.js';
import type { OptionCase } from '../gas-options/cases.js';
import { gnuObjdump } from './lib.js';
import { HAVE_AS } from '../oracle.js';

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

/** The golden and live suites for `cases`, whose goldens are in `goldenPath`. */
export function describeGasCases(title: string, cases: readonly OptionCase[], goldenPath: string): void {
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, { outcome: Outcome; objdump: string | null }>;
  describe(`${title} (golden)`, () => {
    it('has a golden per case', () => expect(Object.keys(golden).sort()).toEqual(cases.map((c) => c.name).sort()));
    for (const c of cases) {
      it(c.name, () => {
        expect(x86labOutcome(c)).toEqual(golden[c.name].outcome);
        expect(x86labObjdump(c)).toBe(golden[c.name].objdump);
      });
    }
  });
  describe.runIf(HAVE_AS)(`${title} (live)`, () => {
    for (const c of cases) {
      it(c.name, () => {
        expect(x86labOutcome(c)).toEqual(gnuOutcome(c));
        expect(x86labObjdump(c)).toBe(gnuObjdump(c) ?? null);
      });
    }
  });
}
