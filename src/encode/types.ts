// The contract between the assembler front end (src/asm/) and the encoder (src/encode/).
// The front end parses and evaluates operands; the encoder matches them against the ISA
// table and produces bytes plus fixups for whatever is not yet known.

import type { RegInfo } from '../isa/registers.js';
import type { Mode } from '../isa/types.js';

/**
 * A value as the encoder sees it. `sym === undefined` means an absolute constant known now
 * (GNU as may then pick short encodings: disp8, imm8). Otherwise it is `sym + addend`, resolved
 * later by a fixup; GNU as then uses the full-size field (disp32, imm32) except for relaxable branches.
 * The encoder itself emits pc-relative fixups for rel and RIP-relative operands.
 */
export interface Value {
  readonly addend: bigint;
  readonly sym?: string;
  /** Symbol subtraction `a - b` where both are in the same section but not yet laid out. */
  readonly minus?: string;
  /** Relocation specifier (`foo@PLT` -> 'plt'): the field is left to the linker with that relocation. */
  readonly spec?: string;
  /** Written as a bare symbol equated to `ext + N` (symbols.ts Val.bareEquate). */
  readonly bareEquate?: boolean;
}

export type AsmOperand =
  | { readonly kind: 'reg'; readonly reg: RegInfo; readonly indirect: boolean } // %eax, or *%rax
  | { readonly kind: 'imm'; readonly value: Value } // $expr
  | {
      readonly kind: 'mem'; // seg:disp(base,index,scale), or a bare expression (absolute/moffs/branch target)
      readonly seg?: RegInfo;
      readonly disp?: Value; // undefined: no displacement written
      readonly base?: RegInfo;
      readonly index?: RegInfo;
      readonly scale: 1 | 2 | 4 | 8;
      readonly indirect: boolean; // written with '*'
      readonly bare: boolean; // no parentheses at all: `jmp foo`, `mov foo, %eax`
    };

/** One instruction statement, after prefixes written as mnemonics have been split off. */
export interface AsmInsn {
  /** Mnemonic as written, lower-cased (e.g. 'addl', 'movzbl', 'jmpq', 'rep' stays a prefix). */
  readonly mnemonic: string;
  /** Prefix mnemonics written before it, in order: 'lock', 'rep', 'repne', 'data16', 'addr32', 'rex64', 'cs', ... */
  readonly prefixes: readonly string[];
  readonly operands: readonly AsmOperand[];
  /** GNU pseudo-prefixes written before it, without braces: 'load', 'store', 'disp8', 'disp16', 'disp32', 'nooptimize'. */
  readonly pseudo?: readonly string[];
}

export interface Fixup {
  /** Byte offset of the field within the instruction's bytes. */
  readonly offset: number;
  /** Field width in bytes (1, 2, 4, 8). */
  readonly size: 1 | 2 | 4 | 8;
  readonly value: Value;
  /** PC-relative: value - (address of end of instruction) for rel/RIP-relative fields. */
  readonly pcrel: boolean;
  /** The field is sign-extended by the CPU (imm32 under REX.W, disp32): range checks differ. */
  readonly signed: boolean;
}

export interface Encoded {
  readonly bytes: Uint8Array;
  readonly fixups: readonly Fixup[];
  /** Table form id chosen (FORMS[i].id), for listings and tests. */
  readonly form: string;
  /** Set when the instruction is a relaxable branch encoded in its short form. */
  readonly relax?: 'short' | 'near';
  /** GNU-style warnings (e.g. "ambiguous operand size" is an error, but "skipping prefixes" is a warning). */
  readonly warnings?: readonly string[];
}

export interface EncodeOptions {
  readonly mode: Mode;
  /** For relaxable branches: the size the relaxation pass wants; default 'short' when the target could be near. */
  readonly branch?: 'short' | 'near';
  /** -mintel64: the Intel64-only rows may be used. */
  readonly intel64?: boolean;
}
