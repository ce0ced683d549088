// -mlfence-after-load=yes: GNU as 2.40 puts an lfence after each instruction that loads from
// memory (load hardening against speculation). Which ones it does is measured per mnemonic and
// operand shape (lfence-load-data.ts, from scripts/gen-lfence-load.ts).

import type { AsmOperand } from '../encode/types.js';
import { LFENCE_AFTER } from './lfence-load-data.js';

/** `mnemonic:shape`, the shape one letter per operand in AT&T order: i, r or m. */
export function operandShape(mnemonic: string, kinds: readonly ('i' | 'r' | 'm')[]): string {
  return `${mnemonic}:${kinds.join('')}`;
}

const set = (rows: readonly string[]): ReadonlySet<string> => new Set(rows.flatMap((r) => r.split(' ')));
// Built on first use, per mode (a command start-up cost otherwise; the option is rare).
const sets: { 32?: ReadonlySet<string>; 64?: ReadonlySet<string> } = {};

/** Does GNU follow this instruction with an lfence under -mlfence-after-load=yes? */
export function lfenceAfterLoad(mode: number, mnemonic: string, operands: readonly AsmOperand[]): boolean {
  const kinds = operands.map((o) => (o.kind === 'imm' ? 'i' : o.kind === 'reg' ? 'r' : 'm'));
  const m = mode === 64 ? 64 : 32;
  return (sets[m] ??= set(LFENCE_AFTER[m])).has(operandShape(mnemonic, kinds));
}
