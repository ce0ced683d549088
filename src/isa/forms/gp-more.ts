// More general-purpose instructions and operand spellings that GNU as 2.40 takes and its own test
// suite uses: VIA PadLock (xstore-rng, xcrypt-*, montmul, xsha*), PREFETCHWT1, SEV-SNP's RMPQUERY,
// CMPccXADD (VEX-encoded), and the implicit registers written out for pvalidate/rmpquery and for
// 64-bit monitorx/mwaitx. Encodings: SDM Vol. 2, the ISA Extensions reference, AMD APM Vol. 3,
// VIA PadLock Programming Guide; spellings and bytes measured with GNU as 2.40 and objdump.
// The executor has no model of these: their sems have no handler, so a run that reaches one stops
// naming it.

import type { FormDef, VexDef } from '../types.js';
import { row, FX, M, R, RR, V, fl, M32, M64, STATUS, DF } from '../build.js';

/** 0F 01 with mod=11 and a fixed reg and rm (no operands). */
function f01(id: string, reg: number, rm: number, extra: Partial<FormDef> = {}): FormDef {
  const mnem = extra.mnem ?? id;
  return row({ id, mnem, opcode: [0x0f, 0x01], modrm: { mod: 'reg', reg, rm }, operands: [], osz: 'none', sem: `ext:${mnem}`, ...extra });
}

/**
 * The address register (rAX) and the others written out: a narrower address register than the
 * mode's is an address-size prefix (67h). `rest` are the other registers, in 64-bit and other modes.
 */
function spelled(mnem: string, reg: number, rm: number, rest64: readonly string[], rest32: readonly string[] | undefined, extra: Partial<FormDef> = {}): FormDef[] {
  const fx = (rs: readonly string[]) => rs.map((r) => FX(r, r.startsWith('r') ? 64 : 32));
  const base = { mnem, encodeOnly: true, ...extra };
  const rows = [
    f01(`${mnem}_rax_s`, reg, rm, { ...base, operands: [FX('rax', 64), ...fx(rest64)], modes: M64, asz: 64 }),
    f01(`${mnem}_eax_a32_s`, reg, rm, { ...base, operands: [FX('eax', 32), ...fx(rest64)], modes: M64, asz: 32 }),
  ];
  if (rest32) {
    rows.push(
      f01(`${mnem}_eax_s`, reg, rm, { ...base, operands: [FX('eax', 32), ...fx(rest32)], modes: M32, asz: 32 }),
      f01(`${mnem}_ax_a16_s`, reg, rm, { ...base, operands: [FX('ax', 16), ...fx(rest32)], modes: M32, asz: 16 }),
    );
  }
  return rows;
}

function snpRows(): FormDef[] {
  return [
    // RMPQUERY (F3 0F 01 FD), 64-bit only; without F3 the slot is RDPRU.
    f01('rmpquery', 7, 5, { prefix: 0xf3, modes: M64, priv: true, flags: fl(0, STATUS) }),
    ...spelled('rmpquery', 7, 5, ['rcx', 'rdx'], undefined, { prefix: 0xf3, priv: true, flags: fl(0, STATUS) }),
    ...spelled('rmpadjust', 7, 6, ['rcx', 'rdx'], undefined, { prefix: 0xf3, priv: true, flags: fl(0, STATUS) }),
    ...spelled('rmpupdate', 7, 6, ['rcx'], undefined, { prefix: 0xf2, priv: true, flags: fl(0, STATUS) }),
    ...spelled('psmash', 7, 7, [], undefined, { prefix: 0xf3, priv: true, flags: fl(0, STATUS) }),
    ...spelled('pvalidate', 7, 7, ['ecx', 'edx'], ['ecx', 'edx'], { prefix: 0xf2, priv: true, flags: fl(0, STATUS) }),
    // monitorx/mwaitx with 64-bit registers in 64-bit code (the 32-bit spellings are in ext.ts).
    ...spelled('monitorx', 7, 2, ['rcx', 'rdx'], undefined, { sem: 'ext:monitorx' }),
    f01('mwaitx_q', 7, 3, { mnem: 'mwaitx', operands: [FX('rax', 64), FX('rcx', 64), FX('rbx', 64)], modes: M64, encodeOnly: true }),
  ];
}

/**
 * VIA PadLock (0F A6/A7 with mod=11): objdump spells them xstore-rng, xcrypt-ecb, ...; GNU takes them
 * without the hyphen. Every one but xstore-rng is a REP operation GNU always writes with F3, so the
 * decode rows take no prefix (objdump names the F3 `repz`) and encode-only rows carry the F3.
 */
function padlockRows(): FormDef[] {
  const ops: readonly [string, number, number][] = [
    ['xcrypt-ecb', 0xa7, 1], ['xcrypt-cbc', 0xa7, 2], ['xcrypt-ctr', 0xa7, 3], ['xcrypt-cfb', 0xa7, 4], ['xcrypt-ofb', 0xa7, 5],
    ['montmul', 0xa6, 0], ['xsha1', 0xa6, 1], ['xsha256', 0xa6, 2],
  ];
  // (The encoder rows take rep prefixes; the decode rows have no rep field, as objdump names an
  // address-size prefix on them and calls F3 `repz`.)
  const base = (reg: number, op: number) => ({ opcode: [0x0f, op], modrm: { mod: 'reg', reg, rm: 0 }, operands: [], osz: 'none', sem: 'ext:padlock' } as const);
  return [
    row({ id: 'xstore-rng', mnem: 'xstore-rng', ...base(0, 0xa7), decodeOnly: true }),
    row({ id: 'xstorerng', mnem: 'xstorerng', aliases: ['xstore'], ...base(0, 0xa7), rep: 'repcc', encodeOnly: true }),
    ...ops.flatMap(([name, op, reg]) => {
      const spelling = name.replace('-', '');
      return [
        row({ id: name, mnem: name, ...base(reg, op), decodeOnly: true }),
        row({ id: `${spelling}_rep`, mnem: spelling, ...base(reg, op), prefix: 0xf3, rep: 'repcc', encodeOnly: true }),
      ];
    }),
  ];
}

/** PREFETCHWT1 m8 (0F 0D /2). */
function prefetchRows(): FormDef[] {
  return [row({ id: 'prefetchwt1', mnem: 'prefetchwt1', opcode: [0x0f, 0x0d], modrm: { reg: 2, mod: 'mem' }, operands: [M(8)], osz: 'none', sem: 'nop' })];
}

/**
 * CMPccXADD (VEX.128.66.0F38 E0+cc /r, 64-bit only): AT&T `cmpbexadd %eax,%ecx,(%rax)` is
 * VEX.vvvv, ModRM.reg, memory; VEX.W gives the 64-bit form. objdump's condition names differ from
 * jcc's (nb, z, nz, nbe, nl, nle); GNU also takes every jcc spelling.
 */
function cmpccxaddRows(): FormDef[] {
  const names: readonly (readonly string[])[] = [
    ['o'], ['no'], ['b', 'c', 'nae'], ['nb', 'ae', 'nc'], ['z', 'e'], ['nz', 'ne'], ['be', 'na'], ['nbe', 'a'],
    ['s'], ['ns'], ['p', 'pe'], ['np', 'po'], ['l', 'nge'], ['nl', 'ge'], ['le', 'ng'], ['nle', 'g'],
  ];
  const vex: VexDef = { l: 0, w: 'size' };
  return names.map((n, cc) => row({
    id: `cmp${n[0]}xadd`, mnem: `cmp${n[0]}xadd`, aliases: n.slice(1).map((a) => `cmp${a}xadd`), prefix: 0x66, opcode: [0x0f, 0x38, 0xe0 + cc],
    modrm: { mod: 'mem' }, operands: [V('y'), R('y', 'rw'), M('y', 'rw')], osz: 'v', encSizes: [32, 64], vex, suffix: 'none', modes: M64,
    flags: fl(0, STATUS), cc, sem: 'ext:cmpccxadd',
  }));
}

/**
 * -mintel64 (GNU: Intel64 rather than AMD64 templates): a 64-bit far pointer (m16:64, REX.W) for
 * lfs/lgs/lss and for indirect lcall/ljmp, and movsxd from a 16-bit register. Same bytes as the
 * decode rows elsewhere (objdump prints `lfs (%rax),%rcx`, `rex.W lcall *(%rax)`).
 */
function intel64Rows(): FormDef[] {
  const base = { osz: 'v', encSizes: [64], modes: M64, intel64: true, encodeOnly: true } as const;
  const lseg = (id: string, op: number) => row({ ...base, id: `${id}_q`, mnem: id, opcode: [0x0f, op], modrm: { mod: 'mem' }, operands: [M(0), R('v', 'w')], sem: `lseg:${id.slice(1)}` });
  return [
    lseg('lss', 0xb2), lseg('lfs', 0xb4), lseg('lgs', 0xb5),
    row({ ...base, id: 'lcall_mq', mnem: 'lcall', opcode: [0xff], modrm: { reg: 3, mod: 'mem' }, operands: [M(0)], flow: 'call', sem: 'call:far' }),
    row({ ...base, id: 'ljmp_mq', mnem: 'ljmp', opcode: [0xff], modrm: { reg: 5, mod: 'mem' }, operands: [M(0)], flow: 'jmp', sem: 'jmp:far' }),
    row({ id: 'movsxd_16r', mnem: 'movsxd', opcode: [0x63], modrm: {}, operands: [RR(16), R(16, 'w')], osz: 'w', suffix: 'none', modes: M64, intel64: true, encodeOnly: true, sem: 'mov' }),
  ];
}

/**
 * `movsd`/`cmpsd` without operands: GNU takes the string instructions (movsl/cmpsl), with a warning;
 * with operands they are the SSE2 scalar-double instructions x86lab does not assemble.
 */
function stringDRows(): FormDef[] {
  const d = (m: 'movs' | 'cmps', op: number, rep: 'rep' | 'repcc', flags: FormDef['flags']) => row({
    id: `${m}d_str`, mnem: `${m}d`, opcode: [op], operands: [], osz: 'v', encSizes: [32], suffix: 'none', rep, flags, sem: `str:${m}`,
    encodeOnly: true, warn: `found \`${m}d'; assuming \`${m}l' was meant`,
  });
  return [d('movs', 0xa5, 'rep', fl(DF, 0)), d('cmps', 0xa7, 'repcc', fl(DF, STATUS))];
}

export const GP_MORE_FORMS: readonly FormDef[] = [...stringDRows(), ...snpRows(), ...padlockRows(), ...prefetchRows(), ...cmpccxaddRows(), ...intel64Rows()];
