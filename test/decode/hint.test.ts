// The decoder on the 0F 18-1F hint space against objdump (binutils 2.40), AT&T and Intel: MPX with
// every prefix mix, (bad) bound registers and addresses, prefetch hints, prefetchit0/1 (RIP-relative
// only) and objdump's nop elsewhere (src/isa/forms/hint-space.ts, src/decode/hint-space.ts).
// Committed golden data (test/golden/dis/hint{64,32}.txt, scripts/dis-golden-hint.ts) runs
// everywhere; where objdump exists, a fresh sample is compared live.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disassembleSection } from '../../src/decode/listing.js';
import { haveObjdump } from './objdump-diff.js';
import { SLOT, hintCases, objdumpFirstLines, oursFirstLine } from './hint-cases.js';
import { liveSeed } from '../seed.js';

type Row = { addr: number; hex: string; len: number; att: string; intel: string };

function compareAll(rows: readonly Row[], mode: 32 | 64): string[] {
  const bad: string[] = [];
  for (const syntax of ['att', 'intel'] as const) {
    const dis = (b: Uint8Array, m: 32 | 64, a: bigint) => disassembleSection(b, m, a, [], { addrDigits: m === 64 ? 16 : 8, syntax });
    for (const r of rows) {
      const got = oursFirstLine(r.hex, mode, r.addr, dis);
      const want = syntax === 'att' ? r.att : r.intel;
      if (!got || got[0] !== r.len || got[1] !== want) bad.push(`${syntax} ${r.hex}: objdump ${r.len} '${want}' x86lab ${got ? `${got[0]} '${got[1]}'` : 'none'}`);
    }
  }
  return bad;
}

const golden = (mode: 32 | 64): Row[] =>
  readFileSync(join(__dirname, `../golden/dis/hint${mode}.txt`), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const [a, hex, len, att, intel] = l.split('\t');
    return { addr: parseInt(a, 16), hex, len: Number(len), att, intel };
  });

describe('0F 18-1F hint space decoding equals objdump (golden)', () => {
  for (const mode of [64, 32] as const) {
    it(`${mode}-bit: every case, AT&T and Intel`, () => {
      const rows = golden(mode);
      expect(rows.length).toBeGreaterThan(2900);
      const names = ['bndmk', 'bndcl', 'bndcu', 'bndcn', 'bndmov', 'bndldx', 'bndstx', 'nop', 'nopl', 'nopw', 'prefetcht0', ...(mode === 64 ? ['prefetchit0', 'prefetchit1', 'nopq'] : [])];
      for (const m of names) expect(rows.some((r) => r.att.split(/[ ,]+/).includes(m)), m).toBe(true);
      expect(rows.some((r) => r.att.includes('(bad)'))).toBe(true);
      expect(compareAll(rows, mode).slice(0, 20)).toEqual([]);
    });
  }
});

describe.skipIf(!haveObjdump())('0F 18-1F hint space decoding equals objdump (live)', () => {
  for (const mode of [64, 32] as const) {
    it(`${mode}-bit: a fresh sample`, () => {
      const cases = hintCases(mode, liveSeed(1819) + mode, 800);
      const att = objdumpFirstLines(cases, mode, []);
      const intel = objdumpFirstLines(cases, mode, ['-Mintel']);
      const rows = cases.flatMap((hex, i) => (att[i] && intel[i] ? [{ addr: i * SLOT, hex, len: att[i]![0], att: att[i]![1], intel: intel[i]![1] }] : []));
      expect(rows.length).toBeGreaterThan(750);
      expect(compareAll(rows, mode).slice(0, 20)).toEqual([]);
    });
  }
});
