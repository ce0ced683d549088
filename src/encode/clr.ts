// `clr REG` (also clrb/clrw/clrl/clrq): GNU's old spelling of `xor REG,REG` (GNU 2.40, measured:
// `clr %r9` is 4d 31 c9). A register operand only, which goes in both ModRM fields.

import { EncodeError } from './errors.js';
import type { AsmInsn } from './types.js';

/** The xor mnemonic a `clr` spelling stands for (clrl -> xorl), or undefined. */
export function clrXorMnemonic(mnemonic: string): string | undefined {
  // (Asked for every instruction: most do not start with `cl`, and skip the regex.)
  if ((mnemonic.charCodeAt(0) | 0x20) !== 99 || (mnemonic.charCodeAt(1) | 0x20) !== 108) return undefined;
  const m = /^clr([bwlq]?)$/i.exec(mnemonic);
  return m ? `xor${m[1].toLowerCase()}` : undefined;
}

/** The xor that `clr` stands for, or undefined when the instruction is not a `clr`. */
export function clrAsXor(insn: AsmInsn): AsmInsn | undefined {
  const xor = clrXorMnemonic(insn.mnemonic);
  if (!xor) return undefined;
  const ops = insn.operands;
  if (ops.length !== 1) throw new EncodeError('number of operands mismatch for `clr\'');
  if (ops[0].kind !== 'reg') throw new EncodeError('operand size mismatch for `clr\'');
  return { ...insn, mnemonic: xor, operands: [ops[0], ops[0]] };
}
