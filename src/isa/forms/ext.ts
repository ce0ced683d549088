// Newer and vendor-specific general-purpose instructions that GNU as 2.40 accepts and its own
// test suite uses: CRC32 (SSE4.2), PTWRITE, ENQCMD, RAO-INT, HRESET, UINTR, MSRLIST,
// WRMSRNS, TSXLDTRK, TDX, AMD's MONITORX/MWAITX, RDPRU, INVLPGB/TLBSYNC, MCOMMIT, SNP, CLDEMOTE.
// Encodings: SDM Vol. 2 and the ISA Extensions reference; AMD APM Vol. 3.
// The executor has no model of these: their sems have no handler, so a run that reaches one
// stops naming it (test/cpu/tables.test.ts pins the list).

import type { FormDef } from '../types.js';
import { row, E, FX, I, M, R, RR, fl, M32, M64, STATUS } from '../build.js';

/** No operands, optional fixed ModRM (0F 01 with mod=11). */
function z(id: string, opcode: readonly number[], extra: Partial<FormDef> = {}): FormDef {
  return row({ id, mnem: extra.mnem ?? id, opcode, operands: [], osz: 'none', sem: `ext:${extra.mnem ?? id}`, ...extra });
}
/** 0F 01 with mod=11, a fixed reg and rm. */
function f01(id: string, reg: number, rm: number, extra: Partial<FormDef> = {}): FormDef {
  return z(id, [0x0f, 0x01], { modrm: { mod: 'reg', reg, rm }, ...extra });
}

/**
 * The implicit registers spelled out (`monitorx %rax,%ecx,%edx`): the first is the address, of the
 * address size; a narrower one than the mode's is an address-size prefix (67h).
 */
function spelled(id: string, reg: number, rm: number, rest: readonly string[], extra: Partial<FormDef> = {}): FormDef[] {
  const fx = rest.map((r) => FX(r, 32));
  const base = { mnem: id, encodeOnly: true, ...extra };
  return [
    f01(`${id}_rax`, reg, rm, { ...base, operands: [FX('rax', 64), ...fx], modes: M64, asz: 64 }),
    f01(`${id}_eax`, reg, rm, { ...base, operands: [FX('eax', 32), ...fx], modes: M32, asz: 32 }),
    f01(`${id}_eax_a32`, reg, rm, { ...base, operands: [FX('eax', 32), ...fx], modes: M64, asz: 32 }),
    f01(`${id}_ax_a16`, reg, rm, { ...base, operands: [FX('ax', 16), ...fx], modes: M32, asz: 16 }),
  ];
}

function amdRows(): FormDef[] {
  return [
    f01('monitorx', 7, 2), f01('mwaitx', 7, 3), f01('rdpru', 7, 5),
    f01('invlpgb', 7, 6, { priv: true }), f01('tlbsync', 7, 7, { priv: true }),
    f01('mcommit', 7, 2, { prefix: 0xf3, flags: fl(0, STATUS) }),
    ...spelled('monitorx', 7, 2, ['ecx', 'edx']),
    f01('mwaitx_r', 7, 3, { mnem: 'mwaitx', operands: [FX('eax', 32), FX('ecx', 32), FX('ebx', 32)], encodeOnly: true }),
    ...spelled('invlpgb', 7, 6, ['ecx', 'edx'], { priv: true }),
    ...spelled('clzero', 7, 4, [], { sem: 'sys:clzero' }),
    // SEV-SNP (APM Vol. 3): the page-state instructions of host and guest.
    f01('rmpadjust', 7, 6, { prefix: 0xf3, modes: M64, priv: true, flags: fl(0, STATUS) }),
    f01('rmpupdate', 7, 6, { prefix: 0xf2, modes: M64, priv: true, flags: fl(0, STATUS) }),
    f01('psmash', 7, 7, { prefix: 0xf3, modes: M64, priv: true, flags: fl(0, STATUS) }),
    f01('pvalidate', 7, 7, { prefix: 0xf2, priv: true, flags: fl(0, STATUS) }),
  ];
}

function intelRows(): FormDef[] {
  const modes = M64;
  return [
    f01('wrmsrns', 0, 6, { priv: true }),
    f01('rdmsrlist', 0, 6, { prefix: 0xf2, modes, priv: true }),
    f01('wrmsrlist', 0, 6, { prefix: 0xf3, modes, priv: true }),
    // User interrupts (UINTR): 64-bit mode only.
    f01('uiret', 5, 4, { prefix: 0xf3, modes, flow: 'iret' }),
    f01('testui', 5, 5, { prefix: 0xf3, modes, flags: fl(0, STATUS) }),
    f01('clui', 5, 6, { prefix: 0xf3, modes }), f01('stui', 5, 7, { prefix: 0xf3, modes }),
    row({ id: 'senduipi', mnem: 'senduipi', prefix: 0xf3, opcode: [0x0f, 0xc7], modrm: { mod: 'reg', reg: 6 }, operands: [RR(64)], osz: 'none', modes, sem: 'ext:senduipi' }),
    // HRESET imm8 (F3 0F 3A F0 C0 ib); EAX names the components (GNU 2.40 takes no %eax operand).
    z('hreset', [0x0f, 0x3a, 0xf0], { prefix: 0xf3, modrm: { mod: 'reg', reg: 0, rm: 0 }, operands: [I(8)], priv: true }),
    f01('xsusldtrk', 5, 0, { prefix: 0xf2 }), f01('xresldtrk', 5, 1, { prefix: 0xf2 }),
    // Trust Domain Extensions: the guest's call into the TDX module, and the module's own.
    f01('tdcall', 1, 4, { prefix: 0x66, priv: true }), f01('seamret', 1, 5, { prefix: 0x66, modes, priv: true }),
    f01('seamops', 1, 6, { prefix: 0x66, modes, priv: true }), f01('seamcall', 1, 7, { prefix: 0x66, modes, priv: true }),
    row({ id: 'cldemote', mnem: 'cldemote', np: true, opcode: [0x0f, 0x1c], modrm: { reg: 0, mod: 'mem' }, operands: [M(0)], osz: 'none', suffix: 'none', sem: 'nop' }),
    // PTWRITE r/m32|64 (F3 0F AE /4): the size is REX.W's, 66h is not an operand-size prefix.
    row({ id: 'ptwrite', mnem: 'ptwrite', prefix: 0xf3, opcode: [0x0f, 0xae], modrm: { reg: 4 }, operands: [E('y')], osz: 'v', encSizes: [32, 64], no66: true, sem: 'ext:ptwrite' }),
  ];
}

/** ENQCMD/ENQCMDS: like MOVDIR64B, the destination address is in a register of the address size. */
function enqcmdRows(): FormDef[] {
  return (['enqcmd', 'enqcmds'] as const).flatMap((id) => {
    const prefix = id === 'enqcmd' ? 0xf2 : 0xf3;
    const base = { mnem: id, prefix, opcode: [0x0f, 0x38, 0xf8], modrm: { mod: 'mem' }, osz: 'none', flags: fl(0, STATUS), sem: `ext:${id}`, ...(id === 'enqcmds' ? { priv: true } : {}) } as const;
    return [
      row({ ...base, id: `${id}64`, operands: [M(0), R(64)], modes: M64 }),
      row({ ...base, id: `${id}32`, operands: [M(0), R(32)], modes: M32 }),
      row({ ...base, id: `${id}_a32`, operands: [M(0), R(32)], modes: M64, encodeOnly: true }),
      row({ ...base, id: `${id}_a16`, operands: [M(0), R(16)], modes: M32, encodeOnly: true }),
    ];
  });
}

/**
 * CRC32 (F2 0F 38 F0/F1): the AT&T suffix names the *source* size; the destination is 32-bit, or
 * 64-bit under REX.W (always for a 64-bit source). objdump spells every form with its suffix.
 */
function crc32Rows(): FormDef[] {
  const base = { prefix: 0xf2, modrm: {}, suffix: 'none', aliases: ['crc32'], sem: 'ext:crc32' } as const;
  // Wider rows first: without a suffix or a byte register, GNU takes the default (l, or q with a
  // 64-bit destination) and warns.
  return [
    row({ ...base, id: 'crc32q', mnem: 'crc32q', opcode: [0x0f, 0x38, 0xf1], operands: [E(64), R(64, 'rw')], osz: 'q', modes: M64 }),
    row({ ...base, id: 'crc32l', mnem: 'crc32l', opcode: [0x0f, 0x38, 0xf1], operands: [E(32), R(32, 'rw')], osz: 'd' }),
    row({ ...base, id: 'crc32w', mnem: 'crc32w', opcode: [0x0f, 0x38, 0xf1], operands: [E(16), R(32, 'rw')], osz: 'w' }),
    row({ ...base, id: 'crc32b', mnem: 'crc32b', opcode: [0x0f, 0x38, 0xf0], operands: [E(8), R(32, 'rw')], osz: 'd' }),
    row({ ...base, id: 'crc32b_q', mnem: 'crc32b', opcode: [0x0f, 0x38, 0xf0], operands: [E(8), R(64, 'rw')], osz: 'q', modes: M64 }),
  ];
}

/** RAO-INT (0F 38 FC /r, memory destination): atomic add/and/or/xor without a result. */
function raoRows(): FormDef[] {
  const ops = [['aadd', undefined], ['aand', 0x66], ['aor', 0xf2], ['axor', 0xf3]] as const;
  return ops.map(([id, prefix]) =>
    row({ id, mnem: id, ...(prefix ? { prefix } : {}), opcode: [0x0f, 0x38, 0xfc], modrm: { mod: 'mem' }, operands: [R('y'), M('y', 'rw')], osz: 'v', encSizes: [32, 64], no66: true, suffix: 'none', sem: `ext:${id}` }));
}

/**
 * Implicit registers GNU also takes written out, for rows defined elsewhere: umwait/tpause with
 * EDX:EAX, monitor with a 16-bit address (67h) or 64-bit %rcx/%rdx, mwait with 64-bit registers.
 */
function spelledElsewhere(): FormDef[] {
  const wait = (id: 'umwait' | 'tpause', prefix: 0x66 | 0xf2): FormDef =>
    row({ id: `${id}_edx_eax`, mnem: id, prefix, opcode: [0x0f, 0xae], modrm: { mod: 'reg', reg: 6 }, operands: [RR(32), FX('edx', 32), FX('eax', 32)], osz: 'none', encodeOnly: true, sem: `waitpkg:${id}` });
  const mon = { mnem: 'monitor', encodeOnly: true, sem: 'sys:monitor' } as const;
  return [
    wait('umwait', 0xf2), wait('tpause', 0x66),
    f01('monitor_ax_a16', 1, 0, { ...mon, operands: [FX('ax', 16), FX('ecx', 32), FX('edx', 32)], modes: M32, asz: 16 }),
    f01('monitor_rax_q', 1, 0, { ...mon, operands: [FX('rax', 64), FX('rcx', 64), FX('rdx', 64)], modes: M64, asz: 64 }),
    f01('monitor_eax_q', 1, 0, { ...mon, operands: [FX('eax', 32), FX('rcx', 64), FX('rdx', 64)], modes: M64, asz: 32 }),
    f01('mwait_q', 1, 1, { mnem: 'mwait', operands: [FX('rax', 64), FX('rcx', 64)], modes: M64, encodeOnly: true, sem: 'sys:mwait' }),
  ];
}

export const EXT_FORMS: readonly FormDef[] = [...amdRows(), ...intelRows(), ...enqcmdRows(), ...crc32Rows(), ...raoRows(), ...spelledElsewhere()];
