// Shared builders for the legacy (non-VEX) SIMD rows: MMX (mmx.ts) and SSE up to SSE4.2, AES-NI and
// PCLMULQDQ (sse.ts). SDM Vol. 2 §2.1.2 and Appendix A: the mandatory prefix (none, 66, F3, F2) is
// part of the opcode, chosen by the last F2/F3 byte, else by 66h. MMX registers are numbered by
// ModRM alone (REX.R/B do not extend them); XMM registers 8-15 take REX.R/B.
//
// x86lab has no MMX/XMM state: the executor stops at these rows naming the instruction
// (sem `xsimd:...`, as simd-state.ts), while the assembler, decoder and formatters run them.

import type { FormDef, OperandDef, Size } from '../types.js';
import { row, type RowInput } from '../build.js';

type A = OperandDef['access'];

/** %xmm register in ModRM.reg. */
export const X = (access: A = 'r'): OperandDef => ({ kind: 'xmm', loc: 'reg', size: 128, access });
/** %xmm register in ModRM.rm (mod = 11 only). */
export const XR = (access: A = 'r'): OperandDef => ({ kind: 'xmm', loc: 'rm', size: 128, access });
/** %xmm register or a memory operand of `size` bits in ModRM.rm. */
export const XM = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'xmmrm', loc: 'rm', size, access });
/** %mm register in ModRM.reg. */
export const P = (access: A = 'r'): OperandDef => ({ kind: 'mmx', loc: 'reg', size: 64, access });
/** %mm register in ModRM.rm (mod = 11 only). */
export const PR = (access: A = 'r'): OperandDef => ({ kind: 'mmx', loc: 'rm', size: 64, access });
/** %mm register or a memory operand of `size` bits in ModRM.rm. */
export const PM = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'mmxrm', loc: 'rm', size, access });
/** General register (32/64 as the row says) or memory of a narrower size (pinsrw: r32/m16). */
export const EN = (size: Size, memSize: Size, access: A = 'r'): OperandDef => ({ kind: 'rm', loc: 'rm', size, access, memSize });
/** The implicit %xmm0 of the SSE4.1 variable blends, written out in AT&T. */
export const XMM0: OperandDef = { kind: 'fixed', loc: 'implicit', size: 128, reg: 'xmm0', access: 'r' };

export type SimdInput = Omit<RowInput, 'id' | 'osz' | 'sem' | 'modrm'> & {
  id?: string; osz?: FormDef['osz']; modrm?: FormDef['modrm'];
};

/**
 * A SIMD row: ModRM present unless the row says `modrm: undefined`, no operand size and no size
 * suffix unless the row says so (the general-register forms), executor semantics `xsimd:<mnemonic>` (not modelled: stops naming it).
 */
export function simd(r: SimdInput): FormDef {
  // A register-only or memory-only ModRM.rm operand restricts ModRM.mod (movhlps vs movlps share 0F 12).
  const rm = r.operands.find((o) => o.loc === 'rm');
  const mod = rm?.kind === 'mem' ? 'mem' : rm?.kind === 'xmm' || rm?.kind === 'mmx' || rm?.kind === 'gpr' ? 'reg' : undefined;
  const modrm = 'modrm' in r ? r.modrm : {};
  return row({
    // (66h is never an operand-size prefix here: no 66h for a 32-bit row in .code16.)
    ...r, id: r.id ?? r.mnem, modrm: modrm && mod ? { ...modrm, mod } : modrm, osz: r.osz ?? 'none', suffix: r.suffix ?? 'none', no66: true, sem: `xsimd:${r.mnem}`,
  });
}

export const M0F = (op: number): number[] => [0x0f, op];
export const M38 = (op: number): number[] => [0x0f, 0x38, op];
export const M3A = (op: number): number[] => [0x0f, 0x3a, op];

/**
 * The packed-integer operations MMX defined in map 0F (SDM Vol. 2 Table A-3) and those SSE, SSE2
 * and SSSE3 added; each has an MMX form (no prefix, %mm) and an SSE2/SSSE3 form (66h, %xmm, m128).
 * [opcode, mnemonic, memory size of the MMX form (the unpack-low ones read 32 bits)].
 */
export const PACKED_INT_0F: readonly (readonly [number, string, Size])[] = [
  [0x60, 'punpcklbw', 32], [0x61, 'punpcklwd', 32], [0x62, 'punpckldq', 32], [0x63, 'packsswb', 64],
  [0x64, 'pcmpgtb', 64], [0x65, 'pcmpgtw', 64], [0x66, 'pcmpgtd', 64], [0x67, 'packuswb', 64],
  [0x68, 'punpckhbw', 64], [0x69, 'punpckhwd', 64], [0x6a, 'punpckhdq', 64], [0x6b, 'packssdw', 64],
  [0x74, 'pcmpeqb', 64], [0x75, 'pcmpeqw', 64], [0x76, 'pcmpeqd', 64],
  [0xd1, 'psrlw', 64], [0xd2, 'psrld', 64], [0xd3, 'psrlq', 64], [0xd4, 'paddq', 64], [0xd5, 'pmullw', 64],
  [0xd8, 'psubusb', 64], [0xd9, 'psubusw', 64], [0xda, 'pminub', 64], [0xdb, 'pand', 64],
  [0xdc, 'paddusb', 64], [0xdd, 'paddusw', 64], [0xde, 'pmaxub', 64], [0xdf, 'pandn', 64],
  [0xe0, 'pavgb', 64], [0xe1, 'psraw', 64], [0xe2, 'psrad', 64], [0xe3, 'pavgw', 64], [0xe4, 'pmulhuw', 64],
  [0xe5, 'pmulhw', 64], [0xe8, 'psubsb', 64], [0xe9, 'psubsw', 64], [0xea, 'pminsw', 64], [0xeb, 'por', 64],
  [0xec, 'paddsb', 64], [0xed, 'paddsw', 64], [0xee, 'pmaxsw', 64], [0xef, 'pxor', 64],
  [0xf1, 'psllw', 64], [0xf2, 'pslld', 64], [0xf3, 'psllq', 64], [0xf4, 'pmuludq', 64], [0xf5, 'pmaddwd', 64],
  [0xf6, 'psadbw', 64], [0xf8, 'psubb', 64], [0xf9, 'psubw', 64], [0xfa, 'psubd', 64], [0xfb, 'psubq', 64],
  [0xfc, 'paddb', 64], [0xfd, 'paddw', 64], [0xfe, 'paddd', 64],
];

/** SSSE3 in map 0F 38, MMX form and 66h XMM form alike. */
export const PACKED_INT_0F38: readonly (readonly [number, string])[] = [
  [0x00, 'pshufb'], [0x01, 'phaddw'], [0x02, 'phaddd'], [0x03, 'phaddsw'], [0x04, 'pmaddubsw'], [0x05, 'phsubw'],
  [0x06, 'phsubd'], [0x07, 'phsubsw'], [0x08, 'psignb'], [0x09, 'psignw'], [0x0a, 'psignd'], [0x0b, 'pmulhrsw'],
  [0x1c, 'pabsb'], [0x1d, 'pabsw'], [0x1e, 'pabsd'],
];

/** Shift-by-immediate groups 12-14 (0F 71/72/73 /digit ib): [opcode, ModRM.reg, mnemonic, XMM form only]. */
export const SHIFT_IMM: readonly (readonly [number, number, string, boolean])[] = [
  [0x71, 2, 'psrlw', false], [0x71, 4, 'psraw', false], [0x71, 6, 'psllw', false],
  [0x72, 2, 'psrld', false], [0x72, 4, 'psrad', false], [0x72, 6, 'pslld', false],
  [0x73, 2, 'psrlq', false], [0x73, 3, 'psrldq', true], [0x73, 6, 'psllq', false], [0x73, 7, 'pslldq', true],
];
