// A sound mask of the flags a native vector leaves undefined: walk the snippet's instructions in
// order (they run straight to the final hlt), taking each one's undefined flags from the ISA table
// (plus the count rules of the shift/rotate families) and clearing those a later instruction writes
// with a defined value. When an instruction *reads* a flag that is still undefined, everything after
// it may depend on silicon detail, so the vector as a whole counts as undefined-dependent.

import { FORMS } from '../../src/isa/index.js';
import { decodeInto } from '../../src/decode/decode.js';
import { newDecoded, NONE } from '../../src/decode/types.js';

const F_OF = 0x800;

export interface UndefInfo {
  /** Flags undefined at the end. */
  mask: number;
  /** A defined result can depend on an undefined flag or value (an input that read one, or an undefined result). */
  dependent: boolean;
}

/**
 * `regs(n)` gives register n's value at the start (the count in CL of a shift, when it matters).
 * Counts read from CL are taken from the initial registers, so a snippet that changes CL before a
 * shift by CL gets the whole OF bit masked to stay sound.
 */
export function undefInfo(code: Uint8Array, mode: 32 | 64, cl: number): UndefInfo {
  const d = newDecoded();
  let mask = 0, dependent = false, off = 0, clKnown = true;
  while (off < code.length) {
    decodeInto(d, code, off, mode, 0, 0);
    if (d.form === NONE || d.length <= 0) break;
    const f = FORMS[d.form];
    if (f.sem === 'hlt') break;
    if ((f.flags.read & mask) !== 0) dependent = true;
    let undef = f.flags.undef;
    if (f.sem === 'bswap' && d.opsize === 16) dependent = true;
    if (f.sem.startsWith('shift:')) {
      // OF is defined for a count of 1 only (SDM SAL/SAR/SHL/SHR, RCL/RCR/ROL/ROR, SHLD/SHRD).
      const raw = f.id.includes('_cl') ? (clKnown ? cl : -1) : f.id.endsWith('_1') ? 1 : (d.immLo & 0xff);
      const count = raw < 0 ? -1 : raw & (d.opsize === 64 ? 63 : 31);
      if (count !== 1) undef |= F_OF;
      // A zero count changes nothing: the flags stay as they were.
      const written = count === 0 ? 0 : f.flags.written;
      if ((f.sem === 'shift:shld' || f.sem === 'shift:shrd') && d.opsize === 16 && (count < 0 || count > 16)) dependent = true;
      mask = (mask & ~written) | (count === 0 ? 0 : undef);
    } else mask = (mask & ~f.flags.written) | undef;
    // Anything that writes CL makes later CL counts unknown to this walk.
    if (writesCl(f.sem, d)) clKnown = false;
    off += d.length;
  }
  return { mask, dependent };
}

function writesCl(sem: string, d: ReturnType<typeof newDecoded>): boolean {
  // Conservative: any instruction naming register 1 (rcx) as an operand, and the string/loop forms.
  return d.reg === 1 || d.rm === 1 || sem.startsWith('str:') || sem.startsWith('loop') || sem === 'rep';
}
