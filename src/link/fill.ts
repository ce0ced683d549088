// The padding ld writes between input sections of a code output section (BFD's x86 code fill,
// measured with ld 2.40 for every gap length): x86-64 repeats the 10-byte NOP and ends with the
// shorter NOP for the remainder; i386 repeats `66 90` and ends with a one-byte `90` when odd.
// Data sections are padded with zeros.

import { NOPS64 } from '../asm/nops.js';

// The same patterns as GNU as's (asm/nops.ts), by length - 1.

export function codeFill(b: Uint8Array, off: number, count: number, mode: 32 | 64): void {
  if (mode === 64) {
    for (; count >= 10; count -= 10, off += 10) b.set(NOPS64[9], off);
    if (count) b.set(NOPS64[count - 1], off);
    return;
  }
  for (; count >= 2; count -= 2, off += 2) { b[off] = 0x66; b[off + 1] = 0x90; }
  if (count) b[off] = 0x90;
}
