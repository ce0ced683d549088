// Exact-spacing differential checks of the preprocessor against gcc -E (see fuzz-gen.ts).
// Golden: test/golden/cpp/fuzz.json and avoid-paste.txt; live with gcc.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_GCC } from './gcc.js';
import { gccOut, genCpp, ourOut, pasteSource } from './fuzz-gen.js';
import { liveSeed } from '../seed.js';

const GOLDEN = join(__dirname, '../golden/cpp');

describe('preprocessor output spacing equals gcc -E', () => {
  it('token pairs at macro boundaries (golden)', () => {
    const golden = readFileSync(join(GOLDEN, 'avoid-paste.txt'), 'utf8').split('\n').filter(Boolean);
    expect(golden.length).toBe(44 * 44);
    expect(ourOut(pasteSource())).toEqual(golden);
  });

  it('random macro programs (golden)', () => {
    const golden = JSON.parse(readFileSync(join(GOLDEN, 'fuzz.json'), 'utf8')) as string[][];
    expect(golden.length).toBeGreaterThanOrEqual(200);
    const bad = golden.map((g, i) => i + 1).filter((seed) => JSON.stringify(ourOut(genCpp(seed))) !== JSON.stringify(golden[seed - 1]));
    expect(bad).toEqual([]);
  });

  it.runIf(HAVE_GCC)('token pairs and a fresh sample of programs (live)', () => {
    expect(ourOut(pasteSource())).toEqual(gccOut(pasteSource()));
    const start = liveSeed(100000);
    for (let s = start; s < start + 25; s++) expect(ourOut(genCpp(s)), `seed ${s}`).toEqual(gccOut(genCpp(s)));
  });
});
