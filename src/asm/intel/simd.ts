// Intel syntax: whether a memory operand's `xmmword ptr`/`qword ptr` may become an AT&T size suffix.
// For the legacy SIMD rows it names the vector operand's memory size (`cvtsd2si ecx, qword ptr
// [ecx]` is cvtsd2si, not cvtsd2siq), except where the memory operand is the general-register one
// whose size the suffix states (`cvtsi2sd xmm0, dword ptr [eax]` is cvtsi2sdl).

import { BY_MNEMONIC } from '../../isa/lookup.js';

const memo = new Map<string, boolean>();

/** All rows of the AT&T mnemonic are legacy SIMD ones and none sizes a general-register r/m by the suffix. */
export function simdMemNoSuffix(mn: string): boolean {
  let v = memo.get(mn);
  if (v === undefined) {
    const forms = BY_MNEMONIC.get(mn) ?? [];
    v = forms.length > 0 && forms.every((f) => f.sem.startsWith('xsimd:') && !f.vex &&
      !(f.suffix === 'size' && f.operands.some((o) => o.kind === 'rm' && typeof o.size !== 'number')));
    memo.set(mn, v);
  }
  return v;
}

/** A legacy SIMD row of the mnemonic sizes a general-register r/m by its suffix (cvtsi2ss/cvtsi2sd). */
export function simdMemSizesGpr(mn: string): boolean {
  return (BY_MNEMONIC.get(mn) ?? []).some((f) => f.sem.startsWith('xsimd:') && !f.vex && f.suffix === 'size' &&
    f.operands.some((o) => o.kind === 'rm' && typeof o.size !== 'number'));
}
