// Control flow: jmp/jcc/call/ret (near and far), loop and jcxz, software interrupts and iret, nop/hlt/ud.

import type { FormDef } from '../types.js';
import { row, E, M, J, I, I2, R, CC, ccFlags, fl, ZF, OF, ALLFLAGS, TF, M32, M64 } from '../build.js';

const IFL = 1 << 9;

function jumpRows(): FormDef[] {
  const out: FormDef[] = [
    row({ id: 'jmp_rel8', mnem: 'jmp', opcode: [0xeb], operands: [J(8)], osz: 'none', flow: 'jmp', relaxTo: 'jmp_rel32', sem: 'jmp' }),
    row({ id: 'jmp_rel32', mnem: 'jmp', opcode: [0xe9], operands: [J('z')], osz: 'none', flow: 'jmp', relaxTo: 'jmp_rel8', sem: 'jmp' }),
    // Indirect forms must be written with '*'; operand size is 64 in long mode (SDM Vol. 2A JMP).
    row({ id: 'jmp_rm', mnem: 'jmp', opcode: [0xff], modrm: { reg: 4 }, operands: [E('v')], osz: 'f64', flow: 'jmp', sem: 'jmp:ind' }),
    row({ id: 'ljmp_m', mnem: 'ljmp', opcode: [0xff], modrm: { reg: 5, mod: 'mem' }, operands: [M(0)], osz: 'v', encSizes: [16, 32], flow: 'jmp', sem: 'jmp:far' }),
    row({ id: 'ljmp_ptr', mnem: 'ljmp', aliases: ['jmp'], opcode: [0xea], operands: [I2(16), I('z')], osz: 'v', modes: M32, flow: 'jmp', sem: 'jmp:far' }),
    row({ id: 'call_rel32', mnem: 'call', opcode: [0xe8], operands: [J('z')], osz: 'f64', flow: 'call', sem: 'call' }),
    row({ id: 'call_rm', mnem: 'call', opcode: [0xff], modrm: { reg: 2 }, operands: [E('v')], osz: 'f64', flow: 'call', sem: 'call:ind' }),
    row({ id: 'lcall_m', mnem: 'lcall', opcode: [0xff], modrm: { reg: 3, mod: 'mem' }, operands: [M(0)], osz: 'v', encSizes: [16, 32], flow: 'call', sem: 'call:far' }),
    row({ id: 'lcall_ptr', mnem: 'lcall', aliases: ['call'], opcode: [0x9a], operands: [I2(16), I('z')], osz: 'v', modes: M32, flow: 'call', sem: 'call:far' }),
    row({ id: 'ret', mnem: 'ret', opcode: [0xc3], operands: [], osz: 'f64', flow: 'ret', sem: 'ret' }),
    row({ id: 'ret_imm', mnem: 'ret', opcode: [0xc2], operands: [I(16)], osz: 'f64', flow: 'ret', sem: 'ret' }),
    row({ id: 'lret', mnem: 'lret', aliases: ['retf'], opcode: [0xcb], operands: [], osz: 'v', flow: 'ret', sem: 'ret:far' }),
    row({ id: 'lret_imm', mnem: 'lret', aliases: ['retf'], opcode: [0xca], operands: [I(16)], osz: 'v', flow: 'ret', sem: 'ret:far' }),
  ];
  CC.forEach((names, cc) => {
    const [n, ...alt] = names;
    const aliases = alt.map((a) => `j${a}`);
    const flags = fl(ccFlags(cc), 0);
    out.push(
      row({ id: `j${n}_rel8`, mnem: `j${n}`, aliases, opcode: [0x70 + cc], operands: [J(8)], osz: 'none', flags, flow: 'jcc', cc, relaxTo: `j${n}_rel32`, sem: 'jcc' }),
      row({ id: `j${n}_rel32`, mnem: `j${n}`, aliases, opcode: [0x0f, 0x80 + cc], operands: [J('z')], osz: 'none', flags, flow: 'jcc', cc, relaxTo: `j${n}_rel8`, sem: 'jcc' }),
    );
  });
  out.push(
    row({ id: 'loopne', mnem: 'loopne', aliases: ['loopnz'], opcode: [0xe0], operands: [J(8)], osz: 'none', flags: fl(ZF, 0), flow: 'loop', sem: 'loop:ne' }),
    row({ id: 'loope', mnem: 'loope', aliases: ['loopz'], opcode: [0xe1], operands: [J(8)], osz: 'none', flags: fl(ZF, 0), flow: 'loop', sem: 'loop:e' }),
    row({ id: 'loop', mnem: 'loop', opcode: [0xe2], operands: [J(8)], osz: 'none', flow: 'loop', sem: 'loop' }),
    // GNU spells an address-size override of loop* as a suffix: loopl (ecx) in 64-bit mode, loopw (cx) in 32-bit.
    ...(['loopne', 'loopnz', 'loope', 'loopz', 'loop'] as const).flatMap((m) => {
      const op = m === 'loop' ? 0xe2 : m.startsWith('loopn') ? 0xe0 : 0xe1;
      const flags = m === 'loop' ? fl(0, 0) : fl(ZF, 0);
      const sem = m === 'loop' ? 'loop' : m.startsWith('loopn') ? 'loop:ne' : 'loop:e';
      return [
        row({ id: `${m}_a16`, mnem: `${m}w`, opcode: [op], operands: [J(8)], osz: 'none', modes: M32, asz: 16, flags, flow: 'loop', sem, encodeOnly: true }),
        row({ id: `${m}_a32`, mnem: `${m}l`, opcode: [op], operands: [J(8)], osz: 'none', asz: 32, flags, flow: 'loop', sem, encodeOnly: true }),
        row({ id: `${m}_a64`, mnem: `${m}q`, opcode: [op], operands: [J(8)], osz: 'none', modes: M64, asz: 64, flags, flow: 'loop', sem, encodeOnly: true }),
      ];
    }),
    // E3: the counter register is chosen by the address size (SDM Vol. 2A Jcc, JCXZ/JECXZ/JRCXZ).
    row({ id: 'jcxz', mnem: 'jcxz', opcode: [0xe3], operands: [J(8)], osz: 'none', modes: M32, asz: 16, flow: 'jcc', sem: 'jcxz' }),
    row({ id: 'jecxz', mnem: 'jecxz', opcode: [0xe3], operands: [J(8)], osz: 'none', asz: 32, flow: 'jcc', sem: 'jcxz' }),
    row({ id: 'jrcxz', mnem: 'jrcxz', opcode: [0xe3], operands: [J(8)], osz: 'none', modes: M64, asz: 64, flow: 'jcc', sem: 'jcxz' }),
  );
  return out;
}

function intRows(): FormDef[] {
  const intFlags = fl(0, TF | IFL | (1 << 16) | (1 << 17) | (1 << 18));
  return [
    row({ id: 'int3', mnem: 'int3', opcode: [0xcc], operands: [], osz: 'none', flags: intFlags, flow: 'int', sem: 'int:3' }),
    row({ id: 'int', mnem: 'int', opcode: [0xcd], operands: [I(8)], osz: 'none', flags: intFlags, flow: 'int', sem: 'int' }),
    row({ id: 'into', mnem: 'into', opcode: [0xce], operands: [], osz: 'none', modes: M32, flags: fl(OF, intFlags.written), flow: 'int', sem: 'int:o' }),
    row({ id: 'int1', mnem: 'int1', opcode: [0xf1], operands: [], osz: 'none', flags: intFlags, flow: 'int', sem: 'int:1' }),
    row({ id: 'iretw', mnem: 'iretw', opcode: [0xcf], operands: [], osz: 'w', suffix: 'none', flags: fl(0, ALLFLAGS), flow: 'iret', sem: 'iret' }),
    row({ id: 'iret', mnem: 'iret', aliases: ['iretl'], opcode: [0xcf], operands: [], osz: 'd', suffix: 'none', flags: fl(0, ALLFLAGS), flow: 'iret', sem: 'iret' }),
    row({ id: 'iretq', mnem: 'iretq', opcode: [0xcf], operands: [], osz: 'q', suffix: 'none', modes: M64, flags: fl(0, ALLFLAGS), flow: 'iret', sem: 'iret' }),
  ];
}

function miscRows(): FormDef[] {
  return [
    row({ id: 'hlt', mnem: 'hlt', opcode: [0xf4], operands: [], osz: 'none', flow: 'halt', priv: true, sem: 'hlt' }),
    // 90 is nop, not xchg %eax,%eax (SDM Vol. 2B NOP); F3 90 is pause.
    row({ id: 'nop', mnem: 'nop', opcode: [0x90], operands: [], osz: 'none', overlay: true, sem: 'nop' }),
    row({ id: 'pause', mnem: 'pause', prefix: 0xf3, opcode: [0x90], operands: [], osz: 'none', overlay: true, sem: 'nop' }),
    row({ id: 'nop_rm', mnem: 'nop', opcode: [0x0f, 0x1f], modrm: { reg: 0 }, operands: [E('v', 'none')], osz: 'v', sem: 'nop' }),
    row({ id: 'ud2', mnem: 'ud2', aliases: ['ud2a'], opcode: [0x0f, 0x0b], operands: [], osz: 'none', sem: 'ud' }),
    row({ id: 'ud1', mnem: 'ud1', aliases: ['ud2b'], opcode: [0x0f, 0xb9], modrm: {}, operands: [E('v', 'none'), R('v', 'none')], osz: 'v', sem: 'ud' }),
    row({ id: 'ud0', mnem: 'ud0', opcode: [0x0f, 0xff], modrm: {}, operands: [E('v', 'none'), R('v', 'none')], osz: 'v', sem: 'ud' }),
  ];
}

export const FLOW_FORMS: readonly FormDef[] = [...jumpRows(), ...intRows(), ...miscRows()];
