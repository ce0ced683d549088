// GNU as's operand rules for the 0F 18-1F hint-space instructions (src/isa/forms/hint-space.ts):
// MPX address forms and prefetchit0/1's RIP-relative operand. Messages as GNU as 2.40 prints them.

import type { Form, Mode } from '../isa/types.js';
import type { AddrEnc, MemOperand } from './modrm.js';
import type { PrefixState } from './prefixes.js';
import { EncodeError } from './errors.js';

/**
 * MPX has no 16-bit addressing (#UD) and ignores 67h in 64-bit mode (SDM Vol. 2A BNDMK and the
 * others); bndmk/bndldx/bndstx take no RIP-relative address. In .code16 a bare displacement takes a
 * 32-bit address (67h). bndldx/bndstx use the index register as the pointer value, unscaled.
 */
export function checkHintSpace(f: Form, mem: MemOperand | undefined, addr: AddrEnc | undefined, pfx: PrefixState, mode: Mode, name: string, warnings: string[], text: () => string): void {
  if (f.sem.startsWith('mpx:')) {
    if (pfx.data16) throw new EncodeError(`data size prefix invalid with \`${name}'`);
    if (!addr || !mem) return;
    if (addr.asize === 16) throw new EncodeError("16-bit address isn't allowed in MPX instructions");
    if (mode === 64 && addr.asize === 32) throw new EncodeError("32-bit address isn't allowed in 64-bit MPX instructions.");
    if (addr.ripRel && (f.sem === 'mpx:bndmk' || f.sem === 'mpx:bndldx' || f.sem === 'mpx:bndstx')) throw new EncodeError(`\`${text()}' cannot be used here`);
    if ((f.sem === 'mpx:bndldx' || f.sem === 'mpx:bndstx') && mem.index && mem.scale !== 1) warnings.push('register scaling is being ignored here');
  } else if ((f.id === 'prefetchit0' || f.id === 'prefetchit1') && !addr?.ripRel) {
    warnings.push(`'${f.mnem}' only supports RIP-relative address`);
  }
}

/** The address size of a bare displacement in an MPX operand: 32 in .code16 (GNU adds 67h). */
export function hintAbsSize(f: Form, mode: Mode): 32 | undefined {
  return mode === 16 && f.sem.startsWith('mpx:') ? 32 : undefined;
}

/**
 * Intel syntax: GNU checks the `X ptr` size of bndmov's memory operand only (bndcl and the others
 * take any): xmmword (or oword) in every mode, measured, though 32-bit code moves 64 bits.
 */
export function hintPtrSizeError(mnemonic: string, size: string | undefined): string | undefined {
  if (mnemonic !== 'bndmov' || size === undefined) return undefined;
  return size === 'xmmword' || size === 'oword' ? undefined : "operand size mismatch for `bndmov'";
}
