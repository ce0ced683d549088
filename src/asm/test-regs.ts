// The 386/486 test registers %tr0-%tr7 (MOV 0F 24/0F 26): which CPUs GNU as 2.40 takes them for.
// Measured: outside 64-bit code, for i386, i486 and generic32 (-march= or .arch), and with no CPU
// chosen in a 32-bit object, until an `.arch .noEXT` (GNU then copies every enabled extension,
// i586 and i686 among them, into the ISA); never in 64-bit code or in a 64-bit object's .code32.
// Elsewhere `%trN` is GNU's "bad register name".

import type { Assembly } from './state.js';

const TEST_REG_CPUS: ReadonlySet<string> = new Set(['i386', 'i486', 'generic32']);

export function testRegsAllowed(asm: Assembly): boolean {
  if (asm.mode === 64) return false;
  const s = asm.arch.cur;
  if (s.cpu !== undefined) return TEST_REG_CPUS.has(s.cpu);
  return asm.objMode === 32 && !s.removed?.length;
}
