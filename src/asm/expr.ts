// Expression evaluation with GNU as semantics: 64-bit two's-complement arithmetic, comparisons
// yielding -1/0, `&&`/`||` yielding 1/0, logical `>>`, and relocatable results `sym + n` or
// `a - b` (folded to a constant as soon as both labels are a fixed distance apart).

import type { Expr } from './ast.js';
import { AsmError, type SrcLoc } from './errors.js';
import type { Tok } from './lexer.js';
import { SymbolTable, type Sym, type Val } from './symbols.js';

export interface EvalCtx {
  readonly symbols: SymbolTable;
  /** A symbol for the current location `.`. */
  dot(): Sym;
  readonly loc: SrcLoc;
  /** Reports a warning (e.g. division by zero) without failing the statement. */
  warn(message: string): void;
}

const M64 = (1n << 64n) - 1n;
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);

const numCache = new Map<string, bigint>();

/** Value of a number token in any GNU spelling (0x, 0b, leading-0 octal, decimal). Not label refs. */
export function parseNumber(text: string, loc: SrcLoc): bigint {
  let v = numCache.get(text);
  if (v === undefined) {
    v = parseNumberText(text, loc);
    if (numCache.size < 10000) numCache.set(text, v);
  }
  return v;
}

/**
 * Is this number token a numeric local label reference (`1b`, `2f`, also `0b`/`0f`)? `0b1` is a
 * binary number and `0x1b` hex; a bare `0b` is label 0, backwards, as in GNU as.
 */
export function isLocalLabelRef(v: string): boolean {
  const last = v.charCodeAt(v.length - 1) | 0x20;
  return (last === 98 /* b */ || last === 102 /* f */) && !/^0[bBxX][0-9a-fA-F]/.test(v);
}

function parseNumberText(text: string, loc: SrcLoc): bigint {
  if (/[uUlL]$/.test(text)) text = text.replace(/[uUlL]+$/, '');
  const c1 = text.charCodeAt(1);
  if (text.length > 2 && text.charCodeAt(0) === 48 && (c1 === 120 || c1 === 88)) return BigInt(text);
  if (text.length > 2 && text.charCodeAt(0) === 48 && (c1 === 98 || c1 === 66)) return BigInt('0b' + text.slice(2));
  if (text.length > 1 && text.charCodeAt(0) === 48) {
    if (/[89]/.test(text)) throw new AsmError(loc, `junk at end of line, first unrecognized character is \`${/[89]/.exec(text)![0]}'`);
    return BigInt('0o' + text.slice(1));
  }
  return BigInt(text);
}

/** Decodes one escape at s[i] (just after the backslash); returns the byte and the next index. */
function escape(s: string, i: number): [number, number] {
  const c = s[i];
  switch (c) {
    case 'b': return [8, i + 1];
    case 'f': return [12, i + 1];
    case 'n': return [10, i + 1];
    case 'r': return [13, i + 1];
    case 't': return [9, i + 1];
    case 'v': return [11, i + 1];
    case 'x': case 'X': {
      let j = i + 1;
      let v = 0;
      while (j < s.length && /[0-9a-fA-F]/.test(s[j])) v = (v * 16 + parseInt(s[j++], 16)) & 0xff;
      return [v, j];
    }
    default:
      if (c >= '0' && c <= '7') {
        let j = i;
        let v = 0;
        while (j < s.length && j < i + 3 && s[j] >= '0' && s[j] <= '7') v = v * 8 + (s.charCodeAt(j++) - 48);
        return [v & 0xff, j];
      }
      return [s.charCodeAt(i) & 0xff, i + 1];
  }
}

/** Bytes of a "..." string token with GNU's escapes (UTF-8 for non-ASCII characters). */
export function parseString(tok: string): number[] {
  const out: number[] = [];
  const s = tok.slice(1, -1);
  for (let i = 0; i < s.length; ) {
    if (s[i] === '\\' && i + 1 < s.length) {
      const [b, j] = escape(s, i + 1);
      out.push(b);
      i = j;
    } else {
      const cp = s.codePointAt(i)!;
      if (cp < 0x80) out.push(cp);
      else out.push(...Buffer.from(String.fromCodePoint(cp), 'utf8'));
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/** Value of a character constant token `'c`, `'\n`, `'\x41`, `'c'`. */
export function parseChar(tok: string): bigint {
  if (tok[1] === '\\') return BigInt(escape(tok, 2)[0]);
  return BigInt(tok.codePointAt(1)!);
}

/** GNU's name for the section a value lives in, for "invalid operands" messages. */
function secName(v: Val): string {
  if (!v.sym) return '*ABS*';
  const d = v.sym.def;
  if (!d) return '*UND*';
  return d.kind === 'label' ? d.sec.name : '*ABS*';
}

/** `a - b` is a constant when both labels sit in the same fragment (nothing variable between). */
export function foldDiff(a: Sym, b: Sym): bigint | undefined {
  if (a === b) return 0n;
  if (a.type === 'gnu_indirect_function') return undefined; // relocated, never folded (finalize.ts)
  const da = a.def, db = b.def;
  if (da?.kind === 'label' && db?.kind === 'label' && da.mark.frag === db.mark.frag) return BigInt(da.mark.off - db.mark.off);
  return undefined;
}

/**
 * Thrown when an operator needs absolute operands but one is a label whose distance is not known
 * yet (a forward reference, or labels with a relaxable branch between them). GNU as keeps such an
 * expression and evaluates it after layout; callers that can do the same catch this (see late.ts).
 */
export class NotYetKnown extends AsmError {}

/** Can this operand become absolute once addresses are known (same-section label arithmetic)? */
function pending(v: Val): boolean {
  const s = v.sym?.def, m = v.minus?.def;
  if (v.sym && !s) return true;
  if (v.minus && !m) return true;
  if (v.minus && s?.kind === 'label' && m?.kind === 'label') return s.sec === m.sec;
  return false;
}

function symVal(s: Sym, ctx: EvalCtx): Val {
  const d = s.def;
  s.direct = true;
  // A global or weak alias (`.globl memcpy; .set memcpy, __memcpy`) stays itself: GNU relocates
  // against the alias. Any other equated symbol counts with its value as it is now.
  if (d && d.kind === 'equ' && isAlias(d.value)) {
    if (s.binding !== 'local') return { add: 0n, sym: s };
    // A local alias of a global label reads as a local label there (section-relative, resolved
    // in place), not as the global symbol.
    const t = d.value.sym!;
    if (t.binding !== 'local' && t.def?.kind === 'label') return { add: 0n, sym: ctx.symbols.alias(d.value) };
    if (!t.def && d.value.add !== 0n && d.value.minus === undefined) return { ...d.value, bareEquate: true };
    return d.value;
  }
  // An ifunc is never folded to its value, not even an absolute one (GNU's S_FORCE_RELOC).
  if (d && d.kind === 'equ' && s.type !== 'gnu_indirect_function') return d.value;
  return { add: 0n, sym: s };
}

/** `v` moved to `add`: a bare equate stays one only if nothing moved (`x + 0`). */
function offset(v: Val, add: bigint): Val {
  if (!v.bareEquate || add === v.add) return { ...v, add };
  const { bareEquate: _, ...rest } = v;
  return { ...rest, add };
}

/** An equated value that names one symbol (`.set a, b` or `a = b + 4`): an alias of it. */
export function isAlias(v: Val): boolean {
  return v.sym !== undefined && v.minus === undefined && v.spec === undefined;
}

function abs(v: Val): boolean {
  return v.sym === undefined && v.minus === undefined;
}

export function evalExpr(e: Expr, toks: readonly Tok[], ctx: EvalCtx): Val {
  switch (e.k) {
    case 'num': {
      const t = toks[e.t];
      if (t.type === 'char') return { add: parseChar(t.value) };
      const v = t.value;
      if (isLocalLabelRef(v)) {
        const n = v.slice(0, -1);
        if ((v.charCodeAt(v.length - 1) | 0x20) === 102) return { add: 0n, sym: ctx.symbols.ref(ctx.symbols.fbNext(n)) };
        const name = ctx.symbols.fbPrev(n);
        if (!name) throw new AsmError(ctx.loc, `backward ref to unknown label "${n}:"`);
        return symVal(ctx.symbols.ref(name), ctx);
      }
      return { add: parseNumber(v, ctx.loc) };
    }
    case 'sym': {
      const name = toks[e.t].value;
      if (name === '.') return { add: 0n, sym: ctx.dot() };
      const at = toks[e.t].quoted ? -1 : name.indexOf('@');
      if (at > 0) {
        const spec = name.slice(at + 1).toLowerCase();
        // GNU creates _GLOBAL_OFFSET_TABLE_ on reading any specifier but @PLT (it then sits in the symbol table).
        if (spec !== 'plt' && spec !== 'size') ctx.symbols.ref('_GLOBAL_OFFSET_TABLE_');
        return { add: 0n, sym: ctx.symbols.ref(name.slice(0, at)), spec };
      }
      return symVal(ctx.symbols.ref(name), ctx);
    }
    case 'un': {
      const a = evalExpr(e.a, toks, ctx);
      if (e.op === '+') return a;
      // `-label`: GNU keeps it as `0 - label` (a pc-relative *ABS* relocation once laid out).
      if (e.op === '-' && a.sym && !a.minus && (!a.spec || a.spec === 'size')) return { add: s64(-a.add), minus: a.sym, ...(a.spec ? { spec: a.spec } : {}) };
      if (!abs(a)) {
        const msg = `invalid operands (${secName(a)} and *ABS* sections) for \`${e.op}'`;
        throw pending(a) ? new NotYetKnown(ctx.loc, msg) : new AsmError(ctx.loc, msg);
      }
      if (e.op === '-') return { add: s64(-a.add) };
      if (e.op === '~') return { add: s64(~a.add) };
      return { add: a.add === 0n ? 1n : 0n };
    }
    case 'bin': {
      // Down the left spine without recursion: GNU takes `a+a+...+a` with 20,000 terms.
      const spine: Extract<Expr, { k: 'bin' }>[] = [];
      let cur: Expr = e;
      while (cur.k === 'bin') { spine.push(cur); cur = cur.a; }
      let acc = evalExpr(cur, toks, ctx);
      for (let i = spine.length - 1; i >= 0; i--) acc = binary(spine[i].op, acc, evalExpr(spine[i].b, toks, ctx), ctx);
      return acc;
    }
  }
}

export function binary(op: string, a: Val, b: Val, ctx: EvalCtx): Val {
  if (op === '+') {
    if (abs(b)) return offset(a, s64(a.add + b.add));
    if (abs(a)) return offset(b, s64(a.add + b.add));
    const r = a.sym && b.sym && !a.minus && b.minus ? simplify({ sym: b.sym, minus: b.minus, add: a.add + b.add }, a.sym)
      : a.sym && b.sym && a.minus && !b.minus ? simplify({ sym: a.sym, minus: a.minus, add: a.add + b.add }, b.sym)
      : undefined;
    if (r) return r;
    const msg = `invalid operands (${secName(a)} and ${secName(b)} sections) for \`+'`;
    throw pending(a) || pending(b) ? new NotYetKnown(ctx.loc, msg) : new AsmError(ctx.loc, msg);
  }
  if (op === '-') {
    if (abs(b)) return offset(a, s64(a.add - b.add));
    // `n - sym@SIZE`, `val - sym@SIZE`: GNU applies @SIZE to the whole expression (finalize.ts sizes it).
    if (b.spec === 'size' && b.sym && !b.minus && !a.minus && (!a.spec || a.spec === 'size') && a.sym !== b.sym) {
      return { ...(a.sym ? { sym: a.sym } : {}), minus: b.sym, add: s64(a.add - b.add), spec: 'size' };
    }
    if (a.sym && !a.minus && b.sym && !b.minus) {
      const f = foldDiff(a.sym, b.sym);
      if (f !== undefined) return { add: s64(a.add - b.add + f) };
      return { sym: a.sym, minus: b.sym, add: s64(a.add - b.add) };
    }
    if (a.sym && a.minus && b.sym && !b.minus && a.minus === b.sym) return { sym: a.sym, minus: a.minus, add: s64(a.add - b.add) };
    const msg = `invalid operands (${secName(a)} and ${secName(b)} sections) for \`-'`;
    throw pending(a) || pending(b) ? new NotYetKnown(ctx.loc, msg) : new AsmError(ctx.loc, msg);
  }
  if (!abs(a) || !abs(b)) {
    // Comparing two labels of one fragment still works in GNU as (the difference is known).
    const msg = `invalid operands (${secName(a)} and ${secName(b)} sections) for \`${op}'`;
    throw (!abs(a) && pending(a)) || (!abs(b) && pending(b)) ? new NotYetKnown(ctx.loc, msg) : new AsmError(ctx.loc, msg);
  }
  const x = a.add, y = b.add;
  switch (op) {
    case '*': return { add: s64(x * y) };
    // GNU warns and divides by 1 instead (expr.c), so `5/0` is 5 and `5%0` is 0.
    case '/':
      if (y === 0n) { ctx.warn('division by zero'); return { add: x }; }
      return { add: s64(x / y) };
    case '%':
      if (y === 0n) { ctx.warn('division by zero'); return { add: 0n }; }
      return { add: s64(x % y) };
    case '<<': return { add: y >= 64n || y < 0n ? 0n : s64(x << y) };
    case '>>': return { add: y >= 64n || y < 0n ? 0n : s64((x & M64) >> y) };
    case '|': return { add: s64(x | y) };
    case '&': return { add: s64(x & y) };
    case '^': return { add: s64(x ^ y) };
    case '!': return { add: s64(x | ~y) };
    case '==': return { add: x === y ? -1n : 0n };
    case '!=': return { add: x !== y ? -1n : 0n };
    case '<': return { add: x < y ? -1n : 0n };
    case '>': return { add: x > y ? -1n : 0n };
    case '<=': return { add: x <= y ? -1n : 0n };
    case '>=': return { add: x >= y ? -1n : 0n };
    case '&&': return { add: x !== 0n && y !== 0n ? 1n : 0n };
    case '||': return { add: x !== 0n || y !== 0n ? 1n : 0n };
  }
  throw new AsmError(ctx.loc, `bad expression`);
}

/** (sym - minus) + other: fold `other - minus` if possible, keeping one relocatable symbol. */
function simplify(v: { sym: Sym; minus: Sym; add: bigint }, other: Sym): Val | undefined {
  const f = foldDiff(other, v.minus);
  if (f !== undefined) return { sym: v.sym, add: s64(v.add + f) };
  const g = foldDiff(v.sym, v.minus);
  if (g !== undefined) return { sym: other, add: s64(v.add + g) };
  return undefined;
}

export function isAbsolute(v: Val): boolean {
  return abs(v);
}
