// The interpreter: fetch through the decoder (with a per-page cache of prepared instructions),
// dispatch through the handler array, and stop at hlt, at an address, at the step limit, or at an
// exception nobody delivers. Faults roll RIP back to the faulting instruction; traps do not
// (SDM Vol.3 6.5). Nothing is allocated per step on the cached path.

import { FORMS } from '../isa/index.js';
import { decodeWith } from '../decode/decode.js';
import { execDecodeTables } from './decode-tables.js';
import { newDecoded, NONE, Pfx, Bad, type Decoded } from '../decode/types.js';
import { Cpu, CpuFault, Unsupported, ACC_X, SEG_CS, F_TF, canonLo, canonHi } from './state.js';
import { P_X, PAGE_SIZE, type Page } from './memory.js';
import { pageFault } from './access.js';
import { Insn, prepare } from './operands.js';
import { userHandlers, type HandlerTable } from './dispatch.js';
import { fastHandler } from './codegen.js';
import { Block, compileBlock, HOT } from './jit.js';

export type StopReason = 'hlt' | 'until' | 'steps' | 'exception' | 'unsupported';

export interface RunOptions {
  /** Step limit (always on); default 10 million. */
  maxSteps?: number;
  /** Stop before executing the instruction at this address (canonical-signed number). */
  until?: number;
  /** Compile hot blocks to JavaScript (default true; they are skipped automatically where TF, a shadow or the interrupt controller needs instruction boundaries). */
  blocks?: boolean;
}

export interface RunResult {
  stop: StopReason;
  steps: number;
  /** The undelivered exception when stop === 'exception'. */
  fault?: CpuFault;
  /** What was not modelled when stop === 'unsupported'. */
  detail?: string;
}

export const DEFAULT_MAX_STEPS = 10_000_000;

const scratch = newDecoded();
const fetchBuf = new Uint8Array(16);

/** Linear address of RIP (CS base is 0 in 64-bit mode). */
function ripLinear(cpu: Cpu): number {
  if (cpu.mode === 64) return cpu.rip;
  const b = cpu.segs[SEG_CS].base;
  return b === 0 ? cpu.rip : (cpu.rip + b) % 4294967296;
}

/** Decode the instruction at RIP (slow path), caching it when it lies in one executable page. */
function decodeAt(cpu: Cpu, lin: number): Insn {
  const mem = cpu.mem;
  let avail = 0;
  let phys0 = 0;
  for (; avail < 15; avail++) {
    const la = lin + avail;
    let pa: number;
    try {
      pa = cpu.translate === null ? la : cpu.translate(cpu, la, ACC_X);
    } catch (e) {
      if (avail === 0) throw e;
      break;
    }
    if ((mem.permAt(pa) & P_X) === 0) {
      if (avail === 0) pageFault(cpu, la, ACC_X, mem.permAt(pa) !== 0);
      break;
    }
    if (avail === 0) phys0 = pa;
    fetchBuf[avail] = mem.peek8(pa);
  }
  for (let k = avail; k < 16; k++) fetchBuf[k] = 0;
  const d = scratch;
  const ip = cpu.rip;
  // The decoder takes the low half unsigned: a signed one (EIP/RIP bits 31:0 >= 0x80000000) would
  // borrow from the high half and put rel branch targets 4 GiB too low.
  decodeWith(execDecodeTables(), d, fetchBuf, 0, cpu.mode, canonLo(ip) >>> 0, cpu.mode === 64 ? canonHi(ip) : 0);
  if (d.form === NONE && (d.bad === Bad.PREFIXES || d.bad === Bad.TOO_LONG)) decodeLong(cpu, ip);
  if (d.length > avail) {
    // The instruction runs into bytes that cannot be fetched.
    const la = lin + avail;
    const pa = cpu.translate === null ? la : cpu.translate(cpu, la, ACC_X);
    pageFault(cpu, la, ACC_X, mem.permAt(pa) !== 0);
  }
  if (d.form === NONE && !cpu.profile.quirks.prefetchRegUD) regPrefetchAsNop(d, cpu.mode === 64);
  if (d.form === NONE) throw new CpuFault(6);
  const form = FORMS[d.form];
  // LOCK is #UD unless the form is lockable and its destination is memory (SDM Vol.2 LOCK).
  if ((d.prefixes & Pfx.LOCK) !== 0 && (!form.lockable || d.mod === 3)) throw new CpuFault(6);
  const insn = new Insn();
  prepare(insn, d, form, ip);
  // A closure specialised to this instruction (generated from semantics.ts), unless the system
  // model replaced the sem's handler.
  insn.handler = tableOf(cpu).user[form.index] !== 0 ? fastHandler(insn, form) : null;
  // Cache by physical page offset when the instruction does not cross a page (Bochs' iCache):
  // the entry remembers its RIP and mode, so the same physical bytes reached through another
  // linear alias (whose RIP-relative fields differ) are decoded again, and a write to the bytes
  // drops the page's cache (codeMask). Fetch permission is checked by translate() on every fetch.
  const off = phys0 - Math.floor(phys0 / PAGE_SIZE) * PAGE_SIZE;
  if (off + d.length <= PAGE_SIZE) {
    const p = mem.page(Math.floor(phys0 / PAGE_SIZE));
    if (p) {
      if (p.icache === null) { p.icache = new Array(PAGE_SIZE); p.codeMask = new Uint8Array(PAGE_SIZE); }
      p.icache[off] = insn;
      p.codeMask!.fill(1, off, off + d.length);
    }
  }
  return insn;
}

/** The prefetch form (0F 0D /0): what a register-operand 0F 0D runs as where it is a hint NOP. */
const PREFETCH_FORM = FORMS.findIndex((f) => f.mnem === 'prefetch');
/**
 * 0F 0D /r with a register operand has no form (objdump: "prefetch (bad)"); Intel executes it as a
 * NOP, AMD raises #UD (measured; profile quirk prefetchRegUD). Rewrites the scratch decode in place.
 */
function regPrefetchAsNop(d: Decoded, long: boolean): void {
  let k = 0;
  while (k < 14 && isPrefixByte(fetchBuf[k], long)) k++;
  if (fetchBuf[k] !== 0x0f || fetchBuf[k + 1] !== 0x0d || (fetchBuf[k + 2] & 0xc0) !== 0xc0) return;
  d.form = PREFETCH_FORM;
  d.length = k + 3;
  d.mod = 3;
}

const longBuf = new Uint8Array(16);
function isPrefixByte(b: number, long: boolean): boolean {
  return b === 0xf0 || b === 0xf2 || b === 0xf3 || b === 0x66 || b === 0x67 || b === 0x26 || b === 0x2e ||
    b === 0x36 || b === 0x3e || b === 0x64 || b === 0x65 || (long && (b & 0xf0) === 0x40);
}
/**
 * The decoder stops at 14 prefixes (objdump's listing limit) and reports longer encodings as bad;
 * the CPU runs anything up to 15 bytes and raises #GP(0) beyond (SDM Vol.2 2.3.11). Repeated
 * prefixes add nothing, so decode with only the last occurrence of each prefix byte and put the
 * dropped bytes back into the length.
 */
function decodeLong(cpu: Cpu, ip: number): void {
  const long = cpu.mode === 64;
  let n = 0;
  while (n < 16 && isPrefixByte(fetchBuf[n], long)) n++;
  if (n >= 15) throw new CpuFault(13, 0);
  let m = 0;
  for (let k = 0; k < n; k++) {
    let later = false;
    for (let j = k + 1; j < n; j++) if (fetchBuf[j] === fetchBuf[k]) { later = true; break; }
    if (!later) longBuf[m++] = fetchBuf[k];
  }
  const removed = n - m;
  for (let k = n; k < 16; k++) longBuf[m + k - n] = fetchBuf[k];
  const d = scratch;
  // Decode at ip + removed so rel targets (next + disp) come out right.
  const at = ip + removed;
  decodeWith(execDecodeTables(), d, longBuf, 0, cpu.mode, canonLo(at) >>> 0, long ? canonHi(at) : 0);
  if (d.form === NONE) { if (d.bad === Bad.TOO_LONG) throw new CpuFault(13, 0); return; }
  d.length += removed;
  if (d.length > 15) throw new CpuFault(13, 0);
}

/** The prepared instruction at RIP (cached path first). */
export function fetch(cpu: Cpu): Insn {
  const lin = ripLinear(cpu);
  // With paging the TLB gives the physical address and checks the fetch (it throws #PF).
  const pa = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_X);
  const off = pa & 0xfff;
  const p = cpu.mem.page((pa - off) / PAGE_SIZE);
  if (p !== undefined && p.icache !== null) {
    const i = p.icache[off] as Insn | undefined;
    if (i !== undefined && i.addr === cpu.rip && i.mode === cpu.mode) return i;
  }
  return decodeAt(cpu, lin);
}

/** The handler table `cpu` runs with (the user-mode one unless a system model installed its own). */
export function tableOf(cpu: Cpu): HandlerTable {
  return cpu.handlers ??= userHandlers();
}

/** Execute one instruction (exceptions propagate as CpuFault with RIP adjusted). */
export function step(cpu: Cpu): void {
  const H = tableOf(cpu).fns;
  cpu.curIp = cpu.rip;
  try {
    const i = fetch(cpu);
    cpu.rip = i.next;
    const h = i.handler;
    if (h !== null) h(cpu, i); else H[i.form](cpu, i);
    cpu.tsc++;
  } catch (e) {
    if (e instanceof CpuFault && e.kind === 'fault') cpu.rip = cpu.curIp;
    throw e;
  }
}

/** Run until hlt, `until`, the step limit or an undelivered exception. */
export function run(cpu: Cpu, opts: RunOptions = {}): RunResult {
  const max = opts.maxSteps ?? DEFAULT_MAX_STEPS;
  const until = opts.until ?? NaN;
  const T = tableOf(cpu);
  const H = T.fns;
  let steps = 0;
  cpu.halted = false;
  // Fast fetch: the current code page's decode cache, used while RIP stays in the same linear page
  // and nothing can make the page stale: a write to its code (page.icache changes), a TLB flush or
  // CPL change (the translation, re-checked through translate() when they change), a mode switch.
  let pageBase = NaN;
  let page: Page | undefined = undefined;
  let icache: unknown[] | null = null;
  let xlate = cpu.translate, gen = cpu.tlbGen, cpl = cpu.cpl, mode = cpu.mode;
  const mem = cpu.mem;
  const lo = cpu.lo, hi = cpu.hi;
  const useBlocks = opts.blocks ?? true;
  let inBlock = false;
  for (;;) {
    try {
      while (steps < max) {
        const ctl = cpu.interrupts;
        if (ctl !== null) ctl.poll(cpu);
        if (cpu.shadow !== 0) cpu.shadow--;
        const rip = cpu.rip;
        if (rip === until) break;
        cpu.curIp = rip;
        let i: Insn | undefined;
        const off = rip - pageBase;
        if (off >= 0 && off < PAGE_SIZE && icache !== null && page!.icache === icache && cpu.translate === xlate &&
            (xlate === null || (cpu.tlbGen === gen && cpu.cpl === cpl)) && cpu.mode === mode) {
          if (useBlocks) {
            let jit = page!.jit;
            if (jit === null) jit = page!.jit = new Array(PAGE_SIZE);
            let b = jit[off] as Block | number | null | undefined;
            if (b === undefined || typeof b === 'number') {
              b = (b ?? 0) + 1;
              if (b >= HOT && icache[off] !== undefined) b = compileBlock(page!, off, T, rip);
              jit[off] = b;
            }
            if (b instanceof Block && b.start === rip && b.table === T && b.insns[0].mode === mode && !(until > b.start && until < b.end) &&
                cpu.shadow === 0 && (cpu.flags & F_TF) === 0) {
              // Under an interrupt controller, only where it needs none of the boundaries inside.
              let budget = max - steps;
              if (ctl !== null) {
                const q = ctl.quietSteps === undefined ? 0 : ctl.quietSteps(cpu, b.start, b.end);
                if (q < budget) budget = q;
              }
              if (b.len <= budget) {
                inBlock = true;
                const n = b.fn(cpu, lo, hi, page!, b.insns, H, budget);
                inBlock = false;
                steps += n;
                cpu.tsc += n;
                if (cpu.halted) return { stop: 'hlt', steps };
                continue;
              }
            }
          }
          i = icache[off] as Insn | undefined;
          if (i === undefined || i.addr !== rip) i = fetch(cpu);
        } else {
          i = fetch(cpu);
          icache = null;
          if (cpu.mode === 64 || cpu.segs[SEG_CS].base === 0) {
            // fetch() succeeded, so this translation is cached in the TLB and cannot fault.
            const pa = cpu.translate === null ? rip : cpu.translate(cpu, rip, ACC_X);
            const o = rip & 0xfff;
            pageBase = rip - o;
            page = mem.page((pa - (pa & 0xfff)) / PAGE_SIZE);
            if (page !== undefined && page.icache !== null) {
              icache = page.icache;
              xlate = cpu.translate; gen = cpu.tlbGen; cpl = cpu.cpl; mode = cpu.mode;
            }
          }
        }
        // Single-step (SDM Vol.3 17.3.1.4): TF set when the instruction starts gives a #DB trap
        // after it completes. The system model's controller does this itself when installed.
        const tf = (cpu.flags & F_TF) !== 0 && cpu.interrupts === null;
        cpu.rip = i.next;
        const h = i.handler;
        if (h !== null) h(cpu, i); else H[i.form](cpu, i);
        if (cpu.halted) { steps++; cpu.tsc++; return { stop: 'hlt', steps }; }
        if (tf) throw new CpuFault(1, -1, 'trap');
        steps++;
        cpu.tsc++;
      }
      return { stop: steps < max ? 'until' : 'steps', steps };
    } catch (e) {
      if (inBlock) {
        inBlock = false;
        steps += cpu.blkDone;
        cpu.tsc += cpu.blkDone;
        if (cpu.interrupts !== null && cpu.interrupts.blockFault !== undefined) cpu.interrupts.blockFault(cpu);
      }
      // Not modelled: stop at the instruction, naming it.
      if (e instanceof Unsupported) { cpu.rip = cpu.curIp; return { stop: 'unsupported', steps, detail: e.message }; }
      if (!(e instanceof CpuFault)) throw e;
      if (e.kind === 'fault') cpu.rip = cpu.curIp;
      else { steps++; cpu.tsc++; }
      icache = null;
      if (cpu.onException !== null && cpu.onException(cpu, e)) continue;
      return { stop: 'exception', steps, fault: e };
    }
  }
}
