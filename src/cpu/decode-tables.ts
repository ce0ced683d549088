// The executor's decode tables: the disassembler's (objdump's view), except that objdump folds a WAIT
// (9B) into the x87 instruction after it ("finit") while the CPU simply runs 9B, then the fn* form. Derived from FORMS, so it cannot disagree with the table.

import { FORMS } from '../isa/index.js';
import { buildDecodeTables, type DecodeTables } from '../decode/tables.js';

let tables: DecodeTables | null = null;
export function execDecodeTables(): DecodeTables {
  return tables ??= { ...buildDecodeTables(FORMS), foldWait: false };
}
