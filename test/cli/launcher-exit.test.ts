// bin/x86lab.js ends `as` and `dis` with process.exit() once standard output and error (where
// used) have handed all their writes to the system without an error (node's own exit costs a
// one-line `as` ~1.5 ms more), and lets node exit as usual otherwise. Either way the files,
// messages and exit status must be the same: these runs compare the objects with GNU as's where it
// is installed, and check what reaches a pipe, a full device and a reader that goes away.

import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
let dir = '';

interface Ran { status: number | null; stdout: Buffer; stderr: string }

/** Runs a command without blocking this worker (vitest's RPC keeps answering on a loaded machine). */
function run(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const c = spawn(cmd, args, { cwd: dir, env: opts.env ?? process.env, stdio: opts.stdio ?? 'pipe' });
    const out: Buffer[] = [];
    let err = '';
    c.stdout?.on('data', (d: Buffer) => out.push(d));
    c.stderr?.setEncoding('utf8').on('data', (d: string) => { err += d; });
    c.on('error', fail);
    c.on('close', (status) => done({ status, stdout: Buffer.concat(out), stderr: err }));
    // A child that exits without reading its input closes the pipe: not this test's concern.
    c.stdin?.on('error', () => {});
    c.stdin?.end(opts.input ?? '');
  });
}

/** Runs the launcher with a preloaded script that records, in a file, that 'exit' listeners ran. */
async function x86lab(args: string[], input?: string) {
  const mark = join(dir, `exit-${Math.random().toString(36).slice(2)}`);
  const pre = join(dir, 'on-exit.cjs');
  const r = await run(process.execPath, ['--require', pre, bin, ...args], { input, env: { ...process.env, X86LAB_EXIT_MARK: mark } });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr, exitRan: existsSync(mark) ? readFileSync(mark, 'utf8') : undefined };
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
  it('writes the same object whether or not stderr was used, and exit listeners still run', async () => {
    const fast = await x86lab(['as', '-o', 'fast.o', 'one.s']);
    expect(fast).toEqual({ status: 0, stdout: '', stderr: '', exitRan: '0' });
    const slow = await x86lab(['as', '-v', '-o', 'slow.o', 'one.s']);
    expect(slow.status).toBe(0);
    expect(slow.stderr).toMatch(/^x86lab assembler .*\n$/);
    expect(slow.exitRan).toBe('0');
    expect(readFileSync(join(dir, 'fast.o'))).toEqual(readFileSync(join(dir, 'slow.o')));
    if (gnuAs) {
      expect(spawnSync('as', ['--64', '-o', join(dir, 'gnu.o'), join(dir, 'one.s')]).status).toBe(0);
      expect(readFileSync(join(dir, 'fast.o'))).toEqual(readFileSync(join(dir, 'gnu.o')));
    }
  });

  it('keeps the exit status and messages of a failed run', async () => {
    writeFileSync(join(dir, 'old.o'), 'old');
    const r = await x86lab(['as', '-o', 'old.o', 'bad.s']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("bad.s: Assembler messages:\nbad.s:2: Error: no such instruction: `foo %eax'\n");
    expect(r.exitRan).toBe('1');
    // GNU as removes an old output on errors.
    expect(existsSync(join(dir, 'old.o'))).toBe(false);
  });

  it('writes all of a standard output that was used', async () => {
    const lines = Array.from({ length: 20000 }, () => '\tnop\n').join('');
    const r = await run(process.execPath, [bin, 'as', '-f', 'bin'], { input: lines });
    expect(r.status).toBe(0);
    expect(r.stdout).toEqual(Buffer.alloc(20000, 0x90));
  });

  it('keeps a warning on stderr, the exit listeners and the object', async () => {
    writeFileSync(join(dir, 'warn.s'), '\tmovb $300, %al\n');
    const r = await x86lab(['as', '-o', 'warn.o', 'warn.s']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'warn.s: Assembler messages:\nwarn.s:1: Warning: 0x12c shortened to 0x2c\n', exitRan: '0' });
    if (gnuAs) {
      expect(spawnSync('as', ['--64', '-o', join(dir, 'warn-gnu.o'), join(dir, 'warn.s')]).status).toBe(0);
      expect(readFileSync(join(dir, 'warn.o'))).toEqual(readFileSync(join(dir, 'warn-gnu.o')));
    }
  });

  it('a full device on standard output is still an error with status 1', async () => {
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const r = await run(process.execPath, [bin, 'as', '-f', 'bin'], { input: '\tnop\n', stdio: ['pipe', full, 'pipe'] });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("Assembler messages:\nFatal error: can't write standard output: No space left on device\n");
    } finally {
      closeSync(full);
    }
  });

  it('a reader that goes away ends dis quietly with status 0', async () => {
    const lines = Array.from({ length: 30000 }, () => '\taddl $1, %eax\n').join('');
    expect((await x86lab(['as', '-o', 'big.o', '-'], lines)).status).toBe(0);
    const r = await run('sh', ['-c', `("${process.execPath}" "${bin}" dis -d big.o; echo "status $?" >&2) | head -c 100 >/dev/null`]);
    expect(r.stderr).toBe('status 0\n');
    // The whole listing through a pipe that is read to its end.
    const whole = await run(process.execPath, [bin, 'dis', '-d', 'big.o']);
    expect(whole.status).toBe(0);
    expect(whole.stdout.toString().split('\n').filter((l) => l.includes('add ')).length).toBe(30000);
  });

  it('a usage error still exits with status 2', async () => {
    const r = await x86lab(['as', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^x86lab as: unrecognized option '--no-such-option'\n/);
    expect(r.exitRan).toBe('2');
  });
});
