// Branch relaxation, spelled out: a jmp/jcc stays short (rel8) exactly while its target is within
// -128..+127 of the next instruction, and growing one branch can push another out of range, so the
// pass iterates to a fixed point in address order — as GNU as does. Expected bytes are GNU as 2.40's
// (checked against a live `as` when installed; the generated sweep is in cases/gen-relax.s).

import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { gnuAssemble, HAVE_AS } from './oracle.js';

function text(src: string, mode: 32 | 64 = 64): string {
  const r = assemble(src, { mode, file: 't.s' });
  expect(r.diagnostics).toEqual([]);
  return Buffer.from(r.sections[0].bytes).toString('hex');
}

const CASES: [string, string, number, string][] = [
  // name, source, how many leading hex chars to compare, GNU's bytes
  ['forward over 127 bytes: short', '\tjmp 1f\n\t.fill 127,1,0x90\n1:\n', 4, 'eb7f'],
  ['forward over 128 bytes: near', '\tjmp 1f\n\t.fill 128,1,0x90\n1:\n', 10, 'e980000000'],
  ['jcc forward over 128 bytes: near', '\tjne 1f\n\t.fill 128,1,0x90\n1:\n', 12, '0f8580000000'],
  ['backward -128: short', '1:\t.fill 126,1,0x90\n\tjne 1b\n', -4, '7580'],
  ['backward -129: near', '1:\t.fill 127,1,0x90\n\tjne 1b\n', -12, '0f857bffffff'],
  ['chain that still fits', '\tjmp 2f\n\tjmp 3f\n\t.fill 120,1,0x90\n\tjmp 2f\n2:\t.fill 4,1,0x90\n3:\n', 8, 'eb7ceb7e'],
  ['chain pushed out of range by a grown branch', '\tjmp 2f\n\tjmp 3f\n\t.fill 121,1,0x90\n\tjmp 4f\n2:\t.fill 4,1,0x90\n3:\t.fill 130,1,0\n4:\n', 20, 'e983000000e982000000'],
];

describe('relaxation', () => {
  for (const [name, src, n, want] of CASES) {
    it(name, () => {
      const hex = text(src);
      expect(n > 0 ? hex.slice(0, n) : hex.slice(n)).toBe(want);
    });
    it.runIf(HAVE_AS)(`${name} (live GNU as agrees)`, () => {
      const g = gnuAssemble(src, 64).sections.find((s) => s.name === '.text')!.hex;
      expect(g).toBe(text(src));
    });
  }
  it('a branch to another section or an undefined symbol is near, with a relocation', () => {
    const r = assemble('\tjmp ext\n\tje other\n\t.section .text.b,"ax"\nother: ret\n', { mode: 64, file: 't.s' });
    expect(Buffer.from(r.sections[0].bytes).toString('hex')).toBe('e9000000000f8400000000');
    expect(r.relocations.map((x) => [x.offset, x.type, x.symbol, Number(x.addend)])).toEqual([
      [1, 'R_X86_64_PLT32', 'ext', -4],
      [7, 'R_X86_64_PC32', '.text.b', -4],
    ]);
  });
  it('i386 keeps the addend in the bytes (REL)', () => {
    const r = assemble('\tjmp ext\n', { mode: 32, file: 't.s' });
    expect(Buffer.from(r.sections[0].bytes).toString('hex')).toBe('e9fcffffff');
    expect(r.relocations[0]).toMatchObject({ offset: 1, type: 'R_386_PC32', symbol: 'ext' });
  });
});
