// cpp macros inside GAS macro arguments, end to end against gcc -c (see e2e-gen.ts).
// Golden: test/golden/cpp/e2e.json (gcc's .text per seed); live: a fresh sample.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_GCC } from './gcc.js';
import { gccText, genS, ourText } from './e2e-gen.js';
import { liveSeed } from '../seed.js';

describe('random .S programs: cpp + GAS macros + instructions equal gcc -c', () => {
  it('golden seeds', () => {
    const golden = JSON.parse(readFileSync(join(__dirname, '../golden/cpp/e2e.json'), 'utf8')) as string[];
    expect(golden.length).toBeGreaterThanOrEqual(60);
    expect(golden.filter((g) => g !== '!error').length).toBeGreaterThan(40);
    const bad = golden.map((g, i) => i + 1).filter((seed) => ourText(genS(seed)) !== golden[seed - 1]);
    expect(bad).toEqual([]);
  });

  it.runIf(HAVE_GCC)('a fresh sample (live)', () => {
    const start = liveSeed(100000);
    for (let s = start; s < start + 8; s++) expect(ourText(genS(s)), `seed ${s}`).toBe(gccText(genS(s)));
  });
});
