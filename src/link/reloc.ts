// Relocation types the linker applies, and how (System V x86-64 psABI table 4.9; i386 psABI
// table 4.8): S symbol, A addend, P place, G GOT slot, GOT the _GLOBAL_OFFSET_TABLE_ address.
// GOTPCRELX/REX_GOTPCRELX/GOT32X are relaxed as ld relaxes them in a static non-PIC link
// (observed with ld 2.40): the GOT load becomes an immediate, the indirect call/jmp a direct one.

import { relocTypeName } from '../elf/reloc-names.js';

export type Calc =
  | 'S+A' | 'S+A-P' | 'G+A-P' | 'GOT+A-P' | 'S+A-GOT' | 'Z+A'
  /** R_386_GOT32: the slot's offset from GOT (or its address when there is no base register). */
  | 'G+A-GOT'
  /** GOTPCRELX / REX_GOTPCRELX (x86-64) and GOT32X (i386): relaxable GOT references. */
  | 'GOTX';

/** How an out-of-range value is reported (BFD's complain_overflow_*). */
export type Check = 'signed' | 'unsigned' | 'bitfield' | 'none';

export interface RelocKind {
  readonly name: string;
  readonly size: 1 | 2 | 4 | 8;
  readonly calc: Calc;
  readonly check: Check;
}

const k = (name: string, size: RelocKind['size'], calc: Calc, check: Check): RelocKind => ({ name, size, calc, check });

export const X86_64_RELOCS: ReadonlyMap<number, RelocKind> = new Map([
  [1, k('R_X86_64_64', 8, 'S+A', 'none')],
  [2, k('R_X86_64_PC32', 4, 'S+A-P', 'signed')],
  [4, k('R_X86_64_PLT32', 4, 'S+A-P', 'signed')], // static link: no PLT, the call goes straight to S
  [9, k('R_X86_64_GOTPCREL', 4, 'G+A-P', 'signed')],
  [10, k('R_X86_64_32', 4, 'S+A', 'unsigned')],
  [11, k('R_X86_64_32S', 4, 'S+A', 'signed')],
  [12, k('R_X86_64_16', 2, 'S+A', 'bitfield')],
  [13, k('R_X86_64_PC16', 2, 'S+A-P', 'signed')],
  [14, k('R_X86_64_8', 1, 'S+A', 'bitfield')],
  [15, k('R_X86_64_PC8', 1, 'S+A-P', 'signed')],
  [24, k('R_X86_64_PC64', 8, 'S+A-P', 'none')],
  [26, k('R_X86_64_GOTPC32', 4, 'GOT+A-P', 'signed')],
  [32, k('R_X86_64_SIZE32', 4, 'Z+A', 'unsigned')],
  [33, k('R_X86_64_SIZE64', 8, 'Z+A', 'none')],
  [41, k('R_X86_64_GOTPCRELX', 4, 'GOTX', 'signed')],
  [42, k('R_X86_64_REX_GOTPCRELX', 4, 'GOTX', 'signed')],
]);

export const I386_RELOCS: ReadonlyMap<number, RelocKind> = new Map([
  [1, k('R_386_32', 4, 'S+A', 'bitfield')],
  [2, k('R_386_PC32', 4, 'S+A-P', 'bitfield')],
  [3, k('R_386_GOT32', 4, 'G+A-GOT', 'bitfield')],
  [4, k('R_386_PLT32', 4, 'S+A-P', 'bitfield')],
  [9, k('R_386_GOTOFF', 4, 'S+A-GOT', 'bitfield')],
  [10, k('R_386_GOTPC', 4, 'GOT+A-P', 'bitfield')],
  [20, k('R_386_16', 2, 'S+A', 'bitfield')],
  [21, k('R_386_PC16', 2, 'S+A-P', 'bitfield')],
  [22, k('R_386_8', 1, 'S+A', 'bitfield')],
  [23, k('R_386_PC8', 1, 'S+A-P', 'bitfield')],
  [38, k('R_386_SIZE32', 4, 'Z+A', 'unsigned')],
  [43, k('R_386_GOT32X', 4, 'GOTX', 'bitfield')],
]);

export function relocKinds(mode: 32 | 64): ReadonlyMap<number, RelocKind> {
  return mode === 64 ? X86_64_RELOCS : I386_RELOCS;
}

/** The type number of a relocation named as the assembler names it (R_X86_64_PLT32, R_386_32...). */
export function relocNumber(name: string, mode: 32 | 64): number {
  for (const [n, r] of relocKinds(mode)) if (r.name === name) return n;
  return -1; // reported by the linker as an unsupported relocation, with its place
}

export function relocName(type: number, mode: 32 | 64): string {
  return relocKinds(mode).get(type)?.name ?? relocTypeName(type, mode) ?? `unknown relocation ${type}`;
}

/** Does v fit the field under the check? */
export function fits(v: bigint, size: number, check: Check): boolean {
  if (check === 'none' || size >= 8) return true;
  const bits = BigInt(size * 8);
  if (check === 'signed') return v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n);
  if (check === 'unsigned') return v >= 0n && v < 1n << bits;
  // bitfield: either the signed or the unsigned reading of the field is right.
  return v >= -(1n << (bits - 1n)) && v < 1n << bits;
}

// ModRM.mod = 00, rm = 101: RIP-relative in 64-bit mode, disp32 alone in 32-bit mode.
const isDisp32Only = (modrm: number): boolean => (modrm & 0xc7) === 0x05;

/** Binary ops with a register destination (`op mem, %reg`) and their group-1 immediate /digit. */
const BINOP_DIGIT = new Map([[0x03, 0], [0x0b, 1], [0x13, 2], [0x1b, 3], [0x23, 4], [0x2b, 5], [0x33, 6], [0x3b, 7]]);

export type Relaxed =
  /** The field now holds an immediate (S + A); written as `imm`. */
  | { kind: 'imm'; signed: boolean }
  /** The field moved to `at` (relative to the original field) and holds S + A - P', P' the new field address. */
  | { kind: 'pc'; at: number };

/**
 * Rewrite the instruction around a relaxable GOT field at `off` in `b` as ld does for a static
 * non-PIC link, if the value S (symbol address) fits. Returns what the field holds now, or
 * undefined when the load must stay a GOT load. `rex`: the field's type is REX_GOTPCRELX.
 */
export function relaxGot(b: Uint8Array, off: number, mode: 32 | 64, rex: boolean, S: bigint): Relaxed | undefined {
  if (off < 2) return undefined;
  const op = b[off - 2];
  const modrm = b[off - 1];
  // i386 GOT32X forms use a base register (mod = 10) or none (disp32 only); x86-64 ones are RIP-relative.
  if (mode === 64 ? !isDisp32Only(modrm) : !(isDisp32Only(modrm) || (modrm & 0xc0) === 0x80)) return undefined;
  const reg = (modrm >> 3) & 7;
  // call *foo@GOT -> addr32 call foo; jmp *foo@GOT -> jmp foo; nop (ld's default call-nop=prefix-addr).
  if (op === 0xff && (reg === 2 || reg === 4)) {
    if (reg === 2) { b[off - 2] = 0x67; b[off - 1] = 0xe8; return { kind: 'pc', at: 0 }; }
    b[off - 2] = 0xe9;
    b[off + 3] = 0x90;
    return { kind: 'pc', at: -1 };
  }
  const rexAt = off - 3;
  const hasRex = mode === 64 && rex && rexAt >= 0 && (b[rexAt] & 0xf0) === 0x40;
  const wide = hasRex && (b[rexAt] & 8) !== 0;
  // The immediate is sign-extended for a 64-bit operand and taken as is for 32 bits.
  const ok = wide ? S >= -(1n << 31n) && S < 1n << 31n : S >= 0n && S < 1n << 32n;
  if (!ok) return undefined;
  let newOp: number, newModrm: number;
  if (op === 0x8b) { newOp = 0xc7; newModrm = 0xc0 | reg; } // mov foo@GOT, %reg -> mov $foo, %reg
  else if (op === 0x85) { newOp = 0xf7; newModrm = 0xc0 | reg; } // test %reg, foo@GOT -> test $foo, %reg
  else if (BINOP_DIGIT.has(op)) { newOp = 0x81; newModrm = 0xc0 | (BINOP_DIGIT.get(op)! << 3) | reg; }
  else return undefined;
  b[off - 2] = newOp;
  b[off - 1] = newModrm;
  // The register moved from ModRM.reg to ModRM.rm: REX.R becomes REX.B.
  if (hasRex && (b[rexAt] & 4)) b[rexAt] = (b[rexAt] & ~4) | 1;
  return { kind: 'imm', signed: wide };
}
