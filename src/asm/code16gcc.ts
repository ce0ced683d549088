// `.code16gcc`: 16-bit code as gcc -m16 writes it, whose stack operations stay 32-bit (GNU's
// stackop_size). Measured on GNU as 2.40 against `.code16`: an unsuffixed push, pop, pushf, popf,
// pusha, popa, enter, leave, ret, lret, call or lcall without a general register operand takes the
// `l` suffix (66h, and a rel32 for a direct call); jmp, ljmp and iret stay 16-bit (iret with a
// warning), and pushing or popping a segment register says that it is now 32-bit.

import type { AsmOperand } from '../encode/types.js';

const STACK_OPS: ReadonlySet<string> = new Set(['push', 'pop', 'pushf', 'popf', 'pusha', 'popa', 'enter', 'leave', 'ret', 'lret', 'call', 'lcall']);

/** The mnemonic GNU assembles in .code16gcc, and its warning if any. */
export function code16gccMnemonic(mnemonic: string, operands: readonly AsmOperand[]): { mnemonic: string; warning?: string } {
  if (mnemonic === 'iret') return { mnemonic, warning: "generating 16-bit `iret' for .code16gcc directive" };
  if (!STACK_OPS.has(mnemonic)) return { mnemonic };
  if (operands.some((o) => o.kind === 'reg' && o.reg.cls === 'gpr')) return { mnemonic };
  const seg = (mnemonic === 'push' || mnemonic === 'pop') && operands.some((o) => o.kind === 'reg' && o.reg.cls === 'seg');
  return { mnemonic: `${mnemonic}l`, ...(seg ? { warning: `generating 32-bit \`${mnemonic}', unlike earlier gas versions` } : {}) };
}
