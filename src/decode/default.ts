// The decode tables built once from the ISA table (src/isa/index.ts), on first use.

import { FORMS } from '../isa/index.js';
import type { Form } from '../isa/types.js';
import { buildDecodeTables, type DecodeTables } from './tables.js';

let tables: DecodeTables | undefined;
let source: readonly Form[] = FORMS;

/** The tables for the project's ISA table. */
export function defaultTables(): DecodeTables {
  if (!tables) tables = buildDecodeTables(source);
  return tables;
}

/** Replace the form list the default tables are built from (tests with hand-made forms). */
export function setDefaultForms(forms: readonly Form[]): void {
  source = forms;
  tables = undefined;
}
