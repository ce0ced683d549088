// Truncated and mutated ELF input (real gcc/GNU as objects with merge sections and COMDAT groups, ld executables) never makes the
// reader, `dis`, the linker or the executable loader throw anything but their typed errors
// (ElfError, LinkError): no RangeError, no DataView message, no hang. Each run samples a fixed
// seed (X86LAB_SEED=N picks another); every truncation length of one object runs every time.

import { describe, it, expect, vi } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElfError, readElf } from '../../src/elf/read.js';
import { LinkError } from '../../src/link/errors.js';
import { inputFromElf } from '../../src/link/input.js';
import { linkInputs } from '../../src/link/link.js';
import { imageFromExecutable } from '../../src/link/exec.js';
import { disassembleElf } from '../../src/cli/dis.js';
import { liveSeed } from '../seed.js';

const FILES = [
  'examples/int3-c/int3_emulate-64.o',
  'examples/int3-c/int3_emulate-32.o',
  'test/link/fixtures/entry_64.gnu.o',
  'test/link/fixtures/zoo32a.o',
  'test/link/fixtures/int3-c-64.exe',
  'test/link/fixtures/int3-c-32.exe',
  'test/link/fixtures/merge3.o',
  'test/link/fixtures/rich32.o',
];

/** Everything the tools do with one file; returns the typed error's kind or 'ok'. */
function exercise(b: Uint8Array): string {
  try {
    const elf = readElf(b);
    disassembleElf(b, 'f');
    if (elf.type === 1) linkInputs([inputFromElf(b, 'f', elf)]);
    else imageFromExecutable(b, 'f', elf);
    return 'ok';
  } catch (e) {
    if (e instanceof ElfError) return e.kind;
    if (e instanceof LinkError) return 'link';
    throw new Error(`untyped ${(e as Error).name}: ${(e as Error).message}`);
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
}

describe('corrupt ELF input gives typed errors only', () => {
  it('every truncation of a gcc object', () => {
    const whole = new Uint8Array(readFileSync(FILES[0]));
    const kinds = new Map<string, number>();
    for (let n = 0; n < whole.length; n++) {
      const k = exercise(whole.slice(0, n));
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    // The section header table sits at the end of gcc's objects: every proper prefix is refused.
    expect(kinds.get('ok') ?? 0).toBe(0);
    expect(exercise(whole)).toBe('ok');
  });

  it('truncations of every fixture at sampled lengths', () => {
    const r = rng(liveSeed(12));
    for (const f of FILES) {
      const whole = new Uint8Array(readFileSync(f));
      // Whole files are good ELF (an object alone may still leave undefined references).
      expect(['ok', 'link']).toContain(exercise(whole));
      for (let k = 0; k < 150; k++) exercise(whole.slice(0, Math.floor(r() * whole.length)));
    }
  });

  it('random byte mutations (headers weighted)', () => {
    const r = rng(liveSeed(1234));
    let typed = 0, ok = 0;
    for (const f of FILES) {
      const whole = new Uint8Array(readFileSync(f));
      const elf = readElf(whole);
      const shoff = Number(elf.bits === 64 ? new DataView(whole.buffer).getBigUint64(0x28, true) : new DataView(whole.buffer).getUint32(0x20, true));
      for (let k = 0; k < 600; k++) {
        const b = whole.slice();
        const n = 1 + Math.floor(r() * 4);
        for (let j = 0; j < n; j++) {
          const where = r();
          // A third in the ELF header, a third in the section headers, a third anywhere.
          const at = where < 1 / 3 ? Math.floor(r() * 64) : where < 2 / 3 ? shoff + Math.floor(r() * (whole.length - shoff)) : Math.floor(r() * whole.length);
          if (at < b.length) b[at] = r() < 0.3 ? 0xff : Math.floor(r() * 256);
        }
        if (exercise(b) === 'ok') ok++; else typed++;
      }
    }
    expect(typed + ok).toBe(FILES.length * 600);
    expect(typed).toBeGreaterThan(0);
  });
});

describe('the commands report corrupt input in one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-fuzzcli-'));
  const whole = new Uint8Array(readFileSync(FILES[0]));
  const trunc = join(dir, 'trunc.o');
  writeFileSync(trunc, whole.slice(0, 700));
  const junk = join(dir, 'junk.o');
  writeFileSync(junk, 'hello\n');
  const cli = async (args: string[]): Promise<{ code: number; stderr: string }> => {
    let stderr = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { stderr += String(s); return true; });
    try {
      return { code: await main(args), stderr };
    } finally {
      o.mockRestore(); e.mockRestore();
    }
  };
  it('dis and run on a truncated object', async () => {
    const d = await cli(['dis', trunc]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/^x86lab dis: .*trunc\.o: file truncated \(section header table at 0x[0-9a-f]+\+\d+ is past the end of the 700-byte file\)\n$/);
    const r = await cli(['run', trunc]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^x86lab run: .*trunc\.o: file truncated \(.*\)\n$/);
    const j = await cli(['run', junk]);
    expect(j.code).toBe(1);
    expect(j.stderr).toMatch(/^x86lab run: .*junk\.o: file format not recognized \(no ELF magic\)\n$/);
    rmSync(dir, { recursive: true, force: true });
  });
});
