// Assembler directives (pseudo-ops) with GNU as semantics for ELF x86 targets.
// Each handler gets the parsed arguments and the statement's tokens; messages follow GNU as 2.40.

import { operandCheckDirective } from './operand-check.js';
import { syntaxDirective } from './intel/syntax.js';
import { floatDirective, FLOAT_DIRECTIVES } from './float.js';
import { BUNDLE_HANDLERS } from './bundle.js';
import { uniqueSectionKey } from './unique-sections.js';
import type { DirArg, Expr } from './ast.js';
import { AsmError, LimitError } from './errors.js';
import { evalExpr, isAbsolute, isLocalLabelRef, NotYetKnown, parseNumber, parseString } from './expr.js';
import { captureLate } from './late.js';
import type { Tok } from './lexer.js';
import { addVarFrag, defaultAttrs, emitBytes, here, isCode, limitMessage, reserve, reserveZeros, SECTION_BYTES_LIMIT } from './sections.js';
import { cfiDirective } from './cfi.js';
import { ELF_HANDLERS, symverDirective } from './elf-directives.js';
import { noteInsn } from './lfence.js';
import { enterSubsection, subsectionNumber, subsectionOf } from './subsections.js';
import { code64Error } from './arch.js';
import { type Assembly, writeLE } from './state.js';
import type { Val } from './symbols.js';

type Handler = (asm: Assembly, args: readonly DirArg[], toks: readonly Tok[], name: string) => void;

/** Directives GNU accepts whose arguments are not comma-separated expressions: handled by name, not parsed. */
export const RAW_DIRECTIVES: ReadonlySet<string> = new Set([
  '.file', '.loc', '.loc_mark_labels', '.ident', '.intel_syntax', '.att_syntax', '.arch', '.att_mnemonic', '.intel_mnemonic',
  '.cfi_sections', '.cfi_startproc', '.cfi_endproc', '.cfi_def_cfa', '.cfi_def_cfa_offset', '.cfi_def_cfa_register',
  '.cfi_offset', '.cfi_rel_offset', '.cfi_adjust_cfa_offset', '.cfi_restore', '.cfi_undefined', '.cfi_same_value',
  '.cfi_register', '.cfi_remember_state', '.cfi_restore_state', '.cfi_return_column', '.cfi_signal_frame',
  '.cfi_window_save', '.cfi_escape', '.cfi_personality', '.cfi_lsda', '.cfi_val_encoded_addr', '.cfi_label',
  '.cfi_b_key_frame', '.cfi_negate_ra_state', '.cfi_val_offset', '.cfi_llvm_def_aspace_cfa', '.cfi_inline_lsda',
  '.cfi_fde_data',
  // GNU accepts `.extern` and ignores it: every undefined symbol is external anyway.
  '.extern',
  '.symver',
  // Listing page size, and i386 switches that change only which operands draw messages.
  '.psize', '.allow_index_reg', '.disallow_index_reg', '.sse_check', '.operand_check',
  // GNU 2.40 takes `.optim`/`.noopt` and ignores them (-O stays in force; measured).
  '.optim', '.noopt',
  // .float, .double, .tfloat, ...: GNU reads their numbers itself (float.ts).
  ...FLOAT_DIRECTIVES,
]);

/** Handles a raw directive; `rest` is the text after the name. */
export function rawDirective(asm: Assembly, name: string, rest: string): void {
  if (name === '.intel_syntax' || name === '.att_syntax') return syntaxDirective(asm, name, rest);
  if (name === '.file') {
    // `.file "name"` gives the object its STT_FILE symbol; `.file N "name"` is DWARF line info.
    const m = /^\s*("(?:[^"\\]|\\.)*")\s*$/.exec(rest);
    if (m) asm.fileSymbol ??= new TextDecoder().decode(Uint8Array.from(parseString(m[1])));
    else if (/^\s*-?\d/.test(rest)) asm.lineMarks.fileDirective(rest, asm.loc);
    return;
  }
  if (name === '.loc') { asm.lineMarks.locDirective(rest, asm.loc, asm.cur, here(asm.cur)); return; }
  if (name === '.ident') {
    // GNU appends the string to .comment (mergeable strings, opened by one NUL byte).
    const m = /^\s*("(?:[^"\\]|\\.)*")\s*$/.exec(rest);
    if (!m) return;
    const fresh = !asm.sections.some((s) => s.name === '.comment');
    const c = asm.section('.comment', 'MS', 'progbits');
    if (fresh) { c.entsize = 1; emitBytes(c, [0]); }
    emitBytes(c, [...parseString(m[1]), 0]);
    return;
  }
  if (name.startsWith('.cfi_')) { cfiDirective(asm, name, rest); return; }
  if (name === '.symver') { symverDirective(asm, rest); return; }
  if (name === '.arch') { const m = asm.arch.directive(rest); if (m) throw new AsmError(asm.loc, m); return; }
  if (name === '.operand_check') { operandCheckDirective(asm, rest); return; }
  if (FLOAT_DIRECTIVES.has(name)) { floatDirective(asm, name, rest); return; }
  if (name === '.intel_mnemonic' || name === '.att_mnemonic') { asm.intelMnemonic = name === '.intel_mnemonic'; return; }
  if (name === '.allow_index_reg' || name === '.disallow_index_reg') { asm.allowIndexReg = name === '.allow_index_reg'; return; }
  // .loc/.arch/.extern: accepted, no effect on the bytes x86lab produces.
}

function expr(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): Val {
  if (!a || a.k === 'empty') throw new AsmError(asm.loc, 'missing expression');
  if (a.k === 'str' || a.k === 'at' || a.k === 'regarg') throw new AsmError(asm.loc, `junk at end of line, first unrecognized character is \`${toks[a.t].value[0]}'`);
  return evalExpr(a as Expr, toks, asm.ctx());
}

function absolute(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[], what = 'bad or irreducible absolute expression'): bigint {
  const v = expr(a, asm, toks);
  if (!isAbsolute(v)) throw new AsmError(asm.loc, what);
  return v.add;
}

function optAbs(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): bigint | undefined {
  if (!a || a.k === 'empty') return undefined;
  return absolute(a, asm, toks);
}

function symName(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): string {
  if (a && a.k === 'sym') return toks[a.t].value;
  if (a && a.k === 'str') return toks[a.t].value.slice(1, -1);
  throw new AsmError(asm.loc, 'expected symbol name');
}

/** GNU's truncation warning: the dropped high bits are neither all zeros nor all ones. */
function checkTrunc(asm: Assembly, v: bigint, size: number): void {
  if (size >= 8) return;
  const u = BigInt.asUintN(64, v);
  const mask = ((1n << 64n) - 1n) ^ ((1n << BigInt(size * 8)) - 1n);
  const hi = u & mask;
  if (hi !== 0n && hi !== mask) {
    asm.warn(`value 0x${u.toString(16)} truncated to 0x${BigInt.asUintN(size * 8, v).toString(16)}`);
  }
}

function data(size: 1 | 2 | 4 | 8 | 16): Handler {
  return (asm, args, toks) => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.k === 'empty') {
        asm.warn('zero assumed for missing expression');
        const pos = reserve(asm.cur, size);
        asm.cur.buf.fill(0, pos, pos + size);
        continue;
      }
      if (a.k === 'str') {
        // In an expression GNU reads "name" as a quoted symbol name.
        asm.emitValue({ add: 0n, sym: asm.symbols.ref(toks[a.t].value.slice(1, -1)) }, size === 16 ? 8 : size);
        continue;
      }
      if (size === 16 && a.k === 'num' && toks[a.t].type === 'num' && !isLocalLabelRef(toks[a.t].value)) {
        // A literal wider than 64 bits keeps all its bits in .octa (expressions are 64-bit in GNU too).
        const big = parseNumber(toks[a.t].value, asm.loc);
        const pos = reserve(asm.cur, 16);
        writeLE(asm.cur.buf, pos, 8, BigInt.asUintN(64, big));
        writeLE(asm.cur.buf, pos + 8, 8, BigInt.asUintN(64, big >> 64n));
        continue;
      }
      let v: Val;
      try {
        v = expr(a, asm, toks);
      } catch (e) {
        if (!(e instanceof NotYetKnown) || size === 16) throw e;
        asm.emitLate(captureLate(a as Expr, toks, asm.ctx()), size);
        continue;
      }
      if (size === 16) {
        if (!isAbsolute(v)) throw new AsmError(asm.loc, 'bad expression');
        const pos = reserve(asm.cur, 16);
        writeLE(asm.cur.buf, pos, 8, v.add);
        writeLE(asm.cur.buf, pos + 8, 8, v.add < 0n ? -1n : 0n);
        continue;
      }
      // (GNU's i386 target does not warn for 4-byte fields: its addresses are 32 bits wide.)
      if (isAbsolute(v) && !(asm.objMode === 32 && size === 4)) checkTrunc(asm, v.add, size);
      asm.emitValue(v, size);
    }
  };
}

function strings(zero: boolean): Handler {
  return (asm, args, toks) => {
    for (const a of args) {
      if (a.k !== 'str') {
        const t = a.k === 'empty' ? undefined : firstTok(a);
        throw new AsmError(asm.loc, t === undefined ? 'expected string' : `junk at end of line, first unrecognized character is \`${toks[t].value[0]}'`);
      }
      asm.emit(parseString(toks[a.t].value));
      if (zero) asm.emit([0]);
    }
  };
}

function firstTok(a: DirArg): number | undefined {
  switch (a.k) {
    case 'num': case 'sym': case 'str': case 'at': case 'regarg': return a.t;
    case 'un': return firstTok(a.a);
    case 'bin': return firstTok(a.a);
    default: return undefined;
  }
}

function space(asm: Assembly, count: bigint, fill: bigint, name: string): void {
  if (name === '.fill' && count <= 0n) {
    if (count < 0n) asm.warn('repeat < 0; .fill ignored');
    return;
  }
  if (count <= 0n) {
    // GNU words it this way for .zero and negative counts too.
    asm.warn('.space repeat count is zero, ignored');
    return;
  }
  if (count > 1n << 30n) throw new AsmError(asm.loc, `${name} size too large`);
  const n = Number(count);
  if (asm.cur.type === 'nobits') {
    if (BigInt.asUintN(8, fill) !== 0n) asm.warn(`ignoring fill value in section \`${asm.cur.name}'`);
    reserveZeros(asm.cur, n);
    return;
  }
  const pos = reserve(asm.cur, n);
  asm.cur.buf.fill(Number(BigInt.asUintN(8, fill)), pos, pos + n);
}

/** `.skip N[, fill]`: N may depend on labels laid out later (a space fragment sized at layout). */
function skip(asm: Assembly, args: readonly DirArg[], toks: readonly Tok[], name: string): void {
  if (args.length > 2) throw new AsmError(asm.loc, "junk at end of line, first unrecognized character is `,'");
  const fill = optAbs(args[1], asm, toks) ?? 0n;
  lateSpace(asm, args[0], toks, fill, name);
}

/** The argument's value now, or undefined when it depends on places known only after layout. */
function valueNow(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): Val | undefined {
  try {
    return expr(a, asm, toks);
  } catch (e) {
    if (!(e instanceof NotYetKnown)) throw e;
    return undefined;
  }
}

/** Emits `count` fill bytes now, or a space fragment sized after layout when count is not known yet. */
function lateSpace(asm: Assembly, countArg: DirArg | undefined, toks: readonly Tok[], fill: bigint, name: string): void {
  const v = valueNow(countArg, asm, toks);
  if (v && isAbsolute(v)) {
    space(asm, v.add, fill, name);
    return;
  }
  // A forward symbol or a label distance: GNU sizes the space once addresses are known.
  const late = captureLate(countArg as Expr, toks, asm.ctx());
  addVarFrag(asm.cur, { kind: 'space', addr: 0, count: late, fill: Number(BigInt.asUintN(8, fill)), size: 0 });
}

/** `.org` (or `. =`) to a place known only after layout: GNU keeps the expression. */
function lateOrg(asm: Assembly, a: DirArg | undefined, toks: readonly Tok[], fill: bigint): boolean {
  if (valueNow(a, asm, toks)) return false;
  const late = captureLate(a as Expr, toks, asm.ctx());
  addVarFrag(asm.cur, { kind: 'org', addr: 0, target: 0, late, fill: Number(BigInt.asUintN(8, fill)), loc: asm.loc, size: 0 });
  return true;
}

/** `.nops N` with N known only after layout (GNU keeps the expression): a fragment sized then. */
function lateNops(asm: Assembly, countArg: DirArg | undefined, toks: readonly Tok[], limit: bigint): boolean {
  if (valueNow(countArg, asm, toks)) return false;
  const count = captureLate(countArg as Expr, toks, asm.ctx());
  addVarFrag(asm.cur, { kind: 'nops', addr: 0, size: 0, count, limit: Number(limit), mode: asm.mode, loc: asm.loc, arch: asm.arch.cur });
  return true;
}

function align(kind: 'byte' | 'pow2', fillSize: number): Handler {
  return (asm, args, toks) => {
    let a = absolute(args[0], asm, toks);
    if (kind === 'pow2') {
      if (a > 31n) throw new AsmError(asm.loc, `alignment too large: 31 assumed`);
      a = 1n << a;
    } else {
      if (a === 0n) a = 1n;
      if ((a & (a - 1n)) !== 0n) throw new AsmError(asm.loc, 'alignment not a power of 2');
    }
    const fill = optAbs(args[1], asm, toks);
    const max = optAbs(args[2], asm, toks) ?? 0n;
    const n = Number(a);
    const code = isCode(asm.cur);
    // GNU pads code with NOPs unless a fill other than the one-byte NOP (0x90) is given.
    // With -n an explicit 0x90 fill stays a byte fill (measured).
    const nops = code && (fill === undefined || (fillSize === 1 && BigInt.asUintN(8, fill) === 0x90n && !asm.gas.noAlignNops));
    if (n > asm.cur.align && (max === 0n || max >= a - 1n)) asm.cur.align = n;
    else if (n > asm.cur.align) asm.cur.align = Math.max(asm.cur.align, n);
    if (n <= 1) return;
    addVarFrag(asm.cur, {
      kind: 'align', addr: 0, align: n, nops, max: Number(max), mode: asm.mode, size: 0, loc: asm.loc, arch: asm.arch.cur,
      ...(nops ? {} : { fill: { value: fill ?? 0n, size: fillSize } }),
    });
  };
}

function sectionDirective(asm: Assembly, args: readonly DirArg[], toks: readonly Tok[]): void {
  const name = uniqueSectionKey(sectionName(args[0], asm, toks), args, toks, (a) => absolute(a, asm, toks));
  let flags: string | undefined;
  let type: string | undefined;
  if (args[1] && args[1].k !== 'empty') {
    if (args[1].k !== 'str') throw new AsmError(asm.loc, 'character following name is not \'#\'');
    flags = toks[args[1].t].value.slice(1, -1);
    const a2 = args[2];
    if (a2 && a2.k !== 'empty') {
      if (a2.k === 'at' || a2.k === 'regarg') type = toks[a2.t].value.replace(/^%/, '');
      else if (a2.k === 'str') type = toks[a2.t].value.slice(1, -1);
      else throw new AsmError(asm.loc, 'unrecognized section type');
    }
  }
  const existed = asm.hasSection(name);
  const d = defaultAttrs(name);
  const s = asm.section(name, flags ?? d.flags, type ?? d.type);
  let next = 3;
  if (flags?.includes('M')) {
    if (args[3] && args[3].k !== 'empty') s.entsize = Number(absolute(args[3], asm, toks));
    next = 4;
  }
  if (flags?.includes('o') && args[next] && args[next].k !== 'empty') s.linkOrder = sectionName(args[next++], asm, toks);
  const g = args[next];
  if (flags?.includes('G') && g && g.k !== 'empty' && !existed) {
    const c = args[next + 1];
    s.group = { name: sectionName(g, asm, toks), comdat: !!c && c.k === 'sym' && toks[c.t].value === 'comdat' };
  }
  asm.switchTo(s);
}

/** `.text N`/`.subsection N`: the subsection number (0 when absent). */
function subsection(asm: Assembly, args: readonly DirArg[], toks: readonly Tok[]): number {
  const n = optAbs(args[0], asm, toks);
  return n === undefined ? 0 : subsectionNumber(n, asm.loc);
}

function sectionName(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): string {
  if (a && a.k === 'sym') return toks[a.t].value;
  if (a && a.k === 'str') return toks[a.t].value.slice(1, -1);
  if (!a) throw new AsmError(asm.loc, 'missing name');
  if (a.k === 'bin' || a.k === 'un') {
    // GNU reads a section name up to the comma: `.note.GNU-stack` lexes as an expression.
    let lo = Infinity, hi = -1;
    const walk = (e: Expr): void => {
      if (e.k === 'num' || e.k === 'sym') { lo = Math.min(lo, e.t); hi = Math.max(hi, e.t); }
      else if (e.k === 'un') walk(e.a);
      else { walk(e.a); walk(e.b); }
    };
    walk(a);
    if (a.k === 'un') lo = Math.max(0, lo - 1); // the operator's token
    if (hi >= 0) {
      const first = toks[lo];
      const last = toks[hi];
      if (last.offset + last.value.length - first.offset === toks.slice(lo, hi + 1).reduce((n, t) => n + t.value.length, 0)) {
        return toks.slice(lo, hi + 1).map((t) => t.value).join('');
      }
    }
  }
  throw new AsmError(asm.loc, 'expected symbol name');
}

function binding(b: 'global' | 'local' | 'weak'): Handler {
  return (asm, args, toks) => {
    if (args.length === 0) throw new AsmError(asm.loc, 'expected symbol name');
    for (const a of args) {
      const s = asm.symbols.ref(symName(a, asm, toks));
      if (b === 'global' && s.binding === 'weak') continue;
      s.binding = b;
      if (b === 'local') s.localDir = true;
    }
  };
}

function visibility(v: 'hidden' | 'protected' | 'internal'): Handler {
  return (asm, args, toks) => {
    for (const a of args) asm.symbols.ref(symName(a, asm, toks)).visibility = v;
  };
}

function setSym(how: 'set' | 'equiv'): Handler {
  return (asm, args, toks, name) => {
    const n = symName(args[0], asm, toks);
    if (args.length < 2) throw new AsmError(asm.loc, `expected comma after "${n}"`);
    const s = asm.symbols.ref(n);
    if (how === 'equiv' && s.def && name === '.eqv' && s.equiv) throw new AsmError(asm.loc, `symbol \`${n}' is already defined`);
    asm.defineEqu(s, expr(args[1], asm, toks), how);
  };
}

const HANDLERS: Record<string, Handler> = {
  '.text': (asm, args, toks) => asm.switchTo(asm.section('.text'), subsection(asm, args, toks)),
  '.data': (asm, args, toks) => asm.switchTo(asm.section('.data'), subsection(asm, args, toks)),
  '.bss': (asm, args, toks) => asm.switchTo(asm.section('.bss'), subsection(asm, args, toks)),
  '.subsection': (asm, args, toks) => asm.switchTo(asm.cur, subsection(asm, args, toks)),
  '.section': sectionDirective,
  '.previous': (asm) => asm.previous(),
  '.pushsection': (asm, args, toks) => {
    asm.stack.push({ cur: asm.cur, prev: asm.prev, sub: subsectionOf(asm.cur), prevSub: asm.prevSub });
    // `.pushsection NAME, N[, "flags"...]`: a number after the name is the subsection (GNU obj-elf.c).
    const a1 = args[1];
    const sub = a1?.k === 'num' ? subsection(asm, [a1], toks) : undefined;
    sectionDirective(asm, sub === undefined ? args : [args[0], ...args.slice(2)], toks);
    if (sub !== undefined) enterSubsection(asm.cur, sub);
  },
  '.popsection': (asm) => {
    const top = asm.stack.pop();
    if (!top) throw new AsmError(asm.loc, '.popsection without corresponding .pushsection; ignored');
    asm.cur = top.cur;
    asm.prev = top.prev;
    enterSubsection(asm.cur, top.sub ?? 0);
    asm.prevSub = top.prevSub ?? 0;
  },
  '.globl': binding('global'),
  '.global': binding('global'),
  '.local': binding('local'),
  '.weak': binding('weak'),
  '.hidden': visibility('hidden'),
  '.protected': visibility('protected'),
  '.internal': visibility('internal'),
  '.type': (asm, args, toks) => {
    const s = asm.symbols.ref(symName(args[0], asm, toks));
    const a = args[1];
    if (!a || a.k === 'empty') throw new AsmError(asm.loc, 'unrecognized symbol type ""');
    let t: string;
    if (a.k === 'at' || a.k === 'str' || a.k === 'regarg') t = toks[a.t].value.replace(/^[%"]|"$/g, '');
    else if (a.k === 'sym') t = toks[a.t].value;
    else throw new AsmError(asm.loc, 'unrecognized symbol type ""');
    const map: Record<string, string> = {
      function: 'function', STT_FUNC: 'function', object: 'object', STT_OBJECT: 'object', tls_object: 'tls_object',
      STT_TLS: 'tls_object', common: 'common', STT_COMMON: 'common', notype: 'notype', STT_NOTYPE: 'notype',
      gnu_indirect_function: 'gnu_indirect_function', STT_GNU_IFUNC: 'gnu_indirect_function', gnu_unique_object: 'gnu_unique_object',
    };
    if (!map[t]) throw new AsmError(asm.loc, `unrecognized symbol type "${t}"`);
    s.type = map[t];
    if (s.name.startsWith('.L')) s.chainSeq ??= asm.symbols.nextSeq();
  },
  '.size': (asm, args, toks) => {
    const s = asm.symbols.ref(symName(args[0], asm, toks));
    if (args.length < 2) throw new AsmError(asm.loc, 'expected comma after name in .size');
    s.size = expr(args[1], asm, toks);
    if (s.name.startsWith('.L')) s.chainSeq ??= asm.symbols.nextSeq();
  },
  // `.line N` outside `.def` (COFF's line number): GNU 2.40's ELF target reads the absolute
  // expression and writes nothing, not even a line-table change (measured with -g).
  '.line': (asm, args, toks) => {
    if (args.length > 1) throw new AsmError(asm.loc, "junk at end of line, first unrecognized character is `,'");
    optAbs(args[0], asm, toks);
  },
  '.byte': data(1),
  '.word': data(2), '.short': data(2), '.value': data(2), '.hword': data(2), '.2byte': data(2),
  '.long': data(4), '.int': data(4), '.4byte': data(4),
  // i386's `.slong` (GNU as 2.40: four bytes, like .long).
  '.slong': data(4),
  '.quad': data(8), '.8byte': data(8),
  '.octa': data(16),
  '.ascii': strings(false),
  '.asciz': strings(true),
  '.string': strings(true),
  // GNU's .zero is .skip: an optional fill value, a count that may depend on later labels.
  '.zero': skip,
  '.skip': skip,
  '.space': skip,
  '.fill': (asm, args, toks, name) => {
    let size = optAbs(args[1], asm, toks) ?? 1n;
    const value = optAbs(args[2], asm, toks) ?? 0n;
    if (size === 1n) {
      // One-byte units: the same as .skip (and, like it, the count may be known only later).
      const a0 = args[0];
      if (!a0 || a0.k === 'empty') throw new AsmError(asm.loc, 'missing expression');
      lateSpace(asm, a0, toks, value, name);
      return;
    }
    const rep = absolute(args[0], asm, toks);
    if (size > 8n) { asm.warn('.fill size clamped to 8'); size = 8n; }
    if (rep < 0n) { asm.warn('repeat < 0; .fill ignored'); return; }
    if (size <= 0n || rep === 0n) return;
    const n = Number(size);
    if (asm.cur.type === 'nobits') {
      if (BigInt.asUintN(Math.min(n, 4) * 8, value) !== 0n) asm.error(`attempt to fill section \`${asm.cur.name}' with non-zero value`);
      reserveZeros(asm.cur, n * Number(rep));
      return;
    }
    const pos = reserve(asm.cur, n * Number(rep));
    // GNU stores at most 4 bytes of the value; wider fill units get zeros above.
    const unit = new Uint8Array(n);
    writeLE(unit, 0, Math.min(n, 4), value);
    for (let i = 0; i < Number(rep); i++) asm.cur.buf.set(unit, pos + i * n);
  },
  '.align': align('byte', 1),
  '.balign': align('byte', 1),
  '.balignw': align('byte', 2),
  '.balignl': align('byte', 4),
  '.p2align': align('pow2', 1),
  '.p2alignw': align('pow2', 2),
  '.p2alignl': align('pow2', 4),
  '.org': (asm, args, toks) => {
    const fill = optAbs(args[1], asm, toks) ?? 0n;
    if (lateOrg(asm, args[0], toks, fill)) return;
    const v = expr(args[0], asm, toks);
    if (isAbsolute(v)) {
      addVarFrag(asm.cur, { kind: 'org', addr: 0, target: Number(v.add), fill: Number(BigInt.asUintN(8, fill)), loc: asm.loc, size: 0 });
    } else if (v.sym && !v.minus && v.sym.def?.kind === 'label' && v.sym.def.sec === asm.cur) {
      const m = v.sym.def.mark;
      addVarFrag(asm.cur, { kind: 'org', addr: 0, tfrag: m.frag, target: m.off + Number(v.add), fill: Number(BigInt.asUintN(8, fill)), loc: asm.loc, size: 0 });
    } else throw new AsmError(asm.loc, `invalid segment "${v.sym?.def?.kind === 'label' ? v.sym.def.sec.name : '*UND*'}"`);
  },
  '.set': setSym('set'),
  '.equ': setSym('set'),
  '.equiv': setSym('equiv'),
  '.eqv': setSym('equiv'),
  '.code16': (asm) => { asm.mode = 16; asm.code16gcc = false; },
  '.code16gcc': (asm) => { asm.mode = 16; asm.code16gcc = true; },
  '.code32': (asm) => { asm.mode = 32; },
  // Also in an --32 object (GNU 2.40 refuses it only after `.arch i386`): the kernel's 32-bit
  // builds assemble 64-bit trampolines (realmode/rm/trampoline_64.S, efi_mixed.S) that way.
  '.code64': (asm) => {
    const bad = code64Error(asm.arch.cur);
    if (bad) throw new AsmError(asm.loc, bad);
    asm.mode = 64;
  },
  '.nops': (asm, args, toks) => {
    let limit = optAbs(args[1], asm, toks) ?? 0n;
    if (limit < 0n) { asm.warn('negative nop control byte, ignored'); limit = 0n; }
    if (lateNops(asm, args[0], toks, limit)) return;
    const n = absolute(args[0], asm, toks);
    if (n < 0n) asm.warn('.space, .nops or .fill with negative value, ignored');
    if (n <= 0n) return;
    if (n > BigInt(SECTION_BYTES_LIMIT)) throw new LimitError(limitMessage(asm.cur));
    addVarFrag(asm.cur, { kind: 'nops', addr: 0, size: Number(n), limit: Number(limit), mode: asm.mode, loc: asm.loc, arch: asm.arch.cur });
  },
  // `.nop [N]`: N one-byte NOP instructions (GNU 2.40 assembles `nop` N times; they count as
  // instructions for -mlfence-*, lfence.ts).
  '.nop': (asm, args, toks) => {
    // At least one (`.nop 0`, `.nop -2`: GNU's loop tests the count after its first nop).
    const n = optAbs(args[0], asm, toks) ?? 1n;
    if (n > BigInt(SECTION_BYTES_LIMIT)) throw new LimitError(limitMessage(asm.cur));
    // Each is an instruction to the DWARF line table too (one row: they share a line).
    asm.lineMarks.add(asm.loc, asm.cur, asm.cur.cur, asm.cur.cur.size);
    asm.emit(new Array<number>(Number(n < 1n ? 1n : n)).fill(0x90));
    noteInsn(asm);
  },
  '.uleb128': (asm, args, toks) => { for (const a of args) lebValue(asm, a, toks, 'u'); },
  '.sleb128': (asm, args, toks) => { for (const a of args) lebValue(asm, a, toks, 's'); },
  '.end': () => { /* handled by the driver */ },
  '.incbin': (asm, args, toks) => {
    const a = args[0];
    if (!a || a.k !== 'str') throw new AsmError(asm.loc, 'missing string');
    const name = String.fromCharCode(...parseString(toks[a.t].value));
    const file = asm.readBinary(name);
    if (!file) throw new AsmError(asm.loc, `file not found: ${name}`);
    // GNU: a directory or device cannot be sized, so it is "unable to include".
    if ('error' in file) throw new AsmError(asm.loc, `unable to include \`${name}'`);
    const size = file.size;
    const skipN = Number(optAbs(args[1], asm, toks) ?? 0n);
    const count = args[2] && args[2].k !== 'empty' ? Number(absolute(args[2], asm, toks)) : size - skipN;
    if (skipN < 0 || skipN > size || count < 0 || skipN + count > size) {
      throw new AsmError(asm.loc, `invalid skip or count for .incbin (${skipN}, ${count}) for ${name}`);
    }
    if (count > SECTION_BYTES_LIMIT) throw new LimitError(limitMessage(asm.cur));
    // Only the bytes asked for are read (at their offset), never the whole file.
    asm.emit(file.read(skipN, count));
  },
  '.err': (asm) => { throw new AsmError(asm.loc, '.err encountered'); },
  '.comm': (asm, args, toks) => comm(asm, args, toks, false),
  '.lcomm': (asm, args, toks) => comm(asm, args, toks, true),
  ...ELF_HANDLERS,
  ...BUNDLE_HANDLERS,
};

function comm(asm: Assembly, args: readonly DirArg[], toks: readonly Tok[], local: boolean): void {
  const name = symName(args[0], asm, toks);
  if (args.length < 2) throw new AsmError(asm.loc, `expected comma after symbol-name: rest of line ignored.`);
  const size = absolute(args[1], asm, toks);
  // A 32-bit object's addresses end at 4 GiB: GNU warns as below and makes no symbol (measured).
  if (asm.objMode !== 64 && size > 0xffffffffn) {
    asm.warn(`size (${size}) out of range, ignored`);
    return;
  }
  const s = asm.symbols.ref(name);
  const given = optAbs(args[2], asm, toks);
  if (s.def) throw new AsmError(asm.loc, `symbol \`${s.name}' is already defined`);
  if (size < 0n) {
    // GNU: "size (-1) out of range, ignored", and the symbol stays undefined.
    asm.warn(`size (${size}) out of range, ignored`);
    return;
  }
  if (!local && !s.localDir) {
    // A common symbol: the linker allocates it (GNU: section *COM*, value = alignment).
    // Without an alignment GNU aligns to the size rounded up to a power of two, at most 16.
    let al = 1n;
    while (al < size && al < 16n) al <<= 1n;
    s.common = { size, align: given ?? al };
    s.binding = s.binding === 'weak' ? 'weak' : 'global';
    if (!s.type) s.type = 'object';
    return;
  }
  // .lcomm, and .comm of a `.local` symbol: allocated in .bss subsection 1 (after the section's own
  // contents, as GNU's bss_alloc does). .lcomm aligns by size when no alignment is given, the local
  // .comm not at all (measured).
  const al = Number(given ?? (!local ? 1n : size >= 8n ? 8n : size >= 4n ? 4n : size >= 2n ? 2n : 1n));
  const bss = asm.section('.bss');
  const sub = subsectionOf(bss);
  enterSubsection(bss, 1);
  if (al > 1) {
    addVarFrag(bss, { kind: 'align', addr: 0, align: al, nops: false, max: 0, mode: asm.mode, size: 0, fill: { value: 0n, size: 1 } });
    bss.align = Math.max(bss.align, al);
  }
  s.def = { kind: 'label', sec: bss, mark: here(bss) };
  s.loc = asm.loc;
  if (!s.type) s.type = 'object';
  s.size = { add: size };
  // (.bss is NOBITS: no memory for its size; an @progbits .bss keeps the contents limit.)
  reserveZeros(bss, Number(size));
  enterSubsection(bss, sub);
}

/** One LEB128 value: now, or sized after layout when it depends on labels still ahead (`1f-0f`). */
function lebValue(asm: Assembly, a: DirArg, toks: readonly Tok[], kind: 'u' | 's'): void {
  const v = valueNow(a, asm, toks);
  if (v && isAbsolute(v)) {
    asm.emit(leb(v.add, kind === 's'));
    return;
  }
  addVarFrag(asm.cur, { kind: 'space', addr: 0, count: captureLate(a as Expr, toks, asm.ctx()), fill: 0, size: 0, leb: kind });
}

/** LEB128 bytes; an unsigned value is read as 64-bit unsigned (GNU: `.uleb128 -1` is ten bytes). */
export function leb(v: bigint, signed: boolean): number[] {
  if (!signed) v = BigInt.asUintN(64, v);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = signed ? (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0) : v === 0n;
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

export function directive(asm: Assembly, name: string, args: readonly DirArg[], toks: readonly Tok[]): void {
  const h = HANDLERS[name.toLowerCase()];
  if (!h) throw new AsmError(asm.loc, `unknown pseudo-op: \`${name.toLowerCase()}'`);
  h(asm, args, toks, name.toLowerCase());
}

export function isKnownDirective(name: string): boolean {
  const n = name.toLowerCase();
  return HANDLERS[n] !== undefined || RAW_DIRECTIVES.has(n);
}

