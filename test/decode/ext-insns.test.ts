// The newer general-purpose extensions (src/isa/forms/ext.ts: CRC32, PTWRITE, ENQCMD, RAO-INT,
// UINTR, MSRLIST, TDX, SNP, MONITORX/MWAITX, ...): x86lab assembles them and its disassembler
// prints GNU's object exactly as objdump -d does. The goldens are objdump 2.40's output for GNU
// as 2.40's object (regenerate: as --NN extNN.s && objdump -d, file name replaced by FILE);
// where the tools exist the golden is re-checked live.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { assemble } from '../../src/asm/assemble.js';
import { toElf } from '../../src/output/elf.js';
import { disassembleElf } from '../../src/cli/dis.js';

const DIR = join(import.meta.dirname, 'ext-insns');
const HAVE = spawnSync('as', ['--version']).status === 0 && spawnSync('objdump', ['--version']).status === 0;

// bare64.s: an object without defined symbols, whose branch targets objdump prints as bare addresses.
for (const [name, mode] of [['ext64', 64], ['ext32', 32], ['bare64', 64]] as const) {
  describe(`${name}.s`, () => {
    const src = readFileSync(join(DIR, `${name}.s`), 'utf8');
    const golden = readFileSync(join(DIR, `${name}.objdump`), 'utf8');
    it('x86lab assembles it and disassembles its own object as objdump does GNU\'s', () => {
      const r = assemble(src, { mode, file: `${name}.s` });
      expect(r.diagnostics).toEqual([]);
      expect(disassembleElf(toElf(r), 'FILE')).toBe(golden);
    });
    it.runIf(HAVE)('the golden equals a live GNU as + objdump run', () => {
      const obj = join(mkdtempSync(join(tmpdir(), 'x86lab-ext-')), 'e.o');
      expect(spawnSync('as', [`--${mode}`, '-o', obj, join(DIR, `${name}.s`)]).status).toBe(0);
      expect(spawnSync('objdump', ['-d', obj], { encoding: 'utf8' }).stdout.replaceAll(obj, 'FILE')).toBe(golden);
    });
  });
}
