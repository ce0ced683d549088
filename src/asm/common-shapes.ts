// Parse trees of the statement shapes common in compiler output, made at build time from
// grammar/common-statements.s (scripts/build-shapes.mjs). parse.ts runs nearley once per new
// shape; early in a large file that is a hundred runs while nearley's code is still cold
// (interpreted, not yet optimized), about a millisecond each, and it also makes V8 compile
// nearley's functions for nothing else. A shape found here is read from its JSON instead.
// The trees are what the grammar gives for that shape (test/asm/common-shapes.test.ts).

import type { Stmt } from './ast.js';
import type { Tok } from './lexer.js';
import { SHAPE_TABLE } from './common-shapes.generated.js';

/** Shape -> JSON tree, made from the table at the first lookup. */
let table: Map<string, string> | undefined;

function readTable(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const row of text.split('\n')) {
    const tab = row.indexOf('\t');
    if (tab > 0) m.set(row.slice(0, tab), row.slice(tab + 1));
  }
  return m;
}

/** The shape key of a token array: its types, space-separated. */
export function shapeKey(toks: readonly Tok[]): string {
  let key = '';
  for (let i = 0; i < toks.length; i++) key += i ? ` ${toks[i].type}` : toks[i].type;
  return key;
}

/** The build-time tree for this token-type sequence, if its shape is a common one (a fresh object). */
export function shippedTree(toks: readonly Tok[]): Stmt | undefined {
  table ??= readTable(SHAPE_TABLE);
  const json = table.get(shapeKey(toks));
  return json === undefined ? undefined : (JSON.parse(json) as Stmt);
}
