// The ISA table as the assembler looks it up: the rows of one mnemonic, one form id, a form's
// operand sizes. It leaves the full list (index.ts FORMS) unmade, so that assembling a short file
// makes only the rows it names (rows.ts); index.ts re-exports all of it.

import { formsSpelled, formWithId } from './rows.js';

export { formCount } from './rows.js';
import type { Form, FormDef, Mode } from './types.js';

/**
 * Encoder index: spelling -> forms in table order. Each form is listed under its mnemonic and its aliases;
 * the encoder also tries the spelling minus a b/w/l/q suffix against forms whose suffix rule is 'size'.
 */
export const BY_MNEMONIC: Pick<ReadonlyMap<string, readonly Form[]>, 'get' | 'has'> = {
  get: (spelling) => formsSpelled(spelling),
  has: (spelling) => formsSpelled(spelling) !== undefined,
};

export function formById(id: string): Form {
  const f = formWithId(id);
  if (!f) throw new Error(`ISA table: no form '${id}'`);
  return f;
}

const S8 = Object.freeze([8]), S16 = Object.freeze([16]), S32 = Object.freeze([32]), S64 = Object.freeze([64]);
const SV64 = Object.freeze([16, 32, 64]), SV32 = Object.freeze([16, 32]), SD64 = Object.freeze([16, 64]), SNONE = Object.freeze([]);

/** Operand sizes a form can take in a mode (empty: the form has no operand size). Shared frozen arrays. */
export function formSizes(f: FormDef, mode: Mode): readonly number[] {
  switch (f.osz) {
    case 'b': return S8;
    case 'v': return mode === 64 ? SV64 : SV32;
    case 'd64': case 'f64': return mode === 64 ? SD64 : SV32;
    case 'w': return S16;
    case 'd': return S32;
    case 'q': return S64;
    case 'none': return SNONE;
  }
}
