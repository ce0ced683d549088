// Live differential test against the local GNU as (present on CI): a deterministic random sample of
// instruction lines built from the ISA table, assembled by GNU as and by assemble(), compared line by line.
// X86LAB_ORACLE=1 runs the whole generated corpus instead of a sample; X86LAB_SEED picks another sample.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLines, hasGnuAs, randomLines, runGnuAs } from '../../scripts/asm-corpus-lib.js';
import { assembleLines } from '../encode/assemble-check.js';
import { agrees } from '../encode/corpus-check.js';

const full = process.env.X86LAB_ORACLE === '1';
const seed = Number(process.env.X86LAB_SEED ?? 20240601);

describe.skipIf(!hasGnuAs())('encoder vs live GNU as', () => {
  for (const mode of [64, 32] as const) {
    it(`--${mode}: ${full ? 'whole generated corpus' : 'random sample'} agrees byte for byte`, () => {
      const lines = full ? generateLines(mode) : randomLines(mode, 3000, seed + mode);
      const gnu = runGnuAs(lines, mode);
      const ours = assembleLines(lines, mode);
      // Lines pinned as known differences in the golden test (e.g. SSE `movq %rax,%xmm0`) are not news here.
      const kp = join(__dirname, '..', 'golden', 'asm', `known-diffs-asm${mode}.txt`);
      const known = new Set(existsSync(kp) ? readFileSync(kp, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')) : []);
      const bad = lines.flatMap((l, i) => (agrees(gnu[i], ours[i]) || known.has(l) ? [] : [`${l}\n  gnu: ${gnu[i]}\n  us:  ${ours[i]}`]));
      const rate = (lines.length - bad.length) / lines.length;
      console.log(`--${mode}: ${lines.length - bad.length}/${lines.length} lines agree (${(rate * 100).toFixed(2)}%)`);
      // The corpus test pins the few known differences; a live sample must be all but clean.
      expect(bad.slice(0, 20)).toEqual([]);
    });
  }
});
