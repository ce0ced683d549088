// The foreign-suite runner (scripts/foreign-suite-lib.ts) on a small input written for this test in
// the shape of LLVM's test/MC/X86 files (foreign-suite/tiny.s): how it cuts a file into statements,
// and that its batched classification (one GNU `as` run per batch, errors mapped back by line) is
// what assembling each statement on its own with GNU as and x86lab gives.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { toElf } from '../../src/output/elf.js';
import { batchText, classify, sectionView, splitFile, type Status, type Unit } from '../../scripts/foreign-suite-lib.js';
import { readObj } from './object-view.js';
import { HAVE_AS } from './oracle.js';

const TINY = readFileSync(join(import.meta.dirname, 'foreign-suite', 'tiny.s'), 'utf8');
const split = splitFile(TINY, 'tiny.s');
const at = (line: number, text: RegExp): Unit => {
  const u = split.units.find((x) => x.line === line && text.test(x.text));
  if (!u) throw new Error(`no unit at line ${line} matching ${text}`);
  return u;
};

describe('foreign-suite: splitting', () => {
  it('takes GNU mode and syntax from the RUN line', () => expect(split.mode).toBe(64));
  it('drops comment lines and trailing comments, splits on `;`', () => {
    expect(at(4, /movl/).text).toBe('movl\t$1, %eax');
    expect(split.units.filter((u) => u.line === 6).map((u) => u.text)).toEqual(['addq\t%rbx, (%rcx)', 'nop']);
    expect(split.units.some((u) => /CHECK|encoding/.test(u.text))).toBe(false);
    expect(at(13, /rex64/).text).toBe('rex64 movb $0x1, %ah');
  });
  it('carries equates, labels (before or after), numeric labels and macros along', () => {
    expect(at(8, /movl/).before).toEqual(['.set\tten, 10']);
    expect(at(10, /jmp/).before).toEqual(['target:']);
    expect(at(11, /jne/).after).toEqual(['1:']);
    expect(at(12, /call/).after).toEqual(['later:']);
    expect(at(28, /twice/).before[0]).toMatch(/^\.macro\ttwice insn\n\\insn\n\\insn\n\.endm$/);
  });
  it('keeps .code16/.code32/.code64 and .intel_syntax/.att_syntax state', () => {
    expect(at(15, /pushl/).code).toBe('.code32');
    expect(at(17, /movl/).code).toBe('.code16');
    expect(at(20, /mov/)).toMatchObject({ code: '.code64', syntax: 'intel', prefixFlip: false });
    expect(at(23, /\.byte/).syntax).toBe('att');
  });
});

/** One unit assembled on its own by GNU as and by x86lab: the status the batched run must agree with. */
function alone(i: number): Status {
  const { text } = batchText(split.units, [i]);
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-foreign-'));
  try {
    writeFileSync(join(dir, 'u.s'), text);
    const g = spawnSync('as', ['--64', '-o', 'u.o', 'u.s'], { cwd: dir, encoding: 'utf8' });
    const r = assemble(text, { mode: 64, file: 'u.s', listing: false });
    const gnuOk = g.status === 0;
    const labOk = r.errors === 0;
    if (!gnuOk) return labOk ? 'GNU rejects' : 'both reject';
    if (!labOk) return 'x86lab rejects';
    const gv = sectionView(readObj(new Uint8Array(readFileSync(join(dir, 'u.o')))), i);
    return gv === sectionView(readObj(toElf(r)), i) ? 'identical' : 'differs';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(HAVE_AS)('foreign-suite: classifying against GNU as (live)', () => {
  it('gives each statement the status it has on its own', async () => {
    const results = await classify(split, { batch: 7 });
    expect(results.map((r) => `${r.unit.line} ${r.unit.text}: ${r.status}`)).toEqual(split.units.map((u, i) => `${u.line} ${u.text}: ${alone(i)}`));
    // The input has statements of each kind GNU decides: accepted, and refused.
    expect(results.some((r) => r.status === 'identical')).toBe(true);
    expect(results.some((r) => r.status === 'both reject')).toBe(true);
    expect(results.find((r) => /xmm0/.test(r.unit.text))?.simd).toBe(true);
    expect(results.filter((r) => r.simd)).toHaveLength(1);
  });
});
