// Large .rept counts of constant data (src/asm/rept-replay.ts): the bytes equal GNU as 2.40's
// (SHA-256 of the section, measured with GNU as and re-checked live where it is installed), the
// section contents limit is a clean error at the .rept line, and bodies that are not constant
// data keep the statement limit.

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { HAVE_AS } from './oracle.js';

// 18 MB of .data: 3,000,000 passes, past the 1,000,000-statement limit of other bodies.
const BIG = '.data\n.rept 3000000\n.byte 7,0\n.long 0x1234\n.endr\n';
/** sha256 of GNU as 2.40's .data for BIG (objcopy -O binary -j .data), 18000000 bytes. */
const BIG_SHA = '798632020859d9e3c5ffb2bb496e4a80646e8a6367feed837f21a23d9926bea8';

const dataOf = (src: string) => {
  const r = assemble(src, { mode: 64, file: 'in.s', listing: false });
  return { r, data: r.sections.find((s) => s.name === '.data') };
};

describe('.rept of constant data', () => {
  it('3,000,000 passes: the bytes GNU as writes', () => {
    const { r, data } = dataOf(BIG);
    expect(r.diagnostics).toEqual([]);
    expect(data?.size).toBe(18000000);
    expect(createHash('sha256').update(data!.bytes).digest('hex')).toBe(BIG_SHA);
  });

  it('past the section contents limit: an error at the .rept line, no runaway', () => {
    const r = assemble('.data\nx: .long 1\n.rept 300000000\n.byte 0\n.endr\n', { mode: 64, file: 'in.s', listing: false });
    expect(r.diagnostics.map((d) => `${d.loc.line}: ${d.message}`)).toEqual([`3: section .data would grow past x86lab's limit of 256 MiB of section contents`]);
  });

  it('a body that is not constant data keeps the statement limit', () => {
    const r = assemble('.data\nx: .rept 2000000\n.long x\n.endr\n', { mode: 64, file: 'in.s', listing: false });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['.rept count 2000000 is too large: the expansion would exceed 1000000 statements']);
  });
});

describe.runIf(HAVE_AS)('.rept of constant data (live GNU as)', () => {
  it('3,000,000 passes: GNU as writes the golden bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-rept-'));
    try {
      writeFileSync(join(dir, 'in.s'), BIG);
      expect(spawnSync('as', ['--64', '-o', 'out.o', 'in.s'], { cwd: dir }).status).toBe(0);
      expect(spawnSync('objcopy', ['-O', 'binary', '-j', '.data', 'out.o', 'data.bin'], { cwd: dir }).status).toBe(0);
      expect(createHash('sha256').update(readFileSync(join(dir, 'data.bin'))).digest('hex')).toBe(BIG_SHA);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
