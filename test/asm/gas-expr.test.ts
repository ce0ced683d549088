// GNU as's expression and operand syntax (`[ ]` grouping, `@SIZE`, TLS specifiers, late `.nops`
// counts, ...): self-written cases (gas-expr/cases.ts) against goldens made by GNU as 2.40 and,
// where `as` is installed, against GNU as live.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES } from './gas-expr/cases.js';
import { gnuOutcome, x86labOutcome, type Outcome } from './gas-options/lib.js';
import { HAVE_AS } from './oracle.js';

const golden = JSON.parse(readFileSync(join(import.meta.dirname, 'gas-expr', 'golden.json'), 'utf8')) as Record<string, Outcome>;

describe('GNU as expressions (golden)', () => {
  it('has a golden per case', () => expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort()));
  for (const c of CASES) it(c.name, () => expect(x86labOutcome(c)).toEqual(golden[c.name]));
});

describe.runIf(HAVE_AS)('GNU as expressions (live)', () => {
  for (const c of CASES) it(c.name, () => expect(x86labOutcome(c)).toEqual(gnuOutcome(c)));
});
