// The ISA table's rows as the rest of the code reaches them: all of them in table order (index =
// form id used for dispatch), or the few one spelling or one form id names, each made on first use.
// The CLI bundle replaces this module with one that parses a row from JSON only when it is first
// asked for (scripts/bundle-isa-table.mjs, checked there against this one): `x86lab as` on a short
// file then reads a handful of the ~1,500 rows, not all of them. Here the rows come from the
// builders (table.ts).

import { TABLE } from './table.js';
import type { Form } from './types.js';

let forms: readonly Form[] | undefined;
let bySpelling: ReadonlyMap<string, readonly Form[]> | undefined;
let byId: ReadonlyMap<string, Form> | undefined;

/** How many rows the table has (without making them). */
export function formCount(): number {
  return TABLE.length;
}

/** Every row, in table order. */
export function allForms(): readonly Form[] {
  return (forms ??= TABLE.map((f, index) => ({ ...f, index })));
}

/**
 * The rows the encoder tries for a spelling, a mnemonic or an alias, in table order (decode-only
 * rows are not among them); the encoder also tries the spelling minus a b/w/l/q suffix.
 */
export function formsSpelled(spelling: string): readonly Form[] | undefined {
  if (!bySpelling) {
    const m = new Map<string, Form[]>();
    const add = (k: string, f: Form) => {
      const l = m.get(k);
      if (l) l.push(f);
      else m.set(k, [f]);
    };
    for (const f of allForms()) {
      if (f.decodeOnly) continue;
      add(f.mnem, f);
      for (const a of f.aliases ?? []) add(a, f);
    }
    bySpelling = m;
  }
  return bySpelling.get(spelling);
}

/** The row with form id `id`. */
export function formWithId(id: string): Form | undefined {
  if (!byId) {
    const m = new Map<string, Form>();
    for (const f of allForms()) {
      if (m.has(f.id)) throw new Error(`ISA table: duplicate form id '${f.id}'`);
      m.set(f.id, f);
    }
    byId = m;
  }
  return byId.get(id);
}
