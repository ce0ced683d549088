// Arithmetic, logic, shifts/rotates, multiply/divide and bit instructions.
// Families are generated from one base row each (SDM Vol. 2, Table A-6 opcode groups 1-3).

import type { FormDef } from '../types.js';
import { row, E, R, I, FX, ONE, fl, NOFLAGS, CF, PF, AF, ZF, SF, OF, STATUS } from '../build.js';

/** ALU ops of group 1 in /digit order, with the flags each reads (adc/sbb read CF). */
const ALU: readonly (readonly [string, number])[] = [
  ['add', 0], ['or', 0], ['adc', CF], ['sbb', CF], ['and', 0], ['sub', 0], ['xor', 0], ['cmp', 0],
];

function aluRows(): FormDef[] {
  const out: FormDef[] = [];
  ALU.forEach(([m, rd], n) => {
    const logic = m === 'and' || m === 'or' || m === 'xor';
    const flags = logic ? fl(0, STATUS & ~AF, AF) : fl(rd, STATUS);
    const lock = m !== 'cmp';
    const dst = m === 'cmp' ? 'r' : 'rw';
    const sem = `alu:${m}`;
    const b = n << 3;
    // Order matters to the encoder: GNU tries the store form (00/01) before the load form (02/03)
    // for reg,reg; the sign-extended imm8 form (83) before the accumulator (04/05) and generic (80/81) forms.
    out.push(
      row({ id: `${m}_rm8_r8`, mnem: m, opcode: [b], modrm: {}, operands: [R(8), E(8, dst)], osz: 'b', flags, lockable: lock, sem }),
      row({ id: `${m}_rm_r`, mnem: m, opcode: [b + 1], modrm: {}, operands: [R('v'), E('v', dst)], osz: 'v', flags, lockable: lock, sem }),
      row({ id: `${m}_r8_rm8`, mnem: m, opcode: [b + 2], modrm: {}, operands: [E(8), R(8, dst)], osz: 'b', flags, sem }),
      row({ id: `${m}_r_rm`, mnem: m, opcode: [b + 3], modrm: {}, operands: [E('v'), R('v', dst)], osz: 'v', flags, sem }),
      row({ id: `${m}_rm_imm8s`, mnem: m, opcode: [0x83], modrm: { reg: n }, operands: [I(8, true), E('v', dst)], osz: 'v', flags, lockable: lock, sem }),
      row({ id: `${m}_al_imm8`, mnem: m, opcode: [b + 4], operands: [I(8), FX('acc', 8, dst)], osz: 'b', flags, sem }),
      row({ id: `${m}_acc_imm`, mnem: m, opcode: [b + 5], operands: [I('z'), FX('acc', 'v', dst)], osz: 'v', flags, sem }),
      row({ id: `${m}_rm8_imm8`, mnem: m, opcode: [0x80], modrm: { reg: n }, operands: [I(8), E(8, dst)], osz: 'b', flags, lockable: lock, sem }),
      row({ id: `${m}_rm_imm`, mnem: m, opcode: [0x81], modrm: { reg: n }, operands: [I('z'), E('v', dst)], osz: 'v', flags, lockable: lock, sem }),
    );
  });
  // 82 /n: 80 /n aliases, 32-bit mode only; decoded by objdump, never chosen by GNU as.
  ALU.forEach(([m, rd], n) => {
    const logic = m === 'and' || m === 'or' || m === 'xor';
    const flags = logic ? fl(0, STATUS & ~AF, AF) : fl(rd, STATUS);
    out.push(row({ id: `${m}_rm8_imm8_82`, mnem: m, opcode: [0x82], modrm: { reg: n }, operands: [I(8), E(8, m === 'cmp' ? 'r' : 'rw')], osz: 'b', modes: [32], flags, lockable: m !== 'cmp', sem: `alu:${m}`, decodeOnly: true }));
  });
  return out;
}

const LOGIC = fl(0, STATUS & ~AF, AF);

function unaryRows(): FormDef[] {
  const incdec = (m: string, n: number): FormDef[] => {
    const flags = fl(0, STATUS & ~CF);
    return [
      row({ id: `${m}_rm8`, mnem: m, opcode: [0xfe], modrm: { reg: n }, operands: [E(8, 'rw')], osz: 'b', flags, lockable: true, sem: `alu:${m}` }),
      // 40+r / 48+r exist only outside 64-bit mode (they are REX there); GNU prefers them in 32-bit mode.
      row({ id: `${m}_r_short`, mnem: m, opcode: [0x40 + n * 8], operands: [O32('rw')], osz: 'v', modes: [32], flags, sem: `alu:${m}` }),
      row({ id: `${m}_rm`, mnem: m, opcode: [0xff], modrm: { reg: n }, operands: [E('v', 'rw')], osz: 'v', flags, lockable: true, sem: `alu:${m}` }),
    ];
  };
  const grp3 = (m: string, n: number, flags = NOFLAGS, lockable = false, acc: 'rw' | 'r' = 'rw'): FormDef[] => [
    row({ id: `${m}_rm8`, mnem: m, opcode: [0xf6], modrm: { reg: n }, operands: [E(8, acc)], osz: 'b', flags, lockable, sem: `alu:${m}` }),
    row({ id: `${m}_rm`, mnem: m, opcode: [0xf7], modrm: { reg: n }, operands: [E('v', acc)], osz: 'v', flags, lockable, sem: `alu:${m}` }),
  ];
  const test = [
    row({ id: 'test_rm8_r8', mnem: 'test', opcode: [0x84], modrm: {}, operands: [R(8), E(8)], osz: 'b', flags: LOGIC, commute: true, sem: 'alu:test' }),
    row({ id: 'test_rm_r', mnem: 'test', opcode: [0x85], modrm: {}, operands: [R('v'), E('v')], osz: 'v', flags: LOGIC, commute: true, sem: 'alu:test' }),
    row({ id: 'test_al_imm8', mnem: 'test', opcode: [0xa8], operands: [I(8), FX('acc', 8)], osz: 'b', flags: LOGIC, sem: 'alu:test' }),
    row({ id: 'test_acc_imm', mnem: 'test', opcode: [0xa9], operands: [I('z'), FX('acc', 'v')], osz: 'v', flags: LOGIC, sem: 'alu:test' }),
    row({ id: 'test_rm8_imm8', mnem: 'test', opcode: [0xf6], modrm: { reg: 0 }, operands: [I(8), E(8)], osz: 'b', flags: LOGIC, sem: 'alu:test' }),
    row({ id: 'test_rm_imm', mnem: 'test', opcode: [0xf7], modrm: { reg: 0 }, operands: [I('z'), E('v')], osz: 'v', flags: LOGIC, sem: 'alu:test' }),
    // F6/F7 /1 is an undocumented alias of /0 that objdump decodes as test; GNU never emits it.
    row({ id: 'test_rm8_imm8_1', mnem: 'test', opcode: [0xf6], modrm: { reg: 1 }, operands: [I(8), E(8)], osz: 'b', flags: LOGIC, sem: 'alu:test', decodeOnly: true }),
    row({ id: 'test_rm_imm_1', mnem: 'test', opcode: [0xf7], modrm: { reg: 1 }, operands: [I('z'), E('v')], osz: 'v', flags: LOGIC, sem: 'alu:test', decodeOnly: true }),
  ];
  const muldivFlags = fl(0, CF | OF, SF | ZF | AF | PF);
  const divFlags = fl(0, 0, STATUS);
  return [
    ...incdec('inc', 0), ...incdec('dec', 1),
    ...test,
    ...grp3('not', 2, NOFLAGS, true), ...grp3('neg', 3, fl(0, STATUS), true),
    ...grp3('mul', 4, muldivFlags, false, 'r'), ...grp3('imul', 5, muldivFlags, false, 'r'),
    ...grp3('div', 6, divFlags, false, 'r'), ...grp3('idiv', 7, divFlags, false, 'r'),
    // GNU also takes the implicit dividend written out, `div %cl,%al` / `idivl (%ebx),%eax` (encode only).
    ...(['div', 'idiv'] as const).flatMap((m, k) => [
      row({ id: `${m}_rm8_acc`, mnem: m, opcode: [0xf6], modrm: { reg: 6 + k }, operands: [E(8, 'r'), FX('acc', 8, 'rw')], osz: 'b', flags: divFlags, encodeOnly: true, sem: `alu:${m}` }),
      row({ id: `${m}_rm_acc`, mnem: m, opcode: [0xf7], modrm: { reg: 6 + k }, operands: [E('v', 'r'), FX('acc', 'v', 'rw')], osz: 'v', flags: divFlags, encodeOnly: true, sem: `alu:${m}` }),
    ]),
    row({ id: 'imul_r_rm', mnem: 'imul', opcode: [0x0f, 0xaf], modrm: {}, operands: [E('v'), R('v', 'rw')], osz: 'v', flags: muldivFlags, sem: 'alu:imul2' }),
    row({ id: 'imul_r_rm_imm8s', mnem: 'imul', opcode: [0x6b], modrm: {}, operands: [I(8, true), E('v'), R('v', 'w')], osz: 'v', flags: muldivFlags, sem: 'alu:imul3' }),
    row({ id: 'imul_r_rm_imm', mnem: 'imul', opcode: [0x69], modrm: {}, operands: [I('z'), E('v'), R('v', 'w')], osz: 'v', flags: muldivFlags, sem: 'alu:imul3' }),
  ];
}

function O32(access: 'rw'): ReturnType<typeof R> {
  return { kind: 'gpr', loc: 'opreg', size: 'v', access };
}

/** Group 2 in /digit order; /6 is the undocumented sal alias (decode only). */
const SHIFTS: readonly string[] = ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'sal', 'sar'];

function shiftRows(): FormDef[] {
  const out: FormDef[] = [];
  SHIFTS.forEach((m, n) => {
    const rot = n < 4;
    const flags = rot ? fl(n >= 2 ? CF : 0, CF | OF) : fl(0, STATUS & ~AF, AF);
    const sem = `shift:${m === 'sal' ? 'shl' : m}`;
    const mnem = m;
    const aliases = m === 'shl' ? ['sal'] : undefined;
    const idp = m === 'sal' ? 'sal6' : m;
    const dec = m === 'sal' ? { decodeOnly: true } : {};
    // GNU encodes a count of exactly 1 (`shl $1,%eax` or `shl %eax`) with D0/D1 (SDM Vol. 2B SAL/SAR/SHL/SHR).
    out.push(
      row({ id: `${idp}_rm8_1`, mnem, aliases, opcode: [0xd0], modrm: { reg: n }, operands: [ONE, E(8, 'rw')], osz: 'b', flags, sem, ...dec }),
      row({ id: `${idp}_rm_1`, mnem, aliases, opcode: [0xd1], modrm: { reg: n }, operands: [ONE, E('v', 'rw')], osz: 'v', flags, sem, ...dec }),
      row({ id: `${idp}_rm8_cl`, mnem, aliases, opcode: [0xd2], modrm: { reg: n }, operands: [FX('cl', 8), E(8, 'rw')], osz: 'b', flags, sem, ...dec }),
      row({ id: `${idp}_rm_cl`, mnem, aliases, opcode: [0xd3], modrm: { reg: n }, operands: [FX('cl', 8), E('v', 'rw')], osz: 'v', flags, sem, ...dec }),
      row({ id: `${idp}_rm8_imm8`, mnem, aliases, opcode: [0xc0], modrm: { reg: n }, operands: [I(8), E(8, 'rw')], osz: 'b', flags, sem, ...dec }),
      row({ id: `${idp}_rm_imm8`, mnem, aliases, opcode: [0xc1], modrm: { reg: n }, operands: [I(8), E('v', 'rw')], osz: 'v', flags, sem, ...dec }),
    );
  });
  const dflags = fl(0, STATUS & ~AF, AF);
  for (const [m, op] of [['shld', 0xa4], ['shrd', 0xac]] as const) {
    out.push(
      row({ id: `${m}_imm8`, mnem: m, opcode: [0x0f, op], modrm: {}, operands: [I(8), R('v'), E('v', 'rw')], osz: 'v', flags: dflags, sem: `shift:${m}` }),
      row({ id: `${m}_cl`, mnem: m, opcode: [0x0f, op + 1], modrm: {}, operands: [FX('cl', 8), R('v'), E('v', 'rw')], osz: 'v', flags: dflags, sem: `shift:${m}` }),
      // GNU also accepts the count register left out: `shld %eax,%ebx` is `shld %cl,%eax,%ebx`.
      row({ id: `${m}_cl_implied`, mnem: m, opcode: [0x0f, op + 1], modrm: {}, operands: [R('v'), E('v', 'rw')], osz: 'v', flags: dflags, encodeOnly: true, sem: `shift:${m}` }),
    );
  }
  return out;
}

function bitRows(): FormDef[] {
  const btFlags = fl(0, CF, OF | SF | AF | PF);
  const out: FormDef[] = [];
  for (const [m, op, n] of [['bt', 0xa3, 4], ['bts', 0xab, 5], ['btr', 0xb3, 6], ['btc', 0xbb, 7]] as const) {
    const acc = m === 'bt' ? 'r' : 'rw';
    out.push(
      row({ id: `${m}_rm_r`, mnem: m, opcode: [0x0f, op], modrm: {}, operands: [R('v'), E('v', acc)], osz: 'v', flags: btFlags, lockable: m !== 'bt', sem: `bit:${m}` }),
      row({ id: `${m}_rm_imm8`, mnem: m, opcode: [0x0f, 0xba], modrm: { reg: n }, operands: [I(8), E('v', acc)], osz: 'v', flags: btFlags, lockable: m !== 'bt', sem: `bit:${m}` }),
    );
  }
  const bsFlags = fl(0, ZF, CF | OF | SF | AF | PF);
  out.push(
    row({ id: 'bsf', mnem: 'bsf', opcode: [0x0f, 0xbc], modrm: {}, operands: [E('v'), R('v', 'w')], osz: 'v', flags: bsFlags, sem: 'bit:bsf' }),
    row({ id: 'bsr', mnem: 'bsr', opcode: [0x0f, 0xbd], modrm: {}, operands: [E('v'), R('v', 'w')], osz: 'v', flags: bsFlags, sem: 'bit:bsr' }),
    row({ id: 'popcnt', mnem: 'popcnt', prefix: 0xf3, opcode: [0x0f, 0xb8], modrm: {}, operands: [E('v'), R('v', 'w')], osz: 'v', flags: fl(0, STATUS), sem: 'bit:popcnt' }),
    row({ id: 'tzcnt', mnem: 'tzcnt', prefix: 0xf3, opcode: [0x0f, 0xbc], modrm: {}, operands: [E('v'), R('v', 'w')], osz: 'v', flags: fl(0, CF | ZF, OF | SF | PF | AF), sem: 'bit:tzcnt' }),
    row({ id: 'lzcnt', mnem: 'lzcnt', prefix: 0xf3, opcode: [0x0f, 0xbd], modrm: {}, operands: [E('v'), R('v', 'w')], osz: 'v', flags: fl(0, CF | ZF, OF | SF | PF | AF), sem: 'bit:lzcnt' }),
  );
  return out;
}

/** Exchange-and-modify and byte-order rows (they write flags like their ALU counterparts). */
function xrows(): FormDef[] {
  return [
    row({ id: 'cmpxchg_rm8_r8', mnem: 'cmpxchg', opcode: [0x0f, 0xb0], modrm: {}, operands: [R(8), E(8, 'rw')], osz: 'b', flags: fl(0, STATUS), lockable: true, sem: 'cmpxchg' }),
    row({ id: 'cmpxchg_rm_r', mnem: 'cmpxchg', opcode: [0x0f, 0xb1], modrm: {}, operands: [R('v'), E('v', 'rw')], osz: 'v', flags: fl(0, STATUS), lockable: true, sem: 'cmpxchg' }),
    row({ id: 'xadd_rm8_r8', mnem: 'xadd', opcode: [0x0f, 0xc0], modrm: {}, operands: [R(8, 'rw'), E(8, 'rw')], osz: 'b', flags: fl(0, STATUS), lockable: true, sem: 'xadd' }),
    row({ id: 'xadd_rm_r', mnem: 'xadd', opcode: [0x0f, 0xc1], modrm: {}, operands: [R('v', 'rw'), E('v', 'rw')], osz: 'v', flags: fl(0, STATUS), lockable: true, sem: 'xadd' }),
  ];
}

/** Decimal-adjust and other 32-bit-only arithmetic (invalid in 64-bit mode). */
function legacyRows(): FormDef[] {
  const m32 = [32] as const;
  return [
    row({ id: 'daa', mnem: 'daa', opcode: [0x27], operands: [], osz: 'none', modes: m32, flags: fl(CF | AF, STATUS & ~OF, OF), sem: 'bcd:daa' }),
    row({ id: 'das', mnem: 'das', opcode: [0x2f], operands: [], osz: 'none', modes: m32, flags: fl(CF | AF, STATUS & ~OF, OF), sem: 'bcd:das' }),
    row({ id: 'aaa', mnem: 'aaa', opcode: [0x37], operands: [], osz: 'none', modes: m32, flags: fl(AF, AF | CF, OF | SF | ZF | PF), sem: 'bcd:aaa' }),
    row({ id: 'aas', mnem: 'aas', opcode: [0x3f], operands: [], osz: 'none', modes: m32, flags: fl(AF, AF | CF, OF | SF | ZF | PF), sem: 'bcd:aas' }),
    row({ id: 'aam', mnem: 'aam', opcode: [0xd4, 0x0a], operands: [], osz: 'none', modes: m32, flags: fl(0, SF | ZF | PF, OF | AF | CF), sem: 'bcd:aam', encodeOnly: true }),
    row({ id: 'aam_imm8', mnem: 'aam', opcode: [0xd4], operands: [I(8)], osz: 'none', modes: m32, flags: fl(0, SF | ZF | PF, OF | AF | CF), sem: 'bcd:aam' }),
    row({ id: 'aad', mnem: 'aad', opcode: [0xd5, 0x0a], operands: [], osz: 'none', modes: m32, flags: fl(0, SF | ZF | PF, OF | AF | CF), sem: 'bcd:aad', encodeOnly: true }),
    row({ id: 'aad_imm8', mnem: 'aad', opcode: [0xd5], operands: [I(8)], osz: 'none', modes: m32, flags: fl(0, SF | ZF | PF, OF | AF | CF), sem: 'bcd:aad' }),
  ];
}


export const ARITH_FORMS: readonly FormDef[] = [
  ...aluRows(), ...unaryRows(), ...shiftRows(), ...bitRows(), ...xrows(), ...legacyRows(),
];
