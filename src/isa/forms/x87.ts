// x87 control instructions a kernel's FPU setup uses (fninit, control/status word, environment and
// state save/restore). Not the x87 arithmetic. The f* spellings without `n` are the fn* form behind a
// WAIT (9B), which GNU emits first, before any other prefix.
// All rows are encoder-only for now: the decoder and formatter do not handle x87 yet (drop `encodeOnly`
// from the fn* rows to give them decode slots).

import type { FormDef } from '../types.js';
import { row, M, FX, fl } from '../build.js';

const X = fl(0, 0);

function ctl(id: string, opcode: readonly number[], reg: number, size: 0 | 16, sem: string, wait = false): FormDef {
  return row({
    id, mnem: id, opcode: wait ? [0x9b, ...opcode] : opcode, modrm: { reg, mod: 'mem' }, operands: [M(size, 'rw')],
    osz: 'none', suffix: size ? 'size' : 'none', flags: X, sem, encodeOnly: true,
  });
}
function fixed(id: string, opcode: readonly number[], reg: number, rm: number, sem: string, wait = false, operands = [] as FormDef['operands']): FormDef {
  return row({
    id, mnem: id, opcode: wait ? [0x9b, ...opcode] : opcode, modrm: { mod: 'reg', reg, rm }, operands, osz: 'none', flags: X, sem,
    encodeOnly: true,
  });
}

export const X87_FORMS: readonly FormDef[] = [
  row({ id: 'fwait', mnem: 'fwait', aliases: ['wait'], opcode: [0x9b], operands: [], osz: 'none', flags: X, sem: 'x87:wait', encodeOnly: true }),
  fixed('fninit', [0xdb], 4, 3, 'x87:init'), fixed('finit', [0xdb], 4, 3, 'x87:init', true),
  fixed('fnclex', [0xdb], 4, 2, 'x87:clex'), fixed('fclex', [0xdb], 4, 2, 'x87:clex', true),
  ctl('fldcw', [0xd9], 5, 16, 'x87:ldcw'),
  ctl('fnstcw', [0xd9], 7, 16, 'x87:stcw'), ctl('fstcw', [0xd9], 7, 16, 'x87:stcw', true),
  ctl('fnstsw', [0xdd], 7, 16, 'x87:stsw'), ctl('fstsw', [0xdd], 7, 16, 'x87:stsw', true),
  // fnstsw %ax (DF E0), also written without the operand.
  { ...fixed('fnstsw_ax', [0xdf], 4, 0, 'x87:stsw', false, [FX('ax', 16, 'w')]), mnem: 'fnstsw' },
  { ...fixed('fnstsw_ax0', [0xdf], 4, 0, 'x87:stsw', false, []), mnem: 'fnstsw', encodeOnly: true },
  { ...fixed('fstsw_ax', [0xdf], 4, 0, 'x87:stsw', true, [FX('ax', 16, 'w')]), mnem: 'fstsw' },
  { ...fixed('fstsw_ax0', [0xdf], 4, 0, 'x87:stsw', true, []), mnem: 'fstsw' },
  ctl('fldenv', [0xd9], 4, 0, 'x87:ldenv'),
  ctl('fnstenv', [0xd9], 6, 0, 'x87:stenv'), ctl('fstenv', [0xd9], 6, 0, 'x87:stenv', true),
  ctl('frstor', [0xdd], 4, 0, 'x87:rstor'),
  ctl('fnsave', [0xdd], 6, 0, 'x87:save'), ctl('fsave', [0xdd], 6, 0, 'x87:save', true),
];
