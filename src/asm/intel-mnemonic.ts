// `-mmnemonic=intel` and `.intel_mnemonic` in AT&T syntax: GNU drops the SysV x87 quirk, so with
// st(i) as the destination `fsub`/`fsubr` and `fdiv`/`fdivr` mean what Intel's manual says
// (measured on GNU as 2.40: `fsub %st,%st(3)` is dc eb instead of dc e3, `fsubp` de e9 instead of
// de e1; `fsub %st(3),%st` and memory forms are the same either way). `.att_mnemonic` goes back.

import type { AsmOperand } from '../encode/types.js';

const SWAP: Readonly<Record<string, string>> = {
  fsub: 'fsubr', fsubr: 'fsub', fdiv: 'fdivr', fdivr: 'fdiv',
  fsubp: 'fsubrp', fsubrp: 'fsubp', fdivp: 'fdivrp', fdivrp: 'fdivp',
};

const isSt0 = (o: AsmOperand): boolean => o.kind === 'reg' && o.reg.cls === 'st' && o.reg.num === 0;

/** The AT&T (SysV) mnemonic that encodes what the Intel-mnemonic one means. */
export function intelMnemonic(mnemonic: string, operands: readonly AsmOperand[]): string {
  const to = SWAP[mnemonic];
  if (!to || operands.some((o) => o.kind !== 'reg')) return mnemonic;
  if (mnemonic.endsWith('p')) return to;
  // Two registers: only with st(i), not st, as the destination (AT&T's last operand).
  return operands.length === 2 && !isSt0(operands[1]) ? to : mnemonic;
}
