// objdump -M suffix: AT&T mnemonics always carry their size suffix (`movl %esi,%ebp`, `pushq %rbx`,
// `retq`, `loopq`), where plain objdump leaves it out because a register operand already tells the
// size or the size is the mode's default. A register-to-register move or ALU operation encoded
// with the "to register" opcode (8B /r, 03 /r, 0F 7F ...) is marked `.s`, the encoding GNU as
// picks for `{load}`/`mov.s`. In Intel syntax the option only names the size of near branches,
// ret, push, leave and a few others. All measured against objdump 2.40 -M suffix on libc and on the
// decoder's golden corpora.

import type { Form } from '../isa/types.js';
import { Pfx, type Decoded } from './types.js';

const LETTER: Record<number, string> = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };
const X87_ENV = new Set(['fldenv', 'fnstenv', 'fstenv', 'frstor', 'fnsave', 'fsave']);

/** Register-to-register forms that objdump marks `.s`: the load direction of a move or ALU operation (ModRM.rm is the source). */
function swapped(f: Form, d: Decoded): boolean {
  if (d.mod !== 3 || f.vex?.xop !== undefined) return false;
  const op = f.opcode;
  if (op.length === 1) {
    const b = op[0];
    return (b < 0x40 && (b & 7) >= 2 && (b & 7) <= 3) || b === 0x8a || b === 0x8b;
  }
  if (op.length === 2 && op[0] === 0x0f) {
    const b = op[1];
    // Stores of SSE/MMX moves (movups/movss 11, movaps 29, movq/movdqa/movdqu 7F, movq D6) and bndmov 1B.
    return b === 0x11 || b === 0x29 || b === 0x7f || b === 0xd6 || (b === 0x1b && f.prefix === 0x66);
  }
  return false;
}

/** Forms whose text names no operand size under -M suffix either (SIMD, setcc, bswap ...). */
function sizeless(f: Form): boolean {
  if (f.sem === 'setcc' || f.sem === 'bswap') return true;
  // XOP: TBM's bit operations and LWP name no size; only XOP bextr does.
  if (f.vex?.xop !== undefined) return f.sem !== 'xop:bextr';
  // VEX/XOP forms: only the BMI/TBM ones on general registers (andn, bextr, shlx ...) have a size.
  if (f.vex) return !f.operands.some((o) => o.kind === 'gpr' || o.kind === 'rm');
  return f.operands.some((o) => o.kind === 'xmm' || o.kind === 'xmmrm' || o.kind === 'mmx' || o.kind === 'mmxrm' || o.kind === 'st');
}

/** The mnemonic under -M suffix, from `mnem` (what objdump prints without it) and the form's base mnemonic. */
export function suffixMnemonic(f: Form, d: Decoded, base: string, mnem: string, intel: boolean): string {
  const m = intel ? intelSize(f, d, base, mnem) : withSize(f, d, base, mnem);
  return swapped(f, d) ? m + '.s' : m;
}

const INTEL_LETTER: Record<number, string> = { 16: 'w', 32: 'd', 64: 'q' };

/** Intel syntax: the size of the stack operations and near branches (pushd, retq, iretd ...) and of the x87 environment. */
function intelSize(f: Form, d: Decoded, base: string, mnem: string): string {
  if (X87_ENV.has(base)) return mnem + ((d.prefixes & Pfx.OPSIZE) !== 0 ? 'w' : 'd');
  if (base === 'sysexit' || base === 'sysret') return d.mode === 64 ? mnem : mnem + 'd';
  const letter = INTEL_LETTER[d.opsize];
  if (letter === undefined || mnem.endsWith(letter)) return mnem;
  if (f.flow === 'call' || f.flow === 'jmp' || f.flow === 'ret') {
    // Only relative branches (not jmp rel8) and returns: an indirect or far one's operand tells its size.
    if (f.flow !== 'ret' && (f.operands[0]?.kind !== 'rel' || f.operands[0].size === 8)) return mnem;
    if (base === 'lret') return mnem + (d.opsize === 16 ? 'w' : 'd');
    return mnem + (d.opsize === 16 ? 'w' : d.mode === 64 ? 'q' : 'd');
  }
  if (f.flow === 'iret') return mnem + letter;
  if (f.sem === 'tsx:xbegin') return mnem + (d.opsize === 16 ? 'w' : d.mode === 64 ? 'q' : 'd');
  // push/pop of a segment register or an immediate, pushf/popf, pusha/popa, enter/leave.
  const stack = base === 'push' || base === 'pop';
  if (stack && f.operands.some((o) => o.kind === 'gpr' || o.kind === 'rm')) return mnem;
  if (stack || /^(push|pop)[fa]$/.test(mnem) || base === 'enter' || base === 'leave') return mnem + (d.mode === 64 && d.opsize !== 16 ? 'q' : letter);
  return mnem;
}

function withSize(f: Form, d: Decoded, base: string, mnem: string): string {
  // Near loops name the address size: loopq, loopl (loopw with 67h in 32-bit code, already named).
  if (f.flow === 'loop') return mnem === base ? base + LETTER[d.adsize] : mnem;
  if (mnem !== base && base !== 'sal') {
    // movabs: the size of the accumulator or immediate move.
    return mnem === 'movabs' ? mnem + LETTER[d.opsize] : mnem;
  }
  // cvtsi2ss/cvtsi2sd: the integer source's size.
  if (f.sem === 'xsimd:cvtsi2ss' || f.sem === 'xsimd:cvtsi2sd') return mnem + (d.opsize === 64 ? 'q' : 'l');
  // The x87 environment and state: 32-bit layout, or 16-bit ("s", short) with 66h.
  if (X87_ENV.has(base)) return mnem + ((d.prefixes & Pfx.OPSIZE) !== 0 ? 's' : 'l');
  if (sizeless(f)) return mnem;
  if (f.flow === 'call' || f.flow === 'jmp' || f.flow === 'ret') {
    // jmp rel8 keeps its plain name.
    if (f.flow === 'jmp' && f.operands[0]?.kind === 'rel' && f.operands[0].size === 8) return mnem;
    // Far branches and returns: 32 bits unless 66h or REX.W says otherwise (those are named already).
    if (base === 'lret' || f.sem.endsWith(':far')) return mnem + (d.opsize === 16 ? 'w' : 'l');
    // Near ones: jmpq, callq, retq (jmpl in 32-bit code).
    return mnem + (d.opsize === 16 ? 'w' : d.mode === 64 ? 'q' : 'l');
  }
  if (base === 'iret' || base === 'sysexit' || base === 'sysret') return mnem + 'l';
  // xbegin names its displacement's size as a near branch does.
  if (f.sem === 'tsx:xbegin') return mnem + (d.opsize === 16 ? 'w' : d.mode === 64 ? 'q' : 'l');
  // Control and debug register moves: the mode's register size.
  if (f.operands.some((o) => o.kind === 'creg' || o.kind === 'dreg')) return mnem + (d.mode === 64 ? 'q' : 'l');
  // lgdt & co. in 64-bit code (a 10-byte operand whatever the size).
  if (d.mode === 64 && (base === 'lgdt' || base === 'lidt' || base === 'sgdt' || base === 'sidt')) return mnem;
  if (f.flow === 'jcc' || f.flow === 'int' || f.flow === 'sys' || f.flow === 'halt') return mnem;
  // Stores of a segment register, the LDT or task register or the machine status word: 16 bits in memory.
  if (f.osz === 'none') return d.mod !== 3 && (f.sem === 'mov:sreg' || base === 'smsw' || base === 'sldt' || base === 'str') ? mnem + 'w' : mnem;
  if (f.suffix === 'none' || base === 'vmread' || base === 'vmwrite') return mnem;
  // BMI on general registers: a 66h before VEX is named as a 16-bit size (the operation stays 32-bit).
  if (f.vex && (d.prefixes & Pfx.OPSIZE) !== 0 && d.opsize === 32) return mnem + 'w';
  // ADX: 66h selects no size, but objdump's template names it (adcxw).
  if (f.no66 && (d.prefixes & Pfx.OPSIZE) !== 0 && d.opsize === 32) return mnem + 'w';
  const letter = LETTER[d.opsize];
  if (letter === undefined) return mnem;
  return (base === 'sal' ? 'shl' : mnem) + letter;
}
