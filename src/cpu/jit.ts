// Block compilation: a hot straight-line run of cached instructions (up to a branch, a page end or
// something that must stop the block) becomes one JavaScript function. Hot shapes are emitted
// inline with their operands as constants; anything else calls its ordinary handler, so every
// instruction can sit in a block and both paths share one semantics.
//
// Precision: before each instruction that may fault the block records cpu.curIp and
// cpu.blkDone (instructions completed), so a CpuFault leaves the machine exactly as the
// interpreter would. A store that hits cached code ends the block (self-modifying code). A
// handler that moves RIP elsewhere (rep chunking, a fault-free jump) ends it too.
//
// The run loop (exec.ts) uses a block only when nothing needs the boundaries inside it: TF clear,
// no shadow, the interrupt controller (if any) quiet over the block's addresses for as many steps
// as it runs (InterruptController.quietSteps), the step limit not reached and `until` not inside.
// Blocks hang off a physical page's decode cache; with paging, the entry's RIP tells linear
// aliases apart (a block is used only at the RIP it was compiled for). Instructions whose handler
// the system model replaced (int n, iret, hlt, mov to CRn, ...) and `sys:` forms (rdtsc, cpuid,
// syscall, ...) are never in a block: they may log events, read the instruction count or change
// what the controller watches, so they run from the interpreter loop.

import type { Form } from '../isa/types.js';
import { FORMS } from '../isa/index.js';
import { Cpu, CpuFault } from './state.js';
import { getFlags } from './flags.js';
import { PAGE_SIZE, type Page } from './memory.js';
import { K_REG, K_IMM, K_MEM, type Insn, type Handler, push, pop } from './operands.js';
import { shift } from './alu.js';
import type { HandlerTable } from './dispatch.js';
import { SEMANTICS, HELPERS as GEN_HELPERS, LOCALS, inlineCode, pendingAfter as genPendingAfter, writesAllStatus as genWritesAll, type Pending } from './codegen.js';

/** Runs the block (a self-loop repeats while it fits `budget` instructions); returns instructions executed. */
export type BlockFn = (cpu: Cpu, lo: Int32Array, hi: Int32Array, pg: Page, I: Insn[], H: readonly Handler[], budget: number) => number;

export class Block {
  constructor(
    readonly fn: BlockFn,
    readonly insns: Insn[],
    /** Number of instructions. */
    readonly len: number,
    /** [start, end) addresses covered (canonical-signed numbers). */
    readonly start: number,
    readonly end: number,
    /** The handler table it was compiled against (a Cpu with another table must not run it). */
    readonly table: HandlerTable,
  ) {}
}

/** Executions of an address before it is compiled. */
export const HOT = 40;
const MAX_BLOCK = 48;

const HELPERS = { ...GEN_HELPERS, getFlags, CpuFault, shift, push, pop };

/** Sems whose handler may change machine state the block loop relies on (mode, paging, TF, halt). */
function endsBlock(f: Form, T: HandlerTable): boolean {
  return f.flow !== 'none' || f.sem.startsWith('sys:') || f.sem === 'popf' || f.sem === 'mov:sreg' || f.sem === 'pop:seg' ||
    f.sem === 'hlt' || f.sem === 'flag:sti' || f.sem === 'flag:cli' || f.sem === 'iret' || T.user[f.index] === 0;
}

/** Does the instruction read the status flags (so an earlier flag record must be kept)? */
function readsFlags(f: Form): boolean { return f.flags.read !== 0 || !inlineable(f); }
function writesAllStatus(f: Form): boolean {
  const row = SEMANTICS[f.sem];
  return row !== undefined && genWritesAll(row);
}
function inlineable(f: Form): boolean {
  const m = f.sem;
  return SEMANTICS[m] !== undefined || m === 'mov' || m === 'lea' || m === 'jcc' || m === 'jmp' || m === 'nop' ||
    m === 'shift:shl' || m === 'shift:shr' || m === 'shift:sar' || m === 'shift:rol' || m === 'shift:ror' ||
    m === 'push' || m === 'pop' || m === 'movzx' || m === 'movsx';
}
/** Inline code that can raise a fault (memory operands, the stack). */
function faultsInline(i: Insn, f: Form): boolean {
  return (i.memOp >= 0 && f.sem !== 'lea' && f.sem !== 'nop') || f.sem === 'push' || f.sem === 'pop';
}
const SHIFT_OP: Record<string, number> = { 'shift:rol': 0, 'shift:ror': 1, 'shift:shl': 4, 'shift:shr': 5, 'shift:sar': 7 };

const TWO32 = 4294967296;

/** Emit inline JS for instruction k, or null to fall back to the generic handler call. */
function inline(i: Insn, f: Form, k: number, keepFlags: boolean, last: boolean, pending: Pending = undefined): string | null {
  const sem = f.sem;
  // Described instructions (semantics.ts): generated from the description.
  if (SEMANTICS[sem] !== undefined) return inlineCode(i, f, k, keepFlags, pending);
  switch (sem) {
    case 'nop': return '';
    case 'jcc': return last ? `cpu.rip=cond(cpu,${i.cc})?${i.target}:${i.next};` : null;
    case 'jmp': return last ? `cpu.rip=${i.target};` : null;
    case 'lea': {
      if (i.k1 !== K_REG || !Number.isNaN(i.abs) || i.base < 0 || i.base >= 16 || i.adsize !== 64 || (i.s1 !== 64 && i.s1 !== 32)) return null;
      // Into a 32-bit register: the sum's low half depends on the low halves only (exact below 2^53).
      if (i.s1 === 32) return `lo[${i.r1}]=(lo[${i.base}]${i.index >= 0 ? `+lo[${i.index}]*${i.scale}` : ''}+${i.disp})|0;hi[${i.r1}]=0;`;
      const idx = i.index >= 0 ? `+(lo[${i.index}]>>>0)*${i.scale}` : '';
      const idxH = i.index >= 0 ? `+hi[${i.index}]*${i.scale}` : '';
      return `l=(lo[${i.base}]>>>0)${idx}+${i.disp};h=hi[${i.base}]${idxH};if(l>=${TWO32}||l<0){c=Math.floor(l/${TWO32});l-=c*${TWO32};h+=c;}` +
        `lo[${i.r1}]=l|0;hi[${i.r1}]=${i.s1 === 64 ? 'h|0' : '0'};`;
    }
    case 'mov': {
      if (i.k1 === K_REG && i.r1 < 16 && (i.s1 === 32 || i.s1 === 64)) {
        const d = i.r1;
        if (i.k0 === K_REG && i.r0 < 16) return i.s1 === 64 ? `lo[${d}]=lo[${i.r0}];hi[${d}]=hi[${i.r0}];` : `lo[${d}]=lo[${i.r0}];hi[${d}]=0;`;
        if (i.k0 === K_IMM) return `lo[${d}]=${i.immLo};hi[${d}]=${i.s1 === 64 ? i.immHi : 0};`;
        if (i.k0 === K_MEM) {
          return i.s1 === 64 ? `a=rd64(cpu,ea(cpu,I[${k}]));lo[${d}]=a;hi[${d}]=cpu.tHi;` : `a=rd32(cpu,ea(cpu,I[${k}]));lo[${d}]=a;hi[${d}]=0;`;
        }
      }
      if (i.k1 === K_MEM && (i.s1 === 32 || i.s1 === 64) && (i.k0 === K_REG && i.r0 < 16 || i.k0 === K_IMM)) {
        const v = i.k0 === K_REG ? `lo[${i.r0}]` : `${i.immLo}`;
        const vh = i.k0 === K_REG ? `hi[${i.r0}]` : `${i.immHi}`;
        return (i.s1 === 64 ? `wr64(cpu,ea(cpu,I[${k}]),${v},${vh});` : `wr32(cpu,ea(cpu,I[${k}]),${v});`) +
          `if(pg.icache!==ic){cpu.rip=${i.next};return ${k + 1};}`;
      }
      return null;
    }
    case 'shift:shl': case 'shift:shr': case 'shift:sar': case 'shift:rol': case 'shift:ror': {
      if (i.k1 !== K_REG || i.r1 >= 16 || (i.s1 !== 32 && i.s1 !== 64) || i.k0 !== K_IMM) return null;
      const d = i.r1;
      const n = i.immLo & 31;
      // Flags overwritten before any read and a 32-bit register: only the result matters.
      if (!keepFlags && i.s1 === 32) {
        if (n === 0) return `hi[${d}]=0;`;
        const v = `lo[${d}]`;
        const e = sem === 'shift:rol' ? `(${v}<<${n})|(${v}>>>${32 - n})` : sem === 'shift:ror' ? `(${v}>>>${n})|(${v}<<${32 - n})`
          : sem === 'shift:shl' ? `${v}<<${n}` : sem === 'shift:shr' ? `${v}>>>${n}` : `${v}>>${n}`;
        return `lo[${d}]=${e};hi[${d}]=0;`;
      }
      const n6 = i.immLo & 63;
      if (!keepFlags && i.s1 === 64 && sem !== 'shift:rol' && sem !== 'shift:ror') {
        if (n6 === 0) return '';
        const ld = `a=lo[${d}];ah=hi[${d}];`;
        const st = (l: string, h: string): string => `${ld}lo[${d}]=${l};hi[${d}]=${h};`;
        if (sem === 'shift:shl') {
          return n6 < 32 ? st(`a<<${n6}`, `(ah<<${n6})|(a>>>${32 - n6})`) : st('0', `a<<${n6 - 32}`);
        }
        const top = sem === 'shift:sar' ? 'ah>>31' : '0';
        if (n6 < 32) return st(`(a>>>${n6})|(ah<<${32 - n6})`, sem === 'shift:sar' ? `ah>>${n6}` : `ah>>>${n6}`);
        return st(sem === 'shift:sar' ? `ah>>${n6 - 32}` : `ah>>>${n6 - 32}`, top);
      }
      return `r=shift(cpu,${SHIFT_OP[sem]},${i.s1},lo[${d}],hi[${d}],${i.immLo & 0xff},1);lo[${d}]=r;hi[${d}]=${i.s1 === 64 ? 'cpu.tHi' : '0'};`;
    }
    case 'push': {
      if (i.k0 !== K_REG || i.r0 >= 16 || i.opsize !== 64) return null;
      return `push(cpu,64,lo[${i.r0}],hi[${i.r0}]);`;
    }
    case 'pop': {
      if (i.k0 !== K_REG || i.r0 >= 16 || i.opsize !== 64) return null;
      return `a=pop(cpu,64);lo[${i.r0}]=a;hi[${i.r0}]=cpu.tHi;`;
    }
    case 'movzx': case 'movsx': {
      if (i.k0 !== K_REG || i.r0 >= 16 || i.k1 !== K_REG || i.r1 >= 16 || (i.s1 !== 32 && i.s1 !== 64)) return null;
      const sx = sem === 'movsx';
      const src = i.s0 === 8 ? (sx ? `(lo[${i.r0}]<<24>>24)` : `(lo[${i.r0}]&255)`) : i.s0 === 16 ? (sx ? `(lo[${i.r0}]<<16>>16)` : `(lo[${i.r0}]&65535)`) : `lo[${i.r0}]`;
      return `a=${src};lo[${i.r1}]=a;hi[${i.r1}]=${i.s1 === 64 && sx ? 'a>>31' : '0'};`;
    }
  }
  return null;
}

/** What `pending` is after instruction i (inlined as `inl`, its flag record kept or not). */
function pendingAfter(i: Insn, f: Form, inl: string | null, keep: boolean, before: Pending): Pending {
  const m = f.sem;
  if (inl !== null && (m === 'mov' || m === 'lea' || m === 'nop' || m === 'push' || m === 'pop' || m === 'movzx' || m === 'movsx')) return before;
  const row = SEMANTICS[m];
  if (inl === null || row === undefined) return undefined;
  return genPendingAfter(row, i, keep, before);
}

/** Can instruction `i` fault (so its address must be recorded first)? */
function mayFault(i: Insn, f: Form, inl: string | null): boolean {
  if (inl === null) return true;
  return faultsInline(i, f);
}

/**
 * Compile the block starting at page offset `off` (the instruction there is cached), or return
 * null when the first instruction cannot start a block.
 */
export function compileBlock(page: Page, off: number, T: HandlerTable, rip: number): Block | null {
  const icache = page.icache;
  if (icache === null) return null;
  const insns: Insn[] = [];
  let o = off;
  while (insns.length < MAX_BLOCK && o < PAGE_SIZE) {
    const i = icache[o] as Insn | undefined;
    // Stop at a gap, at an entry decoded for another linear alias or mode, at a replaced handler.
    if (i === undefined || i.addr !== rip + (o - off) || (insns.length > 0 && i.mode !== insns[0].mode)) break;
    const f = FORMS[i.form];
    // System instructions run from the interpreter too: rdtsc reads cpu.tsc, which a block only
    // advances when it returns.
    if (T.user[f.index] === 0 || f.sem.startsWith('sys:')) break;
    insns.push(i);
    if (endsBlock(f, T)) break;
    o += i.len;
  }
  if (insns.length === 0) return null;
  const n = insns.length;
  const lastInsn = insns[n - 1];
  const selfLoop = FORMS[lastInsn.form].sem === 'jcc' && lastInsn.target === insns[0].addr;
  let body = '';
  let pending: Pending;
  for (let k = 0; k < n; k++) {
    const i = insns[k];
    const f = FORMS[i.form];
    // The flag record of k is dead if a later instruction in the block overwrites all six
    // status flags before anything reads them.
    // Only across instructions that cannot fault: a fault must see k's flags.
    let keep = true;
    for (let j = k + 1; j < n; j++) {
      const g = FORMS[insns[j].form];
      if (readsFlags(g) || !inlineable(g) || faultsInline(insns[j], g)) break;
      if (writesAllStatus(g)) { keep = false; break; }
    }
    const last = k === n - 1;
    let inl = inline(i, f, k, keep, last, pending);
    pending = pendingAfter(i, f, inl, keep, pending);
    // A loop closed by its own final jcc runs inside the function, up to the step budget.
    if (last && selfLoop) inl = `if(!cond(cpu,${i.cc})){cpu.rip=${i.next};return base+${n};}base+=${n};if(base+${n}>budget){cpu.rip=${i.target};return base;}continue;`;
    if (mayFault(i, f, inl)) body += `cpu.curIp=${i.addr};cpu.blkDone=base+${k};`;
    if (inl !== null) {
      body += inl.replace(/return (\d+);/g, 'return base+$1;');
      if (last && f.sem !== 'jcc' && f.sem !== 'jmp') body += `cpu.rip=${i.next};`;
    } else {
      body += `cpu.rip=${i.next};H[${i.form}](cpu,I[${k}]);`;
      if (!last) body += `if(cpu.rip!==${i.next}||pg.icache!==ic||cpu.halted)return base+${k + 1};`;
    }
  }
  if (selfLoop) body = `for(;;){${body}}`;
  else body += `return ${n};`;
  const src = `const {${Object.keys(HELPERS).join(',')}}=R;\n` +
    `return function block(cpu,lo,hi,pg,I,H,budget){const ic=pg.icache;let base=0;${LOCALS}${body}};`;
  const fn = new Function('R', src)(HELPERS) as BlockFn;
  const first = insns[0], lastI = insns[n - 1];
  return new Block(fn, insns, n, first.addr, lastI.addr + lastI.len, T);
}
