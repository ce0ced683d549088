// bin/x86lab.js ends `as` and `dis` with process.exit() once standard output and error (where
// used) have handed all their writes to the system without an error (node's own exit costs a
// one-line `as` ~1.5 ms more), and lets node exit as usual otherwise. Either way the files,
// messages and exit status must be the same: these runs compare the objects with GNU as's where it
// is installed, and check what reaches a pipe, a full device and a reader that goes away.

import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('writes the same object whether or not stderr was used, and exit listeners still run', () => {
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

  it('keeps a warning on stderr, the exit listeners and the object', () => {
    writeFileSync(join(dir, 'warn.s'), '\tmovb $300, %al\n');
    const r = x86lab(['as', '-o', 'warn.o', 'warn.s']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'warn.s: Assembler messages:\nwarn.s:1: Warning: 0x12c shortened to 0x2c\n', exitRan: '0' });
    if (gnuAs) {
      expect(spawnSync('as', ['--64', '-o', join(dir, 'warn-gnu.o'), join(dir, 'warn.s')]).status).toBe(0);
      expect(readFileSync(join(dir, 'warn.o'))).toEqual(readFileSync(join(dir, 'warn-gnu.o')));
    }
  });

  it('a full device on standard output is still an error with status 1', () => {
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, 'as', '-f', 'bin'], { cwd: dir, input: '\tnop\n', stdio: ['pipe', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("Assembler messages:\nFatal error: can't write standard output: No space left on device\n");
    } finally {
      closeSync(full);
    }
  });

  it('a reader that goes away ends dis quietly with status 0', () => {
    const lines = Array.from({ length: 30000 }, () => '\taddl $1, %eax\n').join('');
    expect(x86lab(['as', '-o', 'big.o', '-'], lines).status).toBe(0);
    const r = spawnSync('sh', ['-c', `("${process.execPath}" "${bin}" dis -d big.o; echo "status $?" >&2) | head -c 100 >/dev/null`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('status 0\n');
    // The whole listing through a pipe that is read to its end.
    const whole = spawnSync(process.execPath, [bin, 'dis', '-d', 'big.o'], { cwd: dir, maxBuffer: 64 << 20 });
    expect(whole.status).toBe(0);
    expect(whole.stdout.toString().split('\n').filter((l) => l.includes('add ')).length).toBe(30000);
  });

  it('a usage error still exits with status 2', () => {
    const r = x86lab(['as', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^x86lab as: unrecognized option '--no-such-option'\n/);
    expect(r.exitRan).toBe('2');
  });
});
