// `x86lab run` end to end (in-process): exit codes, the dump's symbols / memory / visited labels,
// event options and their errors, the step limit.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { parseWhere, parseIrq, SpecError } from '../../src/harness/schedule.js';
import { toMatchGolden } from '../../src/harness/golden.js';

const dir = mkdtempSync(join(tmpdir(), 'x86lab-run-'));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    o.mockRestore(); e.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

interface Dump {
  stop: string; mode: number; regs: Record<string, string>; symbols: Record<string, string>;
  memory: { name: string; addr: string; hex: string }[]; visited: string[]; events: { kind: string; vector?: number }[];
}

function memAt(d: Dump, sym: string, n: number): bigint {
  const a = BigInt(d.symbols[sym]);
  for (const r of d.memory) {
    const b = BigInt(r.addr), len = BigInt(r.hex.length / 2);
    if (a >= b && a + BigInt(n) <= b + len) {
      const off = Number(a - b);
      let v = 0n;
      for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(parseInt(r.hex.substr((off + k) * 2, 2), 16));
      return v;
    }
  }
  throw new Error(`no memory at ${sym}`);
}

describe('x86lab run', () => {
  it('runs int3-call.S to hlt and dumps registers, symbols, memory at labels and the visited order', async () => {
    const out = join(dir, 'a.json');
    const r = await cli(['examples/int3-call.S', '--dump', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^stop: hlt at 0x[0-9a-f]+ <done> after \d+ steps/m);
    const d = JSON.parse(readFileSync(out, 'utf8')) as Dump;
    expect(d.stop).toBe('hlt');
    expect(d.mode).toBe(64);
    expect(d.regs.rax).toBe('0x42');
    expect(d.regs.cs).toBe('0x10');
    expect(d.symbols._start).toBe('0x100000');
    expect(memAt(d, 'new_calls', 8)).toBe(1n);
    expect(memAt(d, 'patch_site', 1)).toBe(0xccn);
    const order = ['_start', 'call_site_caller', 'patch_site', 'old_func', 'call_site_caller', 'patch_site', 'asm_exc_int3', 'do_int3', 'int3_iret', 'new_func', 'done'];
    let k = 0;
    for (const v of d.visited) if (v === order[k]) k++;
    expect(k).toBe(order.length);
    expect(d.events.filter((e) => e.kind === 'exception').map((e) => e.vector)).toEqual([3]);
  });

  it('--32, -D and repeated --nmi-at reach the listing', async () => {
    const out = join(dir, 'b.json');
    const r = await cli(['-D', 'POPF_RET', '--nmi-at', 'do_int3', '--nmi-at=nmi_after_callback', '-q', '--dump', out, 'examples/nmi-in-int3.S']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const d = JSON.parse(readFileSync(out, 'utf8')) as Dump;
    expect(memAt(d, 'nmi_count', 8)).toBe(2n);
    expect(memAt(d, 'nmi_broken_count', 8)).toBe(0n);
    const r32 = await cli(['--32', '-q', '--dump', out, 'examples/int3-call-32.S']);
    expect(r32.code).toBe(0);
    const d32 = JSON.parse(readFileSync(out, 'utf8')) as Dump;
    expect(d32.mode).toBe(32);
    expect(d32.regs.cs).toBe('0x60');
    expect(d32.regs.eax).toBe('0x42');
  });

  it('--trace prints instruction and event lines', async () => {
    const r = await cli(['--trace', '-q', 'examples/int3-call.S']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/<patch_site>\s+int3/);
    expect(r.out).toMatch(/\*\* exception #BP delivered: return to 0x[0-9a-f]+ <patch_site\+0x1>/);
    expect(r.out).toMatch(/\*\* iret at .* <int3_iret> -> .* <new_func>/);
  });

  it('step limit: exit 1, stop steps', async () => {
    const f = join(dir, 'loop.S');
    writeFileSync(f, '\t.globl _start\n_start:\n1:\tjmp 1b\n');
    const out = join(dir, 'c.json');
    const r = await cli(['--max-steps', '50', '--dump', out, f]);
    expect(r.code).toBe(1);
    const d = JSON.parse(readFileSync(out, 'utf8')) as Dump;
    expect(d.stop).toBe('steps');
    expect(r.out).toMatch(/stop: steps .* after 50 steps/);
  });

  it('a triple fault is reported as a stop, not a crash', async () => {
    const f = join(dir, 'tf.S');
    writeFileSync(f, '\t.globl _start\n_start:\n\tud2\n');
    const r = await cli([f]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^stop: triple-fault/);
  });

  it('errors: assembly errors (1), unknown symbol or bad event (2), missing file (1)', async () => {
    const f = join(dir, 'bad.S');
    writeFileSync(f, '\t.globl _start\n_start:\n\tmovq %rax\n');
    const a = await cli([f]);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/bad\.S:3: Error: /);
    const b = await cli(['--nmi-at', 'nosuch', 'examples/int3-call.S']);
    expect(b.code).toBe(2);
    expect(b.err).toContain("unknown symbol 'nosuch'");
    const c = await cli(['--irq-at', '0x20', 'examples/int3-call.S']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('step count is decimal');
    const d = await cli([join(dir, 'missing.S')]);
    expect(d.code).toBe(1);
    expect(d.err).toContain('No such file');
    const e = await cli(['--help']);
    expect(e.code).toBe(0);
    expect(e.out).toContain('--nmi-at WHERE');
  });
});

describe('event positions', () => {
  it('parses SYM, SYM:N, SYM+OFF and step counts', () => {
    expect(parseWhere('do_int3')).toEqual({ sym: 'do_int3', off: 0, n: 1 });
    expect(parseWhere('loop:3')).toEqual({ sym: 'loop', off: 0, n: 3 });
    expect(parseWhere('f+0x10:2')).toEqual({ sym: 'f', off: 16, n: 2 });
    expect(parseWhere('120')).toEqual({ step: 120 });
    expect(parseIrq('0x20@done')).toMatchObject({ kind: 'irq', vector: 32 });
    expect(() => parseWhere('a:0')).toThrow(SpecError);
    expect(() => parseIrq('3@x')).toThrow(/out of range/);
    expect(parseIrq('idle')).toMatchObject({ vector: 0x20, where: { sym: 'idle', off: 0, n: 1 } });
  });
});

describe('golden helper', () => {
  it('passes on equal text and reports the first differing line', () => {
    const f = join(dir, 'g.trace');
    writeFileSync(f, 'a\nb\nc\n');
    expect(toMatchGolden('a\nb\nc\n', f).pass).toBe(true);
    const r = toMatchGolden('a\nX\nc\n', f);
    expect(r.pass).toBe(false);
    expect(r.message()).toContain('line 2');
    expect(toMatchGolden('x', join(dir, 'none.trace')).pass).toBe(process.env.UPDATE_GOLDEN === '1');
  });
});
