// The tree of a long directive list of plain items (`.byte 1,2,3,...`, `.quad a,b,c`,
// `.ascii "x","y"`), built directly from the tokens. nearley would give the same tree
// (test/asm/flatlist.test.ts compares the two) but an Earley parse costs microseconds per token
// and each new list length is a new shape for parse.ts's memo, so a 100,000-item table would
// spend seconds in the parser and leave a 200,000-node memo path behind.

import type { DirArg, Expr, Stmt } from './ast.js';
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

/**
 * A long directive list of any items (`.byte x+1, x+2, ...`, `.quad a-b, ...`): each item parsed on
 * its own as `dname item` (through parse.ts's memo, so an item shape seen before costs a lookup)
 * and the trees joined with the token indices of the whole statement. The grammar's list is
 * `darg (, darg?)*` and no item holds a comma outside parentheses, so the items parse alone as
 * they do in the list; nearley over the whole list keeps every partial parse of every column,
 * which made a 200,000-item list take seconds and hundreds of megabytes.
 * Undefined (parse the whole statement) for a first or last item left empty, or an item that
 * does not parse alone, so that errors are reported from the whole statement as before.
 */
export function splitDirectiveList(toks: readonly Tok[], parseItem: (sub: Tok[]) => Stmt | number): Stmt | undefined {
  const n = toks.length;
  // Labels first (`tbl: .quad a+8, ...`), as the grammar's `label:*`.
  const labels: number[] = [];
  let h = 0;
  while (h + 1 < n && (toks[h].type === 'ident' || toks[h].type === 'num') && toks[h + 1].type === 'colon') {
    labels.push(h);
    h += 2;
  }
  if (h + 1 >= n || toks[h].type !== 'dname') return undefined;
  const head = toks[h];
  const args: DirArg[] = [];
  let start = h + 1;
  const first = start;
  let depth = 0;
  for (let i = first; i <= n; i++) {
    const type = i < n ? toks[i].type : 'comma';
    if (type === 'lparen' || type === 'lbrack') depth++;
    else if (type === 'rparen' || type === 'rbrack') depth--;
    if (type !== 'comma' || depth > 0) continue;
    if (i === start) {
      // `.byte 1,,2`: an empty item after a comma (not first, and not after the last comma).
      if (start === first || i === n) return undefined;
      args.push({ k: 'empty' });
    } else {
      const sub: Tok[] = [{ type: head.type, value: head.value, offset: head.offset, i: 0 }];
      for (let j = start; j < i; j++) sub.push({ type: toks[j].type, value: toks[j].value, offset: toks[j].offset, i: j - start + 1 });
      const r = parseItem(sub);
      if (typeof r === 'number' || r.labels.length || r.body?.k !== 'dir' || r.body.args.length !== 1) return undefined;
      args.push(shifted(r.body.args[0], start - 1));
    }
    start = i + 1;
  }
  return { labels, body: { k: 'dir', name: h, args } };
}

/**
 * A copy of an item's tree with its token indices moved by `by` (the parse is shared: never
 * changed). Long chains (`a+a+...+a`, 20,000 terms) are left-deep: walked down their left spine
 * and rebuilt upward, without recursion.
 */
function shifted<T extends DirArg>(a: T, by: number): T {
  if (by === 0) return a;
  const spine: (Extract<DirArg, { k: 'un' }> | Extract<DirArg, { k: 'bin' }>)[] = [];
  let x: DirArg = a;
  while (x.k === 'bin' || x.k === 'un') {
    spine.push(x);
    x = x.a;
  }
  let out: DirArg = x.k === 'empty' ? x : { k: x.k, t: x.t + by } as DirArg;
  for (let i = spine.length - 1; i >= 0; i--) {
    const s = spine[i];
    out = s.k === 'un' ? { k: 'un', op: s.op, a: out as Expr } : { k: 'bin', op: s.op, a: out as Expr, b: shifted(s.b, by) };
  }
  return out as T;
}
