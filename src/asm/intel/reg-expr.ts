// Intel syntax: a symbol equated to an expression with a register in it (`.equ r, edx + 4`) stands
// for that expression in later instruction operands (`mov eax, [r]` is [edx+4]), as GNU's
// expression symbols do. The symbol itself keeps the expression's value with the register read as
// 0 (GNU 2.40 writes `r` as an absolute 4). A later `.equ r, ...` of a plain value ends it.

import { lookupReg } from '../../isa/registers.js';
import { tokenize } from '../lexer.js';

const EQU = /^(\s*\.(?:equ|set|eqv|equiv)\s+([A-Za-z_.$][\w.$]*)\s*,\s*)(.+?)\s*$/i;

/** Names an expression-with-register equate stands for: name -> expression text. */
export type RegExprs = Map<string, string>;

/**
 * For `.equ NAME, EXPR`: records or forgets NAME, and returns the statement to assemble (EXPR with
 * its registers as 0), or undefined to assemble it as written.
 */
export function regExprEquate(text: string, map: RegExprs): string | undefined {
  const m = EQU.exec(text);
  if (!m) return undefined;
  const toks = tokenize(m[3]);
  const regs = toks.filter((t) => t.type === 'ident' && lookupReg(t.value) !== undefined);
  // A lone register is a register symbol (regvalues.ts), not an expression.
  if (regs.length === 0 || toks.length === 1) {
    map.delete(m[2]);
    return undefined;
  }
  map.set(m[2], m[3]);
  let out = '';
  let at = 0;
  for (const t of regs) {
    out += m[3].slice(at, t.offset) + '0';
    at = t.offset + t.value.length;
  }
  return m[1] + out + m[3].slice(at);
}

/** Token types that would make such a name part of a larger expression (GNU: invalid use of register). */
const OPERATOR = new Set(['plus', 'minus', 'star', 'slash', 'percent', 'shl', 'shr', 'pipe', 'amp', 'caret', 'tilde']);

/**
 * The instruction with every name of the map spelled as its expression, in parentheses; undefined
 * when such a name is combined with anything else (`[r + 8]`), which GNU refuses.
 */
export function substituteRegExprs(text: string, map: RegExprs): string | undefined {
  if (map.size === 0) return text;
  const toks = tokenize(text);
  let out = '';
  let at = 0;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    // (Not the mnemonic, nor a label being defined.)
    if (t.type !== 'ident' || toks[k + 1]?.type === 'colon') continue;
    const e = map.get(t.value);
    if (e === undefined) continue;
    if (OPERATOR.has(toks[k - 1].type) || OPERATOR.has(toks[k + 1]?.type ?? '')) return undefined;
    out += text.slice(at, t.offset) + '(' + e + ')';
    at = t.offset + t.value.length;
  }
  return at === 0 ? text : out + text.slice(at);
}
