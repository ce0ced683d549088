// Conditional jumps for CPUs before the 386 (`.arch i8086|i186|i286`), which have only the short
// form: one that does not reach becomes the inverted condition jumping over a near jmp (GNU as
// 2.40, measured: `73 03 e9 rel16` for `jc far` in .code16). 2.40 does this whether or not the
// `.arch` line says nojumps, and only in 16-bit code (in 32-bit code it warns and uses 0f 8x).

import type { AsmInsn, Encoded } from '../encode/types.js';

/**
 * The long form of a short conditional jump `short` (opcode 70+cc) on a pre-386 CPU, built from
 * the near form of `jmp` to the same target (`jmp` encodes it).
 */
export function jccOverJmp(insn: AsmInsn, short: Encoded, jmp: (i: AsmInsn) => Encoded): Encoded | undefined {
  const op = short.bytes.length === 2 ? short.bytes[0] : -1;
  if (op < 0x70 || op > 0x7f) return undefined;
  const near = jmp({ ...insn, mnemonic: 'jmp' });
  const bytes = new Uint8Array(2 + near.bytes.length);
  bytes[0] = op ^ 1;
  bytes[1] = near.bytes.length;
  bytes.set(near.bytes, 2);
  return { ...near, bytes, fixups: near.fixups.map((f) => ({ ...f, offset: f.offset + 2 })) };
}
