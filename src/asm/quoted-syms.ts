// GNU's quoted symbol names (`.equ "scale(1)", 1`, `"lab el":`, `mov "foo bar"+4(%ebx),%eax`): a
// "..." token names a symbol as a label, anywhere in an instruction's operands
// and inside a directive's expression (`.long "a b" + 1`). A string a directive takes on its own
// (`.ascii "x"`, `.section "n","a"`, `.set "a b",4` whose handler reads the name) stays a string.
// The name is the string's value with GNU's escapes. (GNU 2.40 takes no quoted name left of `=`.)

import type { Tok } from './lexer.js';
import { parseString } from './expr.js';
import { lookupReg } from '../isa/registers.js';

/** Token types that make a neighbouring string part of an expression. */
const OPERATOR = new Set(['plus', 'minus', 'star', 'slash', 'percent', 'shl', 'shr', 'pipe', 'amp', 'caret', 'bang', 'tilde',
  'lt', 'gt', 'le', 'ge', 'eqeq', 'ne', 'andand', 'oror', 'lparen', 'rparen', 'lbrack', 'rbrack']);

function asSymbol(toks: Tok[], k: number): void {
  toks[k] = { ...toks[k], type: 'ident', value: String.fromCharCode(...parseString(toks[k].value)), quoted: true };
}

/** Retags the statement's quoted symbol names as identifiers, in place. */
export function quotedSymbols(toks: Tok[]): void {
  let i = 0;
  // (Bounds checked rather than read past the end: optimized code deoptimizes at the first such read.)
  for (;;) {
    if (i + 1 >= toks.length) break;
    const t = toks[i];
    if (toks[i + 1].type !== 'colon') break;
    if (t.type === 'string') asSymbol(toks, i);
    else if (t.type !== 'ident' && t.type !== 'num') break;
    i += 2;
  }
  if (i >= toks.length) return;
  if (toks[i].type !== 'ident') return;
  const directive = toks[i].value.charCodeAt(0) === 46 /* . */ && (i + 1 === toks.length || toks[i + 1].type !== 'assign');
  for (let j = i + 1; j < toks.length; j++) {
    // GNU 2.40 still reads a quoted `"%eax"` in an instruction as the register (and refuses it there).
    if (toks[j].type !== 'string' || (!directive && /^"%[a-z0-9]+"$/i.test(toks[j].value) && lookupReg(toks[j].value.slice(2, -1)))) continue;
    if (!directive || OPERATOR.has(toks[j - 1].type) || (j + 1 < toks.length && OPERATOR.has(toks[j + 1].type))) asSymbol(toks, j);
  }
}
