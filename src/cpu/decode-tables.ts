// The executor's decode tables: the disassembler's (objdump's view) plus the rows the table keeps
// encoder-only for the listing's sake but the CPU must still run — the x87 control instructions
// (fninit, fnclex, fldcw, fnstcw, fnstsw, fwait, ...). objdump folds a WAIT (9B) into the x87
// instruction after it ("finit"); the CPU simply runs 9B then the fn* form, so the 9B-prefixed
// spellings stay encoder-only here too. Derived from FORMS, so it cannot disagree with the table.

import { FORMS } from '../isa/index.js';
import type { Form } from '../isa/types.js';
import { buildDecodeTables, type DecodeTables } from '../decode/tables.js';

function runnable(f: Form): boolean {
  return f.encodeOnly === true && f.sem.startsWith('x87:') && !(f.opcode[0] === 0x9b && f.opcode.length > 1) &&
    // The operand-less `fnstsw` spelling encodes the same bytes as `fnstsw %ax`.
    !f.id.endsWith('_ax0');
}

let tables: DecodeTables | null = null;
export function execDecodeTables(): DecodeTables {
  return tables ??= buildDecodeTables(FORMS.map((f) => (runnable(f) ? { ...f, encodeOnly: false } : f)));
}
