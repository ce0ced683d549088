// GNU as's machine options (-march, -mtune, .arch, ...; src/asm/gas-options.ts, src/asm/arch.ts):
// self-written cases (gas-options/cases.ts) against goldens made by GNU as 2.40 and, where `as`
// is installed, against GNU as live.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASES } from './gas-options/cases.js';
import { GOLDEN, gnuOutcome, x86labOutcome, type Outcome } from './gas-options/lib.js';
import { HAVE_AS } from './oracle.js';

const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Outcome>;

describe('GNU as options (golden)', () => {
  it('has a golden per case', () => expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort()));
  for (const c of CASES) it(c.name, () => expect(x86labOutcome(c)).toEqual(golden[c.name]));
});

describe.runIf(HAVE_AS)('GNU as options (live)', () => {
  for (const c of CASES) it(c.name, () => expect(x86labOutcome(c)).toEqual(gnuOutcome(c)));
});
