// `x86lab dis`: the CLI on committed ELF objects (objdump -d output committed beside them),
// raw binaries with --start, and its usage errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { disassembleElf, run } from '../../src/cli/dis.js';

const ELF = 'test/golden/dis/elf';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await run(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('x86lab dis', () => {
  for (const f of ['p64.elf', 'p32.elf']) {
    it(`${f}: output equals the committed objdump -d output`, async () => {
      const path = join(ELF, f);
      const expected = readFileSync(`${path}.dis`, 'utf8').replace(/^FILE:/m, `${path}:`);
      expect(disassembleElf(new Uint8Array(readFileSync(path)), path)).toBe(expected);
      const r = await capture([path]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(expected);
    });
  }

  it('raw binary with --start, in 32- and 64-bit mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-dis-'));
    const bin = join(dir, 'code.bin');
    writeFileSync(bin, Buffer.from('5589e5e8fbffffffc3', 'hex'));
    const r32 = await capture(['--32', '--start', '0x8048000', bin]);
    expect(r32.code).toBe(0);
    expect(r32.out).toBe(
      `\n${bin}:     file format binary\n\n\nDisassembly of section .data:\n\n08048000 <.data>:\n` +
        ' 8048000:\t55                   \tpush   %ebp\n' +
        ' 8048001:\t89 e5                \tmov    %esp,%ebp\n' +
        ' 8048003:\te8 fb ff ff ff       \tcall   0x8048003\n' +
        ' 8048008:\tc3                   \tret\n',
    );
    const r64 = await capture(['-f', 'bin', bin]);
    expect(r64.out).toContain('   1:\t89 e5                \tmov    %esp,%ebp\n');
    expect(r64.out).toContain('0000000000000000 <.data>:');
  });

  it('usage errors exit 2, unreadable input exits 1, --help exits 0', async () => {
    expect((await capture(['--bogus', 'x'])).code).toBe(2);
    expect((await capture([])).code).toBe(2);
    expect((await capture(['-f', 'coff', 'x'])).code).toBe(2);
    const missing = await capture(['/nonexistent/file.bin']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('/nonexistent/file.bin');
    const h = await capture(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('usage: x86lab dis');
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-dis-'));
    const broken = join(dir, 'broken.o');
    writeFileSync(broken, Buffer.concat([readFileSync(join(ELF, 'p64.elf')).subarray(0, 64)]));
    const b = await capture(['-f', 'elf', broken]);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/broken\.o: /);
  });
});
