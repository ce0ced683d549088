// GNU as's -O (any level) rewriting of `lea`, measured with GNU as 2.40 (`as --32/--64 -O`):
// - a segment override (written on the operand or as a prefix) is dropped, even under
//   `{nooptimize}`, after the usual "ineffectual" warning;
// - `lea (%reg),%dst` and `lea (,%reg,1),%dst` (no displacement) copy the register: `mov` in its
//   load form (8B), the source cut to the destination's size, or widened: movzwl from a 16-bit
//   address, a 32-bit mov (which zero-extends) from a 32-bit address into a 64-bit register;
// - `lea disp,%dst` without registers is `mov $disp,%dst`, the constant cut to the address size
//   and then to the destination's; a symbol only where the relocation fits as before (a 16-bit
//   destination keeps a 32/64-bit address's lea, a 16-bit address fits only a 16-bit one).
// The mov then goes through the other -O rules (optimize.ts): `mov $1,%rax` becomes `mov $1,%eax`.

import type { AsmInsn, AsmOperand } from '../encode/types.js';
import { lookupReg, type RegInfo } from '../isa/registers.js';
import type { Mode } from '../isa/types.js';
import type { Optimize } from './optimize.js';

const SEGS = new Set(['cs', 'ds', 'es', 'fs', 'gs', 'ss']);
const SUFFIX: Readonly<Record<string, number>> = { lea: 0, leaw: 16, leal: 32, leaq: 64 };
const NAMES: Readonly<Record<number, readonly string[]>> = {
  64: ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'],
  32: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'],
  16: ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w'],
};
const reg = (r: RegInfo, size: number): AsmOperand => ({ kind: 'reg', reg: lookupReg(NAMES[size][r.num])!, indirect: false });
const SIZES = [16, 32, 64] as const;

/** The lea GNU encodes at -O (or `insn` itself when it is no lea or stays as written). */
export function optimizeLea(insn: AsmInsn, mode: Mode, o: Optimize, warn: (m: string) => void): AsmInsn {
  const sfx = SUFFIX[insn.mnemonic];
  if (o.level < 1 || sfx === undefined || insn.operands.length !== 2) return insn;
  const [m, d] = insn.operands;
  if (m.kind !== 'mem' || m.indirect || d.kind !== 'reg' || d.reg.cls !== 'gpr' || d.reg.size === 8 || (sfx && sfx !== d.reg.size)) return insn;
  let out = insn;
  const segPfx = insn.prefixes.some((p) => SEGS.has(p));
  if (m.seg || segPfx) {
    warn("segment override on `lea' is ineffectual");
    const { seg: _seg, ...rest } = m;
    out = { ...insn, prefixes: insn.prefixes.filter((p) => !SEGS.has(p)), operands: [rest, d] };
  }
  if (insn.pseudo?.includes('nooptimize')) return out;
  const mem = out.operands[0] as Extract<AsmOperand, { kind: 'mem' }>;
  const dst = d.reg;
  const addrPfx = insn.prefixes.includes('addr16') ? 16 : insn.prefixes.includes('addr32') ? 32 : 0;
  const others = out.prefixes.filter((p) => p !== 'addr16' && p !== 'addr32');
  const disp = mem.disp;
  const noDisp = !disp || (disp.sym === undefined && disp.minus === undefined && disp.spec === undefined && disp.addend === 0n);
  const src = mem.base && !mem.index ? mem.base : !mem.base && mem.index && mem.scale === 1 ? mem.index : undefined;
  // In .code16 a 32-bit destination from a 16-bit address stays a lea: the mov (movzwl, mov $imm32)
  // would be longer than it (GNU only takes a rewrite that is not).
  // (-O2 takes the longer mov $imm32 too, not the movzwl.)
  const longer16 = mode === 16 && dst.size === 32 && (src ? src.size === 16 && noDisp : (addrPfx || 16) === 16 && o.level < 2);
  if (longer16) return out;
  if (src && noDisp && src.cls === 'gpr' && SIZES.includes(src.size as 16)) {
    if (src.size >= dst.size) return { ...out, mnemonic: 'mov', prefixes: others, operands: [reg(src, dst.size), d], pseudo: ['load'] };
    if (src.size === 16) return { ...out, mnemonic: 'movzwl', prefixes: others, operands: [reg(src, 16), d] };
    return { ...out, mnemonic: 'mov', prefixes: others, operands: [reg(src, 32), reg(dst, 32)], pseudo: ['load'] };
  }
  // A 32-bit address in 64-bit code into a register of at most 32 bits: the low 32 bits are the same
  // with the 64-bit registers, so GNU drops the 67h (`lea 0xffffffff(%ecx),%eax` is lea -1(%rcx),%eax).
  const r32 = (r: RegInfo | undefined) => !r || (r.cls === 'gpr' && r.size === 32) || r.name === 'eiz';
  // Into a 64-bit register the result is a zero-extended 32-bit one: the 32-bit lea writes it.
  if (mode === 64 && (mem.base || mem.index) && r32(mem.base) && r32(mem.index) && !addrPfx) {
    const wide = (r: RegInfo) => lookupReg(r.name === 'eiz' ? 'riz' : NAMES[64][r.num])!;
    const m64 = { ...mem, ...(mem.base ? { base: wide(mem.base) } : {}), ...(mem.index ? { index: wide(mem.index) } : {}) };
    return { ...out, mnemonic: sfx === 64 ? 'leal' : out.mnemonic, operands: [m64, dst.size === 64 ? reg(dst, 32) : d] };
  }
  if (mem.base || mem.index || disp?.minus !== undefined || disp?.spec !== undefined) return out;
  const asize = addrPfx || mode;
  if (!disp || disp.sym === undefined) {
    const addend = disp ? disp.addend : 0n; // (`lea (,1),%eax`: no displacement at all is 0)
    const a = asize === 64 ? BigInt.asIntN(64, addend) : BigInt.asUintN(asize, addend);
    const v = dst.size === 64 ? a : BigInt.asUintN(dst.size, a);
    // (Without any displacement, `lea (,1),%rax`, GNU's mov is not shrunk further: 48 C7 C0.)
    const mov: AsmInsn = { ...out, mnemonic: 'mov', prefixes: others, operands: [{ kind: 'imm', value: { addend: v } }, d] };
    return disp ? mov : { ...mov, pseudo: [...(mov.pseudo ?? []), 'nooptimize'] };
  }
  const fits = asize === 16 ? dst.size === 16 : dst.size >= 32;
  // (A 32-bit address into a 64-bit register: the 32-bit mov zero-extends it, R_X86_64_32.)
  const to = asize === 32 && dst.size === 64 ? reg(dst, 32) : d;
  if (fits) return { ...out, mnemonic: 'mov', prefixes: others, operands: [{ kind: 'imm', value: disp }, to] };
  // (A kept absolute lea in 64-bit code loses an addr32: the SIB disp32 form is the same either way.)
  return mode === 64 && addrPfx === 32 ? { ...out, prefixes: others } : out;
}
