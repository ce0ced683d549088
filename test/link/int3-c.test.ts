// The example the project exists for, with its C half compiled by gcc: examples/int3-c/entry_64.S
// (gap and -DNO_GAP designs) and entry_32.S linked with gcc's int3_emulate.c objects and run.
// Traces are compared with committed goldens (UPDATE_GOLDEN=1 rewrites them); the outcome each
// design exists to show is asserted from memory. Where gcc exists, the C file is recompiled live:
// the object must equal the committed one when the gcc version is the one that made it, and
// the freshly linked program must trace the same in any case.

import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../harness/golden-setup.js';
import { Machine, type RunOutcome } from '../../src/harness/machine.js';
import { stopLine } from '../../src/cli/run.js';

// Paths from the repository root, whatever the working directory (goldens resolve against this file).
const ROOT = join(__dirname, '..', '..');
const E = join(ROOT, 'examples/int3-c');
const F = join(ROOT, 'test/link/fixtures');

function runFiles(files: string[], mode: 32 | 64, defines: string[] = []): { m: Machine; out: RunOutcome; text: string } {
  const m = Machine.fromFiles(files, { mode, defines });
  const out = m.run({ trace: true, maxSteps: 100_000 });
  return { m, out, text: m.trace.join('\n') + '\n' + stopLine(m, out) + '\n' };
}

const checkGap64 = (m: Machine, out: RunOutcome): void => {
  expect(out.stop).toBe('hlt');
  expect(m.symbolize(m.cpu.curIp)).toBe('done');
  expect(m.u64('old_calls')).toBe(1n);
  expect(m.u64('new_calls')).toBe(1n);
  expect(m.u64('result_before')).toBe(0x41n);
  expect(m.u64('result_after')).toBe(0x42n);
  expect(m.u64('sentinel')).toBe(0x5a5a5a5an);
  expect(m.u64('int3_emulated')).toBe(1n); // a C global
  expect(m.u64('int3_stray')).toBe(0n);
  expect(m.u64('poke_traced')).toBe(1n); // the strong poke_trace of entry_64.S beat the C weak one
  expect(m.visited).toContain('poke_int3_handler');
};

const check32 = (m: Machine, out: RunOutcome): void => {
  expect(out.stop).toBe('hlt');
  expect(m.symbolize(m.cpu.curIp)).toBe('done');
  expect(m.u32('old_calls')).toBe(1n);
  expect(m.u32('new_calls')).toBe(1n);
  expect(m.u32('result_after')).toBe(0x42n);
  expect(m.u32('sentinel')).toBe(0x5a5a5a5an);
  expect(m.u32('int3_emulated')).toBe(1n);
  expect(m.u32('poke_traced')).toBe(1n);
};

describe('int3 call emulation with a gcc-compiled C handler', () => {
  it('x86-64 with the gap: the emulated call returns behind the call site', () => {
    const { m, out, text } = runFiles([`${E}/entry_64.S`, `${E}/int3_emulate-64.o`], 64);
    checkGap64(m, out);
    expect(text).toMatchGolden(`${E}/int3-c-64.trace`);
  });

  it('x86-64 without the gap: the push overwrites the saved SS and iretq raises #GP', () => {
    const { m, out, text } = runFiles([`${E}/entry_64.S`, `${E}/int3_emulate-64.o`], 64, ['NO_GAP']);
    expect(out.stop).toBe('hlt');
    expect(m.symbolize(m.cpu.curIp)).toBe('gp_stop');
    expect(m.u64('int3_emulated')).toBe(1n);
    expect(m.u64('gp_count')).toBe(1n);
    expect(m.u64('gp_rip')).toBe(BigInt(m.addr('int3_iret')));
    // iretq loaded the return address (call site + 5) as SS: #GP(selector & 0xfffc).
    expect(m.u64('gp_error')).toBe(BigInt((m.addr('patch_site') + 5) & 0xfffc));
    expect(m.u64('new_calls')).toBe(0n);
    expect(text).toMatchGolden(`${E}/int3-c-64-nogap.trace`);
  });

  it('i386 (gcc -m32 -mregparm=3) with FIXUP_FRAME', () => {
    const { m, out, text } = runFiles([`${E}/entry_32.S`, `${E}/int3_emulate-32.o`], 32);
    check32(m, out);
    expect(text).toMatchGolden(`${E}/int3-c-32.trace`);
  });

  it('position-independent builds of the C file (GOT32X/GOTOFF/GOTPC, REX_GOTPCRELX relaxed) end the same way', () => {
    const a = runFiles([`${E}/entry_64.S`, `${F}/int3_emulate-pic64.o`], 64);
    checkGap64(a.m, a.out);
    const b = runFiles([`${E}/entry_32.S`, `${F}/int3_emulate-pic32.o`], 32);
    check32(b.m, b.out);
  });

  it('the same programs linked by ld load as executables and end the same way', () => {
    const a = runFiles([`${F}/int3-c-64.exe`], 64);
    checkGap64(a.m, a.out);
    const b = runFiles([`${F}/int3-c-32.exe`], 32);
    check32(b.m, b.out);
  });
});

function haveGcc(): boolean {
  try { execFileSync('gcc', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

describe.runIf(haveGcc())('recompiled live with gcc', () => {
  const COMMON = ['-O2', '-ffreestanding', '-fno-pic', '-mno-sse', '-mno-mmx', '-fno-asynchronous-unwind-tables'];
  const FLAVOURS = [
    { name: '64', flags: [...COMMON, '-mno-red-zone', '-mcmodel=kernel'], entry: `${E}/entry_64.S`, mode: 64 as const },
    { name: '32', flags: ['-m32', '-mregparm=3', ...COMMON], entry: `${E}/entry_32.S`, mode: 32 as const },
  ];
  const sameGcc = execFileSync('gcc', ['--version']).toString().split('\n')[0] === readFileSync(`${E}/gcc-version.txt`, 'utf8').trim();
  for (const f of FLAVOURS) {
    it(`int3_emulate.c (${f.name}): same object as committed (same gcc), same trace`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'x86lab-gcc-'));
      try {
        const obj = join(dir, 'int3_emulate.o');
        execFileSync('gcc', ['-c', ...f.flags, `${E}/int3_emulate.c`, '-o', obj]);
        if (sameGcc) expect(Buffer.compare(readFileSync(obj), readFileSync(`${E}/int3_emulate-${f.name}.o`))).toBe(0);
        // Also GNU as's object for the entry code in place of x86lab's assembly.
        const entryObj = join(dir, 'entry.o');
        execFileSync('gcc', ['-c', ...(f.mode === 32 ? ['-m32'] : []), '-Iinclude', f.entry, '-o', entryObj]);
        const { text } = runFiles([entryObj, obj], f.mode);
        if (sameGcc) expect(text).toBe(readFileSync(`${E}/int3-c-${f.name}.trace`, 'utf8'));
        else expect(text).toMatch(/stop: hlt at 0x[0-9a-f]+ <done>/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
