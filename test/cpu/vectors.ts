// Native-execution vectors (scripts/cpu-gen-vectors.mjs): expansion of the compact golden lines
// into exec snapshots (input and expected output) and the comparison used by the tests.
//
// Compact line: [name, mode, codeHex, dataHex, regsIn[16], flagsIn, trapno, err, cr2,
//                regsOut[16], ripOut, flagsOut, dataOutHex]
// The snippet sits at CODE and ends with hlt; the native run ends at that hlt (#GP in ring 3),
// which the snapshot expresses as "until" = the hlt's address. Any other trap is an exception.

import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { loadSnapshot, dumpSnapshot } from '../../src/cpu/snapshot.js';
import { run } from '../../src/cpu/exec.js';
import type { CpuProfile } from '../../src/cpu/profiles.js';

export const CODE = 0x10000000, DATA = 0x20000000;
const R64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const R32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'];
/** Vectors that push an error code (SDM Vol.3 Table 6-1). */
const HAS_ERR = new Set([8, 10, 11, 12, 13, 14, 17, 21]);

export type Compact = [string, number, string, string, string[], string, number, number, string, string[], string, string, string];

export interface Vector {
  name: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

export function readCompact(path: string): Compact[] {
  let buf = readFileSync(path);
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  return buf.toString('utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Compact);
}

const h = (n: number | bigint): string => '0x' + n.toString(16);

export function expand(c: Compact): Vector {
  const [name, mode, code, dataIn, regsIn, flagsIn, trap, err, cr2, regsOut, ripOut, flagsOut, dataOut] = c;
  const names = mode === 64 ? R64 : R32;
  const regs: Record<string, string> = {};
  names.forEach((n, k) => { regs[n] = '0x' + regsIn[k]; });
  regs[mode === 64 ? 'rip' : 'eip'] = h(CODE);
  regs[mode === 64 ? 'rflags' : 'eflags'] = '0x' + flagsIn;
  const memory = [{ addr: h(CODE), hex: code, perm: 'rwx' }];
  if (dataIn) memory.push({ addr: h(DATA), hex: dataIn, perm: 'rw-' });
  const hltAddr = CODE + code.length / 2 - 1;
  const input: Record<string, unknown> = { mode, regs, memory, until: h(hltAddr) };
  const rip = Number('0x' + ripOut);
  let flags = BigInt('0x' + flagsOut);
  const out: Record<string, unknown> = { mode };
  const oregs: Record<string, string> = {};
  names.forEach((n, k) => { oregs[n] = '0x' + regsOut[k]; });
  oregs[mode === 64 ? 'rip' : 'eip'] = h(rip);
  const codeByte = parseInt(code.slice((rip - CODE) * 2, (rip - CODE) * 2 + 2), 16);
  if (trap === 13 && rip === hltAddr) { out.stop = 'until'; flags &= ~0x10000n; }
  else if (trap === 13 && codeByte === 0xf4 && rip >= CODE && rip < hltAddr) {
    out.stop = 'hlt'; flags &= ~0x10000n; oregs[mode === 64 ? 'rip' : 'eip'] = h(rip + 1);
  } else {
    out.stop = 'exception';
    out.vector = trap;
    out.error_code = HAS_ERR.has(trap) ? err : null;
    if (trap === 14) out.cr2 = '0x' + cr2;
  }
  oregs[mode === 64 ? 'rflags' : 'eflags'] = h(flags);
  out.regs = oregs;
  const mem = [{ addr: h(CODE), hex: code, perm: 'rwx' }];
  if (dataIn) mem.push({ addr: h(DATA), hex: dataOut, perm: 'rw-' });
  out.memory = mem;
  return { name, input, expected: out };
}

/** Run one snapshot in-process (what `x86lab exec` does for one line). */
export function execSnapshot(input: Record<string, unknown>, profile?: CpuProfile): Record<string, unknown> {
  const s = loadSnapshot(input, { profile });
  const res = run(s.cpu, { maxSteps: s.steps ?? 10_000_000, until: s.until });
  return dumpSnapshot(s, res);
}

/** Differences between an exec output and the expected snapshot ([] when they agree). */
export function compare(got: Record<string, unknown>, exp: Record<string, unknown>): string[] {
  const d: string[] = [];
  for (const k of ['stop', 'vector', 'error_code', 'cr2']) {
    if (exp[k] !== undefined && String(got[k]) !== String(exp[k])) d.push(`${k}: got ${String(got[k])} want ${String(exp[k])}`);
  }
  const gr = (got.regs ?? {}) as Record<string, string>, er = exp.regs as Record<string, string>;
  for (const [n, v] of Object.entries(er)) {
    const g = gr[n] === undefined ? undefined : BigInt(gr[n]);
    if (g !== BigInt(v)) d.push(`${n}: got ${gr[n]} want ${v}`);
  }
  const gm = (got.memory ?? []) as { addr: string; hex: string }[], em = exp.memory as { addr: string; hex: string }[];
  em.forEach((m, k) => { if (gm[k]?.hex !== m.hex) d.push(`memory[${m.addr}]: got ${gm[k]?.hex} want ${m.hex}`); });
  return d;
}

export interface Report { total: number; pass: number; failures: { name: string; diffs: string[]; input: unknown }[]; byName: Map<string, [number, number]> }

export function checkVectors(vs: Compact[]): Report {
  const rep: Report = { total: 0, pass: 0, failures: [], byName: new Map() };
  for (const c of vs) {
    const v = expand(c);
    let diffs: string[];
    try { diffs = compare(execSnapshot(v.input), v.expected); } catch (e) { diffs = [`host error: ${(e as Error).stack}`]; }
    rep.total++;
    const key = v.name.replace(/_.*/, '');
    const b = rep.byName.get(key) ?? [0, 0];
    b[1]++;
    if (diffs.length === 0) { rep.pass++; b[0]++; } else rep.failures.push({ name: v.name, diffs, input: v.input });
    rep.byName.set(key, b);
  }
  return rep;
}
