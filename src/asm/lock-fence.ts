// -momit-lock-prefix=yes (every `lock` prefix dropped) and -mfence-as-lock-add=yes (mfence,
// lfence and sfence written as `lock addl $0x0,(%esp)`/`(%rsp)`), as GNU as 2.40 does them.
// Messages and bytes measured with `as --32/--64`.

import { AsmError } from './errors.js';
import type { Assembly } from './state.js';

const FENCES = new Set(['mfence', 'lfence', 'sfence']);

/** `lock addl $0x0,(%esp)` (and `(%rsp)` in 64-bit code: the same bytes). */
const LOCK_ADD = [0xf0, 0x83, 0x04, 0x24, 0x00];

/**
 * Applies both options to an instruction before it is encoded: 'done' when it is written (or
 * dropped) here, else the prefixes to encode it with.
 */
export function lockAndFence(asm: Assembly, mnemonic: string, prefixes: readonly string[], operands: number): 'done' | readonly string[] {
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
