// Code generation from the instruction descriptions (semantics.ts): one emitter turns a row plus an
// operand shape into JavaScript, and three back-ends bind the operands differently:
//   - interpreter: registers, immediates and sizes read from the Insn at run time; one handler per
//     sem with an arm per operand shape the forms allow (built once per process);
//   - fast closure: one cached instruction, its registers and immediates baked into a closure made by a
//     factory compiled once per shape (so the closure code is shared and V8 optimises it once);
//   - block compiler (jit.ts): the instruction's operands as literals inside the block's function,
//     with dead flag records dropped and stores checked against the block's own code.
// The three differ only in how operands are bound; test/cpu/sem.test.ts runs them against each other
// on random inputs.

import type { Form } from '../isa/types.js';
import { STATUS, F_CF, LZ_ADD, LZ_SUB, LZ_LOGIC, LZ_INC, LZ_DEC, CpuFault, canonLo, canonHi, isCanonical, pairToCanon } from './state.js';
import { cond, lazyStatus, getCF } from './flags.js';
import { shift } from './alu.js';
import { K_REG, K_IMM, K_MEM, type Insn, type Handler, ea, push, pop, peekStack, adjustSp, probePush } from './operands.js';
import { rd8, rd16, rd32, rd64, wr8, wr16, wr32, wr64, checkWrite } from './access.js';
import { SEMANTICS, type Row, type Width } from './semantics.js';
import { prebuiltHandlers } from './prebuilt-handlers.js';

export { SEMANTICS };

/** Helpers generated code calls (the parameter `R` of every generated function). */
export const HELPERS = { cond, lazyStatus, getCF, ea, rd8, rd16, rd32, rd64, wr8, wr16, wr32, wr64, checkWrite, shift, push, pop, peekStack, adjustSp, probePush, canonLo, canonHi, isCanonical, pairToCanon, CpuFault };
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
  /** The immediate's value when it is a compile-time constant (block compiler), else undefined. */
  readonly immConst: number | undefined;
  /** Condition code, branch target, memory-operand parts (base, index, scale, disp, abs halves). */
  readonly cc: string;
  readonly target: string;
  readonly base: string;
  readonly index: string;
  readonly scale: string;
  readonly disp: string;
  readonly absLo: string;
  readonly absHi: string;
  /** The Insn (for ea()). */
  readonly insn: string;
  /** Code after a memory store (the block compiler checks for self-modifying code). */
  readonly afterStore: string;
  /** Keep the flag record (false: a later instruction overwrites all status flags first). */
  readonly keepFlags: boolean;
  /** The pending record's kind, for inc/dec's CF. */
  readonly pending: Pending;
}

/**
 * What code for one instruction depends on: operand kinds and sizes (Insn k0/s0/k1/s1), the
 * stack operand size, and for lea the address shape (base, index present; absolute; address size).
 */
export interface Shape {
  k0: number; s0: number; k1: number; s1: number;
  opsize: number;
  /** Processor mode the instruction was decoded in; number of explicit operands (ret imm16). */
  mode: number; n: number;
  base: number; index: number; abs: number; adsize: number;
}

const asWidth = (s: number): Width => (s === 8 || s === 16 || s === 32 ? s : 64);

/** Destination and source widths of a row in a shape (the stack's: the operand size). */
function widths(row: Row, s: Shape): [Width, Width] {
  const sizes = [s.s0, s.s1];
  const w: Width = row.dstWidth ?? asWidth(row.kind === 'push' || row.kind === 'pop' ? s.opsize
    : row.kind === 'branch' ? (s.mode === 64 ? 64 : s.opsize === 16 ? 16 : 32) : row.dst !== undefined ? sizes[row.dst] : 0);
  const ws: Width = row.src === undefined || row.kind === 'push' ? w : row.srcWidth === 'own' ? asWidth(sizes[row.src])
    : row.srcWidth === 'dst' || row.srcWidth === undefined ? w : row.srcWidth;
  return [w, ws];
}

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
  const kinds = [s.k0, s.k1];
  const dk = row.dst !== undefined ? kinds[row.dst] : 0;
  const sk = row.src !== undefined ? kinds[row.src] : 0;
  const [w, ws] = widths(row, s);
  if (row.dst !== undefined && dk !== K_REG && dk !== K_MEM) return null;
  if (row.src !== undefined && ((sk !== K_REG && sk !== K_IMM && sk !== K_MEM) || (sk === K_MEM && dk === K_MEM))) return null;
  const ctx = { srcImm: sk === K_IMM, dstMem: dk === K_MEM, imm: row.kind === 'branch' && s.n > 0 };
  switch (row.kind) {
    case 'rmw': {
      const d = row.dst!;
      const write = row.write !== false;
      let code = load('a', d, dk, w, B, write);
      if (row.src !== undefined) code += load('b', row.src, sk, ws, B, false);
      if (row.carryIn) code += 'c=getCF(cpu);';
      const quick = !B.keepFlags && row.valueNoFlags !== undefined && sk === K_IMM && dk === K_REG && B.immConst !== undefined
        ? row.valueNoFlags(w, B.immConst) : null;
      code += quick ?? row.value(w, ws, ctx);
      if (write) code += store(d, dk, w, B, true);
      return code + (quick !== null ? '' : record(row, w, B));
    }
    case 'move': {
      const d = row.dst!;
      const src = row.src !== undefined ? load('b', row.src, sk, ws, B, false) : '';
      const put = (row.guard === 'cc' && row.src === undefined ? `r=cond(cpu,${B.cc})?1:0;` : '') + row.value(w, ws, ctx) + store(d, dk, w, B, false);
      if (row.guard !== 'cc' || row.src === undefined) return src + put;
      // cmov: a 32-bit destination is written (zero-extended) even when the condition is false.
      return `${src}if(cond(cpu,${B.cc})){${put}}` + (dk === K_REG && w === 32 ? `else hi[${B.reg(d)}]=0;` : '');
    }
    case 'lea': {
      if (dk !== K_REG || row.offset === undefined) return null;
      const abs = !Number.isNaN(s.abs);
      const code = row.offset(w, {
        base: !abs && s.base >= 0 ? B.base : null, index: !abs && s.index >= 0 ? B.index : null,
        scale: B.scale, disp: B.disp, abs: abs ? [B.absLo, B.absHi] : null,
        adsize: s.adsize === 16 ? 16 : s.adsize === 32 ? 32 : 64,
      });
      return code + store(row.dst!, K_REG, w, B, false);
    }
    case 'branch': {
      const code = `b=${B.target};` + (ctx.imm ? `c=${B.immLo(16)};` : '') + row.value(w, w, ctx);
      return row.guard === 'cc' ? `if(cond(cpu,${B.cc})){${code}}` : code;
    }
    case 'push':
      return load('b', row.src!, sk, w, B, false) + `push(cpu,${w},b,${w === 64 ? 'bh' : 0});`;
    case 'pop': {
      const d = row.dst!;
      if (dk === K_REG) return `r=pop(cpu,${w});rh=cpu.tHi;` + store(d, K_REG, w, B, false);
      // pop to memory: the address is computed with the incremented RSP, which a faulting store
      // puts back (SDM POP).
      return `r=peekStack(cpu,${w},0);rh=cpu.tHi;l=lo[4];h=hi[4];adjustSp(cpu,${w >> 3});` +
        `try{wr${w}(cpu,ea(cpu,${B.insn}),r${w === 64 ? ',rh' : ''});}catch(e){lo[4]=l;hi[4]=h;throw e;}${B.afterStore}`;
    }
  }
  return null;
}

// ---- back-ends ----

const W4: Width[] = [8, 16, 32, 64];

/** Every shape a row's forms can take at run time, with the test that selects it from an Insn `i`. */
function shapes(row: Row): Array<[string, Shape]> {
  const out: Array<[string, Shape]> = [];
  const sh = (p: Partial<Shape>): Shape => ({ k0: 0, s0: 0, k1: 0, s1: 0, opsize: 0, mode: 64, n: 0, base: -1, index: -1, abs: NaN, adsize: 64, ...p });
  const kindsOf = (n: number | undefined, srcOf: boolean, other: number): number[] =>
    n === undefined ? [0] : srcOf ? (other === K_MEM ? [K_REG, K_IMM] : [K_REG, K_IMM, K_MEM]) : [K_REG, K_MEM];
  switch (row.kind) {
    case 'rmw': case 'move': {
      const d = row.dst!, sN = row.src;
      for (const dk of kindsOf(d, false, 0)) {
        for (const sk of kindsOf(sN, true, dk)) {
          for (const w of row.dstWidth !== undefined ? [row.dstWidth] : W4) {
            for (const ws of row.srcWidth === 'own' ? W4.filter((x) => x <= w) : [w]) {
              const kk = [0, 0], ss = [0, 0];
              kk[d] = dk; ss[d] = w;
              if (sN !== undefined) { kk[sN] = sk; ss[sN] = ws; }
              const test = [`i.k${d}===${dk}`, row.dstWidth === undefined ? `i.s${d}===${w}` : '',
                sN !== undefined ? `i.k${sN}===${sk}` : '', row.srcWidth === 'own' ? `i.s${sN}===${ws}` : ''].filter((t) => t).join('&&');
              out.push([test, sh({ k0: kk[0], s0: ss[0], k1: kk[1], s1: ss[1] })]);
            }
          }
        }
      }
      return out;
    }
    case 'lea':
      for (const w of [16, 32, 64] as const) {
        for (const adsize of [16, 32, 64]) {
          out.push([`i.s1===${w}&&i.adsize===${adsize}&&!Number.isNaN(i.abs)`, sh({ k1: K_REG, s1: w, adsize, abs: 0 })]);
          for (const base of [-1, 0]) {
            for (const index of [-1, 0]) {
              out.push([`i.s1===${w}&&i.adsize===${adsize}&&Number.isNaN(i.abs)&&i.base${base < 0 ? '<' : '>='}0&&i.index${index < 0 ? '<' : '>='}0`,
                sh({ k1: K_REG, s1: w, adsize, base, index })]);
            }
          }
        }
      }
      return out;
    case 'branch':
      for (const n of [0, 1]) {
        out.push([`i.mode===64&&i.n${n ? '>' : '==='}0`, sh({ mode: 64, n })]);
        for (const opsize of [16, 32]) out.push([`i.mode!==64&&i.opsize===${opsize}&&i.n${n ? '>' : '==='}0`, sh({ mode: 32, opsize, n })]);
      }
      return out;
    case 'push': case 'pop': {
      const n = row.kind === 'push' ? row.src! : row.dst!;
      for (const k of row.kind === 'push' ? [K_REG, K_IMM, K_MEM] : [K_REG, K_MEM]) {
        for (const w of [16, 32, 64]) {
          const kk = [0, 0]; kk[n] = k;
          out.push([`i.k${n}===${k}&&i.opsize===${w}`, sh({ k0: kk[0], k1: kk[1], opsize: w })]);
        }
      }
      return out;
    }
  }
}

const INTERP_BIND: Bind = {
  reg: (n) => `i.r${n}`,
  immLo: (w) => (w === 8 ? '(i.immLo&255)' : w === 16 ? '(i.immLo&65535)' : 'i.immLo'),
  immHi: () => 'i.immHi', immConst: undefined,
  cc: 'i.cc', target: 'i.target', base: 'i.base', index: 'i.index', scale: 'i.scale', disp: 'i.disp',
  absLo: 'canonLo(i.abs)', absHi: 'canonHi(i.abs)',
  insn: 'i', afterStore: '', keepFlags: true, pending: undefined,
};

function interpSource(sem: string, row: Row): string {
  const arms = shapes(row).map(([test, s]) => [test, emit(row, s, INTERP_BIND)] as const).filter((x) => x[1] !== null);
  return arms.map(([test, code]) => `if(${test}){${code}return;}`).join('') +
    `throw new Error('codegen: ${sem} has no code for this operand shape');`;
}

function compile<T>(params: string, body: string): T {
  return new Function('R', `${HELPER_DECL}return function(${params}){${body}};`)(HELPERS) as T;
}

/** The interpreter's handler for a described sem (generated once per process: constant data). */
export function interpHandler(sem: string): Handler {
  return compile<Handler>('cpu,i', `const lo=cpu.lo,hi=cpu.hi;${LOCALS}${interpSource(sem, SEMANTICS[sem])}`);
}

/** The handlers of every described sem, by sem. */
export function generatedHandlers(): Record<string, Handler> {
  // The CLI bundle carries them compiled from this same source (cpu/prebuilt-handlers.ts).
  const prebuilt = prebuiltHandlers(HELPERS);
  if (prebuilt) return prebuilt;
  const out: Record<string, Handler> = {};
  for (const sem of Object.keys(SEMANTICS)) out[sem] = interpHandler(sem);
  return out;
}

/** Immediate low half masked to the width the row reads it at. */
function immAt(row: Row, i: Insn): number {
  const ws = widths(row, i)[1];
  return ws === 8 ? i.immLo & 0xff : ws === 16 ? i.immLo & 0xffff : i.immLo;
}

type Factory = (R0: number, R1: number, IL: number, IH: number, CC: number, T: number, RB: number, RX: number, SC: number, DP: number, AL: number, AH: number) => Handler;
const FAST_BIND: Bind = {
  reg: (n) => `R${n}`, immLo: () => 'IL', immHi: () => 'IH', immConst: undefined,
  cc: 'CC', target: 'T', base: 'RB', index: 'RX', scale: 'SC', disp: 'DP', absLo: 'AL', absHi: 'AH',
  insn: 'i', afterStore: '', keepFlags: true, pending: undefined,
};
/** Compiled closure factories by sem and shape (derived from constant data: a cache, not state). */
const factories = new Map<string, Factory | null>();

/** The shape fields a row's code depends on, as a cache key. */
function shapeKey(sem: string, row: Row, i: Insn): string {
  switch (row.kind) {
    case 'lea': return `${sem}|${i.s1}|${i.adsize}|${Number.isNaN(i.abs) ? `${i.base >= 0}|${i.index >= 0}` : 'abs'}`;
    case 'push': case 'pop': return `${sem}|${i.k0}|${i.opsize}`;
    case 'branch': return `${sem}|${i.mode === 64 ? 64 : i.opsize}|${i.n > 0}`;
    default: return `${sem}|${i.k0},${i.s0}|${i.k1},${i.s1}`;
  }
}

/** A closure for one cached instruction of a described sem, or null (not described, or a shape it does not take). */
export function fastHandler(i: Insn, f: Form): Handler | null {
  const row = SEMANTICS[f.sem];
  if (row === undefined) return null;
  const key = shapeKey(f.sem, row, i);
  let fac = factories.get(key);
  if (fac === undefined) {
    const code = emit(row, i, FAST_BIND);
    fac = code === null ? null
      : compile<Factory>('R0,R1,IL,IH,CC,T,RB,RX,SC,DP,AL,AH', `return function(cpu,i){const lo=cpu.lo,hi=cpu.hi;${LOCALS}${code}};`);
    factories.set(key, fac);
  }
  if (fac === null) return null;
  const abs = !Number.isNaN(i.abs);
  return fac(i.r0, i.r1, immAt(row, i), i.immHi, i.cc, i.target, i.base, i.index, i.scale, i.disp,
    abs ? canonLo(i.abs) : 0, abs ? canonHi(i.abs) : 0);
}

/** Inline code for instruction k of a block (jit.ts), or null when the row does not take the shape. */
export function inlineCode(i: Insn, f: Form, k: number, keepFlags: boolean, pending: Pending): string | null {
  const row = SEMANTICS[f.sem];
  if (row === undefined) return null;
  const regs = [i.r0, i.r1];
  const imm = immAt(row, i);
  const abs = !Number.isNaN(i.abs);
  return emit(row, i, {
    reg: (n) => String(regs[n]), immLo: () => String(imm), immHi: () => String(i.immHi), immConst: imm,
    cc: String(i.cc), target: String(i.target), base: String(i.base), index: String(i.index), scale: String(i.scale),
    disp: String(i.disp), absLo: String(abs ? canonLo(i.abs) : 0), absHi: String(abs ? canonHi(i.abs) : 0),
    insn: `I[${k}]`, afterStore: `if(pg.icache!==ic){cpu.rip=${i.next};return ${k + 1};}`, keepFlags, pending,
  });
}
