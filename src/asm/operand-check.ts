// -moperand-check=error|warning|none and `.operand_check`: what GNU as does where an AT&T
// instruction has no suffix and no register operand to size it (measured on GNU as 2.40: error
// "... can't size `adc'", the default warning "... using default for `adc'", or silence).

import { AsmError } from './errors.js';
import type { Assembly } from './state.js';

export type OperandCheck = 'error' | 'warning' | 'none';

const NO_SUFFIX = 'no instruction mnemonic suffix given and no register operands; using default for ';

/**
 * Gives an encoder warning as the operand check in force says: warned, refused, or dropped.
 * Returns whether it was the check's (the line then depends on `.operand_check`: not to be replayed).
 */
export function operandWarning(asm: Assembly, warning: string): boolean {
  const check = asm.operandCheck ?? asm.gas.operandCheck ?? 'warning';
  const ours = warning.startsWith(NO_SUFFIX);
  if (check === 'warning' || !ours) asm.warn(warning);
  else if (check === 'error') throw new AsmError(asm.loc, `no instruction mnemonic suffix given and no register operands; can't size ${warning.slice(NO_SUFFIX.length)}`);
  return ours;
}

/** `.operand_check error|warning|none`, with GNU's messages for a bad or missing argument. */
export function operandCheckDirective(asm: Assembly, rest: string): void {
  const arg = rest.trim();
  if (arg === '') throw new AsmError(asm.loc, 'missing argument for operand_check directive');
  if (arg !== 'error' && arg !== 'warning' && arg !== 'none') throw new AsmError(asm.loc, 'bad argument to operand_check directive.');
  asm.operandCheck = arg;
}
