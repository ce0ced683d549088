// Small typed builders for the ISA table (src/isa/table.ts): operand specs and row defaults,
// so each table row reads like the SDM's opcode column without a string DSL.

import type { FlagEffect, FormDef, Mode, OperandDef, Size } from './types.js';

// Flag bits (RFLAGS positions); the const enum in types.ts cannot be iterated, so restate as numbers.
export const CF = 1 << 0;
export const PF = 1 << 2;
export const AF = 1 << 4;
export const ZF = 1 << 6;
export const SF = 1 << 7;
export const TF = 1 << 8;
export const IF = 1 << 9;
export const DF = 1 << 10;
export const OF = 1 << 11;
export const NT = 1 << 14;
export const RF = 1 << 16;
export const AC = 1 << 18;
export const STATUS = CF | PF | AF | ZF | SF | OF;
export const ALLFLAGS = STATUS | TF | IF | DF | NT | RF | AC | (3 << 12) | (1 << 17) | (1 << 19) | (1 << 20) | (1 << 21);

export function fl(read: number, written: number, undef = 0): FlagEffect {
  return Object.freeze({ read, written, undef });
}
export const NOFLAGS = fl(0, 0, 0);

type A = OperandDef['access'];

/** Register in ModRM.reg. */
export const R = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'gpr', loc: 'reg', size, access });
/** Register or memory in ModRM.rm. */
export const E = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'rm', loc: 'rm', size, access });
/** Memory only in ModRM.rm. */
export const M = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'mem', loc: 'rm', size, access });
/** Register only in ModRM.rm (mod = 11). */
export const RR = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'gpr', loc: 'rm', size, access });
/** Register in VEX.vvvv. */
export const V = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'gpr', loc: 'vvvv', size, access });
/** Register in the low 3 bits of the opcode. */
export const O = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'gpr', loc: 'opreg', size, access });
/** Immediate; `sx` = 8-bit field sign-extended to the operand size. */
export const I = (size: Size, sx = false): OperandDef => (sx ? { kind: 'imm', loc: 'imm', size, sx } : { kind: 'imm', loc: 'imm', size });
export const I2 = (size: Size): OperandDef => ({ kind: 'imm', loc: 'imm2', size });
/** Relative branch target. */
export const J = (size: 8 | 'z'): OperandDef => ({ kind: 'rel', loc: 'imm', size });
/** A specific register written in AT&T but not encoded ('acc' = al/ax/eax/rax by size). */
export const FX = (reg: string, size: Size, access: A = 'r'): OperandDef => ({ kind: 'fixed', loc: 'implicit', size, reg, access });
export const ONE: OperandDef = { kind: 'one', loc: 'implicit', size: 8 };
export const SREG = (access: A = 'r'): OperandDef => ({ kind: 'sreg', loc: 'reg', size: 16, access });
export const SEG = (reg: string): OperandDef => ({ kind: 'seg', loc: 'implicit', size: 16, reg });
export const CREG = (access: A = 'r'): OperandDef => ({ kind: 'creg', loc: 'reg', size: 0, access });
export const DREG = (access: A = 'r'): OperandDef => ({ kind: 'dreg', loc: 'reg', size: 0, access });
/** MPX bound register in ModRM.reg, or (loc 'rm') in ModRM.rm with mod=11. */
export const BND = (access: A = 'r', loc: 'reg' | 'rm' = 'reg'): OperandDef => ({ kind: 'bnd', loc, size: 128, access });
export const TREG = (access: A = 'r'): OperandDef => ({ kind: 'treg', loc: 'reg', size: 0, access });
export const MOFFS = (size: Size, access: A = 'r'): OperandDef => ({ kind: 'moffs', loc: 'imm', size, access });

export const M32_64: readonly Mode[] = [32, 64];
export const M64: readonly Mode[] = [64];
export const M32: readonly Mode[] = [32];

/** Row with the defaults most rows share: both modes, no flags, suffix from size, no control flow. */
export type RowInput = Omit<FormDef, 'modes' | 'flags' | 'suffix' | 'flow'> &
  Partial<Pick<FormDef, 'modes' | 'flags' | 'suffix' | 'flow'>>;

export function row(r: RowInput): FormDef {
  const suffix = r.suffix ?? (r.osz === 'none' ? 'none' : 'size');
  return { ...r, modes: r.modes ?? M32_64, flags: r.flags ?? NOFLAGS, suffix, flow: r.flow ?? 'none' };
}

/** Condition codes in encoding order with the names objdump prints first, then GNU's accepted aliases. */
export const CC: readonly (readonly string[])[] = [
  ['o'], ['no'], ['b', 'c', 'nae'], ['ae', 'nb', 'nc'], ['e', 'z'], ['ne', 'nz'], ['be', 'na'], ['a', 'nbe'],
  ['s'], ['ns'], ['p', 'pe'], ['np', 'po'], ['l', 'nge'], ['ge', 'nl'], ['le', 'ng'], ['g', 'nle'],
];

/** Flags a condition code reads (SDM Vol. 1 Appendix B). */
export function ccFlags(cc: number): number {
  switch (cc >> 1) {
    case 0: return OF;
    case 1: return CF;
    case 2: return ZF;
    case 3: return CF | ZF;
    case 4: return SF;
    case 5: return PF;
    case 6: return SF | OF;
    default: return SF | OF | ZF;
  }
}
