// objdump's (binutils 2.40) view of the 0F 18-1F hint space (src/isa/forms/hint-space.ts) where
// it is not the plain table's: MPX operands the CPU refuses, and prefixes its prefix tables name.

import type { Form } from '../isa/types.js';
import { NONE, Pfx, RIP, type Decoded } from './types.js';

const isMpx = (f: Form): boolean => f.sem.startsWith('mpx:');

/** MPX addressing: 64-bit in 64-bit mode whatever 67h says; 16-bit addressing is (bad) (decode.ts). */
export function mpxAddr(f: Form): boolean {
  return isMpx(f);
}

/** objdump's "(bad)" address: 16-bit addressing (#UD, SDM Vol. 2A BNDMK), or RIP-relative for the
 *  instructions that compute an address rather than read one (bndmk, bndldx, bndstx). */
export function mpxBadAddress(f: Form, d: Decoded): boolean {
  if (!isMpx(f)) return false;
  if (d.adsize === 16) return true;
  return d.base === RIP && (f.sem === 'mpx:bndmk' || f.sem === 'mpx:bndldx' || f.sem === 'mpx:bndstx');
}

/** A 67h the MPX instruction leaves unused, so objdump names it (addr32/addr16): in 64-bit code the
 *  address is 64-bit whatever 67h says, in 32-bit code it makes the address (bad); in 16-bit code
 *  it is the 32-bit address MPX needs, named only before a bare displacement. */
export function mpxNames67(f: Form, d: Decoded): boolean {
  return isMpx(f) && (d.mode !== 16 || (d.base === NONE && d.index === NONE));
}

const isHintNop = (f: Form, op: number): boolean =>
  f.sem === 'nop' && f.decodeOnly === true && f.opcode.length === 2 && f.opcode[0] === 0x0f && f.opcode[1] === op;

/** Opcodes objdump decodes through a prefix table (0F 1A/1B MPX, 0F 1C cldemote; 0F 1E CET for F3):
 *  when an F2/F3 picks a `nop` entry there, objdump names a 66h too (data16), though it sized the operand. */
export function hintNames66(f: Form, d: Decoded): boolean {
  if (d.lastRep === 0) return false;
  return isHintNop(f, 0x1a) || isHintNop(f, 0x1b) || isHintNop(f, 0x1c) || (d.lastRep === 0xf3 && isHintNop(f, 0x1e));
}

/** 64-bit 0F 18 /6-/7 memory with no F2/F3 (those have rows of their own): objdump's PREFETCHI table. */
const prefetchiNop = (f: Form, d: Decoded): boolean => d.mode === 64 && d.mod !== 3 && (d.reg & 6) === 6 && isHintNop(f, 0x18) && f.prefix === undefined;

/** Where no F2/F3 selected the entry of such a table (0F 18 /6-/7 in 64-bit code, 0F 1C, and 0F 1E,
 *  whose table ignores F2), the last 66h selects it: not named even when REX.W sizes the operand. */
export function hintTakes66(f: Form, d: Decoded): boolean {
  if (d.lastRep === 0xf3 || (d.lastRep === 0xf2 && !isHintNop(f, 0x1e))) return false;
  return prefetchiNop(f, d) || isHintNop(f, 0x1c) || isHintNop(f, 0x1e);
}

/** ... and with no 66h either (the prefetchit entry), a nop that is not RIP-relative gets its mnemonic
 *  padded on its own, after the prefix names. */
export function hintPadsMnemonic(f: Form, d: Decoded): boolean {
  return prefetchiNop(f, d) && d.base !== RIP && (d.prefixes & Pfx.OPSIZE) === 0;
}
