// The moo lexer for one AT&T statement (comments and ';' are already gone: see lines.ts).
// Every token type is distinct by shape, so the parser's decisions depend on the sequence of
// types alone — which is what lets parse.ts memoise parses by statement shape.

import moo from 'moo';

/** Token types the grammar may name. `ws` is dropped before the parser sees the stream. */
const RULES: moo.Rules = {
  ws: /[ \t\r\f\v]+/,
  // %reg; a '%' followed by a non-letter is the modulo operator.
  reg: /%[sS][tT][ \t]*\([ \t]*[0-9]+[ \t]*\)|%[a-zA-Z_][a-zA-Z0-9_]*/,
  // Numeric local label references `1f` / `1b` (`0b1` is binary, so binary must win when digits follow).
  // GNU also takes C integer suffixes (`0xff000000ULL`, `12UL`: kernel headers shared with C).
  num: /0[xX][0-9a-fA-F]+(?:[uUlL]+(?![0-9a-zA-Z_.$]))?|0[bB][01]+(?:[uUlL]+(?![0-9a-zA-Z_.$]))?|[0-9]+(?:[bBfF](?![0-9a-zA-Z_.$])|[uUlL]+(?![0-9a-zA-Z_.$]))?/,
  char: /'(?:\\(?:[0-7]{1,3}|[xX][0-9a-fA-F]+|[^])|[^\\\n])'?/,
  string: /"(?:[^"\\\n]|\\[^])*"/,
  ident: /[a-zA-Z_.][a-zA-Z0-9_.$]*/,
  oror: '||',
  andand: '&&',
  shl: '<<',
  shr: '>>',
  le: '<=',
  ge: '>=',
  ne: ['!=', '<>'],
  eqeq: '==',
  lt: '<',
  gt: '>',
  assign: '=',
  lparen: '(',
  rparen: ')',
  comma: ',',
  colon: ':',
  dollar: '$',
  star: '*',
  plus: '+',
  minus: '-',
  slash: '/',
  percent: '%',
  amp: '&',
  pipe: '|',
  caret: '^',
  tilde: '~',
  bang: '!',
  at: '@',
  // Anything else becomes one 'junk' character, so lexing never throws and the parser can say where.
  junk: { match: /[^]/, lineBreaks: true },
};
/** Compiled on first use: most statements never reach moo (see tokenize), and start-up pays for it. */
let lexer: moo.Lexer | undefined;

/** A token as the parser and the rest of the front end see it. `i` is its index in the statement. */
export interface Tok {
  type: string;
  readonly value: string;
  /** Offset (0-based) in the statement text. */
  readonly offset: number;
  i: number;
  /** A quoted symbol name (quoted-syms.ts): an `@` in it is part of the name, not a specifier. */
  readonly quoted?: boolean;
}

/** Every token type the lexer can produce (for the grammar coverage test). */
export const TOKEN_TYPES: readonly string[] = [
  'reg', 'num', 'char', 'string', 'ident', 'oror', 'andand', 'shl', 'shr', 'le', 'ge', 'ne', 'eqeq', 'lt', 'gt',
  'assign', 'lparen', 'rparen', 'comma', 'colon', 'dollar', 'star', 'plus', 'minus', 'slash', 'percent', 'amp',
  'pipe', 'caret', 'tilde', 'bang', 'at', 'junk',
  // Retagged by parse.ts (not produced by moo directly): directive names, prefix mnemonics, `[` `]`.
  'dname', 'prefix', 'lbrack', 'rbrack',
];

/** Splits a statement into tokens with the moo lexer, whitespace dropped (the reference lexer). */
export function tokenizeMoo(text: string): Tok[] {
  const out: Tok[] = [];
  lexer ??= moo.compile(RULES);
  lexer.reset(text);
  // Copied into the fast scanner's token shape: moo's objects (text, line, col, ...) reaching the
  // parser's functions after V8 has optimized them for that one shape would throw them back to the
  // interpreter ("wrong map"), all at once, at the first statement with a quote.
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    if (t.type === 'ws') continue;
    out.push({ type: t.type!, value: t.value, offset: t.offset, i: out.length });
  }
  return out;
}

// Character classes for the fast scanner (ASCII only; anything else is one 'junk' token, as in moo).
const C_WS = 1, C_ID0 = 2, C_ID = 4, C_DIG = 8, C_HEX = 16;
/** charCodeAt, 0 past the end: optimized code deoptimizes on its first out-of-bounds read, then is compiled again. */
const at = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : 0);

const cls = new Uint8Array(128);
for (const c of ' \t\r\f\v') cls[c.charCodeAt(0)] |= C_WS;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-zA-Z_.]/.test(ch)) cls[c] |= C_ID0 | C_ID;
  if (/[0-9$]/.test(ch)) cls[c] |= C_ID;
  if (/[0-9]/.test(ch)) cls[c] |= C_DIG;
  if (/[0-9a-fA-F]/.test(ch)) cls[c] |= C_HEX;
}
const isC = (text: string, i: number, k: number): boolean => {
  const c = at(text, i);
  return c < 128 && (cls[c] & k) !== 0;
};

/** The end of a C integer suffix (u/U/l/L run) at i, if one ends the number there; else i. */
function intSuffix(text: string, i: number): number {
  let j = i;
  for (let c = at(text, j) | 0x20; c === 117 || c === 108; c = at(text, j) | 0x20) j++;
  return j > i && !(j < text.length && isC(text, j, C_ID)) ? j : i;
}

/** Punctuation, longest spelling first, with moo's type names. */
const PUNCT2: Record<string, string> = { '||': 'oror', '&&': 'andand', '<<': 'shl', '>>': 'shr', '<=': 'le', '>=': 'ge', '!=': 'ne', '<>': 'ne', '==': 'eqeq' };
const PUNCT1: Record<string, string> = {
  '<': 'lt', '>': 'gt', '=': 'assign', '(': 'lparen', ')': 'rparen', ',': 'comma', ':': 'colon', '$': 'dollar', '*': 'star',
  '+': 'plus', '-': 'minus', '/': 'slash', '%': 'percent', '&': 'amp', '|': 'pipe', '^': 'caret', '~': 'tilde', '!': 'bang', '@': 'at',
};
/** By character code (ASCII): a one-character token's type, and the character as a string. */
const PUNCT1_BY_CODE: string[] = [];
const CHAR: string[] = [];
for (let c = 0; c < 128; c++) {
  CHAR.push(String.fromCharCode(c));
  PUNCT1_BY_CODE.push(PUNCT1[CHAR[c]] ?? 'junk');
}

/** The end of a run of characters of class k from i (i < text.length on entry or not). */
function runOf(text: string, i: number, k: number): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (cls[c] & k) === 0) break;
  }
  return i;
}

/** The end of moo's `string` token starting at the quote at i, or 0 if none does (unterminated). */
function stringEnd(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const d = text.charCodeAt(j);
    if (d === 34) return j + 1;
    if (d === 10) return 0;
    if (d === 92 /* \\ */ && ++j >= n) return 0;
  }
  return 0;
}

/** The end of moo's `char` token starting at the quote at i (`'c`, `'\n`, `'\101`, `'\x41`, each
 *  with an optional closing quote), or 0 if none does. */
function charEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  if (j >= n) return 0;
  const d = text.charCodeAt(j);
  if (d === 10) return 0;
  if (d === 92) {
    j++;
    if (j >= n) return 0;
    const e = text.charCodeAt(j);
    if (e >= 48 && e <= 55) {
      const stop = Math.min(j + 3, n);
      while (j < stop && at(text, j) >= 48 && at(text, j) <= 55) j++;
    } else if ((e | 0x20) === 120 && isC(text, j + 1, C_HEX)) j = runOf(text, j + 1, C_HEX);
    else j++;
  } else j++;
  return at(text, j) === 39 ? j + 1 : j;
}

/**
 * Splits a statement into tokens, whitespace dropped. A hand-written scanner that yields exactly
 * the moo lexer's tokens (test/asm/lexer.test.ts checks the two agree), strings and character
 * constants included: moo itself, run only for the odd quoted statement of a large file, stayed in
 * the interpreter, its first run compiling its one big pattern. Lexing is most of the per-line cost
 * of a large file, hence the fast path.
 */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    let type: string;
    if (c < 128 && cls[c] & C_WS) {
      i = runOf(text, i + 1, C_WS);
      continue;
    }
    if (c === 37 /* % */ && i + 1 < n && isC(text, i + 1, C_ID0) && text.charCodeAt(i + 1) !== 46) {
      // A register name: identifier characters but `.` and `$`.
      for (i += 2; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 128 || (cls[d] & C_ID) === 0 || d === 46 || d === 36) break;
      }
      type = 'reg';
      // The x87 register %st(i) is one register name to GNU, parentheses included.
      if (i - start === 3 && (text.charCodeAt(start + 1) | 0x20) === 115 && (text.charCodeAt(start + 2) | 0x20) === 116) {
        const m = /^[ \t]*\([ \t]*[0-9]+[ \t]*\)/.exec(text.slice(i, i + 16));
        if (m) i += m[0].length;
      }
    } else if (c >= 48 && c <= 57) {
      type = 'num';
      const c1 = at(text, i + 1) | 0x20;
      if (c === 48 && c1 === 120 && isC(text, i + 2, C_HEX)) {
        i = intSuffix(text, runOf(text, i + 2, C_HEX));
      } else if (c === 48 && c1 === 98 && (at(text, i + 2) === 48 || at(text, i + 2) === 49)) {
        i += 2;
        while (i < n && (text.charCodeAt(i) === 48 || text.charCodeAt(i) === 49)) i++;
        i = intSuffix(text, i);
      } else {
        i = runOf(text, i, C_DIG);
        const s = at(text, i) | 0x20;
        if ((s === 98 || s === 102) && !(i + 1 < n && isC(text, i + 1, C_ID))) i++;
        else i = intSuffix(text, i);
      }
    } else if (c < 128 && cls[c] & C_ID0) {
      i = runOf(text, i + 1, C_ID);
      type = 'ident';
    } else {
      // A string or character constant (moo's rules above); unterminated, the quote is junk.
      const q = c === 34 ? stringEnd(text, i) : c === 39 ? charEnd(text, i) : 0;
      if (q > 0) {
        out.push({ type: c === 34 ? 'string' : 'char', value: text.slice(start, q), offset: start, i: out.length });
        i = q;
        continue;
      }
      // Two-character operators start with one of | & < > ! = ; test those before slicing.
      const c2 = at(text, i + 1);
      const two = (c === 124 && c2 === 124) || (c === 38 && c2 === 38) ||
        ((c === 60 || c === 62 || c === 33 || c === 61) && (c2 === 61 || c2 === 60 || c2 === 62))
        ? PUNCT2[text.slice(i, i + 2)] : undefined;
      if (two) {
        type = two;
        i += 2;
      } else {
        // One character: from the tables above, so this allocates nothing but the token.
        const ch = c < 128 ? CHAR[c] : text[i];
        type = c < 128 ? PUNCT1_BY_CODE[c] : 'junk';
        i++;
        out.push({ type, value: ch, offset: start, i: out.length });
        continue;
      }
    }
    out.push({ type, value: text.slice(start, i), offset: start, i: out.length });
  }
  return out;
}

/**
 * Type feedback for the scanner's less common paths: strings, character constants, two-character
 * operators, number suffixes, %st(i). V8 optimizes tokenize() after a few hundred statements of a
 * large file; a path none of them took (the first string, after thousands of instructions) then
 * throws the optimized code away, and it is compiled again later. A few runs over one statement
 * with every kind of token, when the module loads (V8 collects no feedback in a function's first
 * calls), take that path before. Measured with bench/jit-cost.mjs: tokenize compiled once, not twice.
 */
const EVERY_TOKEN = `x: .a "s\\"" 'c' '\\n 0x1fUL 0b1 1f 12 %st(1) %eax || <= != <> $ ~ [ ] \u00e9`;
for (let k = 0; k < 8; k++) tokenize(EVERY_TOKEN);
