// Which registers the CPU and mode in force have, as GNU as 2.40 checks them: the 64-bit-only ones
// outside 64-bit code, the test registers (test-regs.ts), and before the 386 (`.arch i8086|i186|i286`)
// the 32/64-bit general registers, %fs/%gs and the control, debug and test registers. Written as
// `%reg` an unavailable register is GNU's "bad register name"; reached through a symbol equated to
// it (`.set xBX, %ebx`), "register '%ebx' cannot be used here".

import type { RegInfo } from '../isa/registers.js';
import { lookupReg } from '../isa/registers.js';
import { tokenize } from './lexer.js';
import type { Assembly } from './state.js';
import { testRegsAllowed } from './test-regs.js';

export function regAvailable(asm: Assembly, r: RegInfo): boolean {
  if (r.only64 && asm.mode !== 64) return false;
  if (r.cls === 'tr') return testRegsAllowed(asm);
  if (!asm.arch.cur.pre386) return true;
  if (r.cls === 'gpr') return r.size <= 16;
  if (r.cls === 'seg') return r.num < 4;
  return r.cls !== 'cr' && r.cls !== 'dr' && r.cls !== 'ip' && r.cls !== 'iz';
}

/** GNU's message for the first symbol in `text` that stands for a register not available here. */
export function unavailableRegSym(asm: Assembly, text: string): string | undefined {
  for (const t of tokenize(text)) {
    if (t.type !== 'ident') continue;
    const reg = asm.regSyms.get(t.value);
    const r = reg === undefined ? undefined : lookupReg(reg.slice(1));
    if (r && !regAvailable(asm, r)) return `register '${reg}' cannot be used here`;
  }
  return undefined;
}
