// Trace text: one line per instruction (step, address, <symbol+off>, AT&T disassembly, what it
// changed: registers, flags, segment registers, CPL, control registers, memory) and one line per
// event (exception/interrupt/NMI delivered with its frame, NMI latched, iret taken).

import { decodeInto } from '../decode/decode.js';
import { formatDecoded } from '../decode/att.js';
import { newDecoded } from '../decode/types.js';
import { GPR64, GPR32 } from '../isa/registers.js';
import { Cpu, ACC_X, canonLo, canonHi } from '../cpu/state.js';
import { getFlags } from '../cpu/flags.js';
import type { SysEvent } from '../cpu/system/model.js';
import type { MemChange } from './memdiff.js';

export { VECTOR_NAMES, vectorName } from '../cpu/system/model.js';
import { vectorName } from '../cpu/system/model.js';

export function hex(v: number | bigint, mode: 32 | 64 = 64): string {
  let b = typeof v === 'bigint' ? v : BigInt(Math.round(v));
  b = BigInt.asUintN(mode, b);
  return '0x' + b.toString(16);
}

/** address -> "sym+0x10" using the nearest symbol at or below (ties: first defined name). */
export class Symbolizer {
  private readonly sorted: [number, string][];
  constructor(symbols: Map<string, number>, private readonly ranges: { addr: number; size: number }[]) {
    const seen = new Map<number, string>();
    for (const [n, a] of symbols) if (!seen.has(a)) seen.set(a, n);
    this.sorted = [...seen.entries()].sort((a, b) => a[0] - b[0]);
  }
  lookup(a: number): string | undefined {
    if (!this.ranges.some((r) => a >= r.addr && a < r.addr + Math.max(r.size, 1))) return undefined;
    let lo = 0, hi = this.sorted.length - 1, best = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (this.sorted[mid][0] <= a) { best = mid; lo = mid + 1; } else hi = mid - 1; }
    if (best < 0) return undefined;
    const [base, name] = this.sorted[best];
    return a === base ? name : `${name}+0x${(a - base).toString(16)}`;
  }
}

const scratch = newDecoded();
const buf = new Uint8Array(16);

/** AT&T text of the instruction at RIP (as objdump prints it), or a note when it cannot be fetched. */
export function disasm(cpu: Cpu, sym: Symbolizer): string {
  let n = 0;
  for (; n < 15; n++) {
    const la = cpu.mode === 64 ? cpu.rip + n : (cpu.rip + n) >>> 0;
    let pa: number;
    try { pa = cpu.translate === null ? la : cpu.translate(cpu, la, ACC_X); } catch { break; }
    if (cpu.mem.permAt(pa) === 0) break;
    buf[n] = cpu.mem.peek8(pa);
  }
  if (n === 0) return '(not mapped)';
  for (let k = n; k < 16; k++) buf[k] = 0;
  decodeInto(scratch, buf, 0, cpu.mode, canonLo(cpu.rip), cpu.mode === 64 ? canonHi(cpu.rip) : 0);
  const symz = (lo: number, hi: number): string | undefined => sym.lookup(cpu.mode === 64 ? (hi | 0) * 4294967296 + (lo >>> 0) : lo >>> 0);
  try {
    return formatDecoded(scratch, buf, 0, canonLo(cpu.rip), cpu.mode === 64 ? canonHi(cpu.rip) : 0, symz).replace(/\s+$/, '');
  } catch (e) {
    return `(undecodable: ${(e as Error).message})`;
  }
}

/** Register state compared before/after a step. */
export class RegShot {
  readonly lo = new Int32Array(16);
  readonly hi = new Int32Array(16);
  flags = 0;
  readonly sel = new Int32Array(6);
  cpl = 0;
  cr0 = 0; cr2 = 0; cr3 = 0; cr4 = 0;
  tr = 0;
  take(cpu: Cpu): void {
    this.lo.set(cpu.lo); this.hi.set(cpu.hi);
    this.flags = getFlags(cpu) >>> 0;
    for (let i = 0; i < 6; i++) this.sel[i] = cpu.segs[i].sel;
    this.cpl = cpu.cpl;
    this.cr0 = cpu.cr0; this.cr2 = cpu.cr2; this.cr3 = cpu.cr3; this.cr4 = cpu.cr4;
    this.tr = cpu.tr.sel;
  }
}

const SEGN = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];

/** "rax=0x41 rsp=0x7fff0 rflags=0x246 [0x7ffe8]=0x100087" */
export function changes(cpu: Cpu, a: RegShot, b: RegShot, mem: MemChange[], hint: { addr: number; size: number } | null = null): string {
  const mode = cpu.mode;
  const out: string[] = [];
  const n = mode === 64 ? 16 : 8;
  for (let r = 0; r < n; r++) {
    if (a.lo[r] !== b.lo[r] || a.hi[r] !== b.hi[r]) {
      const v = mode === 64 ? (BigInt(b.hi[r] >>> 0) << 32n) | BigInt(b.lo[r] >>> 0) : BigInt(b.lo[r] >>> 0);
      out.push(`${mode === 64 ? GPR64[r] : GPR32[r]}=0x${v.toString(16)}`);
    }
  }
  if (a.flags !== b.flags) out.push(`${mode === 64 ? 'rflags' : 'eflags'}=0x${b.flags.toString(16)}`);
  for (let i = 0; i < 6; i++) if (a.sel[i] !== b.sel[i]) out.push(`${SEGN[i]}=0x${b.sel[i].toString(16)}`);
  if (a.cpl !== b.cpl) out.push(`cpl=${b.cpl}`);
  if (a.cr0 !== b.cr0) out.push(`cr0=${hex(b.cr0, mode)}`);
  if (a.cr2 !== b.cr2) out.push(`cr2=${hex(b.cr2, mode)}`);
  if (a.cr3 !== b.cr3) out.push(`cr3=${hex(b.cr3, mode)}`);
  if (a.cr4 !== b.cr4) out.push(`cr4=${hex(b.cr4, mode)}`);
  if (a.tr !== b.tr) out.push(`tr=0x${b.tr.toString(16)}`);
  for (const c of mem) out.push(memText(c, mode, hint));
  return out.join(' ');
}

function le(bytes: Uint8Array, off: number, n: number): bigint {
  let v = 0n;
  for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[off + k]);
  return v;
}

/**
 * Memory changes as `[addr]=value`: the instruction's own memory operand (hint) at its size, any
 * other change (stack pushes, frames) as whole machine words.
 */
function memText(c: MemChange, mode: 32 | 64, hint: { addr: number; size: number } | null): string {
  const w = mode === 64 ? 8 : 4;
  const parts: string[] = [];
  const end = c.addr + c.bytes.length;
  let pos = c.addr;
  const field = (at: number, n: number): void => { parts.push(`[${hex(at, mode)}]=0x${le(c.bytes, at - c.addr, n).toString(16)}`); };
  while (pos < end) {
    if (hint && pos <= hint.addr + hint.size - 1 && hint.addr < end && hint.addr >= c.addr && hint.addr + hint.size <= end && pos + w > hint.addr) {
      // Words before the operand, then the operand itself.
      for (; pos + w <= hint.addr; pos += w) field(pos, w);
      const mid = hint.addr + hint.size;
      if (pos < hint.addr && hint.addr - pos < w) { const o = c.old; let changed = false; for (let k = pos; k < hint.addr; k++) if (o[k - c.addr] !== c.bytes[k - c.addr]) changed = true; if (changed) field(pos, hint.addr - pos); }
      field(hint.addr, hint.size);
      pos = mid;
      // Realign to the next word boundary, showing leftover changed bytes of the word.
      const next = Math.min(end, Math.ceil(pos / w) * w);
      if (next > pos) { const o = c.old; let changed = false; for (let k = pos; k < next; k++) if (o[k - c.addr] !== c.bytes[k - c.addr]) changed = true; if (changed) field(pos, next - pos); }
      pos = next;
      hint = null;
      continue;
    }
    field(pos, Math.min(w, end - pos));
    pos += w;
  }
  return parts.join(' ');
}

/** "#GP(0x13)": a fault raised while delivering an event, with its error code. */
function faultName(e: SysEvent): string {
  return `${vectorName(e.vector ?? 0)}${e.errorCode !== undefined ? `(0x${e.errorCode.toString(16)})` : ''}`;
}

/** One event line. */
export function eventText(e: SysEvent, mode: 32 | 64, sym: Pick<Symbolizer, 'lookup'>): string {
  const at = (a: number | undefined): string => {
    if (a === undefined) return '?';
    const s = sym.lookup(a);
    return s ? `${hex(a, mode)} <${s}>` : hex(a, mode);
  };
  const w = e.frameWordBytes ?? 8;
  const frameText = (): string => {
    if (!e.frame || e.frameAddr === undefined) return '';
    const names = mode === 64 || (e.cplFrom ?? 0) !== (e.cplTo ?? 0) ? ['rip', 'cs', 'rflags', 'rsp', 'ss'] : ['rip', 'cs', 'rflags'];
    const nm = mode === 64 ? names : names.map((n) => n.replace(/^r/, 'e'));
    const hasErr = e.errorCode !== undefined;
    const words = e.frame.map((v, k) => {
      const label = hasErr ? (k === 0 ? 'error' : nm[k - 1]) : nm[k];
      return `${label}=0x${v.toString(16)}`;
    });
    return `, frame @${hex(e.frameAddr, mode)} (${w}-byte words): ${words.join(' ')}`;
  };
  switch (e.kind) {
    case 'exception':
    case 'nmi':
    case 'interrupt': {
      const what = e.kind === 'nmi' ? 'NMI' : e.kind === 'interrupt' ? `interrupt 0x${(e.vector ?? 0).toString(16)}` : `exception ${vectorName(e.vector ?? 0)}`;
      const err = e.errorCode !== undefined ? ` error=0x${e.errorCode.toString(16)}` : '';
      const ist = e.ist ? ` IST${e.ist}` : '';
      const cpl = e.cplFrom !== e.cplTo ? ` cpl ${e.cplFrom}->${e.cplTo}` : '';
      return `** ${what}${err} delivered${ist}${cpl}: return to ${at(e.from)}, handler ${at(e.to)}${frameText()}`;
    }
    case 'iret':
      return `** iret at ${at(e.from)} -> ${at(e.to)}${e.cplFrom !== e.cplTo ? ` cpl ${e.cplFrom}->${e.cplTo}` : ''} ${e.note ?? ''}${e.nmiUnblocked ? ', NMIs unblocked' : ''}`;
    case 'nmi-latched':
      return `** NMI raised ${e.note ?? ''}`;
    case 'irq-latched':
      return `** interrupt 0x${(e.vector ?? 0).toString(16)} raised ${e.note ?? ''}`;
    case 'delivery-fault':
      return `** ${faultName(e)} ${e.note ?? ''}`;
    case 'double-fault':
      return `** ${faultName(e)} ${e.note ?? ''} -> #DF`;
    case 'triple-fault':
      return `** triple fault: ${faultName(e)} ${e.note ?? ''} (shutdown)`;
    case 'wake':
      return `** hlt woken (${e.note ?? ''})`;
    case 'unsupported':
      return `** ${e.note ?? 'unsupported'}`;
  }
}
