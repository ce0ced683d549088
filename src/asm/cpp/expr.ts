// `#if` expression evaluation: C integer arithmetic in intmax_t/uintmax_t (64 bits), as gcc does it.
// Input tokens are already macro-expanded with `defined` resolved; any identifier left is 0.
// Error messages follow gcc's wording; each carries the column of the token it names.

import type { Tok } from './lex.js';

export class CppExprError extends Error {
  constructor(message: string, readonly col: number) {
    super(message);
  }
}

interface Val {
  v: bigint; // always normalised to 64 bits (signed view when !u, unsigned view when u)
  u: boolean;
}

const norm = (v: bigint, u: boolean): Val => ({ v: u ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), u });

/** Warnings (e.g. "integer constant is too large for its type") are reported through `warn`. */
/** Nesting of parentheses and unary operators in one #if. */
export const MAX_IF_NEST = 1000;

export function evalIfExpr(toks: readonly Tok[], lineCol: number, warn: (msg: string, col: number) => void): bigint {
  if (toks.length === 0) throw new CppExprError('#if with no expression', lineCol);
  for (const t of toks) {
    if (t.kind === 'string' || t.kind === 'other' || ['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '++', '--', '->', '.', '[', ']', '{', '}', ';', '#', '##', '...'].includes(t.text))
      throw new CppExprError(`token "${t.text}" is not valid in preprocessor expressions`, t.col);
    if (t.kind === 'number' && /[.]|^[0-9][0-9]*[eE]|^0[xX][0-9a-fA-F.]*[pP]/.test(t.text))
      throw new CppExprError('floating constant in preprocessor expression', t.col);
  }
  let i = 0;
  const peek = (): Tok | undefined => toks[i];

  // Binary operator precedence (higher binds tighter); '?' handled separately.
  const PREC: Record<string, number> = {
    '*': 10, '/': 10, '%': 10, '+': 9, '-': 9, '<<': 8, '>>': 8, '<': 7, '>': 7, '<=': 7, '>=': 7,
    '==': 6, '!=': 6, '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
  };

  // Parentheses and unary operators recurse: 100,000 of them would overflow the stack.
  let nest = 0;
  const primary = (live: boolean, after: Tok | undefined): Val => {
    if (++nest > MAX_IF_NEST) throw new CppExprError(`#if expression nested more than ${MAX_IF_NEST} deep`, peek()?.col ?? lineCol);
    try {
      return primaryIn(live, after);
    } finally {
      nest--;
    }
  };
  const primaryIn = (live: boolean, after: Tok | undefined): Val => {
    const t = peek();
    if (!t) {
      if (after && after.text === '(') throw new CppExprError("missing ')' in expression", after.col);
      if (after) throw new CppExprError(`operator '${after.text}' has no right operand`, after.col);
      throw new CppExprError('#if with no expression', lineCol);
    }
    if (t.text === '(') {
      i++;
      if (peek()?.text === ')') throw new CppExprError("missing expression between '(' and ')'", peek()!.col);
      const v = comma(live, t);
      if (peek()?.text !== ')') throw new CppExprError("missing ')' in expression", t.col);
      i++;
      return v;
    }
    if (t.text === '+' || t.text === '-' || t.text === '~' || t.text === '!') {
      i++;
      const a = primary(live, t);
      if (t.text === '+') return a;
      if (t.text === '-') return norm(-a.v, a.u);
      if (t.text === '~') return norm(~a.v, a.u);
      return { v: a.v === 0n ? 1n : 0n, u: false };
    }
    if (t.kind === 'number') { i++; return parseNumber(t, warn); }
    if (t.kind === 'char') { i++; return parseChar(t, warn); }
    if (t.kind === 'ident') { i++; return { v: 0n, u: false }; }
    if (t.text === ')') {
      if (after?.text === '(') throw new CppExprError("missing expression between '(' and ')'", t.col);
      if (after) throw new CppExprError(`operator '${after.text}' has no right operand`, after.col);
      throw new CppExprError("missing '(' in expression", t.col);
    }
    if (t.text in PREC || t.text === '?' || t.text === ':' || t.text === ',') {
      if (after && after.text !== '(') throw new CppExprError(`operator '${after.text}' has no right operand`, after.col);
      throw new CppExprError(`operator '${t.text}' has no left operand`, t.col);
    }
    throw new CppExprError(`token "${t.text}" is not valid in preprocessor expressions`, t.col);
  };

  const binary = (minPrec: number, live: boolean, after: Tok | undefined): Val => {
    let lhs = primary(live, after);
    for (;;) {
      const t = peek();
      if (!t) return lhs;
      const p = PREC[t.text];
      if (p === undefined || p < minPrec) {
        if (!(t.text in PREC) && !['?', ':', ')', ','].includes(t.text))
          throw new CppExprError(`missing binary operator before token "${t.text}"`, t.col);
        return lhs;
      }
      i++;
      if (t.text === '&&' || t.text === '||') {
        const l = lhs.v !== 0n;
        const rLive = live && (t.text === '&&' ? l : !l);
        const r = binary(p + 1, rLive, t);
        lhs = { v: (t.text === '&&' ? l && r.v !== 0n : l || r.v !== 0n) ? 1n : 0n, u: false };
        continue;
      }
      const rhs = binary(p + 1, live, t);
      lhs = apply(t, lhs, rhs, live);
    }
  };

  const cond = (live: boolean, after: Tok | undefined): Val => {
    const c = binary(1, live, after);
    const q = peek();
    if (q?.text !== '?') return c;
    i++;
    const take = c.v !== 0n;
    const a = comma(live && take, q);
    const colon = peek();
    if (colon?.text !== ':') throw new CppExprError("'?' without following ':'", q.col);
    i++;
    const b = cond(live && !take, colon);
    const u = a.u || b.u;
    return norm(take ? a.v : b.v, u);
  };

  const comma = (live: boolean, after: Tok | undefined): Val => {
    let v = cond(live, after);
    while (peek()?.text === ',') {
      const t = toks[i++];
      v = cond(live, t);
    }
    return v;
  };

  const v = comma(true, undefined);
  const rest = peek();
  if (rest) {
    if (rest.text === ')') throw new CppExprError("missing '(' in expression", rest.col);
    if (rest.text === ':') throw new CppExprError(" ':' without preceding '?'", rest.col); // sic: gcc's text has the space
    throw new CppExprError(`missing binary operator before token "${rest.text}"`, rest.col);
  }
  return v.v;
}

function apply(op: Tok, a: Val, b: Val, live: boolean): Val {
  const u = a.u || b.u;
  const A = u ? BigInt.asUintN(64, a.v) : a.v;
  const B = u ? BigInt.asUintN(64, b.v) : b.v;
  const bool = (x: boolean): Val => ({ v: x ? 1n : 0n, u: false });
  switch (op.text) {
    case '*': return norm(A * B, u);
    case '/':
    case '%':
      if (B === 0n) {
        if (live) throw new CppExprError('division by zero in #if', op.col);
        return { v: 0n, u };
      }
      return norm(op.text === '/' ? A / B : A % B, u);
    case '+': return norm(A + B, u);
    case '-': return norm(A - B, u);
    case '<<':
    case '>>': {
      // Result has the left operand's type; a negative count shifts the other way (gcc).
      let n = b.u ? BigInt.asUintN(64, b.v) : b.v;
      let left = op.text === '<<';
      if (n < 0n) { n = -n; left = !left; }
      const x = a.u ? BigInt.asUintN(64, a.v) : a.v;
      if (left) return n >= 64n ? { v: 0n, u: a.u } : norm(x << n, a.u);
      if (n >= 64n) return { v: !a.u && x < 0n ? -1n : 0n, u: a.u };
      return norm(x >> n, a.u);
    }
    case '<': return bool(A < B);
    case '>': return bool(A > B);
    case '<=': return bool(A <= B);
    case '>=': return bool(A >= B);
    case '==': return bool(A === B);
    case '!=': return bool(A !== B);
    case '&': return norm(A & B, u);
    case '^': return norm(A ^ B, u);
    case '|': return norm(A | B, u);
  }
  throw new CppExprError(`token "${op.text}" is not valid in preprocessor expressions`, op.col);
}

function parseNumber(t: Tok, warn: (msg: string, col: number) => void): Val {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uUlL]*)$/.exec(t.text);
  if (!m) {
    const d = /^(0[xX][0-9a-fA-F]*|0[bB][01]*|[0-9]+)(.*)$/.exec(t.text);
    throw new CppExprError(`invalid suffix "${d ? d[2] : t.text}" on integer constant`, t.col);
  }
  const [, digits, suffix] = m;
  if (!/^(|u|l|ul|lu|ll|ull|llu|LL|uLL|ULL|LLu|LLU|Ull)$/i.test(suffix) || /lL|Ll/.test(suffix))
    throw new CppExprError(`invalid suffix "${suffix}" on integer constant`, t.col);
  let v: bigint;
  if (/^0[0-7]+$/.test(digits) || digits === '0') v = BigInt('0o' + (digits.slice(1) || '0'));
  else if (/^0[0-9]+$/.test(digits)) {
    const bad = /[89]/.exec(digits)![0];
    throw new CppExprError(`invalid digit "${bad}" in octal constant`, t.col);
  } else v = BigInt(digits);
  let u = /u/i.test(suffix);
  if (v >= 1n << 64n) {
    warn('integer constant is too large for its type', t.col);
    v = BigInt.asUintN(64, v);
    u = true;
  } else if (v >= 1n << 63n && !u) {
    if (/^[0-9]/.test(digits) && !/^0/.test(digits)) warn('integer constant is so large that it is unsigned', t.col);
    u = true;
  }
  return norm(v, u);
}

function parseChar(t: Tok, warn: (msg: string, col: number) => void): Val {
  const body = t.text.slice(1, -1);
  const chars: number[] = [];
  for (let i = 0; i < body.length; ) {
    if (body[i] !== '\\') { chars.push(body.charCodeAt(i) & 0xff); i++; continue; }
    const e = body[i + 1];
    i += 2;
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, E: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };
    if (e in simple) chars.push(simple[e]);
    else if (e === 'x') {
      let h = '';
      while (i < body.length && /[0-9a-fA-F]/.test(body[i])) h += body[i++];
      chars.push(parseInt(h || '0', 16) & 0xff);
    } else if (e >= '0' && e <= '7') {
      let o = e;
      while (o.length < 3 && i < body.length && body[i] >= '0' && body[i] <= '7') o += body[i++];
      chars.push(parseInt(o, 8) & 0xff);
    } else chars.push(e.charCodeAt(0) & 0xff);
  }
  if (chars.length === 0) throw new CppExprError('empty character constant', t.col);
  if (chars.length === 1) return { v: BigInt(chars[0] >= 128 ? chars[0] - 256 : chars[0]), u: false };
  if (chars.length > 4) warn('character constant too long for its type', t.col);
  else warn('multi-character character constant', t.col);
  let v = 0;
  for (const c of chars.slice(-4)) v = ((v << 8) | c) >>> 0;
  return { v: BigInt(v | 0), u: false };
}
