// Options that add, drop or replace prefixes, as GNU as 2.40 does them (measured with `as`):
// -momit-lock-prefix=yes (every `lock` prefix dropped), -mfence-as-lock-add=yes (mfence, lfence
// and sfence written as `lock addl $0x0,(%esp)`/`(%rsp)`) and -madd-bnd-prefix (`bnd` on every
// near call, jmp, jcc and ret, direct or indirect; not on loop/jcxz or far returns).

import { AsmError } from './errors.js';
import type { Assembly } from './state.js';

const FENCES = new Set(['mfence', 'lfence', 'sfence']);
/** Near branches: call, jmp, ret and every jcc (not jcxz/jecxz/jrcxz). */
const BND = /^(?:(?:call|jmp|ret)[wlq]?|j(?!mp|cxz|ecxz|rcxz)[a-z]{1,3})$/;

/** `lock addl $0x0,(%esp)` (and `(%rsp)` in 64-bit code: the same bytes). */
const LOCK_ADD = [0xf0, 0x83, 0x04, 0x24, 0x00];

/**
 * Applies both options to an instruction before it is encoded: 'done' when it is written (or
 * dropped) here, else the prefixes to encode it with.
 */
export function prefixOptions(asm: Assembly, mnemonic: string, given: readonly string[], operands: number): 'done' | readonly string[] {
  let prefixes = given;
  if (asm.gas.addBndPrefix && BND.test(mnemonic)) {
    // A rep/repe (F3) written on the branch gives way to the bnd (F2), with a warning; repne is the F2 already.
    if (given.some((p) => /^rep[ez]?$/i.test(p))) asm.warn("replacing `rep'/`repe' prefix by `bnd'");
    prefixes = [...given.filter((p) => !/^(?:rep(?:e|z|ne|nz)?|bnd)$/i.test(p)), 'bnd'];
  }
  const omit = asm.gas.omitLockPrefix === true;
  if (asm.gas.fenceAsLockAdd && operands === 0 && prefixes.length === 0 && FENCES.has(mnemonic)) {
    if (asm.mode === 16) throw new AsmError(asm.loc, `Cannot convert \`${mnemonic}' in 16-bit mode`);
    if (omit) throw new AsmError(asm.loc, `Cannot convert \`${mnemonic}' with \`-momit-lock-prefix=yes' in effect`);
    asm.emit(LOCK_ADD);
    return 'done';
  }
  if (!omit) return prefixes;
  if (mnemonic === 'lock' && operands === 0 && prefixes.length === 0) return 'done';
  return prefixes.includes('lock') ? prefixes.filter((p) => p !== 'lock') : prefixes;
}
