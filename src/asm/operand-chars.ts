// GNU's i386 operand scanner takes no `=` (it is not among tc-i386.c's operand characters): an
// instruction operand with `==`, `!=`, `<=`, `>=` or `=` is "invalid character '=' in operand N",
// N counting the operands as written, though `$1 <> 0` and `!0` are fine (measured, GNU as 2.40).

import type { Tok } from './lexer.js';

/**
 * GNU's message for the first `=` in an instruction's operand tokens (after the mnemonic at `mn`).
 * `reversed`: the tokens are an Intel statement turned into AT&T order (GNU counts as written).
 */
export function equalsInOperand(toks: readonly Tok[], mn: number, reversed = false): string | undefined {
  let operand = 1;
  let depth = 0;
  let found: number | undefined;
  for (let i = mn + 1; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'lparen' || t.type === 'lbrack') depth++;
    else if (t.type === 'rparen' || t.type === 'rbrack') depth--;
    else if (t.type === 'comma' && depth === 0) operand++;
    else if (found === undefined && t.type !== 'string' && t.type !== 'char' && t.value.includes('=')) {
      found = operand;
      if (!reversed) break;
    }
  }
  if (found === undefined) return undefined;
  return `invalid character '=' in operand ${reversed ? operand - found + 1 : found}`;
}
