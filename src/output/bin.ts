// `-f bin`: the raw bytes of .text, as `objcopy -O binary -j .text` gives from GNU as's object
// (fields left to the linker hold what GNU leaves there: zeros on x86-64, the addend on i386).

import type { AssembleResult } from '../asm/result.js';

export function toBin(r: AssembleResult, section = '.text'): Uint8Array {
  const s = r.sections.find((x) => x.name === section);
  return s ? s.bytes : new Uint8Array(0);
}
