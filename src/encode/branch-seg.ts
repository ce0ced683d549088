// `jmp %fs:label`: a segment written on a direct branch target is GNU's segment prefix on the branch
// (GNU 2.40, measured), which emit.ts then keeps as a cs/ds branch hint or skips with a warning.

import { candidatesFor } from './match.js';
import type { AsmInsn } from './types.js';

/** The branch with its target's segment moved to the prefixes, or undefined when there is none. */
export function branchTargetSegment(insn: AsmInsn): AsmInsn | undefined {
  const op = insn.operands[0];
  if (insn.operands.length !== 1 || op.kind !== 'mem' || !op.seg || !op.bare || op.indirect || op.base || op.index) return undefined;
  if (!candidatesFor(insn.mnemonic.toLowerCase()).some((c) => c.form.operands.some((d) => d.kind === 'rel'))) return undefined;
  // (%es/%ss exist as operand segments in 64-bit code but not as prefix names; non-hint segments
  // are all skipped alike, so fs stands in for them there.)
  const seg = op.seg.name === 'es' || op.seg.name === 'ss' ? 'fs' : op.seg.name;
  return { ...insn, prefixes: [...insn.prefixes, seg], operands: [{ ...op, seg: undefined }] };
}
