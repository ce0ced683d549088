// GNU's Intel-syntax wording of messages the shared encoder words for AT&T.

import { AsmError } from '../errors.js';
import type { Assembly } from '../state.js';

/** GNU's Intel parser says "ambiguous operand size" where the AT&T one warns of a missing suffix. */
export function intelSizeMessage(asm: Assembly, warning: string): void {
  const mn = asm.syntax.unsized;
  if (mn !== undefined && warning.startsWith('no instruction mnemonic suffix given and no register operands')) {
    throw new AsmError(asm.loc, `ambiguous operand size for \`${mn}'`);
  }
}
