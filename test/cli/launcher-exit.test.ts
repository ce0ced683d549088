// bin/x86lab.js ends `as` and `dis` with process.exit() when they used neither standard output
// nor standard error (node's own exit costs a one-line `as` ~1.5 ms more), and lets node exit as
// usual otherwise. Either way the files, messages and exit status must be the same: these runs
// compare the fast exit with node's own (forced by -v, which prints the version on stderr) and
// with GNU as where it is installed.

import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
let dir = '';

/** Runs the launcher with a preloaded script that records, in a file, that 'exit' listeners ran. */
function x86lab(args: string[], input?: string) {
  const mark = join(dir, `exit-${Math.random().toString(36).slice(2)}`);
  const pre = join(dir, 'on-exit.cjs');
  const r = spawnSync(process.execPath, ['--require', pre, bin, ...args], {
    cwd: dir, input, encoding: 'utf8', env: { ...process.env, X86LAB_EXIT_MARK: mark },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, exitRan: existsSync(mark) ? readFileSync(mark, 'utf8') : undefined };
}

const gnuAs = spawnSync('as', ['--version']).status === 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'x86lab-exit-test-'));
  writeFileSync(join(dir, 'on-exit.cjs'),
    "process.on('exit', (c) => require('node:fs').writeFileSync(process.env.X86LAB_EXIT_MARK, String(c)));\n");
  writeFileSync(join(dir, 'one.s'), '\tmovl $1, %eax\n\tleaq msg(%rip), %rsi\n\t.data\nmsg: .asciz "hi"\n');
  writeFileSync(join(dir, 'bad.s'), '\tmovl $1, %eax\n\tfoo %eax\n');
});

describe('bin/x86lab.js exit', () => {
  it('writes the same object with the fast exit as with node\'s own, and exit listeners still run', () => {
    const fast = x86lab(['as', '-o', 'fast.o', 'one.s']);
    expect(fast).toEqual({ status: 0, stdout: '', stderr: '', exitRan: '0' });
    const slow = x86lab(['as', '-v', '-o', 'slow.o', 'one.s']);
    expect(slow.status).toBe(0);
    expect(slow.stderr).toMatch(/^x86lab assembler .*\n$/);
    expect(slow.exitRan).toBe('0');
    expect(readFileSync(join(dir, 'fast.o'))).toEqual(readFileSync(join(dir, 'slow.o')));
    if (gnuAs) {
      expect(spawnSync('as', ['--64', '-o', join(dir, 'gnu.o'), join(dir, 'one.s')]).status).toBe(0);
      expect(readFileSync(join(dir, 'fast.o'))).toEqual(readFileSync(join(dir, 'gnu.o')));
    }
  });

  it('keeps the exit status and messages of a failed run', () => {
    writeFileSync(join(dir, 'old.o'), 'old');
    const r = x86lab(['as', '-o', 'old.o', 'bad.s']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("bad.s: Assembler messages:\nbad.s:2: Error: no such instruction: `foo %eax'\n");
    expect(r.exitRan).toBe('1');
    // GNU as removes an old output on errors.
    expect(existsSync(join(dir, 'old.o'))).toBe(false);
  });

  it('writes all of a standard output that was used', () => {
    const lines = Array.from({ length: 20000 }, () => '\tnop\n').join('');
    const r = spawnSync(process.execPath, [bin, 'as', '-f', 'bin'], { cwd: dir, input: lines, maxBuffer: 1 << 20 });
    expect(r.status).toBe(0);
    expect(r.stdout).toEqual(Buffer.alloc(20000, 0x90));
  });

  it('a usage error still exits with status 2', () => {
    const r = x86lab(['as', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^x86lab as: unrecognized option '--no-such-option'\n/);
    expect(r.exitRan).toBe('2');
  });
});
