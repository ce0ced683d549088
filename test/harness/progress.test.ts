// Long runs: the buffered trace writer and the terminal progress line (src/harness/progress.ts),
// and that slicing a run for progress reports leaves the run itself unchanged.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LineBuffer, ProgressLine } from '../../src/harness/progress.js';
import { Machine } from '../../src/harness/machine.js';

const root = join(__dirname, '..', '..');
const LOOP = '\t.globl _start\n_start:\n\tmovl $0, %eax\n1:\taddl $1, %eax\n\tmovq %rax, buf(%rip)\n\tcmpl $300000, %eax\n\tjne 1b\n\thlt\n\t.data\nbuf: .quad 0\n';

describe('LineBuffer', () => {
  it('joins lines into chunks and writes the rest on flush, text unchanged', () => {
    const chunks: string[] = [];
    const b = new LineBuffer((c) => chunks.push(c), 10);
    for (const l of ['aaaa', 'bbbb', 'cccc', 'd']) b.line(l);
    expect(chunks).toEqual(['aaaa\nbbbb\n']);
    b.flush();
    b.flush();
    expect(chunks.join('')).toBe('aaaa\nbbbb\ncccc\nd\n');
  });
});

describe('ProgressLine', () => {
  it('writes only to a terminal, only after a second, at most every 100 ms, and erases itself', () => {
    let t = 0;
    const out: string[] = [];
    const p = new ProgressLine({ isTTY: true, write: (s) => out.push(s) }, 'x86lab run', 1000, () => t, false);
    expect(new ProgressLine({ isTTY: true, write: (s) => out.push(s) }, 'x', 1, () => t, true).active).toBe(false);
    p.update(10); t = 999; p.update(20);
    expect(out).toEqual([]);
    t = 1000; p.update(30); t = 1050; p.update(40); t = 1100; p.update(50);
    expect(out).toEqual(['\r\x1b[Kx86lab run: 30 steps (limit 1000), 1.0 s', '\r\x1b[Kx86lab run: 50 steps (limit 1000), 1.1 s']);
    p.done();
    expect(out[out.length - 1]).toBe('\r\x1b[K');
    const quiet: string[] = [];
    const q = new ProgressLine({ isTTY: false, write: (s) => quiet.push(s) }, 'x', 1, () => (t += 5000));
    q.update(1); q.done();
    expect(q.active).toBe(false);
    expect(quiet).toEqual([]);
  });

  it('x86lab run prints no progress into a pipe', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'x86lab.js'), 'run', '-q', '--max-steps', '10000000', '/dev/stdin'], { input: '\t.globl _start\n_start: jmp _start\n', encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/\r|steps \(limit/);
  });
});

describe('a run sliced for progress reports', () => {
  it('gives the same trace, events and outcome as one in a single go', () => {
    const plain = Machine.fromSource(LOOP, { file: 'loop.S' });
    const a = plain.run({ trace: true, maxSteps: 40_000 });
    const seen: number[] = [];
    const sliced = Machine.fromSource(LOOP, { file: 'loop.S' });
    const lines: string[] = [];
    const b = sliced.run({ trace: true, maxSteps: 40_000, keepTrace: false, onTrace: (l) => lines.push(l), onProgress: (n) => seen.push(n) });
    expect(b).toEqual(a);
    expect(sliced.trace).toEqual([]);
    expect(lines).toEqual(plain.trace);
    expect(seen).toEqual([16384, 32768]);
    const fast = Machine.fromSource(LOOP, { file: 'loop.S' });
    const fastSeen: number[] = [];
    const c = fast.run({ onProgress: (n) => fastSeen.push(n) });
    expect(c.stop).toBe('hlt');
    expect(fast.u64('buf')).toBe(300000n);
    expect(c.steps).toBe(Machine.fromSource(LOOP, { file: 'loop.S' }).run().steps);
  });
});
