// GNU's checks of the `{disp16}`/`{disp32}` pseudo-prefixes (measured on GNU as 2.40):
//   - on a memory operand the size must be the address size: `{disp16} movb (%ebp),%al` and
//     `{disp32} movb (%bp),%al` are "invalid `{dispN}' prefix"; a bare address takes the mode's
//     (or addr16/addr32's) size, and 64-bit addressing takes neither 16 nor (for a disp16) 32;
//   - on a relative branch (jmp, call, jcc, loop, ...) it must fit the code: 16-bit code refuses
//     `{disp32}`, 32/64-bit code `{disp16}` (whatever data16/data32 prefix is written);
//   - an instruction with neither ignores it (`{disp16} nop`).

import type { AsmInsn } from '../encode/types.js';
import type { FormDef } from '../isa/types.js';

export function pseudoDispError(mode: 16 | 32 | 64, insn: AsmInsn, form: FormDef | undefined): string | undefined {
  const p = insn.pseudo;
  if (!p) return undefined;
  const want = p.includes('disp16') ? 16 : p.includes('disp32') ? 32 : undefined;
  if (want === undefined) return undefined;
  const bad = `invalid \`{disp${want}}' prefix`;
  const mem = insn.operands.find((o) => o.kind === 'mem');
  if (form?.operands.some((o) => o.kind === 'rel')) return (mode === 16) !== (want === 16) ? bad : undefined;
  if (!mem || mem.kind !== 'mem') return undefined;
  const reg = mem.base ?? mem.index;
  const size = reg ? reg.size
    : insn.prefixes.includes('addr16') ? 16 : insn.prefixes.includes('addr32') ? 32 : mode;
  // In 64-bit addressing a displacement is 32 bits, but only `{disp32}` names it.
  return (size === 16) !== (want === 16) ? bad : undefined;
}
