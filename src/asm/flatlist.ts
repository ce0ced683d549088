// The tree of a long directive list of plain items (`.byte 1,2,3,...`, `.quad a,b,c`,
// `.ascii "x","y"`), built directly from the tokens. nearley would give the same tree
// (test/asm/flatlist.test.ts compares the two) but an Earley parse costs microseconds per token
// and each new list length is a new shape for parse.ts's memo, so a 100,000-item table would
// spend seconds in the parser and leave a 200,000-node memo path behind.

import type { DirArg, Stmt } from './ast.js';
import type { Tok } from './lexer.js';

/** Below this many tokens a statement goes through the memo and nearley as usual. */
export const FLAT_LIST_MIN_TOKENS = 64;

/**
 * `dname item (, item)*` with each item a number, character constant, symbol or string, or a
 * negated number: the statement's tree; anything else (labels, expressions, empty items): undefined.
 */
export function flatDirectiveList(toks: readonly Tok[]): Stmt | undefined {
  const n = toks.length;
  if (n < 2 || toks[0].type !== 'dname') return undefined;
  const args: DirArg[] = [];
  let i = 1;
  for (;;) {
    let t = toks[i];
    if (t === undefined) return undefined;
    let neg = false;
    if (t.type === 'minus') {
      neg = true;
      t = toks[++i];
      if (t === undefined || (t.type !== 'num' && t.type !== 'char')) return undefined;
    }
    switch (t.type) {
      case 'num':
      case 'char':
        args.push(neg ? { k: 'un', op: '-', a: { k: 'num', t: i } } : { k: 'num', t: i });
        break;
      case 'ident':
        args.push({ k: 'sym', t: i });
        break;
      case 'string':
        args.push({ k: 'str', t: i });
        break;
      default:
        return undefined;
    }
    i++;
    if (i === n) return { labels: [], body: { k: 'dir', name: 0, args } };
    if (toks[i].type !== 'comma') return undefined;
    i++;
  }
}
