// Block compilation: a hot straight-line run of cached instructions (up to a branch, a page end or
// something that must stop the block) becomes one JavaScript function. Instructions described in
// semantics.ts are emitted inline by codegen.ts with their operands as constants; anything else
// calls its ordinary handler, so every instruction can sit in a block. This file owns only the block
// structure: where blocks end, fault bookkeeping, dead flag records, self-loops.
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
import type { Cpu } from './state.js';
import { getFlags } from './flags.js';
import { PAGE_SIZE, type Page } from './memory.js';
import type { Insn, Handler } from './operands.js';
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

const HELPERS = { ...GEN_HELPERS, getFlags };

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
function inlineable(f: Form): boolean { return SEMANTICS[f.sem] !== undefined || f.sem === 'nop'; }
/** Inline code that can raise a fault (memory operands, the stack). */
function faultsInline(i: Insn, f: Form): boolean {
  const row = SEMANTICS[f.sem];
  return (i.memOp >= 0 && row?.kind !== 'lea' && f.sem !== 'nop') || row?.faults === true;
}

/** Emit inline JS for instruction k, or null to fall back to the generic handler call. */
function inline(i: Insn, f: Form, k: number, keepFlags: boolean, last: boolean, pending: Pending = undefined): string | null {
  if (f.sem === 'nop') return '';
  const row = SEMANTICS[f.sem];
  if (row === undefined) return null;
  // A branch ends its block: RIP becomes the next instruction's address, then the described code runs.
  if (row.kind === 'branch') return last ? `cpu.rip=${i.next};${inlineCode(i, f, k, keepFlags, pending)}` : null;
  return inlineCode(i, f, k, keepFlags, pending);
}

/** What `pending` is after instruction i (inlined as `inl`, its flag record kept or not). */
function pendingAfter(i: Insn, f: Form, inl: string | null, keep: boolean, before: Pending): Pending {
  if (inl !== null && f.sem === 'nop') return before;
  const row = SEMANTICS[f.sem];
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
  const lastRow = SEMANTICS[FORMS[lastInsn.form].sem];
  const selfLoop = lastRow?.kind === 'branch' && lastRow.guard === 'cc' && lastInsn.target === insns[0].addr;
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
      if (last && SEMANTICS[f.sem]?.kind !== 'branch') body += `cpu.rip=${i.next};`;
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
