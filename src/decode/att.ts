// AT&T formatting of a decoded instruction, text identical to GNU objdump -d (binutils 2.40),
// and objdump's Intel syntax (-M intel) on top of the same prefix and symbol logic.
//
// The form supplies the mnemonic, operand kinds and AT&T operand order; this module adds what
// objdump does on top: size suffixes only when no register tells the size, prefix names for
// prefixes the instruction did not use (data16, rex.W, cs, repz ...), string-instruction operands,
// `*` on indirect branches, and symbolic branch targets.

import { gprName } from '../isa/registers.js';
import type { Form, OperandDef } from '../isa/types.js';
import { defaultTables } from './default.js';
import { IMM_NONE, IMM_V, IMM_Z, type DecodeTables } from './tables.js';
import { Bad, NONE, Pfx, RIP, type Decoded } from './types.js';
import { suffixMnemonic } from './suffix.js';
import { hintNames66, hintPadsMnemonic, hintTakes66, mpxBadAddress, mpxNames67 } from './hint-space.js';

/**
 * Finds a symbol for an address: returns "name" or "name+0x10", or undefined (objdump then prints 0x...).
 * One that only looks its symbols up in a table may carry that table: a listing then writes a
 * branch target's name and offset in place instead of building the string (listing.ts).
 */
export type Symbolizer = ((lo: number, hi: number) => string | undefined) & {
  readonly table?: SymbolTable;
  /** Addresses the function names otherwise than its table does (ask the function there). */
  readonly special?: (lo: number, hi: number) => boolean;
};

/** Symbols sorted by address, one per address (the one objdump names it after). */
export interface SymbolTable {
  readonly names: readonly string[];
  /** Each symbol's address as 32-bit halves. */
  readonly his: Uint32Array;
  readonly los: Uint32Array;
  /** The index of the last symbol at or below hi:lo, or -1 when it is below them all. */
  at(lo: number, hi: number): number;
}

const SEG_NAMES = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];
const SUFFIX: Record<number, string> = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };
const DESC_TABLE = new Set(['sgdt', 'sidt', 'lgdt', 'lidt']);
const STRING_OPS = new Set(['movs', 'cmps', 'stos', 'lods', 'scas', 'ins', 'outs']);
const IMPLICIT_OPS = new Set(['monitor', 'mwait', 'monitorx', 'mwaitx', 'xlat']);

/** What the formatter asks of a form on every instruction, worked out once per form. */
interface FormFacts {
  readonly moffs: boolean;
  readonly opreg: boolean;
  readonly relZ: boolean;
  readonly sizedMem: boolean;
  readonly zOperand: boolean;
  readonly rmOperand: boolean;
  readonly stringOp: boolean;
  readonly descTable: boolean;
  /** monitor/mwait(x), xlat: operands objdump names that the form leaves implicit. */
  readonly implicitOps: boolean;
  /** crc32, ptwrite, cvtsi2ss/sd: a mnemonic objdump names otherwise by mode or operand (quirkMnemonic). */
  readonly mnemQuirk: boolean;
}
const FACTS = new WeakMap<Form, FormFacts>();
/** The same by form index (a WeakMap lookup per instruction showed in profiles); checked against the form itself. */
const FACTS_AT: { form: Form; facts: FormFacts }[] = [];
function factsOf(f: Form): FormFacts {
  const e = FACTS_AT[f.index];
  return e !== undefined && e.form === f ? e.facts : makeFacts(f);
}

/** factsOf the first time for a form (kept apart so that callers' optimized code holds the lookup alone). */
function makeFacts(f: Form): FormFacts {
  let x = FACTS.get(f);
  if (x === undefined) {
    const ops = f.operands;
    x = {
      moffs: ops.some((o) => o.kind === 'moffs'),
      opreg: ops.some((o) => o.loc === 'opreg'),
      relZ: ops.some((o) => o.kind === 'rel' && o.size === 'z'),
      sizedMem: ops.some((o) => (o.kind === 'rm' || o.kind === 'mem') && o.size !== 0),
      zOperand: ops.some((o) => o.size === 'z'),
      rmOperand: ops.some((o) => o.loc === 'rm'),
      stringOp: STRING_OPS.has(f.mnem) && f.rep !== undefined,
      descTable: DESC_TABLE.has(f.mnem),
      implicitOps: IMPLICIT_OPS.has(f.mnem),
      mnemQuirk: f.sem === 'ext:crc32' || f.sem === 'ext:ptwrite' || f.sem === 'xsimd:cvtsi2ss' || f.sem === 'xsimd:cvtsi2sd',
    };
    FACTS.set(f, x);
  }
  if (Number.isInteger(f.index) && f.index >= 0 && f.index < 1 << 16) FACTS_AT[f.index] = { form: f, facts: x };
  return x;
}

/** textShape's answers besides a displacement size. */
export const TEXT_OWN = 0;
export const TEXT_OTHER = -1;

/** Per form of a table: TEXT_OWN, TEXT_OTHER, or for a branch whose only operand is rel, -1 - its ImmA code. */
const SHAPES = new WeakMap<DecodeTables, Int16Array>();
export function formShapes(t: DecodeTables): Int16Array {
  let k = SHAPES.get(t);
  if (k === undefined) {
    k = new Int16Array(t.forms.length);
    for (let i = 0; i < t.forms.length; i++) {
      const ops = t.forms[i].operands;
      if (!ops.some((o) => o.kind === 'rel')) k[i] = TEXT_OWN;
      else k[i] = ops.length === 1 && t.fRel[i] !== 0 && t.fImmA[i] !== IMM_NONE && t.fImmB[i] === IMM_NONE ? -2 - t.fImmA[i] : TEXT_OTHER;
    }
    SHAPES.set(t, k);
  }
  return k;
}

/**
 * How formatDecoded's text for `d` follows from its bytes (with the mode and syntax fixed; `shapes`
 * from formShapes of the tables `d` was decoded with): TEXT_OWN, the bytes alone decide it; n > 0,
 * a branch whose text is what the bytes before its last n (the displacement) decide, then the
 * target; TEXT_OTHER, anything else (a RIP-relative address's comment names the address; undecoded
 * prefixes and too-long instructions are left to the formatter every time).
 */
export function textShape(d: Decoded, shapes: Int16Array): number {
  if (d.form === NONE) return d.bad === Bad.OPCODE || d.bad === Bad.UNSUPPORTED || d.bad === Bad.VEX_QUIET ? TEXT_OWN : TEXT_OTHER;
  if (d.base === RIP) return TEXT_OTHER;
  const k = shapes[d.form];
  if (k >= TEXT_OTHER) return k;
  // The displacement is the instruction's last field (SDM Vol. 2 §2.1), sized as the decoder reads an immediate.
  const imm = -2 - k;
  return imm === IMM_Z ? (d.opsize === 16 ? 2 : 4) : imm === IMM_V ? d.opsize >> 3 : imm <= 8 ? imm : TEXT_OTHER;
}

/** formatDecoded's options besides the syntax (bits). */
export const FMT_NO_ADDRESSES = 1;
/** -M suffix: the size suffix on every mnemonic whose operation has a size (suffix.ts). */
export const FMT_SUFFIX = 2;

/**
 * The text formatDecoded gives a branch target (`addr <sym+off>`, or `0xaddr` without a symbol);
 * objdump --no-addresses drops the address: `<sym+off>`, or nothing at all without a symbol.
 */
export function targetText(lo: number, hi: number, sym: Symbolizer | undefined, flags = 0): string {
  const name = sym ? sym(lo, hi) : undefined;
  if (flags & FMT_NO_ADDRESSES) return name === undefined ? '' : '<' + name + '>';
  const h = hex64(lo, hi);
  return name === undefined ? '0x' + h : h + ' <' + name + '>';
}

/** Hex of a 64-bit value given as 32-bit halves, without leading zeros. */
export function hex64(lo: number, hi: number): string {
  lo >>>= 0;
  hi >>>= 0;
  if (hi === 0) return lo.toString(16);
  return hi.toString(16) + lo.toString(16).padStart(8, '0');
}

function maskHex(lo: number, hi: number, bits: number): string {
  if (bits >= 64) return hex64(lo, hi);
  if (bits === 32) return (lo >>> 0).toString(16);
  return ((lo >>> 0) & ((1 << bits) - 1)).toString(16);
}

/** objdump's name for a REX byte: rex, rex.W, rex.WRXB ... */
export function rexName(b: number): string {
  let s = 'rex';
  if (b & 15) s += '.';
  if (b & 8) s += 'W';
  if (b & 4) s += 'R';
  if (b & 2) s += 'X';
  if (b & 1) s += 'B';
  return s;
}

/** Name objdump gives a prefix byte that the instruction did not use. */
export function prefixName(b: number, mode: number): string {
  switch (b) {
    case 0xf0: return 'lock';
    case 0xf2: return 'repnz';
    case 0xf3: return 'repz';
    case 0x66: return 'data16';
    case 0x67: return mode === 64 ? 'addr32' : 'addr16';
    case 0x26: return 'es';
    case 0x2e: return 'cs';
    case 0x36: return 'ss';
    case 0x3e: return 'ds';
    case 0x64: return 'fs';
    case 0x65: return 'gs';
    default: return rexName(b);
  }
}

/** Text for a prefix-only line (objdump prints the names of bytes [offset, offset+len)). */
export function formatPrefixesOnly(bytes: Uint8Array, offset: number, len: number, mode: number): string {
  const parts: string[] = [];
  for (let i = 0; i < len; i++) parts.push(prefixName(bytes[offset + i], mode));
  return parts.join(' ');
}

function operandBits(op: OperandDef, d: Decoded): number {
  switch (op.size) {
    case 'v':
    case 'z':
      return d.opsize;
    case 'y':
      return d.opsize === 64 ? 64 : 32;
    case 0:
      return d.opsize;
    default:
      return op.size;
  }
}

/** '%'-prefixed register names, made once: an instruction names several. */
const pctNames = (size: 8 | 16 | 32 | 64, rex: boolean): readonly string[] => Array.from({ length: 16 }, (_, n) => '%' + gprName(n, size, rex));
const PCT64 = pctNames(64, true), PCT32 = pctNames(32, true), PCT16 = pctNames(16, true);
const PCT8REX = pctNames(8, true), PCT8 = pctNames(8, false);

function reg(num: number, bits: number, rex: number): string {
  const b = bits === 8 || bits === 16 || bits === 32 || bits === 64 ? bits : 32;
  const t = b === 64 ? PCT64 : b === 32 ? PCT32 : b === 16 ? PCT16 : rex !== 0 ? PCT8REX : PCT8;
  return t[num] ?? '%' + gprName(num, b, rex !== 0);
}

function addrReg(num: number, adsize: number): string {
  if (num === RIP) return adsize === 64 ? '%rip' : '%eip';
  return reg(num, adsize === 16 ? 16 : adsize === 32 ? 32 : 64, 1);
}

/** Signed displacement as objdump prints it next to a base register: -0x8, 0x10. */
function signedHex(v: number): string {
  return v < 0 ? '-0x' + (-v).toString(16) : '0x' + v.toString(16);
}

export type Syntax = 'att' | 'intel';

interface Ctx {
  intel: boolean;
  d: Decoded;
  form: Form;
  addrLo: number;
  addrHi: number;
  sym?: Symbolizer;
  /** REX bits objdump counts as used (0x40 = the prefix itself). */
  rexUsed: number;
  segUsed: boolean;
  comment: string;
  /** 3E on a near indirect branch is the CET `notrack` prefix, not a segment override. */
  notrack: boolean;
  /** objdump's mnemonic for this imm8 (FormDef.immNames: cmpps $0 is cmpeqps), which then drops the immediate. */
  immName?: string;
  /** FMT_* bits. */
  flags: number;
}

function memText(c: Ctx): string {
  const d = c.d;
  let s = '';
  if (d.seg !== NONE && !c.notrack) {
    s += '%' + SEG_NAMES[d.seg] + ':';
    c.segUsed = true;
  }
  const asz = d.adsize;
  if (asz !== 16) {
    if (d.rex & 1) c.rexUsed |= 0x41;
    if (d.sib !== NONE && d.rex & 2) c.rexUsed |= 0x42;
  }
  if (mpxBadAddress(c.form, d)) return s + '(bad)';
  if (d.base === NONE && d.index === NONE) {
    if (asz === 16) return s + signedHex(d.disp);
    if (d.sib === NONE || (d.mode === 64 && asz === 64 && d.scale === 1)) {
      // Absolute address: unsigned at the address size, sign-extended to 64 bits with 64-bit addressing.
      const v = d.disp;
      if (asz === 64) return s + '0x' + hex64(v >>> 0, v < 0 ? 0xffffffff : 0);
      return s + '0x' + (v >>> 0).toString(16);
    }
    // A SIB byte with neither base nor index: objdump shows the pseudo index %eiz.
    if (asz === 64) return s + signedHex(d.disp) + '(,%riz,' + d.scale + ')';
    return s + (d.mode === 64 ? '0x' + (d.disp >>> 0).toString(16) : signedHex(d.disp)) + '(,%eiz,' + d.scale + ')';
  }
  if (d.hasDisp) s += signedHex(d.disp);
  if (d.base === RIP) {
    // objdump's comment gives the effective address: next instruction + disp32 (SDM Vol. 2 §2.2.1.6).
    const sum = c.addrLo + d.length + d.disp;
    const lo = sum >>> 0;
    // objdump adds the sign-extended disp32 at full width even with 67h (%eip).
    const hi = (c.addrHi + Math.floor(sum / 4294967296)) >>> 0;
    c.comment = '        # ' + target(c, lo, hi);
    return s + '(' + addrReg(RIP, asz) + ')';
  }
  if (asz === 16) {
    s += '(' + addrReg(d.base, 16);
    if (d.index !== NONE) s += ',' + addrReg(d.index, 16);
    return s + ')';
  }
  s += '(';
  if (d.base !== NONE) s += addrReg(d.base, asz);
  if (d.index !== NONE) s += ',' + addrReg(d.index, asz) + ',' + d.scale;
  else if (d.sib !== NONE && ((d.sib & 7) !== 4 || d.scale !== 1)) {
    // A SIB byte without an index register (and not the plain (%rsp) form): objdump shows %riz/%eiz.
    s += ',' + (asz === 64 ? '%riz' : '%eiz') + ',' + d.scale;
  }
  return s + ')';
}

/** An MPX bound register; objdump prints a number past 3 (ModRM with REX.R/B) as "(bad)". */
function bndName(c: Ctx, op: OperandDef, pct: string): string {
  const d = c.d;
  const rm = op.loc === 'rm';
  if (d.rex & (rm ? 1 : 4)) c.rexUsed |= rm ? 0x41 : 0x44;
  const num = rm ? d.rm : d.reg;
  return num < 4 ? pct + 'bnd' + num : '(bad)';
}

function target(c: Ctx, lo: number, hi: number): string {
  return targetText(lo, hi, c.sym, c.flags);
}

function isByteReg(bits: number, num: number): boolean {
  return bits === 8 && (num & 4) !== 0;
}

/** Format one operand; returns text and whether it tells the operand size (a register of that size). */
function operand(c: Ctx, op: OperandDef, out: { sized: boolean }): string {
  const d = c.d;
  const bits = operandBits(op, d);
  switch (op.kind) {
    case 'gpr':
    case 'rm': {
      let num: number;
      if (op.loc === 'reg') {
        num = d.reg;
        if (d.rex & 4) c.rexUsed |= 0x44;
      } else if (op.loc === 'opreg') {
        num = d.reg;
        if (d.rex & 1) c.rexUsed |= 0x41;
      } else if (op.loc === 'vvvv') {
        num = d.vvvv;
      } else if (d.mod === 3) {
        num = d.rm;
        if (d.rex & 1) c.rexUsed |= 0x41;
      } else return memText(c);
      if (isByteReg(bits, num)) c.rexUsed |= 0x40;
      out.sized = true;
      if (c.form.sem === 'bswap') return reg(num, d.opsize, d.rex);
      // lar/lsl name a register source at the operand size (objdump), though only 16 bits are used.
      if (op.loc === 'rm' && (c.form.sem === 'sys:lar' || c.form.sem === 'sys:lsl')) return reg(num, d.opsize, d.rex);
      // 63 /r without REX.W: objdump's movsxd with a 32-bit (16 with 66h) destination.
      if (op.loc === 'reg' && c.form.mnem === 'movsl' && !(d.rex & 8)) return reg(num, d.prefixes & Pfx.OPSIZE ? 16 : 32, d.rex);
      return reg(num, bits, d.rex);
    }
    case 'mem':
      return memText(c);
    case 'imm': {
      if (op.loc === 'imm2') return '$0x' + (d.imm2 >>> 0).toString(16);
      return '$0x' + maskHex(d.immLo, d.immHi, op.sx ? d.opsize : bits);
    }
    case 'rel':
      return target(c, d.targetLo, d.targetHi);
    case 'moffs': {
      let s = '';
      if (d.seg !== NONE) {
        s = '%' + SEG_NAMES[d.seg] + ':';
        c.segUsed = true;
      }
      return s + '0x' + hex64(d.immLo, d.adsize === 64 ? d.immHi : 0);
    }
    case 'fixed': {
      const r = op.reg ?? 'acc';
      if (r === 'acc') {
        out.sized = true;
        return reg(0, bits, d.rex);
      }
      if (r === 'dx' && (c.form.mnem === 'in' || c.form.mnem === 'out')) return '(%dx)';
      if (r !== 'cl') out.sized = true;
      return '%' + r;
    }
    case 'one':
      return '';
    case 'sreg':
      out.sized = true;
      return '%' + (SEG_NAMES[d.reg & 7] ?? `?`);
    case 'seg':
      return '%' + (op.reg ?? '?');
    case 'creg':
      out.sized = true;
      if (d.rex & 4) c.rexUsed |= 0x44;
      return '%cr' + d.reg;
    case 'dreg':
      out.sized = true;
      if (d.rex & 4) c.rexUsed |= 0x44;
      return '%db' + d.reg;
    case 'treg':
      out.sized = true;
      return '%tr' + d.reg;
    case 'far':
      return '$0x' + d.imm2.toString(16) + ',$0x' + (d.immLo >>> 0).toString(16);
    case 'st':
      return op.loc === 'rm' ? `%st(${d.rm & 7})` : '%st';
    case 'xmm':
    case 'xmmrm':
    case 'mmx':
    case 'mmxrm': {
      const t = simdReg(c, op);
      return t === undefined ? memText(c) : '%' + t;
    }
    case 'bnd':
      return bndName(c, op, '%');
  }
}

/**
 * An %xmm/%mm operand's register name, or undefined for its memory form. %mm0-7 take no fourth
 * bit: objdump names a REX.R/B next to an MMX operand (rex.R movq %mm1,%mm0).
 */
function simdReg(c: Ctx, op: OperandDef): string | undefined {
  const d = c.d;
  let num: number;
  const xmm = op.kind === 'xmm' || op.kind === 'xmmrm';
  if (op.loc === 'reg') {
    num = d.reg;
    if (xmm && d.rex & 4) c.rexUsed |= 0x44;
  } else if (op.loc === 'vvvv') {
    num = d.vvvv;
  } else if (d.mod === 3) {
    num = d.rm;
    if (xmm && d.rex & 1) c.rexUsed |= 0x41;
  } else return undefined;
  return xmm ? 'xmm' + num : 'mm' + (num & 7);
}

function stringOperands(c: Ctx, mnem: string): string {
  const d = c.d;
  const a = d.adsize;
  const si = addrReg(6, a);
  const di = addrReg(7, a);
  const src = (d.seg !== NONE ? '%' + SEG_NAMES[d.seg] : '%ds') + ':(' + si + ')';
  // objdump: a source operand with an explicit %ds: consumes the last segment prefix (even a CS in 64-bit mode).
  if (mnem === 'movs' || mnem === 'cmps' || mnem === 'lods' || mnem === 'outs') c.segUsed = true;
  const dst = '%es:(' + di + ')';
  const acc = reg(0, d.opsize, d.rex);
  switch (mnem) {
    case 'movs': return src + ',' + dst;
    case 'cmps': return dst + ',' + src;
    case 'stos': return acc + ',' + dst;
    case 'lods': return src + ',' + acc;
    case 'scas': return dst + ',' + acc;
    case 'ins': return '(%dx),' + dst;
    default: return src + ',(%dx)';
  }
}

/**
 * The mnemonic as objdump prints it. AT&T suffix rules of objdump: no suffix when a register operand
 * tells the size; instructions whose size is only implied (push, ret, lret, pushf, enter, ljmp *m)
 * get one only when it differs from the mode's default; otherwise (memory or immediate operands
 * only) the suffix is always there (addl $0x1,(%rax)).
 */
function mnemonic(f: Form, x: FormFacts, d: Decoded, base: string, sized: boolean): string {
  const sz = d.opsize;
  switch (base) {
    case 'iret':
      return sz === 32 ? 'iret' : sz === 16 ? 'iretw' : 'iretq';
    case 'sysret':
    case 'sysexit':
      return d.mode === 64 ? base + (sz === 64 ? 'q' : 'l') : base;
  }
  // Outside 64-bit mode the descriptor-table pseudo-descriptor holds a 24- or 32-bit base by operand size.
  if (x.descTable) return d.mode === 64 ? base : base + SUFFIX[sz];
  if (x.stringOp) {
    // movsb/cmpsl/insw/outsb carry the size; stos/lods/scas name the accumulator instead.
    return base === 'stos' || base === 'lods' || base === 'scas' ? base : base + SUFFIX[sz];
  }
  if (base === 'sal') return sized ? 'shl' : 'shl' + SUFFIX[sz]; // objdump names /6 (and /4) shl
  if (f.sem === 'movzx' || f.sem === 'movsx') {
    if (base === 'movsl' && !(d.rex & 8)) return 'movsxd';
    return base + SUFFIX[sz];
  }
  if (x.moffs && d.mode === 64 && d.adsize === 64) return 'movabs';
  if (base === 'mov' && x.opreg && sz === 64) return 'movabs';
  if (f.flow === 'loop') return d.adsize !== d.mode ? base + SUFFIX[d.adsize] : base;
  // (xbegin, a jcc by its flow, is named xbeginw too.)
  if (x.relZ) return sz === 16 && (f.flow !== 'jcc' || f.sem === 'tsx:xbegin') ? base + 'w' : base;
  if (f.suffix === 'always') return base + SUFFIX[sz];
  if (f.suffix === 'none' || f.osz === 'none' || sized || f.sem === 'setcc') return base;
  if (f.osz === 'd64' || f.osz === 'f64' || !x.sizedMem) {
    const dflt = (f.osz === 'd64' || f.osz === 'f64') && d.mode === 64 ? 64 : 32;
    return sz === dflt ? base : base + SUFFIX[sz];
  }
  return base + SUFFIX[sz];
}

/** Forms whose ModRM.reg register holds an address: objdump names it in the address size (67h). */
const ADDR_REG_SEMS = new Set(['movdir64b', 'ext:enqcmd', 'ext:enqcmds', 'waitpkg:umonitor']);

const MAX_LEN = 15;
/** Decoded.tooLongForm of the copy formatDecoded makes of a too-long instruction: print prefixes and "(bad)". */
const TOO_LONG_MARK = -2;

/**
 * Format the instruction part of an objdump line: prefix names, mnemonic padded to 6 + space,
 * operands and any `# address` comment. `bytes[offset]` is where `d` was decoded from.
 * The common path only; rare cases are functions of their own (V8 optimizes a smaller function
 * sooner, and compiles it faster).
 */
export function formatDecoded(
  d: Decoded, bytes: Uint8Array, offset: number, addrLo: number, addrHi: number, sym?: Symbolizer,
  tables: DecodeTables = defaultTables(), syntax: Syntax = 'att', flags = 0,
): string {
  if (d.form === NONE) return formatUndecoded(d, bytes, offset, addrLo, addrHi, sym, tables, syntax, flags);
  const form = tables.forms[d.form];
  const lastSegIdx = lastSegIndex(bytes, offset, d.prefixLen);
  // objdump: notrack needs DS last among segment prefixes, and in 64-bit mode no 66h.
  // A DS prefix anywhere makes it notrack; the name replaces the last segment prefix and no
  // segment applies to the operand.
  let hasDs = false;
  for (let i = 0; i < d.prefixLen; i++) if (bytes[offset + i] === 0x3e) hasDs = true;
  const notrack = hasDs && (form.sem === 'jmp:ind' || form.sem === 'call:ind') &&
    !(d.mode === 64 && (d.prefixes & Pfx.OPSIZE) !== 0);
  const c: Ctx = { intel: syntax === 'intel', d, form, addrLo, addrHi, sym, rexUsed: 0, segUsed: false, comment: '', notrack, flags };
  if (form.immNames) c.immName = form.immNames[d.immLo & 0xff];
  const base = form.mnem;
  const x = factsOf(form);

  let ops = '';
  let sized = false;
  if (x.stringOp || x.implicitOps) {
    ops = implicitOperands(c, base, x.stringOp);
    sized = base === 'stos' || base === 'lods' || base === 'scas' || base === 'xlat';
  } else {
    const flag = { sized: false };
    const indirect = (form.flow === 'call' || form.flow === 'jmp') && x.rmOperand;
    // objdump names the accumulator first in 90+r xchg.
    const reversed = form.sem === 'xchg' && form.operands[0]?.loc === 'opreg';
    for (const op0 of form.operands) {
      // MOVDIR64B's register holds an address: objdump names it in the address size (67h).
      // (umonitor's register operand is the address too: 67 f3 0f ae f0 is `umonitor %ax` in 32-bit code.)
      const op = ADDR_REG_SEMS.has(form.sem) && (op0.loc === 'reg' || form.sem === 'waitpkg:umonitor') ? { ...op0, size: d.adsize as 16 | 32 | 64 } : op0;
      if (c.immName !== undefined && op.kind === 'imm') continue;
      let t = operand(c, op, flag);
      if (t === '') continue;
      if (indirect && op.loc === 'rm') t = '*' + t;
      ops = ops === '' ? t : reversed ? t + ',' + ops : ops + ',' + t;
    }
    sized = flag.sized;
    // Intel: the same operands (the AT&T pass above recorded which prefixes they use), destination first.
    if (c.intel) ops = intelOperands(c);
  }

  // Operand size: REX.W counts as used when it chose the size (SDM Vol. 2 §2.2.1.2).
  const farInd = form.sem === 'jmp:far' || form.sem === 'call:far';
  if ((d.rex & 8) && (form.osz === 'v' || form.osz === 'q') && d.opsize === 64 && !farInd) c.rexUsed |= 0x48;
  // objdump ignores REX.W on ljmp/lcall *m (it prints rex.W); the CPU takes an m16:64 pointer.
  let mnem = farInd && d.opsize === 64 ? base : mnemonic(form, x, d, base, sized);
  if (x.mnemQuirk) mnem = quirkMnemonic(form, d, base, mnem);
  if (c.intel) mnem = intelMnemonic(form, d, base, mnem);
  if (c.immName !== undefined) mnem = c.immName;
  else if (flags & FMT_SUFFIX) mnem = suffixMnemonic(form, d, base, mnem, c.intel);
  // A folded WAIT (9B) names the waiting spelling: 9b db e3 is finit.
  if (d.prefixes & Pfx.WAIT && mnem.startsWith('fn') && base !== 'fnop') mnem = 'f' + mnem.slice(2);
  // Branch hints (SDM Vol. 2 §2.1.1): objdump writes CS as ",pn" and DS as ",pt" when exactly one
  // of the two is present; it then drops the last segment prefix (whichever it is) from the names.
  // objdump's Intel syntax has no hint suffixes: the segment prefix is named instead (`ds je`).
  let hinted = false;
  if (!c.intel && (form.flow === 'jcc' || form.flow === 'loop') && d.prefixes & Pfx.SEG) {
    const hint = branchHint(bytes, offset, d.prefixLen);
    if (hint !== '') {
      mnem += hint;
      hinted = true;
    }
  }

  // --no-addresses leaves a target without a symbol empty, after the padded mnemonic (`jmp    `).
  const noOps = ops === '' && !((flags & FMT_NO_ADDRESSES) !== 0 && form.operands.some((o) => o.kind === 'rel'));
  if (d.prefixLen === 0) return d.tooLongForm === TOO_LONG_MARK ? '(bad)' : noOps ? mnem + c.comment : mnem.padEnd(6) + ' ' + ops + c.comment;
  return withPrefixes(c, x, bytes, offset, lastSegIdx, hinted, mnem, ops, noOps);
}

/** formatDecoded of an instruction without a form: prefixes alone, a cut-off byte, (bad). */
function formatUndecoded(
  d: Decoded, bytes: Uint8Array, offset: number, addrLo: number, addrHi: number, sym: Symbolizer | undefined,
  tables: DecodeTables, syntax: Syntax, flags: number,
): string {
  switch (d.bad) {
    case Bad.PREFIXES:
      return formatPrefixesOnly(bytes, offset, d.length, d.mode);
    case Bad.TRUNCATED:
      return '.byte 0x' + bytes[offset].toString(16);
    case Bad.UNSUPPORTED:
    case Bad.VEX_QUIET:
      return '(bad)';
    default: {
      // Too long: objdump has decoded it all, names the prefixes the instruction leaves unused, then "(bad)".
      if (d.bad === Bad.TOO_LONG && d.tooLongForm !== NONE) {
        return formatDecoded({ ...d, form: d.tooLongForm, bad: Bad.NONE, length: MAX_LEN, tooLongForm: TOO_LONG_MARK }, bytes, offset, addrLo, addrHi, sym, tables, syntax, flags);
      }
      const pre = formatPrefixesOnly(bytes, offset, d.prefixLen, d.mode);
      return pre ? pre + ' (bad)' : '(bad)';
    }
  }
}

/** Operands of string instructions, monitor/mwait(x) and xlat, which their forms leave implicit. */
function implicitOperands(c: Ctx, base: string, stringOp: boolean): string {
  const d = c.d;
  if (stringOp) {
    const ops = stringOperands(c, base);
    if (d.opsize === 64) c.rexUsed |= 0x48;
    return c.intel ? intelStringOperands(c, base) : ops;
  }
  if (base === 'xlat') {
    c.segUsed = true;
    if (c.intel) return 'BYTE PTR ' + (d.seg !== NONE ? SEG_NAMES[d.seg] : 'ds') + ':[' + addrReg(3, d.adsize).slice(1) + ']';
    return (d.seg !== NONE ? '%' + SEG_NAMES[d.seg] : '%ds') + ':(' + addrReg(3, d.adsize) + ')';
  }
  // objdump names the implicit registers: monitor %rax,%ecx,%edx / mwait %eax,%ecx (none in Intel syntax).
  if (c.intel) return '';
  return base.startsWith('monitor') ? reg(0, d.adsize, 0) + ',%ecx,%edx' : base === 'mwait' ? '%eax,%ecx' : '%eax,%ecx,%ebx';
}

/** The mnemonics objdump names by mode or operand kind beyond mnemonic()'s rules. */
function quirkMnemonic(form: Form, d: Decoded, base: string, mnem: string): string {
  // objdump names crc32's source size only when the source is memory.
  if (form.sem === 'ext:crc32' && d.mod === 3) return 'crc32';
  // ... and ptwrite's only in 64-bit code.
  if (form.sem === 'ext:ptwrite' && d.mode !== 64) return 'ptwrite';
  // ... and cvtsi2ss/cvtsi2sd's integer size too (a memory source is l or q only there).
  if ((form.sem === 'xsimd:cvtsi2ss' || form.sem === 'xsimd:cvtsi2sd') && d.mode !== 64) return base;
  return mnem;
}

/** A jcc's branch hint suffix from its segment prefixes: ',pn' for CS alone, ',pt' for DS alone, else ''. */
function branchHint(bytes: Uint8Array, offset: number, prefixLen: number): string {
  let cs = false;
  let ds = false;
  for (let i = 0; i < prefixLen; i++) {
    if (bytes[offset + i] === 0x2e) cs = true;
    else if (bytes[offset + i] === 0x3e) ds = true;
  }
  return cs === ds ? '' : cs ? ',pn' : ',pt';
}

/** The text of an instruction with prefix bytes: names for those it did not use, in byte order, then mnemonic and operands. */
function withPrefixes(
  c: Ctx, x: FormFacts, bytes: Uint8Array, offset: number, lastSegIdx: number, hinted: boolean, mnem: string, ops: string, noOps: boolean,
): string {
  const { d, form, notrack } = c;
  const base = form.mnem;
  const pre: string[] = [];
  const usesMem = d.mod !== NONE && d.mod !== 3;
  // A VEX form's `prefix` is VEX.pp: legacy 66/F2/F3/REX bytes before VEX are all unused (objdump names them).
  const mandatory = form.vex ? undefined : form.prefix;
  let used66 = !form.vex && (form.prefix === 0x66 || !form.no66) && (form.prefix === 0x66 || form.osz === 'v' || form.osz === 'd64' || form.osz === 'f64' || form.osz === 'w' ||
    x.zOperand || (x.descTable && d.mode !== 64));
  if (form.osz === 'w' && d.mode === 16) used66 = false;
  let lastRepSeen = false;
  let f2Seen = false;
  let f3Seen = false;
  let used67 = true;
  // HLE hints (SDM Vol. 1 §16.3.3): F2/F3 on a locked read-modify-write (xchg locks implicitly) or F3 on a store.
  const locked = usesMem && form.lockable === true && ((d.prefixes & Pfx.LOCK) !== 0 || form.sem === 'xchg');
  const store = usesMem && form.sem === 'mov' && (form.opcode[0] === 0x88 || form.opcode[0] === 0x89 || form.opcode[0] === 0xc6 || form.opcode[0] === 0xc7);
  for (let i = d.prefixLen - 1; i >= 0; i--) {
    const b = bytes[offset + i];
    let name: string | undefined;
    if (b === 0xf3 || b === 0xf2) {
      // The mandatory prefix is the last F2/F3; rep/bnd/xacquire/xrelease name the last F3 or F2 byte.
      const isLast = !lastRepSeen;
      lastRepSeen = true;
      const lastOfKind = b === 0xf3 ? !f3Seen : !f2Seen;
      if (b === 0xf3) f3Seen = true;
      else f2Seen = true;
      if (isLast && mandatory === b) name = undefined;
      else if (lastOfKind && locked) name = b === 0xf2 ? 'xacquire' : 'xrelease';
      else if (isLast && store && b === 0xf3) name = 'xrelease';
      else if (lastOfKind && form.rep === 'rep' && b === 0xf3) name = 'rep';
      else if (lastOfKind && (form.flow === 'jmp' || form.flow === 'call' || form.flow === 'ret' || form.flow === 'jcc') && b === 0xf2 && !form.sem.endsWith(':far') && form.asz === undefined) name = 'bnd';
      else name = b === 0xf3 ? 'repz' : 'repnz';
    } else if (b === 0x66) {
      // REX.W overrides 66h (SDM Vol. 2 §2.2.1.2): then the 66h is unused.
      // (objdump leaves the 66h of 90 with REX.W, its nop slot, unnamed.)
      name = used66 && (hintTakes66(form, d) || (!hintNames66(form, d) && (mandatory === 0x66 || d.opsize === 16 || (form.sem === 'xchg' && form.operands[0]?.loc === 'opreg' && (d.reg & 7) === 0)) )) ? undefined : 'data16';
      used66 = false;
    } else if (b === 0x67) {
      // Only the last 67h takes effect; objdump leaves it unnamed when the address size matters.
      name = used67 && !mpxNames67(form, d) && (usesMem || form.rep !== undefined || form.asz !== undefined || base === 'xlat' || base.startsWith('monitor') || base === 'umonitor' || form.flow === 'loop')
        ? undefined : prefixName(b, d.mode);
      used67 = false;
    } else if (b === 0x26 || b === 0x2e || b === 0x36 || b === 0x3e || b === 0x64 || b === 0x65) {
      const isLastSeg = i === lastSegIdx;
      if (isLastSeg && (c.segUsed || hinted)) name = undefined; // objdump drops the last one, whichever was used
      else if (isLastSeg && notrack) name = 'notrack';
      else name = prefixName(b, d.mode);
    } else if (b === 0x9b) {
      name = undefined; // a folded WAIT
    } else if ((b & 0xf0) === 0x40 && d.mode === 64) {
      name = (d.rex ^ c.rexUsed) === 0 && !form.vex ? undefined : rexName(b);
    } else name = prefixName(b, d.mode);
    if (name !== undefined) pre.push(name);
  }
  pre.reverse();
  if (d.tooLongForm === TOO_LONG_MARK) return pre.length ? pre.join(' ') + ' (bad)' : '(bad)';
  const head = pre.length ? pre.join(' ') + ' ' + (hintPadsMnemonic(form, d) ? mnem.padEnd(6) : mnem) : mnem;
  if (noOps) return head + c.comment;
  return head.padEnd(6) + ' ' + ops + c.comment;
}

function lastSegIndex(bytes: Uint8Array, offset: number, n: number): number {
  for (let i = n - 1; i >= 0; i--) {
    const b = bytes[offset + i];
    if (b === 0x26 || b === 0x2e || b === 0x36 || b === 0x3e || b === 0x64 || b === 0x65) return i;
  }
  return -1;
}

// ---- Intel syntax (objdump -M intel) ----

const PTR: Record<number, string> = { 8: 'BYTE', 16: 'WORD', 32: 'DWORD', 48: 'FWORD', 64: 'QWORD', 80: 'TBYTE', 128: 'XMMWORD', 256: 'YMMWORD' };
/** Memory operands of no stated size that objdump still calls BYTE PTR. */
const BYTE_PTR = new Set(['invlpg', 'clflush', 'clflushopt', 'clwb', 'prefetch', 'prefetchw', 'prefetchnta', 'prefetcht0', 'prefetcht1', 'prefetcht2', 'cldemote', 'prefetchit0', 'prefetchit1']);

/**
 * Memory operands of no operand size that objdump names by what they point at. (A Map: a
 * property lookup by ever new mnemonics keeps throwing V8's optimized code away, "wrong name".)
 */
const MEM_PTR: ReadonlyMap<string, string> = new Map(Object.entries({
  cmpxchg8b: 'QWORD PTR ', cmpxchg16b: 'OWORD PTR ', clrssbsy: 'QWORD PTR ', ldmxcsr: 'DWORD PTR ', stmxcsr: 'DWORD PTR ', vmptrld: 'QWORD PTR ', vmptrst: 'QWORD PTR ', vmclear: 'QWORD PTR ',
  vmxon: 'QWORD PTR ', rstorssp: 'QWORD PTR ', invept: 'OWORD PTR ', invvpid: 'OWORD PTR ',
}));
/** Sized memory operands objdump prints bare. */
const NO_PTR = /^(?:wru?ss[dq]?|bndc[lun])$/;

function intelReg(num: number, bits: number, rex: number): string {
  return reg(num, bits, rex).slice(1);
}

/** The size keyword objdump puts before a memory operand ('' for lea, lgdt and the like). */
function ptrSize(c: Ctx, op: OperandDef): string {
  const f = c.form;
  if (f.sem === 'lea') return '';
  // Far pointers (m16:16/32/64) and bound's pair of bounds.
  if (f.sem.startsWith('lseg:')) return (c.d.opsize === 64 ? 'TBYTE' : c.d.opsize === 16 ? 'DWORD' : 'FWORD') + ' PTR ';
  if (f.sem === 'bound') return (c.d.opsize === 16 ? 'DWORD' : 'QWORD') + ' PTR ';
  if (f.sem === 'jmp:far' || f.sem === 'call:far') return (c.d.opsize === 64 ? 'TBYTE' : c.d.opsize === 16 ? 'DWORD' : 'FWORD') + ' PTR ';
  const named = MEM_PTR.get(f.mnem);
  if (named !== undefined) return named;
  if (op.size === 0) return BYTE_PTR.has(f.mnem) ? 'BYTE PTR ' : '';
  if (NO_PTR.test(f.mnem)) return '';
  const k = PTR[typeof op.memSize === 'number' ? op.memSize : operandBits(op, c.d)];
  return k ? k + ' PTR ' : '';
}

function intelMem(c: Ctx, op: OperandDef | undefined): string {
  const d = c.d;
  const size = op ? ptrSize(c, op) : '';
  const seg = d.seg !== NONE && !c.notrack ? SEG_NAMES[d.seg] + ':' : '';
  if (mpxBadAddress(c.form, d)) return seg + '(bad)';
  const asz = d.adsize;
  if (d.base === NONE && d.index === NONE) {
    if (asz === 16) return size + (seg || 'ds:') + '0x' + (d.disp & 0xffff).toString(16);
    if (d.sib === NONE || (d.mode === 64 && asz === 64 && d.scale === 1)) {
      const v = d.disp;
      const h = asz === 64 ? hex64(v >>> 0, v < 0 ? 0xffffffff : 0) : (v >>> 0).toString(16);
      return size + (seg || 'ds:') + '0x' + h;
    }
    // With 32-bit addressing in 64-bit code (67h) objdump shows the displacement unsigned: [eiz*1+0x87654321].
    const disp = asz === 32 && d.mode === 64 ? '+0x' + (d.disp >>> 0).toString(16) : signedHex(d.disp).replace(/^0x/, '+0x');
    return size + seg + '[' + (asz === 64 ? 'riz' : 'eiz') + '*' + d.scale + disp + ']';
  }
  const r = (n: number): string => addrReg(n, asz).slice(1);
  if (d.base === RIP) {
    // The displacement as an unsigned 64-bit number, with 67h too: [eip+0xfffffffffffffff0] (measured).
    const v = d.disp;
    const h = hex64(v >>> 0, v < 0 ? 0xffffffff : 0);
    return size + seg + '[' + r(RIP) + '+0x' + h + ']';
  }
  let inner = '';
  if (d.base !== NONE) inner += r(d.base);
  // 16-bit addressing has no scale: objdump writes [bp+si].
  if (d.index !== NONE) inner += (inner ? '+' : '') + r(d.index) + (asz === 16 ? '' : '*' + d.scale);
  else if (asz !== 16 && d.sib !== NONE && ((d.sib & 7) !== 4 || d.scale !== 1)) inner += '+' + (asz === 64 ? 'riz' : 'eiz') + '*' + d.scale;
  if (d.hasDisp || inner === '') inner += d.disp < 0 ? '-0x' + (-d.disp).toString(16) : (inner ? '+' : '') + '0x' + d.disp.toString(16);
  return size + seg + '[' + inner + ']';
}

function intelOperand(c: Ctx, op: OperandDef): string {
  const d = c.d;
  const bits = operandBits(op, d);
  switch (op.kind) {
    case 'gpr':
    case 'rm': {
      let num: number;
      if (op.loc === 'reg' || op.loc === 'opreg') num = d.reg;
      else if (op.loc === 'vvvv') num = d.vvvv;
      else if (d.mod === 3) num = d.rm;
      else return intelMem(c, op);
      if (c.form.sem === 'bswap') return intelReg(num, d.opsize, d.rex);
      // movdir64b's destination register is sized by the address size.
      if ((c.form.mnem === 'movdir64b' && op.loc === 'reg') || c.form.mnem === 'umonitor') return intelReg(num, d.adsize, d.rex);
      if (op.loc === 'rm' && (c.form.sem === 'sys:lar' || c.form.sem === 'sys:lsl')) return intelReg(num, d.opsize, d.rex);
      if (op.loc === 'reg' && c.form.mnem === 'movsl' && !(d.rex & 8)) return intelReg(num, d.prefixes & Pfx.OPSIZE ? 16 : 32, d.rex);
      return intelReg(num, bits, d.rex);
    }
    case 'mem':
      return intelMem(c, op);
    case 'imm':
      if (op.loc === 'imm2') return '0x' + (d.imm2 >>> 0).toString(16);
      return '0x' + maskHex(d.immLo, d.immHi, op.sx ? d.opsize : bits);
    case 'rel':
      return target(c, d.targetLo, d.targetHi);
    case 'moffs':
      // -M suffix names the size of the accumulator move's memory too.
      return (c.flags & FMT_SUFFIX ? PTR[bits] + ' PTR ' : '') + (d.seg !== NONE ? SEG_NAMES[d.seg] : 'ds') + ':0x' + hex64(d.immLo, d.adsize === 64 ? d.immHi : 0);
    case 'fixed': {
      const r = op.reg ?? 'acc';
      return r === 'acc' ? intelReg(0, bits, d.rex) : r;
    }
    case 'one':
      return '1';
    case 'sreg':
      return SEG_NAMES[d.reg & 7] ?? '?';
    case 'seg':
      return op.reg ?? '?';
    case 'creg':
      return 'cr' + d.reg;
    case 'dreg':
      return 'dr' + d.reg;
    case 'treg':
      return 'tr' + d.reg;
    case 'far':
      return '0x' + d.imm2.toString(16) + ':0x' + (d.immLo >>> 0).toString(16);
    case 'st':
      return op.loc === 'rm' ? `st(${d.rm & 7})` : 'st';
    case 'xmm':
    case 'xmmrm':
    case 'mmx':
    case 'mmxrm':
      return simdReg(c, op) ?? intelMem(c, op);
    case 'bnd':
      return bndName(c, op, '');
  }
}

function intelOperands(c: Ctx): string {
  const f = c.form;
  const parts = f.operands.map((op) => (c.immName !== undefined && op.kind === 'imm' ? '' : intelOperand(c, op)));
  if (f.sem === 'xchg' && f.operands[0]?.loc === 'opreg') parts.reverse();
  // jmp 0x1234:0x0: a far pointer is one operand in Intel syntax.
  if ((f.sem === 'jmp:far' || f.sem === 'call:far') && f.operands.length === 2) return parts.join(':');
  // AT&T lists sources first; Intel the destination. enter's two immediates keep their order.
  // bound keeps its AT&T order in Intel syntax too (GNU's exception).
  if (f.sem !== 'enter' && f.sem !== 'bound') parts.reverse();
  return parts.filter((p) => p !== '').join(',');
}

function intelStringOperands(c: Ctx, mnem: string): string {
  const d = c.d;
  const sz = (PTR[d.opsize] ?? 'BYTE') + ' PTR ';
  const si = addrReg(6, d.adsize).slice(1);
  const di = addrReg(7, d.adsize).slice(1);
  const src = sz + (d.seg !== NONE ? SEG_NAMES[d.seg] : 'ds') + ':[' + si + ']';
  const dst = sz + 'es:[' + di + ']';
  const acc = intelReg(0, d.opsize, d.rex);
  switch (mnem) {
    case 'movs': return dst + ',' + src;
    case 'cmps': return src + ',' + dst;
    case 'stos': return dst + ',' + acc;
    case 'lods': return acc + ',' + src;
    case 'scas': return acc + ',' + dst;
    case 'ins': return dst + ',dx';
    default: return 'dx,' + src;
  }
}

/** objdump's Intel mnemonic: no size suffixes, Intel names for the conversions and far transfers. */
function intelMnemonic(f: Form, d: Decoded, base: string, att: string): string {
  const hint = att.includes(',') ? att.slice(att.indexOf(',')) : '';
  if (f.intel) return f.intel;
  if (f.sem === 'movzx') return 'movzx';
  // The operands say crc32's source size in Intel syntax.
  if (f.sem === 'ext:crc32') return 'crc32';
  if (f.sem === 'tsx:xbegin') return att;
  if (f.sem === 'movsx') return base === 'movsl' ? 'movsxd' : 'movsx';
  if (f.sem === 'conv:cbw' || f.sem === 'conv:cwd') return f.aliases?.[0] ?? base;
  // So do push of an immediate, push/pop of a segment register and pushf/popf with 66h (objdump: pushw 0xffff, pushw ds, pushfw).
  if (d.opsize === 16 && d.mode !== 16 && ((f.sem === 'push' && f.operands[0]?.kind === 'imm') || f.sem === 'push:seg' || f.sem === 'pop:seg' || f.sem === 'pushf' || f.sem === 'popf')) return base + 'w';
  // enter with 66h keeps its w (objdump, both modes).
  if (f.sem === 'enter' && d.opsize === 16) return 'enterw';
  if (f.sem === 'ret:far') return 'retf' + (d.opsize === 64 ? 'q' : d.opsize === 16 ? 'w' : '');
  if (f.sem === 'jmp:far') return 'jmp';
  if (f.sem === 'call:far') return 'call';
  if (base === 'sal') return 'shl';
  // A 16-bit near branch or return in 64-bit code keeps its size in the name: callw, jmpw.
  if (d.mode === 64 && d.opsize === 16 && (((f.flow === 'call' || f.flow === 'jmp') && f.operands[0]?.kind === 'rel') || f.sem === 'ret')) return base + 'w';
  // Outside 64-bit mode the pseudo-descriptor size shows: lgdtd / lidtw.
  if (DESC_TABLE.has(base)) return d.mode === 64 ? base : base + (d.opsize === 16 ? 'w' : 'd');
  // Intel's spelling of the 32-bit forms: sysretd, sysexitd.
  if ((base === 'sysret' || base === 'sysexit') && att.endsWith('l')) return att.slice(0, -1) + 'd';
  if (att === 'movabs' || f.flow === 'iret' || base === 'sysret' || base === 'sysexit') return att;
  return base + hint;
}
