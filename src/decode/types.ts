// The decoded-instruction record: what the decoder fills in and what the AT&T formatter
// and the executor read. One mutable record may be reused across calls (the executor keeps
// one per cached instruction), so every field is a number and nothing is allocated per decode.

import type { Mode } from '../isa/types.js';

/** Prefix bits seen (Decoded.prefixes). */
export const enum Pfx {
  LOCK = 1 << 0,
  REP = 1 << 1, // F3
  REPNE = 1 << 2, // F2
  OPSIZE = 1 << 3, // 66
  ADSIZE = 1 << 4, // 67
  SEG = 1 << 5, // a segment override is present (see Decoded.seg)
  REX = 1 << 6, // a REX prefix is in effect (the one immediately before the opcode)
}

/** No register / no segment / no base. */
export const NONE = -1;
/** Base register number that means RIP-relative (64-bit mode, mod=00 rm=101). */
export const RIP = 16;

export interface Decoded {
  /** Index into FORMS of the matched form; NONE for an undefined encoding (#UD / objdump "(bad)"). */
  form: number;
  /** Total length in bytes, prefixes included (1..15); for (bad), the bytes objdump consumes. */
  length: number;
  mode: Mode;
  /** Effective operand size in bits (8/16/32/64), after 66h/REX.W/default-64 rules. */
  opsize: number;
  /** Effective address size in bits (16/32/64), after 67h. */
  adsize: number;
  /** Pfx bit set. */
  prefixes: number;
  /** The REX byte in effect (0x40..0x4f) or 0. */
  rex: number;
  /** Segment override register number (0..5 = es cs ss ds fs gs) or NONE. */
  seg: number;
  /** ModRM fields (NONE when the form has no ModRM). */
  mod: number;
  /** ModRM.reg extended by REX.R, or the +r register from the opcode (extended by REX.B). */
  reg: number;
  /** ModRM.rm extended by REX.B when mod == 3 (a register operand), else NONE. */
  rm: number;
  /** Memory operand: base register (0..15, RIP, or NONE), index (NONE if absent), scale 1/2/4/8, signed displacement. */
  base: number;
  index: number;
  scale: number;
  disp: number;
  /** True when the memory operand has a displacement field (even if 0) — the formatter prints 0x0(%rbp). */
  hasDisp: number;
  /** Immediate, split in 32-bit halves so 64-bit values need no BigInt: imm = immHi:immLo, sign-extended to 64 per the form. */
  immLo: number;
  immHi: number;
  /** Second immediate (enter's 8-bit nesting level; far pointer selector). */
  imm2: number;
  /** For rel operands: target address as halves (address of next instruction + displacement, wrapped to the mode's width). */
  targetLo: number;
  targetHi: number;
  /** Why form is NONE (Bad.*); Bad.NONE for a decoded instruction. */
  bad: number;
  /** Number of prefix bytes (legacy and REX) before the opcode. */
  prefixLen: number;
  /**
   * A REX byte followed by another prefix: the CPU ignores it (SDM Vol. 2 §2.2.1); objdump ends an
   * instruction right after it. Offset just past the last such REX, or 0 when there is none.
   */
  ignoredRexEnd: number;
  /** The SIB byte, or NONE when the ModRM had none (objdump prints %riz for a SIB without index). */
  sib: number;
  /** The last F2/F3 prefix byte seen (0 if none): picks rep vs repne and the mandatory prefix. */
  lastRep: number;
}

/** Decoded.bad: why an encoding did not decode. */
export const enum Bad {
  NONE = 0,
  /** Undefined (or not yet covered) opcode: objdump prints "(bad)"; length = prefixes + opcode bytes. */
  OPCODE = 1,
  /** Only prefixes before the end of input or the prefix limit: objdump prints their names alone. */
  PREFIXES = 2,
  /** The instruction runs past the end of the input: objdump prints ".byte 0x.." for its first byte. */
  TRUNCATED = 3,
  /** Longer than 15 bytes (SDM Vol. 2 §2.3.11, #GP): objdump prints the prefixes and "(bad)", 15 bytes. */
  TOO_LONG = 4,
  /**
   * A valid instruction outside the ISA table (SSE, AVX, x87 ...): length is its real length, so a
   * listing stays in step with objdump; x86lab prints "(bad)" for it and the executor raises #UD.
   */
  UNSUPPORTED = 5,
}

/** A fresh zeroed record (allocate once, reuse). */
export function newDecoded(): Decoded {
  return {
    form: NONE, length: 0, mode: 64, opsize: 32, adsize: 64, prefixes: 0, rex: 0, seg: NONE,
    mod: NONE, reg: NONE, rm: NONE, base: NONE, index: NONE, scale: 1, disp: 0, hasDisp: 0,
    immLo: 0, immHi: 0, imm2: 0, targetLo: 0, targetHi: 0,
    bad: 0, prefixLen: 0, ignoredRexEnd: 0, sib: NONE, lastRep: 0,
  };
}
