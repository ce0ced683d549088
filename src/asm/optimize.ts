// GNU as's -O1/-O2/-Os instruction shrinking for general-purpose instructions (GNU as 2.40,
// rules measured with `as --64/--32 -O...`; the vector ones need SSE/AVX forms x86lab lacks):
//   -O1  and/test $imm,%r64 with 0 <= imm < 2^31, and mov $imm,%r64 with 0 <= imm < 2^32, use the
//        32-bit register (writing it zero-extends: same result); xor/sub %r64,%r64 likewise.
//   -O2  and/or %r,%r (same register) become test %r,%r, except 32-bit registers in 64-bit code
//        (there and/or also clear the upper half).
//   -Os  the -O1 rules, and test $imm,%r16/32/64 with 0 <= imm < 128 tests the low byte register
//        (in 32-bit code only %al/%cl/%dl/%bl exist). Measured: -Os does not do the -O2 rule.
// Only constants known when the line is read count; `{nooptimize}` turns it off for one line.

import type { AsmInsn, AsmOperand } from '../encode/types.js';
import { lookupReg, type RegInfo } from '../isa/registers.js';
import type { Mode } from '../isa/types.js';

export interface Optimize {
  /** -O0: 0, -O/-O1: 1, -O2 and above: 2. */
  readonly level: number;
  /** -Os. */
  readonly space: boolean;
}

const NAMES: Readonly<Record<number, readonly string[]>> = {
  64: ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', ...Array.from({ length: 8 }, (_, i) => `r${i + 8}`)],
  32: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', ...Array.from({ length: 8 }, (_, i) => `r${i + 8}d`)],
  8: ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', ...Array.from({ length: 8 }, (_, i) => `r${i + 8}b`)],
};

const resize = (r: RegInfo, size: 8 | 32): AsmOperand => ({ kind: 'reg', reg: lookupReg(NAMES[size][r.num])!, indirect: false });

/** The register of a plain `%reg` operand (general purpose, not `*%reg`; %ah too: `or %ah,%ah` becomes test). */
function gpr(o: AsmOperand | undefined): RegInfo | undefined {
  return o?.kind === 'reg' && !o.indirect && o.reg.cls === 'gpr' ? o.reg : undefined;
}

/** The value of a `$constant` operand (no symbol), as a signed 64-bit number. */
function constant(o: AsmOperand | undefined): bigint | undefined {
  if (o?.kind !== 'imm' || o.value.sym !== undefined || o.value.spec !== undefined || o.value.minus !== undefined) return undefined;
  return BigInt.asIntN(64, o.value.addend);
}

/** The mnemonic without its size suffix, when it matches the operands' size (or has none). */
function base(mnemonic: string, size: number): string | undefined {
  const m = /^(and|or|xor|sub|test|mov)([bwlq]?)$/.exec(mnemonic);
  if (!m) return undefined;
  if (m[2] && { b: 8, w: 16, l: 32, q: 64 }[m[2]] !== size) return undefined;
  return m[1];
}

/** The instruction GNU encodes instead of `insn` at this optimization level (or `insn` itself). */
export function optimizeInsn(insn: AsmInsn, mode: Mode, o: Optimize): AsmInsn {
  if (o.level < 1 || insn.pseudo?.includes('nooptimize') || insn.operands.length !== 2) return insn;
  const [src, dst] = insn.operands;
  const d = gpr(dst);
  if (!d) return insn;
  // (-Os: GNU 2.40 shrinks `test $imm,%reg` before it checks the suffix against the register, so
  // `testw $4,%ecx` is test $4,%cl; measured.)
  const op = base(insn.mnemonic, d.size) ?? (o.space && /^test[wlq]$/.test(insn.mnemonic) && d.size > 8 ? 'test' : undefined);
  if (!op) return insn;
  let out = insn;
  const v = constant(src);
  const s = gpr(src);
  if (mode === 64 && d.size === 64) {
    if (v !== undefined && ((op === 'and' || op === 'test') ? v >= 0n && v < 1n << 31n : op === 'mov' && v >= 0n && v < 1n << 32n)) {
      out = { ...insn, mnemonic: `${op}l`, operands: [src, resize(d, 32)] };
    } else if (s && s.num === d.num && s.size === 64 && (op === 'xor' || op === 'sub')) {
      out = { ...insn, mnemonic: `${op}l`, operands: [resize(s, 32), resize(d, 32)] };
    }
  }
  if (o.level >= 2 && !o.space && s && s.name === d.name && (op === 'and' || op === 'or') && !(mode === 64 && d.size === 32)) {
    out = { ...insn, mnemonic: 'test', operands: [src, dst] };
  }
  const od = gpr(out.operands[1])!;
  if (o.space && op === 'test' && v !== undefined && v >= 0n && v < 0x80n && od.size > 8 && (mode === 64 || od.num < 4)) {
    out = { ...insn, mnemonic: 'testb', operands: [src, resize(od, 8)] };
  }
  return out;
}
