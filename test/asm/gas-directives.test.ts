// GNU as's directives, options and error checks that the binutils i386 suite exercises
// (floating-point data, bundles, .code16gcc, pseudo-prefix and operand checks, .nops limits,
// 16-bit PLT, 32-bit wrap-around, --compress-debug-sections): self-written cases
// (gas-directives/cases.ts) against goldens made by GNU as 2.40 and, where `as` is installed,
// against GNU as live.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASES } from './gas-directives/cases.js';
import { GOLDEN, gnuOutcome, x86labOutcome, type Outcome } from './gas-directives/lib.js';
import { HAVE_AS } from './oracle.js';

const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Outcome>;

describe('GNU as directives (golden)', () => {
  it('has a golden per case', () => expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort()));
  for (const c of CASES) it(c.name, async () => expect(await x86labOutcome(c)).toEqual(golden[c.name]));
});

describe.runIf(HAVE_AS)('GNU as directives (live)', () => {
  for (const c of CASES) it(c.name, async () => expect(await x86labOutcome(c)).toEqual(gnuOutcome(c)));
});
