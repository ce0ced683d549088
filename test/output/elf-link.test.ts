// x86lab's objects are real objects: ld links them with gcc-compiled C into programs that run
// natively, with the exit code the sources compute and the same one as with GNU as's objects.
// Runs where gcc, ld and GNU as exist (x86-64 Linux); skipped elsewhere.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { toElf } from '../../src/output/elf.js';

const have = (t: string): boolean => spawnSync(t, ['--version'], { stdio: 'ignore' }).status === 0;
const NATIVE = process.platform === 'linux' && process.arch === 'x64' && have('gcc') && have('ld') && have('as');
const DIR = join(import.meta.dirname, 'link');
const tmp = mkdtempSync(join(tmpdir(), 'x86lab-link-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: tmp, encoding: 'utf8' });
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}`).toBe(0);
}

function x86labObject(file: string, mode: 32 | 64, out: string): void {
  const r = assemble(readFileSync(join(DIR, file), 'utf8'), { mode, file });
  expect(r.diagnostics).toEqual([]);
  writeFileSync(join(tmp, out), toElf(r));
}

function run(exe: string): number | null {
  return spawnSync(join(tmp, exe), [], { cwd: tmp }).status;
}

describe.runIf(NATIVE)('ld links x86lab objects with gcc objects', () => {
  it('x86-64: a PIE from main64.c (gcc) and sum64.s (x86lab) exits 52, as with GNU as', () => {
    x86labObject('sum64.s', 64, 'sum64.x.o');
    sh('as', ['--64', join(DIR, 'sum64.s'), '-o', 'sum64.g.o']);
    sh('gcc', ['-O2', '-c', join(DIR, 'main64.c'), '-o', 'main64.o']);
    sh('gcc', ['main64.o', 'sum64.x.o', '-o', 'p64x']);
    sh('gcc', ['main64.o', 'sum64.g.o', '-o', 'p64g']);
    expect(run('p64g')).toBe(52);
    expect(run('p64x')).toBe(52);
  });
  it('x86-64: .weakref, local-exec TLS, COMDAT, .reloc (extras64.s, x86lab) with extras64.c (gcc) exit 13, as with GNU as', () => {
    x86labObject('extras64.s', 64, 'ex.x.o');
    sh('as', ['--64', join(DIR, 'extras64.s'), '-o', 'ex.g.o']);
    expect(Buffer.compare(readFileSync(join(tmp, 'ex.x.o')), readFileSync(join(tmp, 'ex.g.o')))).toBe(0);
    sh('gcc', ['-O2', '-c', join(DIR, 'extras64.c'), '-o', 'exm.o']);
    sh('gcc', ['exm.o', 'ex.x.o', '-o', 'exx']);
    expect(run('exx')).toBe(13);
  });
  it('i386: ld -m elf_i386 of start32.s (x86lab) and c32.c (gcc -m32 -ffreestanding) exits 58, as with GNU as', () => {
    x86labObject('start32.s', 32, 's32.x.o');
    sh('as', ['--32', join(DIR, 'start32.s'), '-o', 's32.g.o']);
    sh('gcc', ['-m32', '-O2', '-ffreestanding', '-fno-pic', '-fno-asynchronous-unwind-tables', '-c', join(DIR, 'c32.c'), '-o', 'c32.o']);
    sh('ld', ['-m', 'elf_i386', '-o', 'p32x', 's32.x.o', 'c32.o']);
    sh('ld', ['-m', 'elf_i386', '-o', 'p32g', 's32.g.o', 'c32.o']);
    expect(run('p32g')).toBe(58);
    expect(run('p32x')).toBe(58);
  });
});
