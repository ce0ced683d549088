// The moo lexer for one AT&T statement (comments and ';' are already gone: see lines.ts).
// Every token type is distinct by shape, so the parser's decisions depend on the sequence of
// types alone — which is what lets parse.ts memoise parses by statement shape.

import moo from 'moo';

/** Token types the grammar may name. `ws` is dropped before the parser sees the stream. */
export const lexer = moo.compile({
  ws: /[ \t\r\f\v]+/,
  // %reg; a '%' followed by a non-letter is the modulo operator.
  reg: /%[a-zA-Z_][a-zA-Z0-9_]*/,
  // Numeric local label references `1f` / `1b` (`0b1` is binary, so binary must win when digits follow).
  num: /0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+(?:[bBfF](?![0-9a-zA-Z_.$]))?/,
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
});

/** A token as the parser and the rest of the front end see it. `i` is its index in the statement. */
export interface Tok {
  type: string;
  readonly value: string;
  /** Column (0-based) in the statement text. */
  readonly col: number;
  readonly i: number;
}

/** Every token type the lexer can produce (for the grammar coverage test). */
export const TOKEN_TYPES: readonly string[] = [
  'reg', 'num', 'char', 'string', 'ident', 'oror', 'andand', 'shl', 'shr', 'le', 'ge', 'ne', 'eqeq', 'lt', 'gt',
  'assign', 'lparen', 'rparen', 'comma', 'colon', 'dollar', 'star', 'plus', 'minus', 'slash', 'percent', 'amp',
  'pipe', 'caret', 'tilde', 'bang', 'at', 'junk',
  // Retagged by parse.ts (not produced by moo directly): directive names and prefix mnemonics.
  'dname', 'prefix',
];

/** Splits a statement into tokens, whitespace dropped. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  lexer.reset(text);
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    if (t.type === 'ws') continue;
    out.push({ type: t.type as string, value: t.value, col: t.offset, i: out.length });
  }
  return out;
}
