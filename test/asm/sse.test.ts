// The legacy SIMD rows (SSE to SSE4.2, AES-NI, PCLMULQDQ, MMX) against GNU as 2.40 and objdump,
// generated from the ISA table (sse-oracle.ts): every row x operand shapes encodes to GNU's bytes
// (or is refused where GNU refuses it), and GNU's bytes, also with other prefixes in front, decode
// and print as objdump -d and -M intel print them. Goldens in sse/golden/ come from sse-gen.ts;
// where the tools are installed a per-run sample (fixed seed) is re-checked live.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded } from '../../src/decode/att.js';
import { defaultTables } from '../../src/decode/default.js';
import { newDecoded } from '../../src/decode/types.js';
import { userHandlers } from '../../src/cpu/dispatch.js';
import { agrees, ourResult } from '../encode/corpus-check.js';
import { HAVE_AS } from './oracle.js';
import { SIMD_FORMS, SSE_DIR, asmLines, gnuDis, gnuLines, type Mode } from './sse-oracle.js';
import { xorshift32 } from '../xorshift.js';

const golden = (f: string): string[] => readFileSync(join(SSE_DIR, 'golden', f), 'utf8').split('\n').filter((l) => l);
const readLines = (mode: Mode): [string, string][] => golden(`lines.${mode}.tsv`).map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)]);
const readDis = (mode: Mode): [string, string, string, string][] => golden(`dis.${mode}.tsv`).map((l) => l.split('\t') as [string, string, string, string]);

/** Rows whose decoded text differs from objdump's: `hex: objdump / x86lab`. */
function disDiffs(rows: readonly [string, string, string, string][], mode: Mode): string[] {
  const d = newDecoded();
  const bad: string[] = [];
  const text = Uint8Array.from(Buffer.from(rows.map((r) => r[1]).join(''), 'hex'));
  let at = 0;
  for (const [, hex, att, intel] of rows) {
    decodeInto(d, text, at, mode, at, 0);
    const a = formatDecoded(d, text, at, at, 0);
    const i = formatDecoded(d, text, at, at, 0, undefined, defaultTables(), 'intel');
    if (d.length !== hex.length / 2 || a !== att || i !== intel) bad.push(`${hex}: '${att}' / '${intel}' vs '${a}' / '${i}' (length ${d.length})`);
    at += hex.length / 2;
  }
  return bad;
}

for (const mode of [32, 64] as const) {
  describe(`legacy SIMD rows --${mode}`, () => {
    it('the goldens cover every row of the mode', () => {
      expect(readLines(mode).map(([l]) => l)).toEqual(asmLines(mode));
    });

    it('each line encodes as GNU as encodes it, or is refused where GNU refuses it', () => {
      const bad = readLines(mode).filter(([line, want]) => !agrees(want, ourResult(line, mode))).map(([l, w]) => `${l}: ${w} vs ${ourResult(l, mode)}`);
      expect(bad).toEqual([]);
    });

    it('GNU\'s bytes (and prefixed variants) disassemble as objdump -d and -M intel print them, except the listed known differences', () => {
      const rows = readDis(mode);
      expect(rows.length).toBeGreaterThan(5000);
      // Known: objdump's naming of a second, unused mandatory prefix (f3 66 0f 2e: data16 (bad), but
      // f3 66 0f 28: (bad)) and of REX/segment bytes before an undefined prefix/opcode pair, which
      // follows how its tables spell each opcode; and its movq2dq/movdq2q under 66h. The list must be exact.
      const known = golden(`known-dis-diffs.${mode}.txt`).filter((l) => !l.startsWith('#'));
      const diffs = [...new Set(disDiffs(rows, mode).map((l) => l.slice(0, l.indexOf(':'))))].sort();
      expect(diffs).toEqual(known);
    });

    it.runIf(HAVE_AS)('a sample of the goldens is what GNU as and objdump give here (live)', () => {
      const next = xorshift32(0x55e + mode);
      const lines = readLines(mode);
      const pick = Array.from({ length: 300 }, () => lines[next() % lines.length]);
      expect(gnuLines(pick.map(([l]) => l), mode)).toEqual(pick.map(([, r]) => r));
      const rows = readDis(mode);
      const start = next() % Math.max(1, rows.length - 400);
      // A run of whole instructions decodes the same wherever it starts in .text.
      const slice = rows.slice(start, start + 400);
      expect(gnuDis(slice.map((r) => r[1]), mode, parseInt(slice[0][0], 16))).toEqual(slice);
    });
  });
}

describe('the executor', () => {
  it('stops at every legacy SIMD row, naming it (no MMX/XMM state modelled)', () => {
    const h = userHandlers();
    for (const f of SIMD_FORMS) {
      expect(h.unhandled.has(f.sem), f.id).toBe(true);
      expect(() => h.fns[f.index](undefined as never, undefined as never), f.id).toThrow(`unsupported: instruction ${f.mnem} (${f.id}) is not modelled`);
    }
  });
});
