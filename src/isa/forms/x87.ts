// The x87 FPU instructions (escape opcodes D8-DF, SDM Vol. 2 "FPU instruction opcodes" tables), with the
// spellings GNU as 2.40 accepts in AT&T syntax and the names objdump prints.
//
// AT&T names the memory operand's size in the mnemonic: s/l/t for single/double/extended reals,
// s/l/ll for word/dword/qword integers (q accepted for ll). Written without a suffix GNU takes the
// s form and warns. The f* spellings without `n` are the fn* form behind a WAIT (9B), which GNU
// emits first, before any other prefix.
//
// GNU's (and the old AT&T Unix assembler's) register-register quirk: with %st(i) as the destination
// (DC and DE, /4../7) the AT&T mnemonic is the /digit's D8 name, which the SDM calls the reverse
// operation: `fsub %st,%st(i)` is DC E0+i, Intel's FSUBR ST(i),ST(0). objdump -M intel prints
// the SDM's name, kept in the row's `intel`.
//
// The executor runs only the control words (fninit, fnclex, fldcw, fnstcw, fnstsw, fwait); every other
// sem here has no handler, so a run stops there as unsupported.

import type { FormDef, OperandDef } from '../types.js';
import { row, M, FX, fl } from '../build.js';

const X = fl(0, 0);
/** %st(i) in ModRM.rm. */
const STI = (access: OperandDef['access'] = 'r'): OperandDef => ({ kind: 'st', loc: 'rm', size: 80, access });
/** %st(0), written %st. */
const ST0 = (access: OperandDef['access'] = 'r'): OperandDef => ({ kind: 'st', loc: 'implicit', size: 80, access });

const defaultWarn = (m: string) => `no instruction mnemonic suffix given and no register operands; using default for \`${m}'`;

function ctl(id: string, opcode: readonly number[], reg: number, size: 0 | 16, sem: string, wait = false): FormDef {
  return row({
    id, mnem: id, opcode: wait ? [0x9b, ...opcode] : opcode, modrm: { reg, mod: 'mem' }, operands: [M(size, 'rw')],
    // The images (size 0) are 32-bit layout rows, beside their 66h (16-bit layout) siblings in envRows.
    osz: size ? 'none' : 'd', suffix: size ? 'size' : 'none', flags: X, sem, ...(wait ? { encodeOnly: true } : {}),
  });
}
function fixed(id: string, opcode: readonly number[], reg: number, rm: number, sem: string, wait = false, operands = [] as FormDef['operands']): FormDef {
  return row({
    id, mnem: id, opcode: wait ? [0x9b, ...opcode] : opcode, modrm: { mod: 'reg', reg, rm }, operands, osz: 'none', flags: X, sem, overlay: true,
    ...(wait ? { encodeOnly: true } : {}),
  });
}

/** Memory operand of `size` bits at ESC `op` /reg, printed `mnem`; `intel` is the name without the size letter. */
function mem(mnem: string, op: number, reg: number, size: 16 | 32 | 64 | 80, sem: string, intel: string, access: OperandDef['access'] = 'r', extra: Partial<FormDef> = {}): FormDef {
  return row({
    id: `${mnem}_m`, mnem, opcode: [op], modrm: { reg, mod: 'mem' }, operands: [M(size, access)], osz: 'none', suffix: 'none', sem,
    ...(intel !== mnem ? { intel } : {}), ...extra,
  });
}
/** The suffix-less spelling of a memory form: GNU takes that form and warns. */
function bare(f: FormDef, name: string): FormDef {
  return { ...f, id: `${name}_m_default`, mnem: name, aliases: undefined, encodeOnly: true, warn: defaultWarn(name) };
}
/** A register form at ESC `op` /reg with ModRM.rm = i. */
function reg(id: string, mnem: string, op: number, r: number, operands: readonly OperandDef[], sem: string, extra: Partial<FormDef> = {}): FormDef {
  return row({ id, mnem, opcode: [op], modrm: { reg: r, mod: 'reg' }, operands, osz: 'none', sem, ...extra });
}
/** No operands, fixed ModRM byte `modrm` (mod=3) after ESC `op`. */
function z(id: string, op: number, modrm: number, sem: string, extra: Partial<FormDef> = {}): FormDef {
  // An overlay: it wins over the (bad) row of its /digit (badRows) at its exact ModRM value.
  return row({ id, mnem: id, opcode: [op], modrm: { mod: 'reg', reg: (modrm >> 3) & 7, rm: modrm & 7 }, operands: [], osz: 'none', sem, overlay: true, ...extra });
}

// D8/DC/DA/DE share one /digit order; AT&T names stay the D8 names in all four (see above).
const ARITH = ['add', 'mul', 'com', 'comp', 'sub', 'subr', 'div', 'divr'] as const;
const INTEL_REV: Readonly<Record<string, string>> = { sub: 'subr', subr: 'sub', div: 'divr', divr: 'div' };
const semOf = (a: string) => (a === 'com' || a === 'comp' ? 'x87:cmp' : 'x87:arith');

function arithRows(): FormDef[] {
  const out: FormDef[] = [];
  ARITH.forEach((a, r) => {
    const sem = semOf(a);
    const s = mem(`f${a}s`, 0xd8, r, 32, sem, `f${a}`);
    const l = mem(`f${a}l`, 0xdc, r, 64, sem, `f${a}`);
    const il = mem(`fi${a}l`, 0xda, r, 32, sem, `fi${a}`);
    const is = mem(`fi${a}s`, 0xde, r, 16, sem, `fi${a}`);
    out.push(s, l, il, is, bare(s, `f${a}`), bare(is, `fi${a}`));
    if (a === 'com' || a === 'comp') {
      // D8 D0+i / D8 D8+i: fcom %st(i); alone it is %st(1).
      out.push(reg(`f${a}_st`, `f${a}`, 0xd8, r, [STI()], sem));
      out.push(z(`f${a}_1`, 0xd8, 0xc1 | (r << 3), sem, { mnem: `f${a}`, encodeOnly: true }));
      return;
    }
    // D8 /r: op %st(i),%st.
    out.push(reg(`f${a}_st_st0`, `f${a}`, 0xd8, r, [STI(), ST0('rw')], sem));
    out.push(reg(`f${a}_st_only`, `f${a}`, 0xd8, r, [STI()], sem, { encodeOnly: true }));
    // DC /r: op %st,%st(i).
    const rev = INTEL_REV[a];
    out.push(reg(`f${a}_st0_st`, `f${a}`, 0xdc, r, [ST0(), STI('rw')], sem, rev ? { intel: `f${rev}` } : {}));
    // DE /r: op-and-pop %st,%st(i); alone (also `fadd` alone, which GNU translates) it is %st,%st(1).
    out.push(reg(`f${a}p_st0_st`, `f${a}p`, 0xde, r, [ST0(), STI('rw')], sem, rev ? { intel: `f${rev}p` } : {}));
    out.push(reg(`f${a}p_st`, `f${a}p`, 0xde, r, [STI('rw')], sem, { encodeOnly: true }));
    // The commutative ones also take the operands the other way round, which GNU rewrites (`#` = i).
    if (a === 'add' || a === 'mul') {
      out.push(reg(`f${a}p_st_st0`, `f${a}p`, 0xde, r, [STI('rw'), ST0()], sem, { encodeOnly: true, warn: `translating to \`f${a}p %st,%st(#)'` }));
    }
    out.push(z(`f${a}p_1`, 0xde, 0xc1 | (r << 3), sem, { mnem: `f${a}p`, encodeOnly: true }));
    out.push(z(`f${a}_1`, 0xde, 0xc1 | (r << 3), sem, { mnem: `f${a}`, encodeOnly: true, warn: `translating to \`f${a}p'` }));
  });
  return out;
}

function loadStoreRows(): FormDef[] {
  const ld = (f: FormDef, ...spell: string[]) => [f, ...spell.map((n) => bare(f, n))];
  return [
    ...ld(mem('flds', 0xd9, 0, 32, 'x87:ld', 'fld'), 'fld'),
    mem('fldl', 0xdd, 0, 64, 'x87:ld', 'fld'),
    mem('fldt', 0xdb, 5, 80, 'x87:ld', 'fld'),
    ...ld(mem('fsts', 0xd9, 2, 32, 'x87:st', 'fst', 'w'), 'fst'),
    mem('fstl', 0xdd, 2, 64, 'x87:st', 'fst', 'w'),
    ...ld(mem('fstps', 0xd9, 3, 32, 'x87:st', 'fstp', 'w'), 'fstp'),
    mem('fstpl', 0xdd, 3, 64, 'x87:st', 'fstp', 'w'),
    mem('fstpt', 0xdb, 7, 80, 'x87:st', 'fstp', 'w'),
    ...ld(mem('filds', 0xdf, 0, 16, 'x87:ld', 'fild'), 'fild'),
    mem('fildl', 0xdb, 0, 32, 'x87:ld', 'fild'),
    mem('fildll', 0xdf, 5, 64, 'x87:ld', 'fild', 'r', { aliases: ['fildq'] }),
    ...ld(mem('fists', 0xdf, 2, 16, 'x87:st', 'fist', 'w'), 'fist'),
    mem('fistl', 0xdb, 2, 32, 'x87:st', 'fist', 'w'),
    ...ld(mem('fistps', 0xdf, 3, 16, 'x87:st', 'fistp', 'w'), 'fistp'),
    mem('fistpl', 0xdb, 3, 32, 'x87:st', 'fistp', 'w'),
    mem('fistpll', 0xdf, 7, 64, 'x87:st', 'fistp', 'w', { aliases: ['fistpq'] }),
    // SSE3 FISTTP: truncating store.
    ...ld(mem('fisttps', 0xdf, 1, 16, 'x87:st', 'fisttp', 'w'), 'fisttp'),
    mem('fisttpl', 0xdb, 1, 32, 'x87:st', 'fisttp', 'w'),
    mem('fisttpll', 0xdd, 1, 64, 'x87:st', 'fisttp', 'w', { aliases: ['fisttpq'] }),
    mem('fbld', 0xdf, 4, 80, 'x87:ld', 'fbld'),
    mem('fbstp', 0xdf, 6, 80, 'x87:st', 'fbstp', 'w'),
    // Register forms.
    reg('fld_st', 'fld', 0xd9, 0, [STI()], 'x87:ld'),
    reg('fxch_st', 'fxch', 0xd9, 1, [STI('rw')], 'x87:xch'),
    z('fxch_1', 0xd9, 0xc9, 'x87:xch', { mnem: 'fxch', encodeOnly: true }),
    reg('fst_st', 'fst', 0xdd, 2, [STI('w')], 'x87:st'),
    reg('fstp_st', 'fstp', 0xdd, 3, [STI('w')], 'x87:st'),
    reg('ffree_st', 'ffree', 0xdd, 0, [STI('w')], 'x87:free'),
    reg('ffreep_st', 'ffreep', 0xdf, 0, [STI('w')], 'x87:free'),
  ];
}

function compareRows(): FormDef[] {
  const out: FormDef[] = [
    reg('fucom_st', 'fucom', 0xdd, 4, [STI()], 'x87:cmp'),
    z('fucom_1', 0xdd, 0xe1, 'x87:cmp', { mnem: 'fucom', encodeOnly: true }),
    reg('fucomp_st', 'fucomp', 0xdd, 5, [STI()], 'x87:cmp'),
    z('fucomp_1', 0xdd, 0xe9, 'x87:cmp', { mnem: 'fucomp', encodeOnly: true }),
    z('fcompp', 0xde, 0xd9, 'x87:cmp'),
    z('fucompp', 0xda, 0xe9, 'x87:cmp'),
  ];
  // fcomi family (P6): op %st(i),%st, also written with %st(i) alone or no operand (%st(1)); they set ZF/PF/CF.
  const cmpi: readonly [string, number, number, string[]][] = [
    ['fucomi', 0xdb, 5, []], ['fcomi', 0xdb, 6, []], ['fucomip', 0xdf, 5, ['fucompi']], ['fcomip', 0xdf, 6, ['fcompi']],
  ];
  for (const [m, op, r, al] of cmpi) {
    const x = { flags: fl(0, 0x45, 0x890) };
    out.push(reg(`${m}_st_st0`, m, op, r, [STI(), ST0()], 'x87:cmp', { ...x, ...(al.length ? { aliases: al } : {}) }));
    out.push(reg(`${m}_st`, m, op, r, [STI()], 'x87:cmp', { ...x, encodeOnly: true, ...(al.length ? { aliases: al } : {}) }));
    out.push(z(`${m}_1`, op, 0xc1 | (r << 3), 'x87:cmp', { ...x, mnem: m, encodeOnly: true, ...(al.length ? { aliases: al } : {}) }));
  }
  // FCMOVcc (P6): %st(i),%st, reading CF/ZF/PF.
  const cmov: readonly [string, number, number, number][] = [
    ['b', 0xda, 0, 0x01], ['e', 0xda, 1, 0x40], ['be', 0xda, 2, 0x41], ['u', 0xda, 3, 0x04],
    ['nb', 0xdb, 0, 0x01], ['ne', 0xdb, 1, 0x40], ['nbe', 0xdb, 2, 0x41], ['nu', 0xdb, 3, 0x04],
  ];
  const alias: Readonly<Record<string, string>> = { b: 'nae', be: 'na', nb: 'ae', nbe: 'a' };
  for (const [cc, op, r, rd] of cmov) {
    out.push(reg(`fcmov${cc}`, `fcmov${cc}`, op, r, [STI(), ST0('w')], 'x87:cmov', { flags: fl(rd, 0), ...(alias[cc] ? { aliases: [`fcmov${alias[cc]}`] } : {}) }));
  }
  return out;
}

function constRows(): FormDef[] {
  const d9: readonly [string, number, string][] = [
    ['fnop', 0xd0, 'x87:nop'], ['fchs', 0xe0, 'x87:math'], ['fabs', 0xe1, 'x87:math'], ['ftst', 0xe4, 'x87:cmp'], ['fxam', 0xe5, 'x87:cmp'],
    ['fld1', 0xe8, 'x87:const'], ['fldl2t', 0xe9, 'x87:const'], ['fldl2e', 0xea, 'x87:const'], ['fldpi', 0xeb, 'x87:const'],
    ['fldlg2', 0xec, 'x87:const'], ['fldln2', 0xed, 'x87:const'], ['fldz', 0xee, 'x87:const'],
    ['f2xm1', 0xf0, 'x87:math'], ['fyl2x', 0xf1, 'x87:math'], ['fptan', 0xf2, 'x87:math'], ['fpatan', 0xf3, 'x87:math'],
    ['fxtract', 0xf4, 'x87:math'], ['fprem1', 0xf5, 'x87:math'], ['fdecstp', 0xf6, 'x87:stack'], ['fincstp', 0xf7, 'x87:stack'],
    ['fprem', 0xf8, 'x87:math'], ['fyl2xp1', 0xf9, 'x87:math'], ['fsqrt', 0xfa, 'x87:math'], ['fsincos', 0xfb, 'x87:math'],
    ['frndint', 0xfc, 'x87:math'], ['fscale', 0xfd, 'x87:math'], ['fsin', 0xfe, 'x87:math'], ['fcos', 0xff, 'x87:math'],
  ];
  const out = d9.map(([m, b, sem]) => z(m, 0xd9, b, sem));
  // 8087/287 leftovers (no-ops on later FPUs): objdump names them with a note.
  const old: readonly [string, number, string][] = [['eni', 0xe0, '8087'], ['disi', 0xe1, '8087'], ['setpm', 0xe4, '287']];
  for (const [m, b, cpu] of old) {
    out.push(z(`fn${m}_dec`, 0xdb, b, 'x87:nop', { mnem: `fn${m}(${cpu} only)`, decodeOnly: true }));
    out.push(z(`fn${m}`, 0xdb, b, 'x87:nop', { encodeOnly: true }));
    out.push(z(`f${m}`, 0xdb, b, 'x87:nop', { encodeOnly: true, opcode: [0x9b, 0xdb] }));
  }
  out.push(z('frstpm_dec', 0xdb, 0xe5, 'x87:nop', { mnem: 'frstpm(287 only)', decodeOnly: true }));
  out.push(z('frstpm', 0xdb, 0xe5, 'x87:nop', { encodeOnly: true }));
  return out;
}

/**
 * The environment and state images in their 16-bit layout (66h: fldenvs, objdump -M intel fldenvw) and
 * the `l` spelling of the 32-bit one, which GNU takes as the plain form.
 */
function envRows(): FormDef[] {
  const out: FormDef[] = [];
  const list: readonly [string, number, number, string, boolean][] = [
    ['fldenv', 0xd9, 4, 'x87:ldenv', false], ['fnstenv', 0xd9, 6, 'x87:stenv', false], ['fstenv', 0xd9, 6, 'x87:stenv', true],
    ['frstor', 0xdd, 4, 'x87:rstor', false], ['fnsave', 0xdd, 6, 'x87:save', false], ['fsave', 0xdd, 6, 'x87:save', true],
  ];
  for (const [m, op, r, sem, wait] of list) {
    const opcode = wait ? [0x9b, op] : [op];
    const w = wait ? { encodeOnly: true } : {};
    out.push(row({ id: `${m}s`, mnem: `${m}s`, opcode, modrm: { reg: r, mod: 'mem' }, operands: [M(0, 'rw')], osz: 'w', suffix: 'none', sem, intel: `${m}w`, ...w }));
    out.push(row({ id: `${m}l`, mnem: `${m}l`, opcode, modrm: { reg: r, mod: 'mem' }, operands: [M(0, 'rw')], osz: 'd', suffix: 'none', sem, encodeOnly: true }));
  }
  return out;
}

/**
 * The ESC slots the SDM leaves undefined (or gives only as undocumented aliases such as FSTP1 at D9 D8+i),
 * which objdump prints as `(bad)`, still consuming the ModRM (and its address). More specific rows (fnop
 * in D9 /2, fchs in D9 /4, ...) win over these in the decoder.
 */
function badRows(): FormDef[] {
  const bad = (id: string, op: number, r: number, mod: 'reg' | 'mem'): FormDef =>
    row({ id, mnem: '(bad)', opcode: [op], modrm: { reg: r, mod }, operands: mod === 'mem' ? [M(0)] : [], osz: 'none', suffix: 'none', sem: 'x87:bad', decodeOnly: true });
  const mems: readonly [number, number][] = [[0xd9, 1], [0xdb, 4], [0xdb, 6], [0xdd, 5]];
  const regs: readonly [number, number][] = [
    [0xd9, 2], [0xd9, 3], [0xd9, 4], [0xd9, 5], [0xda, 4], [0xda, 5], [0xda, 6], [0xda, 7], [0xdb, 4], [0xdb, 7],
    [0xdc, 2], [0xdc, 3], [0xdd, 1], [0xdd, 6], [0xdd, 7], [0xde, 2], [0xde, 3], [0xdf, 1], [0xdf, 2], [0xdf, 3], [0xdf, 4], [0xdf, 7],
  ];
  return [
    ...mems.map(([op, r]) => bad(`x87_bad_${op.toString(16)}_${r}_m`, op, r, 'mem')),
    ...regs.map(([op, r]) => bad(`x87_bad_${op.toString(16)}_${r}_r`, op, r, 'reg')),
  ];
}

export const X87_FORMS: readonly FormDef[] = [
  row({ id: 'fwait', mnem: 'fwait', aliases: ['wait'], opcode: [0x9b], operands: [], osz: 'none', flags: X, sem: 'x87:wait' }),
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
  ...loadStoreRows(), ...arithRows(), ...compareRows(), ...constRows(), ...envRows(), ...badRows(),
];
