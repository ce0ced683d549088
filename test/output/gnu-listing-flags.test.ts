// GNU listings with every `-a` option string (test/output/listing-oracle.ts): x86lab's listing
// against GNU as 2.40's — live where GNU as exists, else against the SHA-256 of GNU's listings in
// test/golden/listing/flags.tsv. Pairs listed in known-diffs.txt may differ (docs/elf.md says why);
// every other pair must be identical, and a known diff that now matches must leave the list.
// Each run takes a fixed-seed sample (X86LAB_SEED=N picks another); X86LAB_LISTING_ALL=1 (npm run
// test:listing-all) runs every pair. Regenerate the golden files with `npm run golden:listing`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './elf-inputs.js';
import { HAVE_AS, sha256 } from './elf-oracle.js';
import { gnuListingText, LISTING_FLAGS, listingInputs, x86labListing } from './listing-oracle.js';
import { liveSeed } from '../seed.js';

const rows = readFileSync(join(ROOT, 'test/golden/listing/flags.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const golden = new Map(rows.map((l) => { const [p, f, h] = l.split('\t'); return [`${p}\t${f}`, h]; }));
const known = new Set(readFileSync(join(ROOT, 'test/golden/listing/known-diffs.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));

const pairs = listingInputs().flatMap((input) => LISTING_FLAGS.map((flags) => ({ input, flags })));
const SAMPLE = 120;

function sample<T>(all: T[], n: number, seed: number): T[] {
  if (process.env.X86LAB_LISTING_ALL || all.length <= n) return all;
  let s = seed >>> 0 || 1;
  const next = (): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
  const a = [...all];
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a.slice(0, n);
}

describe(`GNU listings with -a option strings (${HAVE_AS ? 'live' : 'recorded'})`, () => {
  it('every input and option string has a golden row', () => {
    for (const { input, flags } of pairs) expect(golden.has(`${input.path}\t${flags}`), `${input.path} ${flags}`).toBe(true);
  });
  for (const { input, flags } of sample(pairs, SAMPLE, liveSeed(12))) {
    const id = `${input.path}\t${flags}`;
    it(`${input.path} ${flags}`, () => {
      const x = x86labListing(input, flags);
      const recorded = golden.get(id);
      if (HAVE_AS) {
        const gnu = gnuListingText(input, flags);
        expect(gnu === undefined ? 'error' : sha256(gnu), 'stale golden row').toBe(recorded);
        if (gnu === undefined) { expect(x).toBeUndefined(); return; }
        if (known.has(id)) { expect(x, 'known diff now identical: remove it from known-diffs.txt').not.toBe(gnu); return; }
        expect(x).toBe(gnu);
        return;
      }
      if (recorded === 'error') { expect(x).toBeUndefined(); return; }
      const same = x !== undefined && sha256(x) === recorded;
      expect(same).toBe(!known.has(id));
    });
  }
});
