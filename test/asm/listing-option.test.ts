// assemble({ listing: false }) (what `x86lab as -f bin` uses): no per-line listing is kept, and
// nothing else changes — sections, symbols, relocations and diagnostics are the same.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';

const src = readFileSync(join(import.meta.dirname, 'cases', 'repeated.s'), 'utf8');

describe('assemble listing option', () => {
  for (const mode of [64, 32] as const) {
    it(`--${mode}: listing off changes nothing but the listing`, () => {
      const on = assemble(src, { mode, file: 'repeated.s' });
      const off = assemble(src, { mode, file: 'repeated.s', listing: false });
      expect(on.listing.length).toBeGreaterThan(40);
      expect(off.listing).toEqual([]);
      expect(off.sections).toEqual(on.sections);
      expect(off.symbols).toEqual(on.symbols);
      expect(off.relocations).toEqual(on.relocations);
      expect(off.diagnostics).toEqual(on.diagnostics);
    });
  }
});
