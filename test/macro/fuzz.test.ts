// Randomised differential check of macro argument splitting, quoting, defaults, :req/:vararg,
// keyword arguments, .irp/.irpc and .ifc/.ifb against GNU as (fuzz-gen.ts). Golden: GNU's
// output for seeds 1..N in test/golden/macro/fuzz.json; live: a sample re-run with `as`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_AS } from '../asm/oracle.js';
import { genCase, genCase2, genCase3, gnuRun, layerRun } from './fuzz-gen.js';
import { liveSeed } from '../seed.js';

const golden = JSON.parse(readFileSync(join(__dirname, '../golden/macro/fuzz.json'), 'utf8')) as string[][];
const golden2 = JSON.parse(readFileSync(join(__dirname, '../golden/macro/fuzz2.json'), 'utf8')) as string[][];
const golden3 = JSON.parse(readFileSync(join(__dirname, '../golden/macro/fuzz3.json'), 'utf8')) as string[][];

describe('random macro programs agree with GNU as', () => {
  it(`golden: seeds 1..${golden.length}`, () => {
    expect(golden.length).toBeGreaterThanOrEqual(300);
    const bad = golden.map((g, i) => ({ seed: i + 1, ok: JSON.stringify(layerRun(genCase(i + 1))) === JSON.stringify(g) })).filter((r) => !r.ok);
    expect(bad).toEqual([]);
  });

  it(`golden, nested invocations: seeds 1..${golden2.length}`, () => {
    expect(golden2.length).toBeGreaterThanOrEqual(200);
    const bad = golden2.map((g, i) => ({ seed: i + 1, ok: JSON.stringify(layerRun(genCase2(i + 1))) === JSON.stringify(g) })).filter((r) => !r.ok);
    expect(bad).toEqual([]);
  });

  it(`golden, conditional/repetition structure: seeds 1..${golden3.length}`, () => {
    expect(golden3.length).toBeGreaterThanOrEqual(300);
    const bad = golden3.map((g, i) => ({ seed: i + 1, ok: JSON.stringify(layerRun(genCase3(i + 1))) === JSON.stringify(g) })).filter((r) => !r.ok);
    expect(bad).toEqual([]);
  });

  // A fixed window by default so CI is reproducible; sweep others with X86LAB_SEED=N (known
  // outlier: seed 189399 (structure), GNU's recovery after "too many positional arguments" inside
  // an unterminated conditional, not reproduced).
  it.runIf(HAVE_AS)('live: a sample of seeds beyond the golden ones', () => {
    const start = liveSeed(100000);
    for (let s = start; s < start + 20; s++) {
      expect(layerRun(genCase(s)), `seed ${s}`).toEqual(gnuRun(genCase(s)));
      expect(layerRun(genCase2(s)), `seed ${s} (nested)`).toEqual(gnuRun(genCase2(s)));
      expect(layerRun(genCase3(s)), `seed ${s} (structure)`).toEqual(gnuRun(genCase3(s)));
    }
  });
});
