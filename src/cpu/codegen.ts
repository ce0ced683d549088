// Code generation from the instruction descriptions (semantics.ts): one emitter turns a row plus an
// operand shape into JavaScript, and three back-ends bind the operands differently:
//   - interpreter: registers, immediates and sizes read from the Insn at run time; one handler per
//     sem, switching over every shape the forms allow (built once per process);
//   - fast closure: one cached instruction, its registers and immediates baked into a closure made by a
//     factory compiled once per shape (so the closure code is shared and V8 optimises it once);
//   - block compiler (jit.ts): the instruction's operands as literals inside the block's function,
//     with dead flag records dropped and stores checked against the block's own code.
// Since all three come from one emitter, they cannot disagree by construction; test/cpu/sem.test.ts
// still runs them against each other on random inputs.

import type { Form } from '../isa/types.js';
import { Cpu, STATUS, F_CF, LZ_ADD, LZ_SUB, LZ_LOGIC, LZ_INC, LZ_DEC } from './state.js';
import { cond, lazyStatus, getCF } from './flags.js';
import { K_REG, K_IMM, K_MEM, type Insn, type Handler, ea } from './operands.js';
import { rd8, rd16, rd32, rd64, wr8, wr16, wr32, wr64, checkWrite } from './access.js';
import { SEMANTICS, type Row, type Width } from './semantics.js';

export { SEMANTICS };

/** Helpers generated code calls (the parameter `R` of every generated function). */
export const HELPERS = { cond, lazyStatus, getCF, ea, rd8, rd16, rd32, rd64, wr8, wr16, wr32, wr64, checkWrite };
const HELPER_DECL = `const {${Object.keys(HELPERS).join(',')}}=R;`;

/** Locals every generated body may use (declared by the function that hosts it). */
export const LOCALS = 'let a=0,ah=0,b=0,bh=0,c=0,r=0,rh=0,l=0,h=0,ad=0;';

/**
 * The flag record pending before an instruction inside a block, when known at compile time (the
 * kind of the 32-bit add/sub/logic/inc/dec record an earlier inline instruction left).
 */
export type Pending = 'add' | 'sub' | 'logic' | 'incdec' | undefined;

/** How the operands of one instruction appear in generated code. */
export interface Bind {
  /** Register number of operand n. */
  reg(n: number): string;
  /** Immediate, low half masked to width w, and high half. */
  immLo(w: Width): string;
  immHi(): string;
  /** The Insn (for ea()). */
  readonly insn: string;
  /** Code after a memory store (the block compiler checks for self-modifying code). */
  readonly afterStore: string;
  /** Keep the flag record (false: a later instruction overwrites all status flags first). */
  readonly keepFlags: boolean;
  /** The pending record's kind, for inc/dec's CF. */
  readonly pending: Pending;
}

/** Operand kinds and sizes of one instruction (Insn fields k0/s0/k1/s1). */
export interface Shape { k0: number; s0: number; k1: number; s1: number }

const asWidth = (s: number): Width => (s === 8 || s === 16 || s === 32 ? s : 64);

// ---- operand access ----

function load(v: 'a' | 'b', n: number, kind: number, w: Width, B: Bind, rmw: boolean): string {
  const H = v === 'a' ? 'ah' : 'bh';
  if (kind === K_REG) {
    const R = B.reg(n);
    return w === 64 ? `${v}=lo[${R}];${H}=hi[${R}];` : w === 32 ? `${v}=lo[${R}];` : `${v}=cpu.getReg(${R},${w});`;
  }
  if (kind === K_IMM) return `${v}=${B.immLo(w)};` + (w === 64 ? `${H}=${B.immHi()};` : '');
  // Memory. A read-modify-write checks write permission before it reads (the #PF has W=1).
  const addr = rmw ? 'ad' : `ea(cpu,${B.insn})`;
  return (rmw ? `ad=ea(cpu,${B.insn});checkWrite(cpu,ad,${w >> 3});` : '') + `${v}=rd${w}(cpu,${addr});` + (w === 64 ? `${H}=cpu.tHi;` : '');
}

function store(n: number, kind: number, w: Width, B: Bind, rmw: boolean): string {
  if (kind === K_REG) {
    const R = B.reg(n);
    // A 32-bit register write zeroes bits 63:32; 8/16-bit writes keep the rest (SDM Vol.1 3.4.1.1).
    return w === 64 ? `lo[${R}]=r;hi[${R}]=rh;` : w === 32 ? `lo[${R}]=r;hi[${R}]=0;` : `cpu.setReg(${R},${w},r,0);`;
  }
  const addr = rmw ? 'ad' : `ea(cpu,${B.insn})`;
  return `wr${w}(cpu,${addr},r${w === 64 ? ',rh' : ''});${B.afterStore}`;
}

// ---- flag records (flags.ts) ----

/** JS that makes CF of the pending record part of cpu.flags, for inc/dec (which keep CF). */
function foldCf(p: Pending): string {
  switch (p) {
    case 'add': return `cpu.flags=(cpu.flags&${~F_CF})|((cpu.lzRLo>>>0)<(cpu.lzALo>>>0)?${F_CF}:0);`;
    case 'sub': return `cpu.flags=(cpu.flags&${~F_CF})|((cpu.lzALo>>>0)<(cpu.lzBLo>>>0)?${F_CF}:0);`;
    case 'logic': return `cpu.flags&=${~F_CF};`;
    case 'incdec': return ''; // that record already left CF in cpu.flags
    default: return `if(cpu.lzOp!==0&&(cpu.lzMask&${F_CF})!==0)cpu.flags=(cpu.flags&${~F_CF})|(lazyStatus(cpu)&${F_CF});`;
  }
}

function record(row: Row, w: Width, B: Bind): string {
  if (!B.keepFlags || row.rec === null || row.rec === 'helper') return '';
  const hi64 = (s: string): string => (w === 64 ? s : '');
  switch (row.rec) {
    case 'add': case 'sub':
      return `cpu.lzOp=${row.rec === 'add' ? LZ_ADD : LZ_SUB};cpu.lzMask=${STATUS};cpu.lzSize=${w};cpu.lzALo=a;cpu.lzBLo=b;cpu.lzRLo=r;` +
        hi64('cpu.lzAHi=ah;cpu.lzBHi=bh;cpu.lzRHi=rh;') + `cpu.lzCin=${row.carryIn ? 'c' : '0'};`;
    case 'logic':
      return `cpu.lzOp=${LZ_LOGIC};cpu.lzMask=${STATUS};cpu.lzSize=${w};cpu.lzRLo=r;` + hi64('cpu.lzRHi=rh;');
    case 'inc': case 'dec':
      return foldCf(B.pending) + `cpu.lzOp=${row.rec === 'inc' ? LZ_INC : LZ_DEC};cpu.lzMask=${STATUS & ~F_CF};cpu.lzSize=${w};cpu.lzALo=a;cpu.lzRLo=r;` +
        hi64('cpu.lzAHi=ah;cpu.lzRHi=rh;');
  }
}

/** What the pending record is after this instruction (for the next inc/dec in a block). */
export function pendingAfter(row: Row, s: Shape, keep: boolean, before: Pending): Pending {
  if (row.rec === null) return before;
  if (!keep || row.carryIn) return undefined;
  const w = row.kind === 'rmw' ? (row.dst === 0 ? s.s0 : s.s1) : 0;
  if (w !== 32) return undefined;
  switch (row.rec) {
    case 'add': return 'add';
    case 'sub': return 'sub';
    case 'logic': return 'logic';
    case 'inc': case 'dec': return 'incdec';
    default: return undefined;
  }
}

/** Does the row overwrite all six status flags without reading any (so an earlier record is dead)? */
export function writesAllStatus(row: Row): boolean {
  return row.rec === 'add' || row.rec === 'sub' || row.rec === 'logic' ? !row.carryIn : false;
}

// ---- the emitter ----

/** JavaScript for one instruction of this shape, or null when the row cannot take the shape. */
export function emit(row: Row, s: Shape, B: Bind): string | null {
  const kinds = [s.k0, s.k1], sizes = [s.s0, s.s1];
  switch (row.kind) {
    case 'rmw': {
      const d = row.dst!, w = row.dstWidth ?? asWidth(sizes[d]);
      const dk = kinds[d];
      if (dk !== K_REG && dk !== K_MEM) return null;
      const write = row.write !== false;
      let code = load('a', d, dk, w, B, write);
      if (row.src !== undefined) {
        const sk = kinds[row.src];
        if (sk !== K_REG && sk !== K_IMM && sk !== K_MEM) return null;
        if (sk === K_MEM && dk === K_MEM) return null;
        const ws = row.srcWidth === 'own' ? asWidth(sizes[row.src]) : w;
        code += load('b', row.src, sk, ws, B, false);
      }
      if (row.carryIn) code += 'c=getCF(cpu);';
      code += row.value(w, w);
      if (write) code += store(d, dk, w, B, true);
      return code + record(row, w, B);
    }
  }
  return null;
}

// ---- back-ends ----

/** All shapes a sem's forms can take at run time, for the interpreter (operand kinds x sizes). */
function interpSource(row: Row): string {
  const B: Bind = {
    reg: (n) => `i.r${n}`,
    immLo: (w) => (w === 8 ? '(i.immLo&255)' : w === 16 ? '(i.immLo&65535)' : 'i.immLo'),
    immHi: () => 'i.immHi',
    insn: 'i', afterStore: '', keepFlags: true, pending: undefined,
  };
  const d = row.dst ?? 0;
  const KINDS = [K_REG, K_IMM, K_MEM];
  const sizeCases = (body: (w: Width) => string): string =>
    `switch(i.s${d}){case 8:{${body(8)}return;}case 16:{${body(16)}return;}case 32:{${body(32)}return;}default:{${body(64)}return;}}`;
  // One branch per operand kind; the last kind is the `else` (readOp treats "not reg, not imm" as memory).
  const byKind = (n: number, kinds: number[], body: (k: number) => string | null): string => {
    const arms = kinds.map((k) => [k, body(k)] as const).filter((x) => x[1] !== null);
    return arms.map(([k, c], j) => (j === arms.length - 1 ? (j === 0 ? c : `else{${c}}`) : `${j ? 'else ' : ''}if(i.k${n}===${k}){${c}}`)).join('');
  };
  return sizeCases((w) => {
    const sh = (k0: number, k1: number): Shape => ({ k0, s0: w, k1, s1: w });
    if (row.kind === 'rmw' && row.src === undefined) return byKind(d, [K_REG, K_MEM], (k) => emit(row, sh(k, 0), B));
    if (row.kind === 'rmw') {
      return byKind(d, [K_REG, K_MEM], (dk) => byKind(row.src!, dk === K_MEM ? [K_REG, K_IMM] : KINDS, (sk) => {
        const s = row.src === 0 ? sh(sk, dk) : sh(dk, sk);
        return emit(row, s, B);
      }));
    }
    throw new Error(`codegen: no interpreter shapes for kind ${row.kind}`);
  });
}

function compile<T>(params: string, body: string): T {
  return new Function('R', `${HELPER_DECL}return function(${params}){${body}};`)(HELPERS) as T;
}

/** The interpreter's handler for a described sem (generated once per process: constant data). */
export function interpHandler(sem: string): Handler {
  const row = SEMANTICS[sem];
  return compile<Handler>('cpu,i', `const lo=cpu.lo,hi=cpu.hi;${LOCALS}${interpSource(row)}`);
}

/** The handlers of every described sem, by sem. */
export function generatedHandlers(): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const sem of Object.keys(SEMANTICS)) out[sem] = interpHandler(sem);
  return out;
}

type Factory = (R0: number, R1: number, IL: number, IH: number) => Handler;
const FAST_BIND: Bind = {
  reg: (n) => `R${n}`, immLo: () => 'IL', immHi: () => 'IH', insn: 'i', afterStore: '', keepFlags: true, pending: undefined,
};
/** Compiled closure factories by shape (derived from constant data, so a cache, not state). */
const factories = new Map<string, Factory | null>();

/** Immediate low half masked to the width the row reads it at. */
function immAt(row: Row, i: Insn): number {
  const d = row.dst ?? 0;
  const w = row.dstWidth ?? asWidth(d === 0 ? i.s0 : i.s1);
  const ws = row.src !== undefined && row.srcWidth === 'own' ? asWidth(row.src === 0 ? i.s0 : i.s1) : w;
  return ws === 8 ? i.immLo & 0xff : ws === 16 ? i.immLo & 0xffff : i.immLo;
}

/** A closure for one cached instruction of a described sem, or null (not described). */
export function fastHandler(i: Insn, f: Form): Handler | null {
  const row = SEMANTICS[f.sem];
  if (row === undefined) return null;
  const key = `${f.sem}|${i.k0},${i.s0}|${i.k1},${i.s1}`;
  let fac = factories.get(key);
  if (fac === undefined) {
    const code = emit(row, i, FAST_BIND);
    fac = code === null ? null : compile<Factory>('R0,R1,IL,IH', `return function(cpu,i){const lo=cpu.lo,hi=cpu.hi;${LOCALS}${code}};`);
    factories.set(key, fac);
  }
  return fac === null ? null : fac(i.r0, i.r1, immAt(row, i), i.immHi);
}

/** Inline code for instruction k of a block (jit.ts), or null when the row does not take the shape. */
export function inlineCode(i: Insn, f: Form, k: number, keepFlags: boolean, pending: Pending): string | null {
  const row = SEMANTICS[f.sem];
  if (row === undefined) return null;
  const regs = [i.r0, i.r1];
  const imm = immAt(row, i);
  return emit(row, i, {
    reg: (n) => String(regs[n]), immLo: () => String(imm), immHi: () => String(i.immHi),
    insn: `I[${k}]`, afterStore: `if(pg.icache!==ic){cpu.rip=${i.next};return ${k + 1};}`, keepFlags, pending,
  });
}

/** Helpers block code needs from this module (merged into the block compiler's `R`). */
export type Helpers = typeof HELPERS;
export type { Cpu };
