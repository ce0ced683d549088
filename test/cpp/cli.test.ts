// The preprocessor behind `x86lab as`: which files are preprocessed, -D/-U order, -I, and the
// target mode's predefined macros.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/as.js';

const dir = mkdtempSync(join(tmpdir(), 'x86lab-cppcli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'inc'));
writeFileSync(join(dir, 'inc', 'h.h'), '#define BAR 7\n');
const src = '#ifdef FOO\n.byte FOO\n#endif\n#include <h.h>\n.byte BAR\n#ifdef __i386__\n.byte 0x32\n#endif\n#ifdef __x86_64__\n.byte 0x64\n#endif\n';

async function bytes(name: string, args: string[]): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, src);
  const out = join(dir, `${name}.bin`);
  expect(await run(['-f', 'bin', '-I', join(dir, 'inc'), ...args, file, '-o', out])).toBe(0);
  return readFileSync(out).toString('hex');
}

describe('x86lab as and the preprocessor', () => {
  it('preprocesses .S and .sx files, with -D', async () => {
    expect(await bytes('a.S', ['-DFOO=3'])).toBe('030764');
    expect(await bytes('a.sx', ['-DFOO=3'])).toBe('030764');
  });
  it('applies -D and -U in command-line order', async () => {
    expect(await bytes('b.S', ['-UFOO', '-DFOO=9'])).toBe('090764');
    expect(await bytes('c.S', ['-DFOO=9', '-UFOO'])).toBe('0764');
  });
  it('-x assembler-with-cpp preprocesses a .s file', async () => {
    expect(await bytes('d.s', ['-x', 'assembler-with-cpp', '-DFOO=1'])).toBe('010764');
  });
  it('predefines __i386__ with --32 and __x86_64__ with --64', async () => {
    expect(await bytes('e.S', ['--32'])).toBe('0732');
    expect(await bytes('f.S', ['--64'])).toBe('0764');
  });
});
