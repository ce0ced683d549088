// The executor's decode tables: the disassembler's (objdump's view) plus the one row the table keeps
// encoder-only for the listing's sake but the CPU must still run: a lone WAIT (9B). objdump folds a
// WAIT into the x87 instruction after it ("finit"); the CPU simply runs 9B then the fn* form, so the
// 9B-prefixed spellings stay encoder-only here too. Derived from FORMS, so it cannot disagree with the table.

import { FORMS } from '../isa/index.js';
import type { Form } from '../isa/types.js';
import { buildDecodeTables, type DecodeTables } from '../decode/tables.js';

function runnable(f: Form): boolean {
  return f.encodeOnly === true && f.sem === 'x87:wait' && f.opcode.length === 1;
}

let tables: DecodeTables | null = null;
export function execDecodeTables(): DecodeTables {
  return tables ??= buildDecodeTables(FORMS.map((f) => (runnable(f) ? { ...f, encodeOnly: false } : f)));
}
