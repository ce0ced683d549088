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
  WAIT = 1 << 7, // a WAIT (9B) folded into the x87 instruction after it (disassembler tables only: DecodeTables.foldWait)
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
  /**
   * Effective operand size in bits (8/16/32/64), after 66h/REX.W/default-64 rules (REX.W beats 66h).
   * Forms with osz 'none' still get the 16/32/64 a 'v' form would have. Near branches ('f64') are
   * 64-bit in long mode, 16 with 66h (as AMD CPUs, this machine's, and objdump do; Intel ignores 66h).
   */
  opsize: number;
  /** Effective address size in bits (16/32/64), after 67h. */
  adsize: number;
  /** Pfx bit set. */
  prefixes: number;
  /** The REX byte in effect (0x40..0x4f) or 0. */
  rex: number;
  /**
   * Segment override in effect (0..5 = es cs ss ds fs gs) or NONE. In 64-bit mode only FS/GS are
   * reported (ES/CS/SS/DS overrides do nothing there, SDM Vol. 1 §3.3.7.1); the default segment
   * (SS for rbp/rsp bases, DS otherwise, ES for string destinations) is the executor's to apply.
   */
  seg: number;
  /** ModRM fields (NONE when the form has no ModRM). */
  mod: number;
  /**
   * ModRM.reg extended by REX.R, or the +r register from the opcode (extended by REX.B). For 8-bit
   * registers numbers 4..7 mean ah/ch/dh/bh when rex == 0 and spl/bpl/sil/dil otherwise (gprName).
   */
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
  /**
   * Immediate, split in 32-bit halves so 64-bit values need no BigInt: imm = immHi:immLo (both
   * unsigned). Sign-extended to 64 bits for sx imm8 (83, 6A, 6B), for 'z' immediates (imm16/32 of
   * ALU/mov/push/test ...) and for rel displacements; zero-extended otherwise (imm8 of 8-bit ops and
   * shifts, ret/enter imm16, B8+r imm32, imm64). moffs forms: the absolute offset (address size);
   * far pointers (EA/9A): the offset, with the selector in imm2.
   */
  immLo: number;
  immHi: number;
  /** Second immediate, unsigned (enter's 8-bit nesting level; far pointer selector). */
  imm2: number;
  /**
   * For rel operands: target address as halves = address of the next instruction + displacement
   * (0 in 32-bit mode for the high half). Forms with a rel16/32 field wrap to 16 bits under a 16-bit
   * operand size; rel8 forms are not wrapped (as objdump shows them).
   */
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
  /**
   * VEX prefix length (2 for C5, 3 for C4) after the legacy prefixes when the table has rows for the
   * VEX opcode (also when none of them matched: Bad.OPCODE / VEX_QUIET), else 0.
   */
  vex: number;
  /** Register named by VEX.vvvv (0..15; 0..7 outside 64-bit mode), NONE without VEX. */
  vvvv: number;
  /** Bad.TOO_LONG: the form the bytes would be (objdump names the prefixes that form leaves unused), else NONE. */
  tooLongForm: number;
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
  /**
   * An undefined encoding in a VEX slot the table has rows for, which objdump prints as a bare
   * "(bad)" without naming the legacy prefixes (an unused VEX.vvvv other than 1111b, or a VEX.pp on
   * an opcode whose rows all take none); length = prefixes + VEX + opcode. Other undefined VEX
   * encodings there are OPCODE (prefix names, then "(bad)").
   */
  VEX_QUIET = 6,
  // (Also a legacy SIMD opcode with a mandatory prefix none of its rows takes, f3 0f 28: objdump's
  // bare "(bad)" over all the prefixes and the opcode bytes.)
}

/** A fresh zeroed record (allocate once, reuse). */
export function newDecoded(): Decoded {
  return {
    form: NONE, length: 0, mode: 64, opsize: 32, adsize: 64, prefixes: 0, rex: 0, seg: NONE,
    mod: NONE, reg: NONE, rm: NONE, base: NONE, index: NONE, scale: 1, disp: 0, hasDisp: 0,
    immLo: 0, immHi: 0, imm2: 0, targetLo: 0, targetHi: 0,
    bad: 0, prefixLen: 0, ignoredRexEnd: 0, sib: NONE, lastRep: 0, vex: 0, vvvv: NONE, tooLongForm: NONE,
  };
}
