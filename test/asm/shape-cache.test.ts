// The shape cache (src/asm/shape-cache.ts) replays `MNEMONIC SYMBOL` lines with another symbol's
// name. Its cases name symbols of every kind (labels before and after, undefined, global, weak,
// equated, ifunc, .code16/.code32 switches, prefix mnemonics that look like the shape) and must
// give GNU as's object byte for byte: live where `as` exists, else against the SHA-256 of GNU's
// objects recorded in shape-cache/objects.tsv.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { ShapeCache, symbolShape } from '../../src/asm/shape-cache.js';
import { toElf } from '../../src/output/elf.js';

const DIR = join(__dirname, 'shape-cache');
const HAVE_AS = spawnSync('as', ['--version'], { encoding: 'utf8' }).status === 0;
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const recorded = readFileSync(join(DIR, 'objects.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

function gnuSha(file: string, mode: string): string {
  const tmp = mkdtempSync(join(tmpdir(), 'x86lab-shape-'));
  try {
    const obj = join(tmp, 'out.o');
    const r = spawnSync('as', [`--${mode}`, '-o', obj, join(DIR, file)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return sha256(readFileSync(obj));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe(`shape cache: objects identical to GNU as's (${HAVE_AS ? 'live' : 'recorded hashes'})`, () => {
  for (const [file, mode, sha] of recorded) {
    it(file, () => {
      const spy = vi.spyOn(ShapeCache.prototype, 'replay');
      const r = assemble(readFileSync(join(DIR, file), 'utf8'), { mode: Number(mode) as 32 | 64, file });
      expect(r.diagnostics).toEqual([]);
      // The cache was used, so the comparison tests it.
      expect(spy.mock.results.filter((x) => x.value === true).length).toBeGreaterThan(4);
      const ours = sha256(toElf(r));
      expect(ours).toBe(HAVE_AS ? gnuSha(file, mode) : sha);
    });
  }
});

describe('symbolShape', () => {
  it('takes a mnemonic and one plain symbol', () => {
    expect(symbolShape('\tjne\t.L1')).toEqual({ mnemonic: 'jne', sym: '.L1' });
    expect(symbolShape('  call   f$12  ')).toEqual({ mnemonic: 'call', sym: 'f$12' });
    expect(symbolShape('JMP _x.y')).toEqual({ mnemonic: 'JMP', sym: '_x.y' });
  });
  it('refuses everything else', () => {
    for (const t of ['rep movsb', 'lock foo', 'rex.w foo', 'jmp *foo', 'call foo@PLT', 'jmp .', 'jmp 1f', 'jmp foo+4', 'jmp "q"',
      'jmp foo,bar', 'x: jmp foo', 'jmp', 'jmp %rax', 'movl foo, %eax', '.byte foo', 'call _GLOBAL_OFFSET_TABLE_', 'jmp fo\u00e9']) {
      expect(symbolShape(t), t).toBeUndefined();
    }
  });
});
