// BMI1, BMI2 (VEX-encoded general-register instructions) and ADX (legacy 66/F3 0F 38 F6).
// SDM Vol. 2A/2B: ANDN, BEXTR, BLSI, BLSMSK, BLSR, BZHI, MULX, PDEP, PEXT, RORX, SARX/SHLX/SHRX,
// ADCX, ADOX. All are 32- or 64-bit only; VEX.L must be 0 (VEX.LZ), and VEX.W selects the 64-bit
// form in 64-bit mode; outside it VEX.W1 is ignored (SDM Vol. 2A, VEX-encoded GPR instructions),
// and objdump decodes it that way too.
//
// Operands are in AT&T order (sources first, destination last): `andn %eax,%ebx,%ecx` is
// ANDN ecx, ebx, eax — ModRM.rm, VEX.vvvv, ModRM.reg.

import type { FormDef, VexDef } from '../types.js';
import { row, E, R, V, I, fl, NOFLAGS, CF, PF, AF, ZF, SF, OF } from '../build.js';

const VEX: VexDef = { l: 0, w: 'size' };
const Y = [32, 64] as const;

/** Shared fields of a VEX BMI row (map 0F 38 unless the opcode says otherwise). */
function vrow(r: Omit<FormDef, 'osz' | 'modes' | 'flags' | 'suffix' | 'flow' | 'vex' | 'encSizes' | 'modrm'> & { modrm?: FormDef['modrm']; flags?: FormDef['flags'] }): FormDef {
  return row({ ...r, modrm: r.modrm ?? {}, osz: 'v', encSizes: Y, vex: VEX });
}

const M2 = (op: number): number[] => [0x0f, 0x38, op];

// Undefined flags per SDM (the values the host leaves there are measured and modelled in
// src/cpu/ops-bmi.ts).
const ANDN_FLAGS = fl(0, SF | ZF | OF | CF, AF | PF);
const BEXTR_FLAGS = fl(0, ZF | CF | OF, AF | SF | PF);
const BLS_FLAGS = fl(0, ZF | SF | CF | OF, AF | PF);
const BZHI_FLAGS = fl(0, ZF | SF | CF | OF, AF | PF);

function bmi1(): FormDef[] {
  return [
    vrow({ id: 'andn', mnem: 'andn', opcode: M2(0xf2), operands: [E('y'), V('y'), R('y', 'w')], flags: ANDN_FLAGS, sem: 'bmi:andn' }),
    vrow({ id: 'bextr', mnem: 'bextr', opcode: M2(0xf7), operands: [V('y'), E('y'), R('y', 'w')], flags: BEXTR_FLAGS, sem: 'bmi:bextr' }),
    // Group 17 (VEX 0F 38 F3 /1 /2 /3): the destination is VEX.vvvv.
    vrow({ id: 'blsr', mnem: 'blsr', opcode: M2(0xf3), modrm: { reg: 1 }, operands: [E('y'), V('y', 'w')], flags: BLS_FLAGS, sem: 'bmi:blsr' }),
    vrow({ id: 'blsmsk', mnem: 'blsmsk', opcode: M2(0xf3), modrm: { reg: 2 }, operands: [E('y'), V('y', 'w')], flags: BLS_FLAGS, sem: 'bmi:blsmsk' }),
    vrow({ id: 'blsi', mnem: 'blsi', opcode: M2(0xf3), modrm: { reg: 3 }, operands: [E('y'), V('y', 'w')], flags: BLS_FLAGS, sem: 'bmi:blsi' }),
  ];
}

function bmi2(): FormDef[] {
  return [
    vrow({ id: 'bzhi', mnem: 'bzhi', opcode: M2(0xf5), operands: [V('y'), E('y'), R('y', 'w')], flags: BZHI_FLAGS, sem: 'bmi:bzhi' }),
    vrow({ id: 'pdep', mnem: 'pdep', prefix: 0xf2, opcode: M2(0xf5), operands: [E('y'), V('y'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:pdep' }),
    vrow({ id: 'pext', mnem: 'pext', prefix: 0xf3, opcode: M2(0xf5), operands: [E('y'), V('y'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:pext' }),
    // MULX: ModRM.reg gets the high half, VEX.vvvv the low half; the other factor is EDX/RDX.
    vrow({ id: 'mulx', mnem: 'mulx', prefix: 0xf2, opcode: M2(0xf6), operands: [E('y'), V('y', 'w'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:mulx' }),
    vrow({ id: 'rorx', mnem: 'rorx', prefix: 0xf2, opcode: [0x0f, 0x3a, 0xf0], operands: [I(8), E('y'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:rorx' }),
    vrow({ id: 'sarx', mnem: 'sarx', prefix: 0xf3, opcode: M2(0xf7), operands: [V('y'), E('y'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:sarx' }),
    vrow({ id: 'shlx', mnem: 'shlx', prefix: 0x66, opcode: M2(0xf7), operands: [V('y'), E('y'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:shlx' }),
    vrow({ id: 'shrx', mnem: 'shrx', prefix: 0xf2, opcode: M2(0xf7), operands: [V('y'), E('y'), R('y', 'w')], flags: NOFLAGS, sem: 'bmi:shrx' }),
  ];
}

/** ADX: add with carry through CF only (adcx) or OF only (adox); the other flags are unchanged. */
function adx(): FormDef[] {
  return [
    row({ id: 'adcx', mnem: 'adcx', prefix: 0x66, opcode: M2(0xf6), modrm: {}, operands: [E('y'), R('y', 'rw')], osz: 'v', encSizes: Y, no66: true, flags: fl(CF, CF), sem: 'adx:adcx' }),
    row({ id: 'adox', mnem: 'adox', prefix: 0xf3, opcode: M2(0xf6), modrm: {}, operands: [E('y'), R('y', 'rw')], osz: 'v', encSizes: Y, no66: true, flags: fl(OF, OF), sem: 'adx:adox' }),
  ];
}

export const BMI_FORMS: readonly FormDef[] = [...bmi1(), ...bmi2(), ...adx()];
