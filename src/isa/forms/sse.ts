// Legacy-encoded SSE, SSE2, SSE3, SSSE3, SSE4.1, SSE4.2, SSE4a, AES-NI and PCLMULQDQ on %xmm registers.
// SDM Vol. 2 Appendix A (opcode maps 0F, 0F 38, 0F 3A) and the instruction pages. The mandatory
// prefix picks the type: none = packed single (ps), F3 = scalar single (ss), 66 = packed double
// (pd) or 128-bit integer, F2 = scalar double (sd). Operands in AT&T order (sources first); the
// size of an xmm/m operand is that of its memory form (m32 for ss, m64 for sd, m128 for packed).
// The %mm forms are in mmx.ts.

import type { FormDef, Size } from '../types.js';
import { I, I2, R, RR, E, M, M32, M64, fl, ZF, PF, CF, OF, SF, AF, STATUS } from '../build.js';
import { simd, X, XR, XM, EN, XMM0, M0F, M38, M3A, PACKED_INT_0F, PACKED_INT_0F38, SHIFT_IMM, type SimdInput } from './simd-rows.js';

type Pfx = 0x66 | 0xf2 | 0xf3 | undefined;
const Y = [32, 64] as const;

const x = (mnem: string, prefix: Pfx, opcode: number[], operands: FormDef['operands'], more: Partial<SimdInput> = {}): FormDef =>
  simd({ mnem, prefix, opcode, operands, ...more });

/** op xmm/m, xmm (the destination is read and written). */
const rmw = (mnem: string, prefix: Pfx, opcode: number[], mem: Size, more: Partial<SimdInput> = {}): FormDef =>
  x(mnem, prefix, opcode, [XM(mem), X('rw')], more);
/** op xmm/m, xmm (the destination is only written). */
const load = (mnem: string, prefix: Pfx, opcode: number[], mem: Size, more: Partial<SimdInput> = {}): FormDef =>
  x(mnem, prefix, opcode, [XM(mem), X('w')], more);
/** op $imm8, xmm/m, xmm. */
const imm = (mnem: string, prefix: Pfx, opcode: number[], mem: Size, more: Partial<SimdInput> = {}): FormDef =>
  x(mnem, prefix, opcode, [I(8), XM(mem), X('rw')], more);

/** The four floating-point types of one opcode: ps, ss, pd, sd (those listed in `which`). */
function fp4(base: string, op: number, which = 'ps ss pd sd'): FormDef[] {
  const t: Record<string, [Pfx, Size]> = { ps: [undefined, 128], ss: [0xf3, 32], pd: [0x66, 128], sd: [0xf2, 64] };
  return which.split(' ').map((k) => rmw(base + k, t[k][0], M0F(op), t[k][1]));
}

// (U)COMISS/SD: ZF, PF, CF from the comparison, OF, SF, AF cleared (SDM Vol. 2A COMISS).
const COMI = fl(0, ZF | PF | CF | OF | SF | AF);
// PTEST: ZF and CF from the tests, the other status flags cleared.
const PTEST = fl(0, STATUS);
// PCMPxSTRx: CF, ZF, SF, OF from the comparison, AF and PF cleared (SDM Vol. 2B §4.1.6).
const PCMPSTR = fl(0, STATUS);

/** objdump's names for CMPPS/CMPSS/CMPPD/CMPSD imm8 0-7 (SDM Vol. 2A Table 3-7, first eight). */
const CMP_PRED = ['eq', 'lt', 'le', 'unord', 'neq', 'nlt', 'nle', 'ord'];

function compares(): FormDef[] {
  const out: FormDef[] = [];
  const t: [string, Pfx, Size][] = [['ps', undefined, 128], ['ss', 0xf3, 32], ['pd', 0x66, 128], ['sd', 0xf2, 64]];
  for (const [k, p, mem] of t) {
    const names: Record<number, string> = {};
    CMP_PRED.forEach((c, i) => { names[i] = `cmp${c}${k}`; });
    out.push(imm(`cmp${k}`, p, M0F(0xc2), mem, { immNames: names }));
    // cmpeqps %xmm1,%xmm0 = cmpps $0,%xmm1,%xmm0 (GNU's pseudo-ops; objdump prints them back).
    CMP_PRED.forEach((c, i) => out.push(rmw(`cmp${c}${k}`, p, M0F(0xc2), mem, { fixedImm: i, encodeOnly: true })));
  }
  return out;
}

/** SSE and SSE2 moves between registers and memory. */
function moves(): FormDef[] {
  return [
    load('movups', undefined, M0F(0x10), 128), x('movups', undefined, M0F(0x11), [X(), XM(128, 'w')], { id: 'movups_store' }),
    load('movss', 0xf3, M0F(0x10), 32), x('movss', 0xf3, M0F(0x11), [X(), XM(32, 'w')], { id: 'movss_store' }),
    load('movupd', 0x66, M0F(0x10), 128), x('movupd', 0x66, M0F(0x11), [X(), XM(128, 'w')], { id: 'movupd_store' }),
    load('movsd', 0xf2, M0F(0x10), 64, { id: 'movsd_sse' }), x('movsd', 0xf2, M0F(0x11), [X(), XM(64, 'w')], { id: 'movsd_sse_store' }),
    // 0F 12/13/16/17: the m64 halves; the register forms of 0F 12/16 are movhlps/movlhps.
    x('movlps', undefined, M0F(0x12), [M(64), X('rw')]), x('movlps', undefined, M0F(0x13), [X(), M(64, 'w')], { id: 'movlps_store' }),
    x('movhlps', undefined, M0F(0x12), [XR(), X('rw')]),
    x('movlpd', 0x66, M0F(0x12), [M(64), X('rw')]), x('movlpd', 0x66, M0F(0x13), [X(), M(64, 'w')], { id: 'movlpd_store' }),
    x('movhps', undefined, M0F(0x16), [M(64), X('rw')]), x('movhps', undefined, M0F(0x17), [X(), M(64, 'w')], { id: 'movhps_store' }),
    x('movlhps', undefined, M0F(0x16), [XR(), X('rw')]),
    x('movhpd', 0x66, M0F(0x16), [M(64), X('rw')]), x('movhpd', 0x66, M0F(0x17), [X(), M(64, 'w')], { id: 'movhpd_store' }),
    load('movaps', undefined, M0F(0x28), 128), x('movaps', undefined, M0F(0x29), [X(), XM(128, 'w')], { id: 'movaps_store' }),
    load('movapd', 0x66, M0F(0x28), 128), x('movapd', 0x66, M0F(0x29), [X(), XM(128, 'w')], { id: 'movapd_store' }),
    x('movntps', undefined, M0F(0x2b), [X(), M(128, 'w')]),
    x('movntpd', 0x66, M0F(0x2b), [X(), M(128, 'w')]),
    load('movdqa', 0x66, M0F(0x6f), 128), x('movdqa', 0x66, M0F(0x7f), [X(), XM(128, 'w')], { id: 'movdqa_store' }),
    load('movdqu', 0xf3, M0F(0x6f), 128), x('movdqu', 0xf3, M0F(0x7f), [X(), XM(128, 'w')], { id: 'movdqu_store' }),
    x('movntdq', 0x66, M0F(0xe7), [X(), M(128, 'w')]),
    // maskmovdqu: the store goes to DS:rDI (implicit), selected bytes only.
    x('maskmovdqu', 0x66, M0F(0xf7), [XR(), X()]),
    // 66 0F 6E/7E: movd with r/m32, movq with r/m64 under REX.W. F3 0F 7E / 66 0F D6: movq xmm/m64.
    x('movd', 0x66, M0F(0x6e), [E(32), X('w')], { osz: 'd', id: 'movd_xmm_load' }),
    x('movd', 0x66, M0F(0x7e), [X(), E(32, 'w')], { osz: 'd', id: 'movd_xmm_store' }),
    x('movq', 0xf3, M0F(0x7e), [XM(64), X('w')], { id: 'movq_xmm_load' }),
    x('movq', 0x66, M0F(0xd6), [X(), XM(64, 'w')], { id: 'movq_xmm_store' }),
    x('movq', 0x66, M0F(0x6e), [E(64), X('w')], { osz: 'q', modes: M64, id: 'movq_xmm_load_r64' }),
    x('movq', 0x66, M0F(0x7e), [X(), E(64, 'w')], { osz: 'q', modes: M64, id: 'movq_xmm_store_r64' }),
    x('movd', 0x66, M0F(0x6e), [RR(64), X('w')], { osz: 'q', modes: M64, encodeOnly: true, id: 'movd_xmm_load_r64' }),
    x('movd', 0x66, M0F(0x7e), [X(), RR(64, 'w')], { osz: 'q', modes: M64, encodeOnly: true, id: 'movd_xmm_store_r64' }),
    // movmskps/pd, pmovmskb: objdump names a 64-bit destination under REX.W; GNU writes none for %rax.
    x('movmskps', undefined, M0F(0x50), [XR(), R('y', 'w')], { osz: 'v', encSizes: Y, osPrefix: 'none', suffix: 'size' }),
    x('movmskpd', 0x66, M0F(0x50), [XR(), R('y', 'w')], { osz: 'v', encSizes: Y, osPrefix: 'none', suffix: 'size', no66: true }),
    x('pmovmskb', 0x66, M0F(0xd7), [XR(), R('y', 'w')], { osz: 'v', encSizes: Y, osPrefix: 'none', no66: true }),
  ];
}

/** SSE/SSE2 arithmetic, logic, shuffles and conversions (map 0F). */
function sse12(): FormDef[] {
  const out: FormDef[] = [
    ...fp4('sqrt', 0x51), ...fp4('rsqrt', 0x52, 'ps ss'), ...fp4('rcp', 0x53, 'ps ss'),
    ...fp4('and', 0x54, 'ps pd'), ...fp4('andn', 0x55, 'ps pd'), ...fp4('or', 0x56, 'ps pd'), ...fp4('xor', 0x57, 'ps pd'),
    ...fp4('add', 0x58), ...fp4('mul', 0x59), ...fp4('sub', 0x5c), ...fp4('min', 0x5d), ...fp4('div', 0x5e), ...fp4('max', 0x5f),
    rmw('unpcklps', undefined, M0F(0x14), 128), rmw('unpcklpd', 0x66, M0F(0x14), 128),
    rmw('unpckhps', undefined, M0F(0x15), 128), rmw('unpckhpd', 0x66, M0F(0x15), 128),
    x('ucomiss', undefined, M0F(0x2e), [XM(32), X()], { flags: COMI }), x('ucomisd', 0x66, M0F(0x2e), [XM(64), X()], { flags: COMI }),
    x('comiss', undefined, M0F(0x2f), [XM(32), X()], { flags: COMI }), x('comisd', 0x66, M0F(0x2f), [XM(64), X()], { flags: COMI }),
    imm('shufps', undefined, M0F(0xc6), 128), imm('shufpd', 0x66, M0F(0xc6), 128),
    x('pshufd', 0x66, M0F(0x70), [I(8), XM(128), X('w')]),
    x('pshufhw', 0xf3, M0F(0x70), [I(8), XM(128), X('w')]),
    x('pshuflw', 0xf2, M0F(0x70), [I(8), XM(128), X('w')]),
    // pinsrw: r32 or m16 source; GNU also takes a 64-bit register (same encoding, no REX.W).
    x('pinsrw', 0x66, M0F(0xc4), [I(8), EN(32, 16), X('rw')], { osz: 'd' }),
    x('pinsrw', 0x66, M0F(0xc4), [I(8), RR(64), X('rw')], { modes: M64, encodeOnly: true, id: 'pinsrw_r64' }),
    x('pextrw', 0x66, M0F(0xc5), [I(8), XR(), R(32, 'w')], { osz: 'd' }),
    x('pextrw', 0x66, M0F(0xc5), [I(8), XR(), R(64, 'w')], { modes: M64, encodeOnly: true, id: 'pextrw_r64' }),
    // SSE4.1's 66 0F 3A 15: pextrw to r32/m16 (GNU uses it for a memory destination).
    x('pextrw', 0x66, M3A(0x15), [I(8), X(), EN(32, 16, 'w')], { osz: 'd', id: 'pextrw_sse41' }),
    rmw('punpcklqdq', 0x66, M0F(0x6c), 128), rmw('punpckhqdq', 0x66, M0F(0x6d), 128),
    // Conversions. cvtsi2ss/sd: the l/q suffix names the integer size of a memory source.
    x('cvtsi2ss', 0xf3, M0F(0x2a), [E('y'), X('rw')], { osz: 'v', encSizes: Y, no66: true, suffix: 'size' }),
    x('cvtsi2sd', 0xf2, M0F(0x2a), [E('y'), X('rw')], { osz: 'v', encSizes: Y, no66: true, suffix: 'size' }),
    x('cvttss2si', 0xf3, M0F(0x2c), [XM(32), R('y', 'w')], { osz: 'v', encSizes: Y, no66: true, suffix: 'size' }),
    x('cvttsd2si', 0xf2, M0F(0x2c), [XM(64), R('y', 'w')], { osz: 'v', encSizes: Y, no66: true, suffix: 'size' }),
    x('cvtss2si', 0xf3, M0F(0x2d), [XM(32), R('y', 'w')], { osz: 'v', encSizes: Y, no66: true, suffix: 'size' }),
    x('cvtsd2si', 0xf2, M0F(0x2d), [XM(64), R('y', 'w')], { osz: 'v', encSizes: Y, no66: true, suffix: 'size' }),
    load('cvtps2pd', undefined, M0F(0x5a), 64), load('cvtpd2ps', 0x66, M0F(0x5a), 128),
    rmw('cvtss2sd', 0xf3, M0F(0x5a), 32), rmw('cvtsd2ss', 0xf2, M0F(0x5a), 64),
    load('cvtdq2ps', undefined, M0F(0x5b), 128), load('cvtps2dq', 0x66, M0F(0x5b), 128), load('cvttps2dq', 0xf3, M0F(0x5b), 128),
    load('cvttpd2dq', 0x66, M0F(0xe6), 128), load('cvtdq2pd', 0xf3, M0F(0xe6), 64), load('cvtpd2dq', 0xf2, M0F(0xe6), 128),
  ];
  for (const [op, mnem] of PACKED_INT_0F) out.push(rmw(mnem, 0x66, M0F(op), 128));
  for (const [op, reg, mnem] of SHIFT_IMM) out.push(x(mnem, 0x66, M0F(op), [I(8), XR('rw')], { modrm: { reg }, id: `${mnem}_imm` }));
  return out;
}

/** SSE3: horizontal and alternating add/sub, the duplicating loads, lddqu. */
function sse3(): FormDef[] {
  return [
    rmw('addsubpd', 0x66, M0F(0xd0), 128), rmw('addsubps', 0xf2, M0F(0xd0), 128),
    rmw('haddpd', 0x66, M0F(0x7c), 128), rmw('haddps', 0xf2, M0F(0x7c), 128),
    rmw('hsubpd', 0x66, M0F(0x7d), 128), rmw('hsubps', 0xf2, M0F(0x7d), 128),
    load('movsldup', 0xf3, M0F(0x12), 128), load('movshdup', 0xf3, M0F(0x16), 128), load('movddup', 0xf2, M0F(0x12), 64),
    // objdump gives lddqu's m128 no size keyword in Intel syntax.
    x('lddqu', 0xf2, M0F(0xf0), [M(0), X('w')]),
  ];
}

/** SSSE3 on %xmm (66 0F 38 / 66 0F 3A 0F). */
function ssse3(): FormDef[] {
  return [...PACKED_INT_0F38.map(([op, mnem]) => rmw(mnem, 0x66, M38(op), 128)), imm('palignr', 0x66, M3A(0x0f), 128)];
}

/** SSE4.1 (66 0F 38 and 66 0F 3A). */
function sse41(): FormDef[] {
  // The variable blends read %xmm0 implicitly; GNU also takes them with it left out.
  const blendv = (mnem: string, op: number): FormDef[] => [
    x(mnem, 0x66, M38(op), [XMM0, XM(128), X('rw')]),
    x(mnem, 0x66, M38(op), [XM(128), X('rw')], { encodeOnly: true, id: `${mnem}_2op` }),
  ];
  const ext: [number, string, Size][] = [[0x20, 'bw', 64], [0x21, 'bd', 32], [0x22, 'bq', 16], [0x23, 'wd', 64], [0x24, 'wq', 32], [0x25, 'dq', 64]];
  return [
    ...blendv('pblendvb', 0x10), ...blendv('blendvps', 0x14), ...blendv('blendvpd', 0x15),
    x('ptest', 0x66, M38(0x17), [XM(128), X()], { flags: PTEST }),
    ...ext.map(([op, t, mem]) => load(`pmovsx${t}`, 0x66, M38(op), mem)),
    ...ext.map(([op, t, mem]) => load(`pmovzx${t}`, 0x66, M38(op + 0x10), mem)),
    rmw('pmuldq', 0x66, M38(0x28), 128), rmw('pcmpeqq', 0x66, M38(0x29), 128),
    x('movntdqa', 0x66, M38(0x2a), [M(128), X('w')]),
    rmw('packusdw', 0x66, M38(0x2b), 128),
    rmw('pminsb', 0x66, M38(0x38), 128), rmw('pminsd', 0x66, M38(0x39), 128), rmw('pminuw', 0x66, M38(0x3a), 128), rmw('pminud', 0x66, M38(0x3b), 128),
    rmw('pmaxsb', 0x66, M38(0x3c), 128), rmw('pmaxsd', 0x66, M38(0x3d), 128), rmw('pmaxuw', 0x66, M38(0x3e), 128), rmw('pmaxud', 0x66, M38(0x3f), 128),
    rmw('pmulld', 0x66, M38(0x40), 128), load('phminposuw', 0x66, M38(0x41), 128),
    imm('roundps', 0x66, M3A(0x08), 128), imm('roundpd', 0x66, M3A(0x09), 128),
    imm('roundss', 0x66, M3A(0x0a), 32), imm('roundsd', 0x66, M3A(0x0b), 64),
    imm('blendps', 0x66, M3A(0x0c), 128), imm('blendpd', 0x66, M3A(0x0d), 128), imm('pblendw', 0x66, M3A(0x0e), 128),
    // Extracts and inserts: a 32-bit register or memory of the element's size; GNU also takes a
    // 64-bit register for the byte/word/ps ones (same encoding, no REX.W). REX.W makes pextrd/pinsrd
    // pextrq/pinsrq.
    x('pextrb', 0x66, M3A(0x14), [I(8), X(), EN(32, 8, 'w')], { osz: 'd' }),
    x('pextrb', 0x66, M3A(0x14), [I(8), X(), RR(64, 'w')], { modes: M64, encodeOnly: true, id: 'pextrb_r64' }),
    x('pextrd', 0x66, M3A(0x16), [I(8), X(), E(32, 'w')], { osz: 'd' }),
    x('pextrq', 0x66, M3A(0x16), [I(8), X(), E(64, 'w')], { osz: 'q', modes: M64 }),
    x('extractps', 0x66, M3A(0x17), [I(8), X(), E(32, 'w')], { osz: 'd' }),
    x('extractps', 0x66, M3A(0x17), [I(8), X(), RR(64, 'w')], { modes: M64, encodeOnly: true, id: 'extractps_r64' }),
    x('pinsrb', 0x66, M3A(0x20), [I(8), EN(32, 8), X('rw')], { osz: 'd' }),
    x('pinsrb', 0x66, M3A(0x20), [I(8), RR(64), X('rw')], { modes: M64, encodeOnly: true, id: 'pinsrb_r64' }),
    imm('insertps', 0x66, M3A(0x21), 32),
    x('pinsrd', 0x66, M3A(0x22), [I(8), E(32), X('rw')], { osz: 'd' }),
    x('pinsrq', 0x66, M3A(0x22), [I(8), E(64), X('rw')], { osz: 'q', modes: M64 }),
    imm('dpps', 0x66, M3A(0x40), 128), imm('dppd', 0x66, M3A(0x41), 128), imm('mpsadbw', 0x66, M3A(0x42), 128),
  ];
}

/** SSE4.2 (crc32 and popcnt are general-register rows elsewhere). */
function sse42(): FormDef[] {
  const str = (mnem: string, op: number, more: Partial<SimdInput> = {}): FormDef => x(mnem, 0x66, M3A(op), [I(8), XM(128), X()], { flags: PCMPSTR, ...more });
  // The explicit-length ones read the lengths from EAX/EDX, or RAX/RDX under REX.W: GNU spells that
  // with a q suffix (an l one is the plain form), in 64-bit code only; objdump prints it back.
  const estr = (mnem: string, op: number): FormDef[] => [
    str(mnem, op, { modes: M32 }),
    str(mnem, op, { osz: 'd', modes: M64, suffix: 'size', id: `${mnem}_64` }),
    str(`${mnem}q`, op, { osz: 'q', modes: M64 }),
  ];
  return [rmw('pcmpgtq', 0x66, M38(0x37), 128), ...estr('pcmpestrm', 0x60), ...estr('pcmpestri', 0x61), str('pcmpistrm', 0x62), str('pcmpistri', 0x63)];
}

/** AES-NI and PCLMULQDQ. */
function aesClmul(): FormDef[] {
  // objdump's names for the four meaningful PCLMULQDQ selectors (bit 0: which qword of the
  // destination, bit 4: which of the source); GNU takes them as pseudo-ops.
  const sel: Record<number, string> = { 0x00: 'pclmullqlqdq', 0x01: 'pclmulhqlqdq', 0x10: 'pclmullqhqdq', 0x11: 'pclmulhqhqdq' };
  return [
    load('aesimc', 0x66, M38(0xdb), 128), rmw('aesenc', 0x66, M38(0xdc), 128), rmw('aesenclast', 0x66, M38(0xdd), 128),
    rmw('aesdec', 0x66, M38(0xde), 128), rmw('aesdeclast', 0x66, M38(0xdf), 128),
    x('aeskeygenassist', 0x66, M3A(0xdf), [I(8), XM(128), X('w')]),
    imm('pclmulqdq', 0x66, M3A(0x44), 128, { immNames: sel }),
    ...Object.entries(sel).map(([v, mn]) => rmw(mn, 0x66, M3A(0x44), 128, { fixedImm: Number(v), encodeOnly: true })),
  ];
}

/** AMD's SSE4a: bit-field extract/insert and the scalar streaming stores (AMD64 APM Vol. 4). */
function sse4a(): FormDef[] {
  // extrq/insertq $index,$length: the length byte comes first (GNU writes `$index,$length` and
  // encodes length, index; objdump reads them back the same way).
  return [
    x('extrq', 0x66, M0F(0x78), [I2(8), I(8), XR('rw')], { modrm: { reg: 0 }, id: 'extrq_imm' }),
    x('extrq', 0x66, M0F(0x79), [XR(), X('rw')]),
    x('insertq', 0xf2, M0F(0x78), [I2(8), I(8), XR(), X('rw')], { id: 'insertq_imm' }),
    x('insertq', 0xf2, M0F(0x79), [XR(), X('rw')]),
    x('movntss', 0xf3, M0F(0x2b), [X(), M(32, 'w')]),
    x('movntsd', 0xf2, M0F(0x2b), [X(), M(64, 'w')]),
  ];
}

export const SSE_FORMS: readonly FormDef[] = [...sse4a(), ...moves(), ...sse12(), ...compares(), ...sse3(), ...ssse3(), ...sse41(), ...sse42(), ...aesClmul()];
