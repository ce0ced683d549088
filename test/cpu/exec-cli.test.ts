// x86lab exec: the snapshot format of issue 5, --batch with per-snapshot until/steps, and clear
// messages (never a host crash) for bad input. Runs the CLI module in process.

import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { run } from '../../src/cli/exec.js';
import { readCompact, expand, compare } from './vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'x86lab-exec-'));
let n = 0;
const file = (content: string): string => { const p = join(dir, `f${n++}`); writeFileSync(p, content); return p; };

function captureStderr(): { text: () => string } {
  let s = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { s += String(c); return true; });
  return { text: () => s };
}
afterEach(() => { vi.restoreAllMocks(); });

const base = {
  mode: 64,
  regs: { rax: '0x1', rcx: '0x2', rsp: '0x20000100', rip: '0x10000000', rflags: '0x202' },
  memory: [{ addr: '0x10000000', hex: '4801c8f4', perm: 'r-x' }, { addr: '0x20000000', hex: '00'.repeat(256), perm: 'rw-' }],
};

describe('x86lab exec', () => {
  it('runs a snapshot to hlt and dumps the same shape plus stop', async () => {
    const out = join(dir, 'out.json');
    expect(await run(['--state', file(JSON.stringify(base)), '--dump', out])).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8'));
    expect(o.stop).toBe('hlt');
    expect(o.regs.rax).toBe('0x3');
    expect(o.regs.rip).toBe('0x10000004');
    expect(o.regs.rflags).toBe('0x206');
    expect(Object.keys(o.regs)).toEqual(expect.arrayContaining(['rax', 'rbx', 'r15', 'rip', 'rflags']));
    expect(o.memory[0]).toEqual({ addr: '0x10000000', hex: '4801c8f4', perm: 'r-x' });
  });
  it('reports an exception with vector, error code, cr2 and RIP at the faulting instruction', async () => {
    const s = { ...base, regs: { ...base.regs, rbx: '0x30000000' }, memory: [{ addr: '0x10000000', hex: '90488b03f4', perm: 'r-x' }] };
    const out = join(dir, 'pf.json');
    expect(await run(['--state', file(JSON.stringify(s)), '--dump', out])).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8'));
    expect(o).toMatchObject({ stop: 'exception', vector: 14, error_code: 4, cr2: '0x30000000' });
    expect(o.regs.rip).toBe('0x10000001');
  });
  it('--steps and --until stop the run; a snapshot\'s own fields override them', async () => {
    const loop = { ...base, memory: [{ addr: '0x10000000', hex: 'ebfe', perm: 'r-x' }] };
    const out = join(dir, 'steps.json');
    expect(await run(['--state', file(JSON.stringify(loop)), '--steps', '50', '--dump', out])).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).stop).toBe('steps');
    const nops = { ...base, memory: [{ addr: '0x10000000', hex: '90909090f4', perm: 'r-x' }], until: '0x10000002' };
    expect(await run(['--state', file(JSON.stringify(nops)), '--until', '0x10000003', '--dump', out])).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8'));
    expect(o.stop).toBe('until');
    expect(o.regs.rip).toBe('0x10000002');
  });
  it('accepts 32-bit snapshots with e-register names', async () => {
    const s = { mode: 32, regs: { eax: '0xffffffff', eip: '0x1000', eflags: '0x2' }, memory: [{ addr: '0x1000', hex: '40f4', perm: 'rwx' }] };
    const out = join(dir, 'm32.json');
    expect(await run(['--state', file(JSON.stringify(s)), '--dump', out])).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8'));
    expect(o.regs.eax).toBe('0x0');
    expect(o.regs.eflags).toBe('0x256'); // inc: ZF PF AF; IF set for a user-mode snapshot
  });
  it.each(['amd', 'intel'])('--batch --cpu %s runs that vendor\'s golden native vectors in one process, strictly', async (vendor) => {
    const vs = readCompact(join(__dirname, '..', 'golden', 'cpu', vendor, 'vectors.jsonl.gz')).filter((_, k) => k % 97 === 0);
    const exp = vs.map(expand);
    const inp = file(exp.map((v) => JSON.stringify(v.input)).join('\n') + '\n');
    const out = join(dir, `batch-${vendor}.jsonl`);
    expect(await run(['--cpu', vendor, '--batch', inp, out])).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(exp.length);
    const bad = lines.flatMap((g, k) => { const d = compare(g, exp[k].expected); return d.length ? [`${vs[k][0]}: ${d.join('; ')}`] : []; });
    expect(bad).toEqual([]);
  });
  it('--cpu rejects other names as a usage error', async () => {
    const err = captureStderr();
    expect(await run(['--cpu', 'via', '--state', 'x.json'])).toBe(2);
    expect(err.text()).toMatch(/--cpu: expected intel, amd or host, got 'via'/);
  });
  it('bad input gives a clear message and a non-zero status, never a crash', async () => {
    const err = captureStderr();
    expect(await run(['--state', file('{not json')])).toBe(1);
    expect(err.text()).toMatch(/invalid JSON/);
    expect(await run(['--state', file(JSON.stringify({ ...base, regs: { rax: 'zz' } }))])).toBe(1);
    expect(err.text()).toMatch(/regs\.rax: expected a number/);
    expect(await run(['--state', file(JSON.stringify({ ...base, memory: [{ addr: '0x0', hex: 'abc', perm: 'rw' }] }))])).toBe(1);
    expect(err.text()).toMatch(/even number of hex digits/);
    expect(await run(['--state', file(JSON.stringify({ ...base, mode: 16 }))])).toBe(1);
    expect(await run(['--frobnicate'])).toBe(2);
    expect(await run(['--state', join(dir, 'missing.json')])).toBe(1);
    expect(err.text()).toMatch(/can't open .*missing.json for reading: No such file or directory/);
    const inp = file('{"mode":64}\nnot json\n');
    const out = join(dir, 'bad.jsonl');
    expect(await run(['--batch', inp, out])).toBe(1);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length).toBe(2);
    expect(JSON.parse(lines[1]).error).toBeTruthy();
  });
  it('an empty snapshot faults on the first fetch instead of crashing', async () => {
    const out = join(dir, 'empty.json');
    expect(await run(['--state', file('{}'), '--dump', out])).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ stop: 'exception', vector: 14, error_code: 0x14 });
  });
});
