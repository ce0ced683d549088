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
const SETS = { 32: set(LFENCE_AFTER[32]), 64: set(LFENCE_AFTER[64]) } as const;

/** Does GNU follow this instruction with an lfence under -mlfence-after-load=yes? */
export function lfenceAfterLoad(mode: number, mnemonic: string, operands: readonly AsmOperand[]): boolean {
  const kinds = operands.map((o) => (o.kind === 'imm' ? 'i' : o.kind === 'reg' ? 'r' : 'm'));
  return SETS[mode === 64 ? 64 : 32].has(operandShape(mnemonic, kinds));
}
