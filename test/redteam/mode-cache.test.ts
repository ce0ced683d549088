// Regression: the encoder's per-mode caches once shared one slot between 16- and 32-bit code, so a
// mnemonic first seen after `.code16` (where x86lab has no forms yet) stayed "not supported" in
// 32-bit code for the rest of the process.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';

describe('encoder mode caches', () => {
  it('a .code16 lookup does not change 32-bit results', () => {
    assemble('.code16\nwbinvd\nljmpl $8, $0\npushw %ds\n', { mode: 32, file: 'a.s' });
    const r = assemble('wbinvd\nljmpl $0x10, $0x1000\npushw %ds\n', { mode: 32, file: 'b.s' });
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(Buffer.from(r.sections.find((s) => s.name === '.text')!.bytes).toString('hex')).toBe('0f09ea0010000010' + '00661e');
  });
});
