// The decode tables built once from the ISA table (src/isa/index.ts), on first use.

import { allForms } from '../isa/rows.js';
import type { Form } from '../isa/types.js';
import { buildDecodeTables, type DecodeTables } from './tables.js';

let tables: DecodeTables | undefined;
// The ISA table's rows are made on first use too (isa/rows.ts): `as` loads the decoder but rarely runs it.
let source: readonly Form[] | undefined;

/** The tables for the project's ISA table. */
export function defaultTables(): DecodeTables {
  if (!tables) tables = buildDecodeTables(source ?? allForms());
  return tables;
}

/** Replace the form list the default tables are built from (tests with hand-made forms). */
export function setDefaultForms(forms: readonly Form[]): void {
  source = forms;
  tables = undefined;
}
