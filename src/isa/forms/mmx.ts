// MMX-register forms (no mandatory prefix, %mm0-7): MMX itself, the integer additions of SSE
// (pavgb, pshufw, pextrw ... on %mm), SSE2's paddq/psubq/pmuludq, SSSE3's map-0F38 ones and the
// conversions between %mm and %xmm. SDM Vol. 2 Appendix A (Tables ); operands in AT&T order.

import type { FormDef } from '../types.js';
import { I, R, RR, E, M, M64 } from '../build.js';
import { simd, P, PR, PM, X, XR, XM, EN, M0F, M38, M3A, PACKED_INT_0F, PACKED_INT_0F38, SHIFT_IMM } from './simd-rows.js';

const mm = (mnem: string, opcode: number[], operands: FormDef['operands'], more: Partial<FormDef> = {}): FormDef =>
  simd({ id: `${mnem}_mm`, mnem, opcode, operands, ...more });

function moves(): FormDef[] {
  return [
    // 0F 6E/7E: movd between %mm and r/m32; with REX.W the same opcodes are movq with r/m64.
    mm('movd', M0F(0x6e), [E(32), P('w')], { osz: 'd', id: 'movd_mm_load' }),
    mm('movd', M0F(0x7e), [P(), E(32, 'w')], { osz: 'd', id: 'movd_mm_store' }),
    // 0F 6F/7F: movq %mm <-> %mm/m64 (GNU picks 6F for a register pair).
    mm('movq', M0F(0x6f), [PM(64), P('w')], { id: 'movq_mm_load' }),
    mm('movq', M0F(0x7f), [P(), PM(64, 'w')], { id: 'movq_mm_store' }),
    mm('movq', M0F(0x6e), [E(64), P('w')], { osz: 'q', modes: M64, id: 'movq_mm_load_r64' }),
    mm('movq', M0F(0x7e), [P(), E(64, 'w')], { osz: 'q', modes: M64, id: 'movq_mm_store_r64' }),
    // GNU also takes movd with a 64-bit register and writes the REX.W form (objdump then says movq).
    mm('movd', M0F(0x6e), [RR(64), P('w')], { osz: 'q', modes: M64, encodeOnly: true, id: 'movd_mm_load_r64' }),
    mm('movd', M0F(0x7e), [P(), RR(64, 'w')], { osz: 'q', modes: M64, encodeOnly: true, id: 'movd_mm_store_r64' }),
    mm('movntq', M0F(0xe7), [P(), M(64, 'w')]),
    // maskmovq: the store goes to DS:rDI (implicit), selected bytes only.
    mm('maskmovq', M0F(0xf7), [PR(), P()]),
    mm('emms', M0F(0x77), [], { modrm: undefined }),
  ];
}

function arith(): FormDef[] {
  const out: FormDef[] = [];
  for (const [op, mnem, mem] of PACKED_INT_0F) out.push(mm(mnem, M0F(op), [PM(mem), P('rw')]));
  for (const [op, reg, mnem, xmmOnly] of SHIFT_IMM) {
    if (!xmmOnly) out.push(mm(mnem, M0F(op), [I(8), PR('rw')], { modrm: { reg }, id: `${mnem}_mm_imm` }));
  }
  for (const [op, mnem] of PACKED_INT_0F38) out.push(mm(mnem, M38(op), [PM(64), P('rw')]));
  out.push(mm('palignr', M3A(0x0f), [I(8), PM(64), P('rw')]));
  return out;
}

/** SSE's integer additions on %mm that take other operand shapes. */
function sseInt(): FormDef[] {
  return [
    mm('pshufw', M0F(0x70), [I(8), PM(64), P('w')]),
    // pinsrw: r32 or m16 source; GNU also takes a 64-bit register (same encoding, no REX.W).
    mm('pinsrw', M0F(0xc4), [I(8), EN(32, 16), P('rw')], { osz: 'd' }),
    mm('pinsrw', M0F(0xc4), [I(8), RR(64), P('rw')], { modes: M64, encodeOnly: true, id: 'pinsrw_mm_r64' }),
    mm('pextrw', M0F(0xc5), [I(8), PR(), R(32, 'w')], { osz: 'd' }),
    mm('pextrw', M0F(0xc5), [I(8), PR(), R(64, 'w')], { modes: M64, encodeOnly: true, id: 'pextrw_mm_r64' }),
    // pmovmskb: objdump names a 64-bit destination under REX.W; GNU writes none for %rax.
    // (objdump decodes it under F2/F3 too: repz pmovmskb.)
    mm('pmovmskb', M0F(0xd7), [PR(), R('y', 'w')], { osz: 'v', encSizes: [32, 64], osPrefix: 'none', suffix: 'none', repIgnored: true }),
  ];
}

/** SSE/SSE2 conversions with an %mm operand (the %xmm side is m64 or m128). */
function conversions(): FormDef[] {
  return [
    mm('cvtpi2ps', M0F(0x2a), [PM(64), X('w')]),
    simd({ id: 'cvtpi2pd', mnem: 'cvtpi2pd', prefix: 0x66, opcode: M0F(0x2a), operands: [PM(64), X('w')] }),
    mm('cvttps2pi', M0F(0x2c), [XM(64), P('w')]),
    simd({ id: 'cvttpd2pi', mnem: 'cvttpd2pi', prefix: 0x66, opcode: M0F(0x2c), operands: [XM(128), P('w')] }),
    mm('cvtps2pi', M0F(0x2d), [XM(64), P('w')]),
    simd({ id: 'cvtpd2pi', mnem: 'cvtpd2pi', prefix: 0x66, opcode: M0F(0x2d), operands: [XM(128), P('w')] }),
    simd({ id: 'movq2dq', mnem: 'movq2dq', prefix: 0xf3, opcode: M0F(0xd6), operands: [PR(), X('w')] }),
    simd({ id: 'movdq2q', mnem: 'movdq2q', prefix: 0xf2, opcode: M0F(0xd6), operands: [XR(), P('w')] }),
  ];
}

export const MMX_FORMS: readonly FormDef[] = [...moves(), ...arith(), ...sseInt(), ...conversions()];
