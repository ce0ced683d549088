// x86lab's disassembly against committed objdump output (runs without binutils).
import { describe, expect, it } from 'vitest';
import { checkGolden, readGolden } from './golden-data.js';

const FILES = [
  // file, mode, minimum share of instructions x86lab must decode (the rest is SSE/AVX/x87, outside the ISA table)
  ['real64', 64, 0.95],
  ['real32', 32, 0.99],
  ['asm64', 64, 0.999],
  ['asm32', 32, 0.995],
] as const;

describe('disassembly equals objdump -d on the committed golden data', () => {
  for (const [name, mode, minCoverage] of FILES) {
    it(`${name}: every decoded instruction has objdump's length and text`, () => {
      const rows = readGolden(`test/golden/dis/${name}.txt`);
      expect(rows.length).toBeGreaterThan(1000);
      const r = checkGolden(rows, mode);
      expect(r.mismatches.slice(0, 20)).toEqual([]);
      expect(r.agree).toBe(r.covered);
      expect(r.covered / r.total).toBeGreaterThanOrEqual(minCoverage);
    });
  }
});
