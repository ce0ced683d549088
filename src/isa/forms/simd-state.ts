// Instructions that work on SIMD or AMX state without naming a vector register in their operands:
// Key Locker's wide AES forms and ENCODEKEY (XMM0-7 implicit), VLDMXCSR/VSTMXCSR (VEX forms of
// LDMXCSR/STMXCSR), VZEROALL/VZEROUPPER and AMX's TILERELEASE. SDM Vol. 2 (and the Key Locker
// specification for AESENCWIDE128KL ... ENCODEKEY256). x86lab has no XMM/YMM/TMM state: the executor
// stops at them, naming the instruction.

import type { FormDef } from '../types.js';
import { row, M, R, RR, fl, M64, ZF, SF, CF, OF, AF, PF } from '../build.js';

const F3_0F38 = (op: number): number[] => [0x0f, 0x38, op];

/** Key Locker: ZF reports an invalid handle, the other status flags are cleared. */
const KL_FLAGS = fl(0, ZF | SF | CF | OF | AF | PF);

function keyLocker(): FormDef[] {
  // F3 0F 38 D8 /0-/3: the m384 (128-bit key) or m512 (256-bit key) handle, XMM0-7 in and out.
  const wide = (id: string, reg: number): FormDef =>
    row({ id, mnem: id, prefix: 0xf3, opcode: F3_0F38(0xd8), modrm: { reg, mod: 'mem' }, operands: [M(0)], osz: 'none', flags: KL_FLAGS, sem: `xsimd:${id}` });
  // F3 0F 38 FA/FB: the handle-restriction bits in a 32-bit register (ModRM.rm), the key-source
  // information returned in the other (ModRM.reg); XMM0-2 hold key and handle.
  const encodekey = (id: string, op: number): FormDef =>
    row({ id, mnem: id, prefix: 0xf3, opcode: F3_0F38(op), modrm: { mod: 'reg' }, operands: [RR(32), R(32, 'w')], osz: 'none', flags: KL_FLAGS, sem: `xsimd:${id}` });
  return [
    wide('aesencwide128kl', 0), wide('aesdecwide128kl', 1), wide('aesencwide256kl', 2), wide('aesdecwide256kl', 3),
    encodekey('encodekey128', 0xfa), encodekey('encodekey256', 0xfb),
  ];
}

function vex(): FormDef[] {
  return [
    // VEX.LZ.0F.WIG AE /2 /3: MXCSR from/to m32 (objdump: DWORD PTR). The SDM has VEX.pp = none for
    // these and vzero*; objdump 2.40 decodes any pp (measured), the CPU raises #UD.
    row({ id: 'vldmxcsr', mnem: 'vldmxcsr', opcode: [0x0f, 0xae], modrm: { reg: 2, mod: 'mem' }, operands: [M(32)], osz: 'none', vex: { l: 0, w: 'ig', ppIgnored: true }, sem: 'xsimd:vldmxcsr' }),
    row({ id: 'vstmxcsr', mnem: 'vstmxcsr', opcode: [0x0f, 0xae], modrm: { reg: 3, mod: 'mem' }, operands: [M(32, 'w')], osz: 'none', vex: { l: 0, w: 'ig', ppIgnored: true }, sem: 'xsimd:vstmxcsr' }),
    // VEX.256.0F.WIG 77 zeroes YMM0-15, VEX.128.0F.WIG 77 their upper halves; no ModRM.
    row({ id: 'vzeroall', mnem: 'vzeroall', opcode: [0x0f, 0x77], operands: [], osz: 'none', vex: { l: 1, w: 'ig', ppIgnored: true }, sem: 'xsimd:vzeroall' }),
    row({ id: 'vzeroupper', mnem: 'vzeroupper', opcode: [0x0f, 0x77], operands: [], osz: 'none', vex: { l: 0, w: 'ig', ppIgnored: true }, sem: 'xsimd:vzeroupper' }),
    // AMX: VEX.128.NP.0F38.W0 49 C0 returns the tiles to their init state (64-bit mode only).
    row({ id: 'tilerelease', mnem: 'tilerelease', opcode: F3_0F38(0x49), modrm: { mod: 'reg', reg: 0, rm: 0 }, operands: [], osz: 'none', modes: M64, vex: { l: 0, w: 0 }, sem: 'xsimd:tilerelease' }),
  ];
}

export const SIMD_STATE_FORMS: readonly FormDef[] = [...keyLocker(), ...vex()];
