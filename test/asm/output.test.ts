// The output stage: -f bin is the .text bytes; -f json carries every section, symbol, relocation
// and listing record, with 64-bit values that do not fit a JS number written as decimal strings.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { toBin } from '../../src/output/bin.js';
import { toJsonObject } from '../../src/output/json.js';
import { render } from '../../src/output/index.js';

const SRC = [
  '\t.text',
  'f:\tpushq %rbp',
  '\tcall ext; ret',
  '\t.data',
  'd:\t.quad 0x8000000000000000, f',
  '\t.bss',
  'b:\t.zero 16',
  '\t.comm c, 8, 8',
  'big = 0x123456789abcdef0',
  '\t.section .rodata',
  '\t.byte 300',
].join('\n');

describe('output', () => {
  const r = assemble(SRC, { mode: 64, file: 'o.s' });
  it('assembles with one warning and no error', () => {
    expect(r.errors).toBe(0);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.loc.line} ${d.message}`)).toEqual(['warning 11 value 0x12c truncated to 0x2c']);
  });
  it('bin is the bytes of .text', () => {
    expect(Buffer.from(toBin(r)).toString('hex')).toBe('55e800000000c3');
    expect(Buffer.from(render(r, 'bin', { file: 'o.s' })).toString('hex')).toBe('55e800000000c3');
  });
  it('json lists sections, symbols, relocations, listing and warnings', () => {
    const j = toJsonObject(r, { file: 'o.s' }) as Record<string, unknown[]>;
    expect(j.sections).toEqual([
      { name: '.text', flags: 'ax', type: 'progbits', align: 1, size: 7, hex: '55e800000000c3' },
      { name: '.data', flags: 'aw', type: 'progbits', align: 1, size: 16, hex: '00000000000000800000000000000000' },
      { name: '.bss', flags: 'aw', type: 'nobits', align: 1, size: 16, hex: '' },
      { name: '.rodata', flags: 'a', type: 'progbits', align: 1, size: 1, hex: '2c' },
    ]);
    expect(j.symbols).toEqual([
      { name: 'f', section: '.text', value: 0, binding: 'local' },
      { name: 'ext', section: '*UND*', value: 0, binding: 'global' },
      { name: 'd', section: '.data', value: 0, binding: 'local' },
      { name: 'b', section: '.bss', value: 0, binding: 'local' },
      { name: 'c', section: '*COM*', value: 8, binding: 'global', type: 'object', size: 8 },
      { name: 'big', section: '*ABS*', value: '1311768467463790320', binding: 'local' },
    ]);
    expect(j.relocations).toEqual([
      { section: '.text', offset: 2, type: 'R_X86_64_PLT32', symbol: 'ext', addend: -4 },
      { section: '.data', offset: 8, type: 'R_X86_64_64', symbol: '.text', addend: 0 },
    ]);
    // `call ext; ret` is one source line: one listing record.
    expect(j.listing).toEqual([
      { file: 'o.s', line: 2, section: '.text', offset: 0, hex: '55' },
      { file: 'o.s', line: 3, section: '.text', offset: 1, hex: 'e800000000c3' },
      { file: 'o.s', line: 5, section: '.data', offset: 0, hex: '00000000000000800000000000000000' },
      { file: 'o.s', line: 7, section: '.bss', offset: 0, hex: '00'.repeat(16) },
      { file: 'o.s', line: 11, section: '.rodata', offset: 0, hex: '2c' },
    ]);
    expect(j.warnings).toEqual([{ file: 'o.s', line: 11, message: 'value 0x12c truncated to 0x2c' }]);
  });
});
