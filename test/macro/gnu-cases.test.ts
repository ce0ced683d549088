// End-to-end checks of the macro layer through the real assembler against GNU as 2.40:
// section bytes and every message (text, line, "macro invoked from here" chains) must match.
// Golden data: test/golden/macro/*.json (npm run golden:cpp-macro); live when `as` exists.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_AS } from '../asm/oracle.js';
import { MACRO_CASES, gnu, ours, type Outcome } from './gnu.js';

const cases = readdirSync(MACRO_CASES).filter((f) => f.endsWith('.s')).sort();
const GOLDEN = join(__dirname, '../golden/macro');

describe('macro layer matches GNU as (golden)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(6));
  for (const name of cases) {
    it(name, () => {
      const golden = JSON.parse(readFileSync(join(GOLDEN, name.replace(/\.s$/, '.json')), 'utf8')) as Outcome;
      expect(ours(name)).toEqual(golden);
    });
  }
});

describe.runIf(HAVE_AS)('macro layer matches GNU as (live)', () => {
  for (const name of cases) it(name, () => expect(ours(name)).toEqual(gnu(name)));
});
