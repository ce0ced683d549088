// Data movement: mov (all forms), movzx/movsx/movsxd, xchg, bswap, movbe, lea, push/pop,
// conversions (cbw..cqo), string ops, in/out, cmovcc/setcc, flag moves.

import type { FormDef, OperandDef, Size } from '../types.js';
import {
  row, E, R, RR, M, O, I, I2, FX, SREG, SEG, MOFFS, CC, ccFlags, fl,
  CF, PF, AF, ZF, SF, DF, STATUS, ALLFLAGS, M32, M64,
} from '../build.js';

const Y: OperandDef = { kind: 'gpr', loc: 'opreg', size: 'y', access: 'rw' };

function movRows(): FormDef[] {
  return [
    // A0-A3 moffs: GNU uses them for `mov abs,%acc` in 32-bit mode; in 64-bit mode only for movabs or an
    // address that does not fit a sign-extended disp32 (the encoder applies that rule).
    row({ id: 'mov_al_moffs', mnem: 'mov', aliases: ['movabs'], opcode: [0xa0], operands: [MOFFS(8), FX('acc', 8, 'w')], osz: 'b', sem: 'mov' }),
    row({ id: 'mov_acc_moffs', mnem: 'mov', aliases: ['movabs'], opcode: [0xa1], operands: [MOFFS('v'), FX('acc', 'v', 'w')], osz: 'v', sem: 'mov' }),
    row({ id: 'mov_moffs_al', mnem: 'mov', aliases: ['movabs'], opcode: [0xa2], operands: [FX('acc', 8), MOFFS(8, 'w')], osz: 'b', sem: 'mov' }),
    row({ id: 'mov_moffs_acc', mnem: 'mov', aliases: ['movabs'], opcode: [0xa3], operands: [FX('acc', 'v'), MOFFS('v', 'w')], osz: 'v', sem: 'mov' }),
    row({ id: 'mov_rm8_r8', mnem: 'mov', opcode: [0x88], modrm: {}, operands: [R(8), E(8, 'w')], osz: 'b', sem: 'mov' }),
    row({ id: 'mov_rm_r', mnem: 'mov', opcode: [0x89], modrm: {}, operands: [R('v'), E('v', 'w')], osz: 'v', sem: 'mov' }),
    row({ id: 'mov_r8_rm8', mnem: 'mov', opcode: [0x8a], modrm: {}, operands: [E(8), R(8, 'w')], osz: 'b', sem: 'mov' }),
    row({ id: 'mov_r_rm', mnem: 'mov', opcode: [0x8b], modrm: {}, operands: [E('v'), R('v', 'w')], osz: 'v', sem: 'mov' }),
    // 8C/8E: a memory operand is always 16-bit (no 66h); a register operand takes the operand size.
    row({ id: 'mov_r_sreg', mnem: 'mov', opcode: [0x8c], modrm: { mod: 'reg' }, operands: [SREG(), RR('v', 'w')], osz: 'v', osPrefix: 'no-w', sem: 'mov:sreg' }),
    row({ id: 'mov_m_sreg', mnem: 'mov', opcode: [0x8c], modrm: { mod: 'mem' }, operands: [SREG(), M(16, 'w')], osz: 'none', suffix: 'size', sem: 'mov:sreg' }),
    row({ id: 'mov_sreg_r', mnem: 'mov', opcode: [0x8e], modrm: { mod: 'reg' }, operands: [RR('v'), SREG('w')], osz: 'v', osPrefix: 'none', sem: 'mov:sreg' }),
    row({ id: 'mov_sreg_m', mnem: 'mov', opcode: [0x8e], modrm: { mod: 'mem' }, operands: [M(16), SREG('w')], osz: 'none', suffix: 'size', sem: 'mov:sreg' }),
    row({ id: 'mov_r8_imm8', mnem: 'mov', opcode: [0xb0], operands: [I(8), O(8, 'w')], osz: 'b', sem: 'mov' }),
    // B8+r: imm32 for 32-bit registers; with REX.W a full imm64 (movabs). GNU uses it for a 64-bit register only
    // when the value does not fit a sign-extended imm32 (else C7 /0), or when written `movabs`.
    row({ id: 'mov_r_imm', mnem: 'mov', aliases: ['movabs'], opcode: [0xb8], operands: [I('v'), O('v', 'w')], osz: 'v', sem: 'mov' }),
    row({ id: 'mov_rm8_imm8', mnem: 'mov', opcode: [0xc6], modrm: { reg: 0 }, operands: [I(8), E(8, 'w')], osz: 'b', sem: 'mov' }),
    row({ id: 'mov_rm_imm', mnem: 'mov', opcode: [0xc7], modrm: { reg: 0 }, operands: [I('z'), E('v', 'w')], osz: 'v', sem: 'mov' }),

    row({ id: 'movzx_8', mnem: 'movzb', aliases: ['movzx', 'movzxb'], opcode: [0x0f, 0xb6], modrm: {}, operands: [E(8), R('v', 'w')], osz: 'v', sem: 'movzx' }),
    row({ id: 'movzx_16', mnem: 'movzw', aliases: ['movzx'], opcode: [0x0f, 0xb7], modrm: {}, operands: [E(16), R('v', 'w')], osz: 'v', encSizes: [32, 64], sem: 'movzx' }),
    row({ id: 'movsx_8', mnem: 'movsb', aliases: ['movsx', 'movsxb'], opcode: [0x0f, 0xbe], modrm: {}, operands: [E(8), R('v', 'w')], osz: 'v', sem: 'movsx' }),
    row({ id: 'movsx_16', mnem: 'movsw', aliases: ['movsx'], opcode: [0x0f, 0xbf], modrm: {}, operands: [E(16), R('v', 'w')], osz: 'v', encSizes: [32, 64], sem: 'movsx' }),
    // `movzx`/`movsx` (unlike movzw/movsw) also take a 16-bit destination: movzx %ax,%ax.
    row({ id: 'movzx_16_x', mnem: 'movzx', aliases: ['movzxw'], opcode: [0x0f, 0xb7], modrm: {}, operands: [E(16), R('v', 'w')], osz: 'v', suffix: 'none', encodeOnly: true, sem: 'movzx' }),
    row({ id: 'movsx_16_x', mnem: 'movsx', aliases: ['movsxw'], opcode: [0x0f, 0xbf], modrm: {}, operands: [E(16), R('v', 'w')], osz: 'v', suffix: 'none', encodeOnly: true, sem: 'movsx' }),
    row({ id: 'movslq', mnem: 'movsl', aliases: ['movsxd', 'movsx'], opcode: [0x63], modrm: {}, operands: [E(32), R(64, 'w')], osz: 'q', modes: M64, sem: 'movsx' }),
    // Without REX.W, 63 /r copies 32 bits (GNU and objdump spell it movsxd %eax,%eax).
    row({ id: 'movsxd_32', mnem: 'movsxd', opcode: [0x63], modrm: {}, operands: [E(32), R(32, 'w')], osz: 'd', suffix: 'none', modes: M64, sem: 'mov' }),
    row({ id: 'movsxd_16', mnem: 'movsxd', opcode: [0x63], modrm: {}, operands: [E(32), R(16, 'w')], osz: 'w', suffix: 'none', modes: M64, sem: 'mov' }),
    // 63 /r is arpl outside 64-bit mode.
    row({ id: 'arpl', mnem: 'arpl', opcode: [0x63], modrm: {}, operands: [R(16), E(16, 'rw')], osz: 'none', modes: M32, flags: fl(0, ZF), sem: 'sys:arpl' }),

    // Far pointer loads (SDM Vol. 2A LDS/LES/LFS/LGS/LSS); lds/les are C5/C4 outside 64-bit mode only.
    row({ id: 'lss', mnem: 'lss', opcode: [0x0f, 0xb2], modrm: { mod: 'mem' }, operands: [M(0), R('v', 'w')], osz: 'v', encSizes: [16, 32], sem: 'lseg:ss' }),
    row({ id: 'lfs', mnem: 'lfs', opcode: [0x0f, 0xb4], modrm: { mod: 'mem' }, operands: [M(0), R('v', 'w')], osz: 'v', encSizes: [16, 32], sem: 'lseg:fs' }),
    row({ id: 'lgs', mnem: 'lgs', opcode: [0x0f, 0xb5], modrm: { mod: 'mem' }, operands: [M(0), R('v', 'w')], osz: 'v', encSizes: [16, 32], sem: 'lseg:gs' }),
    row({ id: 'les', mnem: 'les', opcode: [0xc4], modrm: { mod: 'mem' }, operands: [M(0), R('v', 'w')], osz: 'v', modes: M32, sem: 'lseg:es' }),
    row({ id: 'lds', mnem: 'lds', opcode: [0xc5], modrm: { mod: 'mem' }, operands: [M(0), R('v', 'w')], osz: 'v', modes: M32, sem: 'lseg:ds' }),
    row({ id: 'bound', mnem: 'bound', opcode: [0x62], modrm: { mod: 'mem' }, operands: [R('v'), M(0)], osz: 'v', modes: M32, sem: 'bound' }),
    row({ id: 'movnti', mnem: 'movnti', opcode: [0x0f, 0xc3], modrm: { mod: 'mem' }, operands: [R('v'), M('v', 'w')], osz: 'v', encSizes: [32, 64], sem: 'mov' }),
    row({ id: 'lea', mnem: 'lea', opcode: [0x8d], modrm: { mod: 'mem' }, operands: [M(0, 'none'), R('v', 'w')], osz: 'v', sem: 'lea' }),

    // xchg: GNU picks 90+r when either operand is the accumulator (`xchg %eax,%eax` in 64-bit mode excepted:
    // 90 is nop there and would not zero-extend, SDM Vol. 2B XCHG).
    row({ id: 'xchg_acc_r', mnem: 'xchg', opcode: [0x90], operands: [O('v', 'rw'), FX('acc', 'v', 'rw')], osz: 'v', commute: true, sem: 'xchg' }),
    row({ id: 'xchg_rm8_r8', mnem: 'xchg', opcode: [0x86], modrm: {}, operands: [R(8, 'rw'), E(8, 'rw')], osz: 'b', commute: true, lockable: true, sem: 'xchg' }),
    row({ id: 'xchg_rm_r', mnem: 'xchg', opcode: [0x87], modrm: {}, operands: [R('v', 'rw'), E('v', 'rw')], osz: 'v', commute: true, lockable: true, sem: 'xchg' }),

    row({ id: 'bswap', mnem: 'bswap', opcode: [0x0f, 0xc8], operands: [Y], osz: 'v', encSizes: [32, 64], sem: 'bswap' }),
    row({ id: 'movbe_r_m', mnem: 'movbe', opcode: [0x0f, 0x38, 0xf0], modrm: { mod: 'mem' }, operands: [M('v'), R('v', 'w')], osz: 'v', sem: 'movbe' }),
    row({ id: 'movbe_m_r', mnem: 'movbe', opcode: [0x0f, 0x38, 0xf1], modrm: { mod: 'mem' }, operands: [R('v'), M('v', 'w')], osz: 'v', sem: 'movbe' }),
  ];
}

function stackRows(): FormDef[] {
  const segPush = (s: string, op: readonly number[], modes = M32): FormDef[] => [
    row({ id: `push_${s}`, mnem: 'push', opcode: op, operands: [SEG(s)], osz: 'd64', modes, sem: 'push:seg' }),
  ];
  const segPop = (s: string, op: readonly number[], modes = M32): FormDef[] => [
    row({ id: `pop_${s}`, mnem: 'pop', opcode: op, operands: [{ ...SEG(s), access: 'w' }], osz: 'd64', modes, sem: 'pop:seg' }),
  ];
  return [
    row({ id: 'push_r', mnem: 'push', opcode: [0x50], operands: [O('v')], osz: 'd64', sem: 'push' }),
    row({ id: 'push_rm', mnem: 'push', opcode: [0xff], modrm: { reg: 6 }, operands: [E('v')], osz: 'd64', sem: 'push' }),
    row({ id: 'push_imm8', mnem: 'push', opcode: [0x6a], operands: [I(8, true)], osz: 'd64', sem: 'push' }),
    row({ id: 'push_imm', mnem: 'push', opcode: [0x68], operands: [I('z')], osz: 'd64', sem: 'push' }),
    ...segPush('es', [0x06]), ...segPush('cs', [0x0e]), ...segPush('ss', [0x16]), ...segPush('ds', [0x1e]),
    ...segPush('fs', [0x0f, 0xa0], [32, 64]), ...segPush('gs', [0x0f, 0xa8], [32, 64]),
    row({ id: 'pop_r', mnem: 'pop', opcode: [0x58], operands: [O('v', 'w')], osz: 'd64', sem: 'pop' }),
    row({ id: 'pop_rm', mnem: 'pop', opcode: [0x8f], modrm: { reg: 0 }, operands: [E('v', 'w')], osz: 'd64', sem: 'pop' }),
    ...segPop('es', [0x07]), ...segPop('ss', [0x17]), ...segPop('ds', [0x1f]),
    ...segPop('fs', [0x0f, 0xa1], [32, 64]), ...segPop('gs', [0x0f, 0xa9], [32, 64]),
    row({ id: 'pusha', mnem: 'pusha', opcode: [0x60], operands: [], osz: 'v', modes: M32, sem: 'pusha' }),
    row({ id: 'popa', mnem: 'popa', opcode: [0x61], operands: [], osz: 'v', modes: M32, sem: 'popa' }),
    row({ id: 'pushf', mnem: 'pushf', opcode: [0x9c], operands: [], osz: 'd64', flags: fl(ALLFLAGS, 0), sem: 'pushf' }),
    row({ id: 'popf', mnem: 'popf', opcode: [0x9d], operands: [], osz: 'd64', flags: fl(0, ALLFLAGS), sem: 'popf' }),
    row({ id: 'enter', mnem: 'enter', opcode: [0xc8], operands: [I(16), I2(8)], osz: 'd64', sem: 'enter' }),
    row({ id: 'leave', mnem: 'leave', opcode: [0xc9], operands: [], osz: 'd64', sem: 'leave' }),
  ];
}

function convRows(): FormDef[] {
  return [
    row({ id: 'cbtw', mnem: 'cbtw', aliases: ['cbw'], opcode: [0x98], operands: [], osz: 'w', suffix: 'none', sem: 'conv:cbw' }),
    row({ id: 'cwtl', mnem: 'cwtl', aliases: ['cwde'], opcode: [0x98], operands: [], osz: 'd', suffix: 'none', sem: 'conv:cbw' }),
    row({ id: 'cltq', mnem: 'cltq', aliases: ['cdqe'], opcode: [0x98], operands: [], osz: 'q', suffix: 'none', modes: M64, sem: 'conv:cbw' }),
    row({ id: 'cwtd', mnem: 'cwtd', aliases: ['cwd'], opcode: [0x99], operands: [], osz: 'w', suffix: 'none', sem: 'conv:cwd' }),
    row({ id: 'cltd', mnem: 'cltd', aliases: ['cdq'], opcode: [0x99], operands: [], osz: 'd', suffix: 'none', sem: 'conv:cwd' }),
    row({ id: 'cqto', mnem: 'cqto', aliases: ['cqo'], opcode: [0x99], operands: [], osz: 'q', suffix: 'none', modes: M64, sem: 'conv:cwd' }),
  ];
}

function stringRows(): FormDef[] {
  const dfr = fl(DF, 0);
  const dfc = fl(DF, STATUS);
  // GNU also takes the SysV spellings smov and ssca (smovb, sscaq, `smovl (%esi),(%edi)`).
  const sysv: Readonly<Record<string, readonly string[]>> = { movs: ['smov'], scas: ['ssca'] };
  const s = (m: string, op: number, rep: 'rep' | 'repcc', flags = dfr): FormDef[] => [
    row({ id: `${m}_8`, mnem: m, aliases: sysv[m], opcode: [op], operands: [], osz: 'b', rep, flags, sem: `str:${m}` }),
    row({ id: `${m}_v`, mnem: m, aliases: sysv[m], opcode: [op + 1], operands: [], osz: 'v', rep, flags, sem: `str:${m}` }),
  ];
  // ins/outs have no 64-bit operand size (REX.W is ignored).
  const io = (m: string, op: number): FormDef[] => [
    row({ id: `${m}b`, mnem: m, opcode: [op], operands: [], osz: 'b', rep: 'rep', flags: dfr, sem: `str:${m}` }),
    row({ id: `${m}w`, mnem: m, opcode: [op + 1], operands: [], osz: 'w', rep: 'rep', flags: dfr, sem: `str:${m}` }),
    row({ id: `${m}l`, mnem: m, opcode: [op + 1], operands: [], osz: 'd', rep: 'rep', flags: dfr, sem: `str:${m}` }),
  ];
  // Explicit-operand spellings (`movsb (%rsi),(%rdi)`, `stos %eax,%es:(%rdi)`, `scasb (%rdi)`): the memory
  // operands only name the implied addresses; they select the address size and the source segment.
  const SM = (size: Size): OperandDef => ({ kind: 'mem', loc: 'implicit', size, access: 'r' });
  /** The %es:(%rdi) operand (reg names its fixed segment). */
  const SE = (size: Size): OperandDef => ({ kind: 'mem', loc: 'implicit', size, reg: 'es', access: 'rw' });
  const explicit = (m: string, op: number, rep: 'rep' | 'repcc', shapes: readonly ((sz: Size) => OperandDef[])[], flags = dfr): FormDef[] =>
    shapes.flatMap((shape, k) => [
      row({ id: `${m}_8_x${k}`, mnem: m, aliases: sysv[m], opcode: [op], operands: shape(8), osz: 'b', rep, flags, encodeOnly: true, sem: `str:${m}` }),
      row({ id: `${m}_v_x${k}`, mnem: m, aliases: sysv[m], opcode: [op + 1], operands: shape('v'), osz: 'v', rep, flags, encodeOnly: true, sem: `str:${m}` }),
    ]);
  const accR = (sz: Size) => FX('acc', sz);
  const accW = (sz: Size) => FX('acc', sz, 'w');
  const dxOp = FX('dx', 16);
  return [
    ...explicit('movs', 0xa4, 'rep', [(z) => [SM(z), SE(z)]]),
    ...explicit('cmps', 0xa6, 'repcc', [(z) => [SE(z), SM(z)]], dfc),
    ...explicit('stos', 0xaa, 'rep', [(z) => [accR(z), SE(z)], (z) => [SE(z)]]),
    ...explicit('lods', 0xac, 'rep', [(z) => [SM(z), accW(z)], (z) => [SM(z)]]),
    ...explicit('scas', 0xae, 'repcc', [(z) => [SE(z), accR(z)], (z) => [SE(z)]], dfc),
    row({ id: 'ins_8_x', mnem: 'ins', opcode: [0x6c], operands: [dxOp, SE(8)], osz: 'b', rep: 'rep', flags: dfr, encodeOnly: true, sem: 'str:ins' }),
    row({ id: 'ins_v_x', mnem: 'ins', opcode: [0x6d], operands: [dxOp, SE('v')], osz: 'v', encSizes: [16, 32], rep: 'rep', flags: dfr, encodeOnly: true, sem: 'str:ins' }),
    row({ id: 'outs_8_x', mnem: 'outs', opcode: [0x6e], operands: [SM(8), dxOp], osz: 'b', rep: 'rep', flags: dfr, encodeOnly: true, sem: 'str:outs' }),
    row({ id: 'outs_v_x', mnem: 'outs', opcode: [0x6f], operands: [SM('v'), dxOp], osz: 'v', encSizes: [16, 32], rep: 'rep', flags: dfr, encodeOnly: true, sem: 'str:outs' }),
    row({ id: 'xlat_x', mnem: 'xlat', aliases: ['xlatb'], opcode: [0xd7], operands: [SM(0)], osz: 'none', encodeOnly: true, sem: 'xlat' }),
    ...s('movs', 0xa4, 'rep'), ...s('cmps', 0xa6, 'repcc', dfc), ...s('stos', 0xaa, 'rep'),
    ...s('lods', 0xac, 'rep'), ...s('scas', 0xae, 'repcc', dfc),
    ...io('ins', 0x6c), ...io('outs', 0x6e),
    row({ id: 'xlat', mnem: 'xlat', aliases: ['xlatb'], opcode: [0xd7], operands: [], osz: 'none', sem: 'xlat' }),
  ];
}

function ioRows(): FormDef[] {
  const acc = (size: 8 | 16 | 32, a: 'r' | 'w') => FX('acc', size, a);
  const dx = FX('dx', 16);
  const osz = (n: 8 | 16 | 32) => (n === 8 ? 'b' : n === 16 ? 'w' : 'd') as 'b' | 'w' | 'd';
  const out: FormDef[] = [];
  for (const n of [8, 16, 32] as const) {
    const o = n === 8 ? 0 : 1;
    const sfx = n === 8 ? '8' : String(n);
    out.push(
      row({ id: `in_${sfx}_imm8`, mnem: 'in', opcode: [0xe4 + o], operands: [I(8), acc(n, 'w')], osz: osz(n), sem: 'io:in' }),
      row({ id: `in_${sfx}_dx`, mnem: 'in', opcode: [0xec + o], operands: [dx, acc(n, 'w')], osz: osz(n), sem: 'io:in' }),
      row({ id: `out_${sfx}_imm8`, mnem: 'out', opcode: [0xe6 + o], operands: [acc(n, 'r'), I(8)], osz: osz(n), sem: 'io:out' }),
      row({ id: `out_${sfx}_dx`, mnem: 'out', opcode: [0xee + o], operands: [acc(n, 'r'), dx], osz: osz(n), sem: 'io:out' }),
    );
  }
  // GNU shorthands without the accumulator: `inb $0x60`, `inl %dx`, `outb $0x80`, `outw (%dx)`.
  // Without a suffix GNU takes the 32-bit form, so those rows come first.
  for (const n of [32, 16, 8] as const) {
    const o = n === 8 ? 0 : 1;
    const sfx = n === 8 ? '8' : String(n);
    out.push(
      // Only the 32-bit one is reachable without a suffix.
      row({ id: `in_${sfx}_imm8_short`, mnem: n === 32 ? 'in' : `in${osz(n)[0] === 'b' ? 'b' : 'w'}`, opcode: [0xe4 + o], operands: [I(8)], osz: osz(n), encodeOnly: true, suffix: n === 32 ? 'size' : 'none', sem: 'io:in' }),
      row({ id: `in_${sfx}_dx_short`, mnem: n === 32 ? 'in' : `in${osz(n)[0] === 'b' ? 'b' : 'w'}`, opcode: [0xec + o], operands: [dx], osz: osz(n), encodeOnly: true, suffix: n === 32 ? 'size' : 'none', sem: 'io:in' }),
      row({ id: `out_${sfx}_imm8_short`, mnem: n === 32 ? 'out' : `out${osz(n)[0] === 'b' ? 'b' : 'w'}`, opcode: [0xe6 + o], operands: [I(8)], osz: osz(n), encodeOnly: true, suffix: n === 32 ? 'size' : 'none', sem: 'io:out' }),
      row({ id: `out_${sfx}_dx_short`, mnem: n === 32 ? 'out' : `out${osz(n)[0] === 'b' ? 'b' : 'w'}`, opcode: [0xee + o], operands: [dx], osz: osz(n), encodeOnly: true, suffix: n === 32 ? 'size' : 'none', sem: 'io:out' }),
    );
  }
  return out;
}

function ccRows(): FormDef[] {
  const out: FormDef[] = [];
  CC.forEach((names, cc) => {
    const [n, ...alt] = names;
    const read = fl(ccFlags(cc), 0);
    out.push(row({ id: `cmov${n}`, mnem: `cmov${n}`, aliases: alt.map((a) => `cmov${a}`), opcode: [0x0f, 0x40 + cc], modrm: {}, operands: [E('v'), R('v', 'rw')], osz: 'v', flags: read, cc, sem: 'cmovcc' }));
    out.push(row({ id: `set${n}`, mnem: `set${n}`, aliases: alt.map((a) => `set${a}`), opcode: [0x0f, 0x90 + cc], modrm: {}, regIgnored: true, operands: [E(8, 'w')], osz: 'b', flags: read, cc, sem: 'setcc' }));
  });
  return out;
}

function flagRows(): FormDef[] {
  const f = (id: string, op: number, flags = fl(0, 0), sem = `flag:${id}`, priv = false) =>
    row({ id, mnem: id, opcode: [op], operands: [], osz: 'none', flags, sem, ...(priv ? { priv } : {}) });
  return [
    f('clc', 0xf8, fl(0, CF)), f('stc', 0xf9, fl(0, CF)), f('cmc', 0xf5, fl(CF, CF)),
    f('cld', 0xfc, fl(0, DF)), f('std', 0xfd, fl(0, DF)),
    f('cli', 0xfa, fl(0, 1 << 9)), f('sti', 0xfb, fl(0, 1 << 9)),
    f('lahf', 0x9f, fl(SF | ZF | AF | PF | CF, 0)), f('sahf', 0x9e, fl(0, SF | ZF | AF | PF | CF)),
  ];
}


export const DATA_FORMS: readonly FormDef[] = [
  ...movRows(), ...stackRows(), ...convRows(), ...stringRows(), ...ioRows(), ...ccRows(), ...flagRows(),
];
