// The exec snapshot format (issue 5), parsed into a Cpu and written back:
//   {"mode":64, "cpl":3, "regs":{"rax":"0x…",…,"r15":"0x…","rip":"0x…","rflags":"0x…"},
//    "memory":[{"addr":"0x…","hex":"…","perm":"rwx"}], "until":"0x…", "steps":N}
// Output: the same shape (register names as the input spelled them) plus "stop" and, for an
// exception, "vector", "error_code" (also as "errorCode"; null when the vector pushes none) and
// "cr2" for #PF. 32-bit snapshots may name registers eax..edi/eip/eflags or rax..rdi/rip/rflags.
// BigInt is used here only: this is the API edge.

import type { CpuProfile } from './profiles.js';
import { Cpu, F_IF, F_RF, SEG_FS, SEG_GS, bigToCanon, canonToBig, type CpuMode } from './state.js';
import { permFromString, permToString } from './memory.js';
import { getFlags } from './flags.js';
import type { RunResult } from './exec.js';

export class SnapshotError extends Error {}

const R64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const R32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'];
const SEGN = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];

export interface MemRegion { addr: string; hex: string; perm: string }

export interface LoadedSnapshot {
  cpu: Cpu;
  /** Register names in the order to write them back. */
  names: string[];
  regions: { addr: number; len: number; perm: number }[];
  until?: number;
  steps?: number;
  raw: Record<string, unknown>;
}

function parseNum(v: unknown, what: string): bigint {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^-?(0x[0-9a-f]+|0b[01]+|0o[0-7]+|[0-9]+)$/i.test(s)) {
      const neg = s.startsWith('-');
      const b = BigInt(neg ? s.slice(1) : s);
      return neg ? -b : b;
    }
  }
  throw new SnapshotError(`${what}: expected a number or a "0x…" string, got ${JSON.stringify(v)}`);
}

const U64 = (1n << 64n) - 1n;

export function loadSnapshot(json: unknown, defaults: { mode?: CpuMode; until?: number; steps?: number; profile?: CpuProfile } = {}): LoadedSnapshot {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SnapshotError('snapshot must be a JSON object');
  const o = json as Record<string, unknown>;
  const modeV = o.mode ?? defaults.mode ?? 64;
  if (modeV !== 64 && modeV !== 32) throw new SnapshotError(`"mode" must be 64 or 32, got ${JSON.stringify(modeV)}`);
  const mode = modeV as CpuMode;
  const cplV = o.cpl ?? 3;
  if (cplV !== 0 && cplV !== 3 && cplV !== 1 && cplV !== 2) throw new SnapshotError(`"cpl" must be 0..3, got ${JSON.stringify(cplV)}`);
  const cpu = new Cpu(mode, undefined, defaults.profile);
  if (cplV === 0) cpu.setKernelFlat();
  cpu.cpl = cplV as number;
  const regs = o.regs ?? {};
  if (typeof regs !== 'object' || regs === null || Array.isArray(regs)) throw new SnapshotError('"regs" must be an object');
  const names: string[] = [];
  let sawFlags = false;
  for (const [k0, v] of Object.entries(regs as Record<string, unknown>)) {
    const k = k0.toLowerCase();
    const val = parseNum(v, `regs.${k0}`);
    if (val < -(1n << 63n) || val > U64) throw new SnapshotError(`regs.${k0}: value out of 64-bit range`);
    const u = val & U64;
    let idx = R64.indexOf(k);
    if (idx >= 0) {
      if (mode === 32 && idx >= 8) throw new SnapshotError(`regs.${k0}: no such register in 32-bit mode`);
      cpu.setReg64(idx, mode === 32 ? u & 0xffffffffn : u);
    } else if ((idx = R32.indexOf(k)) >= 0) {
      cpu.setReg64(idx, u & 0xffffffffn);
    } else if (k === 'rip' || k === 'eip') {
      cpu.rip = bigToCanon(u, mode);
      if (mode === 64 && BigInt.asUintN(64, BigInt.asIntN(48, u)) !== u) throw new SnapshotError(`regs.${k0}: non-canonical address`);
    } else if (k === 'rflags' || k === 'eflags') {
      // RF and VM are dropped: RF clears when the first instruction completes, VM is not modelled.
      cpu.flags = Number(u & 0x3c7fd5n) | 2;
      sawFlags = true;
    } else if (k === 'fs_base' || k === 'fsbase') cpu.segs[SEG_FS].base = bigToCanon(u, mode);
    else if (k === 'gs_base' || k === 'gsbase') cpu.segs[SEG_GS].base = bigToCanon(u, mode);
    else if (k === 'kernel_gs_base') cpu.kernelGsBase = bigToCanon(u, 64);
    else if (SEGN.includes(k)) cpu.segs[SEGN.indexOf(k)].sel = Number(u & 0xffffn);
    else if (k === 'cr0') cpu.cr0 = Number(u & 0xffffffffn);
    else if (k === 'cr2') cpu.cr2 = bigToCanon(u, mode);
    else if (k === 'cr3') cpu.cr3 = Number(u);
    else if (k === 'cr4') cpu.cr4 = Number(u & 0xffffffffn);
    else throw new SnapshotError(`regs: unknown register "${k0}"`);
    names.push(k0);
  }
  if (!sawFlags) cpu.flags = 0x202;
  // User-mode snapshots run with interrupts enabled (issue 5).
  if (cpu.cpl === 3) cpu.flags |= F_IF;
  const memV = o.memory ?? [];
  if (!Array.isArray(memV)) throw new SnapshotError('"memory" must be an array of {addr, hex, perm}');
  const regions: LoadedSnapshot['regions'] = [];
  memV.forEach((r, n) => {
    if (typeof r !== 'object' || r === null) throw new SnapshotError(`memory[${n}]: expected an object`);
    const rr = r as Record<string, unknown>;
    const addr = parseNum(rr.addr, `memory[${n}].addr`);
    const hex = rr.hex ?? '';
    if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new SnapshotError(`memory[${n}].hex: expected an even number of hex digits`);
    const permS = rr.perm ?? 'rwx';
    if (typeof permS !== 'string') throw new SnapshotError(`memory[${n}].perm: expected a string like "rwx"`);
    let perm: number;
    try { perm = permFromString(permS); } catch (e) { throw new SnapshotError(`memory[${n}].perm: ${(e as Error).message}`); }
    const len = hex.length / 2;
    const a = bigToCanon(addr & U64, mode);
    if (mode === 32 && (addr < 0n || addr + BigInt(len) > 1n << 32n)) throw new SnapshotError(`memory[${n}]: region outside the 32-bit address space`);
    if (len > 64 << 20) throw new SnapshotError(`memory[${n}]: region larger than 64 MiB`);
    const bytes = Buffer.from(hex, 'hex');
    cpu.mem.map(a, len, perm, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    regions.push({ addr: a, len, perm });
  });
  const untilV = o.until ?? (defaults.until !== undefined ? undefined : undefined);
  let until = defaults.until;
  if (untilV !== undefined && untilV !== null) until = bigToCanon(parseNum(untilV, 'until') & U64, mode);
  let steps = defaults.steps;
  if (o.steps !== undefined && o.steps !== null) {
    const s = parseNum(o.steps, 'steps');
    if (s < 0n || s > 1n << 40n) throw new SnapshotError('"steps" must be a non-negative integer');
    steps = Number(s);
  }
  return { cpu, names, regions, until, steps, raw: o };
}

function hex(v: bigint): string { return '0x' + v.toString(16); }

/** The snapshot after a run, in the input's shape. */
export function dumpSnapshot(s: LoadedSnapshot, res: RunResult | null): Record<string, unknown> {
  const cpu = s.cpu;
  const mode = cpu.mode;
  const out: Record<string, unknown> = { ...s.raw };
  delete out.until; delete out.steps;
  out.mode = mode;
  const regs: Record<string, string> = {};
  // Every GPR, RIP and RFLAGS in architectural order (spelled as the input spelled them: a 32-bit
  // snapshot may say eax/eip/eflags), then any other registers the input named.
  const have = new Map(s.names.map((n) => [n.toLowerCase(), n]));
  const std = mode === 64 ? [...R64, 'rip', 'rflags'] : [...R64.slice(0, 8), 'rip', 'rflags'];
  const alt = (n: string): string => (R64.indexOf(n) >= 0 && R64.indexOf(n) < 8 ? R32[R64.indexOf(n)] : n === 'rip' ? 'eip' : n === 'rflags' ? 'eflags' : n);
  const e32 = mode === 32 && s.names.some((n) => R32.includes(n.toLowerCase()) || /^e(ip|flags)$/i.test(n));
  const all: string[] = [];
  for (const n of std) all.push(have.get(n) ?? have.get(alt(n)) ?? (e32 ? alt(n) : n));
  const used = new Set(all.map((n) => n.toLowerCase()));
  for (const n of s.names) if (!used.has(n.toLowerCase())) all.push(n);
  let flags = getFlags(cpu);
  if (res?.stop === 'exception' && res.fault?.kind === 'fault') flags |= F_RF; // the image a fault pushes (SDM Vol.3 17.3.1.1)
  for (const n0 of all) {
    const n = n0.toLowerCase();
    let v: bigint;
    let idx = R64.indexOf(n);
    if (idx >= 0) v = cpu.reg64(idx);
    else if ((idx = R32.indexOf(n)) >= 0) v = cpu.reg64(idx) & 0xffffffffn;
    else if (n === 'rip' || n === 'eip') v = canonToBig(cpu.rip);
    else if (n === 'rflags' || n === 'eflags') v = BigInt(flags >>> 0);
    else if (n === 'fs_base' || n === 'fsbase') v = canonToBig(cpu.segs[SEG_FS].base);
    else if (n === 'gs_base' || n === 'gsbase') v = canonToBig(cpu.segs[SEG_GS].base);
    else if (n === 'kernel_gs_base') v = canonToBig(cpu.kernelGsBase);
    else if (SEGN.includes(n)) v = BigInt(cpu.segs[SEGN.indexOf(n)].sel);
    else if (n === 'cr0') v = BigInt(cpu.cr0 >>> 0);
    else if (n === 'cr2') v = canonToBig(cpu.cr2);
    else if (n === 'cr3') v = BigInt(cpu.cr3);
    else if (n === 'cr4') v = BigInt(cpu.cr4 >>> 0);
    else continue;
    if (mode === 32) v &= 0xffffffffn;
    regs[n0] = hex(v);
  }
  out.regs = regs;
  out.memory = s.regions.map((r) => ({
    addr: hex(canonToBig(r.addr) & (mode === 32 ? 0xffffffffn : U64)),
    hex: Buffer.from(cpu.mem.readBytes(r.addr, r.len)).toString('hex'),
    perm: permToString(r.perm),
  }));
  if (res) {
    out.stop = res.stop;
    if (res.stop === 'exception' && res.fault) {
      out.vector = res.fault.vector;
      const ec = res.fault.errorCode >= 0 ? res.fault.errorCode : null;
      out.error_code = ec;
      out.errorCode = ec;
      if (res.fault.vector === 14) out.cr2 = hex(canonToBig(cpu.cr2) & (mode === 32 ? 0xffffffffn : U64));
    }
  }
  return out;
}
