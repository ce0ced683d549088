// Virtualization (VMX, SVM), enclave (SGX), transactional memory (TSX), direct-store and wait
// instructions that kernel headers emit, with the operand spellings GNU as 2.40 accepts. The
// executor has no model of these: their sems have no handler, so they raise #UD (or #GP at CPL > 0
// for the privileged ones), as on a CPU without the feature.
// Encodings: SDM Vol. 2 (VMX Vol. 3C ch. 31, SGX Vol. 3D, TSX Vol. 1 ch. 16), AMD APM Vol. 3 (SVM).

import type { FormDef } from '../types.js';
import { row, E, FX, I, J, M, R, RR, M32, M64 } from '../build.js';

/** No operands, optional fixed ModRM (0F 01 with mod=11). */
function z(id: string, opcode: readonly number[], extra: Partial<FormDef> = {}): FormDef {
  return row({ id, mnem: extra.mnem ?? id, opcode, operands: [], osz: 'none', sem: `sys:${extra.mnem ?? id}`, ...extra });
}
function f01(id: string, reg: number, rm: number, extra: Partial<FormDef> = {}): FormDef {
  return z(id, [0x0f, 0x01], { modrm: { mod: 'reg', reg, rm }, ...extra });
}
/** Memory-only /digit row (vmxon, vmptrld, ...): the operand is a 64-bit physical address in memory. */
function m(id: string, opcode: readonly number[], reg: number, extra: Partial<FormDef> = {}): FormDef {
  return row({ id, mnem: id, opcode, modrm: { reg, mod: 'mem' }, operands: [M(0)], osz: 'none', suffix: 'none', priv: true, sem: `vmx:${id}`, ...extra });
}

/** One row per mode width for instructions whose register operands are the address size (no REX.W). */
function widths(make: (n: 32 | 64) => FormDef): FormDef[] {
  return [make(64), make(32)];
}
const modesOf = (n: 32 | 64) => (n === 64 ? M64 : M32);

function vmxRows(): FormDef[] {
  return [
    m('vmxon', [0x0f, 0xc7], 6, { prefix: 0xf3 }),
    m('vmptrld', [0x0f, 0xc7], 6),
    m('vmptrst', [0x0f, 0xc7], 7, { operands: [M(0, 'w')] }),
    m('vmclear', [0x0f, 0xc7], 6, { prefix: 0x66 }),
    // VMREAD r/m, r: the field encoding is the ModRM.reg register (AT&T source), the value goes to r/m.
    ...widths((n) => row({ id: `vmread${n}`, mnem: 'vmread', opcode: [0x0f, 0x78], modrm: {}, operands: [R(n), E(n, 'w')], osz: 'none', suffix: 'size', modes: modesOf(n), priv: true, sem: 'vmx:vmread' })),
    ...widths((n) => row({ id: `vmwrite${n}`, mnem: 'vmwrite', opcode: [0x0f, 0x79], modrm: {}, operands: [E(n), R(n)], osz: 'none', suffix: 'size', modes: modesOf(n), priv: true, sem: 'vmx:vmwrite' })),
    ...widths((n) => row({ id: `invept${n}`, mnem: 'invept', prefix: 0x66, opcode: [0x0f, 0x38, 0x80], modrm: { mod: 'mem' }, operands: [M(0), R(n)], osz: 'none', modes: modesOf(n), priv: true, sem: 'vmx:invept' })),
    ...widths((n) => row({ id: `invvpid${n}`, mnem: 'invvpid', prefix: 0x66, opcode: [0x0f, 0x38, 0x81], modrm: { mod: 'mem' }, operands: [M(0), R(n)], osz: 'none', modes: modesOf(n), priv: true, sem: 'vmx:invvpid' })),
    f01('pconfig', 0, 5, { priv: true }),
  ];
}

function svmRows(): FormDef[] {
  // GNU also takes the implicit address register spelled out: `vmrun %rax` (`%eax` in 32-bit code).
  const withAx = (id: string, rm: number): FormDef[] => [
    f01(id, 3, rm, { priv: true }),
    f01(`${id}_rax`, 3, rm, { mnem: id, operands: [FX('rax', 64)], modes: M64, encodeOnly: true, priv: true }),
    f01(`${id}_eax`, 3, rm, { mnem: id, operands: [FX('eax', 32)], modes: M32, asz: 32, encodeOnly: true, priv: true }),
    // A narrower register than the mode's address size is an address-size prefix (67h).
    f01(`${id}_eax_a32`, 3, rm, { mnem: id, operands: [FX('eax', 32)], modes: M64, asz: 32, encodeOnly: true, priv: true }),
    f01(`${id}_ax_a16`, 3, rm, { mnem: id, operands: [FX('ax', 16)], modes: M32, asz: 16, encodeOnly: true, priv: true }),
  ];
  return [
    ...withAx('vmrun', 0), ...withAx('vmload', 2), ...withAx('vmsave', 3),
    // SEV-ES guest exit: vmmcall with F3 (APM Vol. 3, VMGEXIT).
    f01('vmgexit', 3, 1, { prefix: 0xf3 }),
    f01('skinit_eax', 3, 6, { mnem: 'skinit', operands: [FX('eax', 32)], encodeOnly: true, priv: true }),
    f01('invlpga_rax', 3, 7, { mnem: 'invlpga', operands: [FX('rax', 64), FX('ecx', 32)], modes: M64, encodeOnly: true, priv: true }),
    f01('invlpga_eax', 3, 7, { mnem: 'invlpga', operands: [FX('eax', 32), FX('ecx', 32)], modes: M32, asz: 32, encodeOnly: true, priv: true }),
    f01('invlpga_ax_a16', 3, 7, { mnem: 'invlpga', operands: [FX('ax', 16), FX('ecx', 32)], modes: M32, asz: 16, encodeOnly: true, priv: true }),
    f01('invlpga_eax_a32', 3, 7, { mnem: 'invlpga', operands: [FX('eax', 32), FX('ecx', 32)], modes: M64, asz: 32, encodeOnly: true, priv: true }),
  ];
}

function sgxRows(): FormDef[] {
  return [f01('encls', 1, 7, { priv: true }), f01('enclu', 2, 7), f01('enclv', 0, 0, { priv: true })];
}

function tsxRows(): FormDef[] {
  return [
    // XBEGIN rel32 (C7 F8): the abort address is a branch target (GNU relocates it as one, PLT32 in
    // 64-bit code) that GNU never shortens.
    row({ id: 'xbegin', mnem: 'xbegin', opcode: [0xc7], modrm: { mod: 'reg', reg: 7, rm: 0 }, operands: [J('z')], osz: 'none', flow: 'jcc', sem: 'tsx:xbegin' }),
    row({ id: 'xabort', mnem: 'xabort', opcode: [0xc6], modrm: { mod: 'reg', reg: 7, rm: 0 }, operands: [I(8)], osz: 'none', sem: 'tsx:xabort' }),
    f01('xend', 2, 5, { sem: 'tsx:xend' }),
  ];
}

function storeWaitRows(): FormDef[] {
  return [
    // MOVDIR64B: the destination address is in a register of the address size (AT&T: last operand).
    ...widths((n) => row({ id: `movdir64b${n}`, mnem: 'movdir64b', prefix: 0x66, opcode: [0x0f, 0x38, 0xf8], modrm: { mod: 'mem' }, operands: [M(0), R(n)], osz: 'none', modes: modesOf(n), sem: 'movdir64b' })),
    // With an address-size override (67h) the register is the narrower one: `movdir64b (%eax),%eax`.
    row({ id: 'movdir64b_a32', mnem: 'movdir64b', prefix: 0x66, opcode: [0x0f, 0x38, 0xf8], modrm: { mod: 'mem' }, operands: [M(0), R(32)], osz: 'none', modes: M64, encodeOnly: true, sem: 'movdir64b' }),
    row({ id: 'movdir64b_a16', mnem: 'movdir64b', prefix: 0x66, opcode: [0x0f, 0x38, 0xf8], modrm: { mod: 'mem' }, operands: [M(0), R(16)], osz: 'none', modes: M32, encodeOnly: true, sem: 'movdir64b' }),
    row({ id: 'movdiri32', mnem: 'movdiri', opcode: [0x0f, 0x38, 0xf9], modrm: { mod: 'mem' }, operands: [R(32), M(32, 'w')], osz: 'd', suffix: 'none', sem: 'movdiri' }),
    row({ id: 'movdiri64', mnem: 'movdiri', opcode: [0x0f, 0x38, 0xf9], modrm: { mod: 'mem' }, operands: [R(64), M(64, 'w')], osz: 'q', suffix: 'none', modes: M64, sem: 'movdiri' }),
    row({ id: 'tpause', mnem: 'tpause', prefix: 0x66, opcode: [0x0f, 0xae], modrm: { mod: 'reg', reg: 6 }, operands: [RR(32)], osz: 'none', sem: 'waitpkg:tpause' }),
    row({ id: 'umwait', mnem: 'umwait', prefix: 0xf2, opcode: [0x0f, 0xae], modrm: { mod: 'reg', reg: 6 }, operands: [RR(32)], osz: 'none', sem: 'waitpkg:umwait' }),
    ...widths((n) => row({ id: `umonitor${n}`, mnem: 'umonitor', prefix: 0xf3, opcode: [0x0f, 0xae], modrm: { mod: 'reg', reg: 6 }, operands: [RR(n)], osz: 'none', modes: modesOf(n), sem: 'waitpkg:umonitor' })),
    row({ id: 'umonitor_a32', mnem: 'umonitor', prefix: 0xf3, opcode: [0x0f, 0xae], modrm: { mod: 'reg', reg: 6 }, operands: [RR(32)], osz: 'none', modes: M64, asz: 32, encodeOnly: true, sem: 'waitpkg:umonitor' }),
    row({ id: 'umonitor_a16', mnem: 'umonitor', prefix: 0xf3, opcode: [0x0f, 0xae], modrm: { mod: 'reg', reg: 6 }, operands: [RR(16)], osz: 'none', modes: M32, asz: 16, encodeOnly: true, sem: 'waitpkg:umonitor' }),
    // `movsxl` is GNU's spelling of movslq (movsx with an `l` source suffix).
    row({ id: 'movsxl', mnem: 'movsxl', opcode: [0x63], modrm: {}, operands: [E(32), R(64, 'w')], osz: 'q', suffix: 'none', modes: M64, encodeOnly: true, sem: 'movsx' }),
    row({ id: 'movsxl_32', mnem: 'movsxl', opcode: [0x63], modrm: {}, operands: [E(32), R(32, 'w')], osz: 'd', suffix: 'none', modes: M64, encodeOnly: true, sem: 'mov' }),
  ];
}

export const VMX_FORMS: readonly FormDef[] = [...vmxRows(), ...svmRows(), ...sgxRows(), ...tsxRows(), ...storeWaitRows()];
