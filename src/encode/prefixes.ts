// Prefixes written as mnemonics (lock, rep*, data16, addr32, rex*, segment names, notrack), with
// GNU's checks on them.

import type { Mode } from '../isa/types.js';
import { EncodeError } from './errors.js';
import { rexPrefixByte } from './prefix-names.js';

export const SEG_PREFIX: Readonly<Record<string, number>> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };

export interface PrefixState {
  lock: boolean;
  rep: number; // 0, 0xf3, 0xf2
  data16: boolean;
  addr: 0 | 16 | 32 | 64;
  rex: number; // explicit rex bits (0x40..0x4f), 0 if none
  seg: number; // explicit segment prefix byte, 0 if none
  notrack: boolean;
  /** MPX `bnd` (F2) on a near branch; shares the rep prefix slot. */
  bnd?: boolean;
  /** TSX lock elision: `xacquire` (F2) / `xrelease` (F3); shares the rep prefix slot. */
  hle?: 0xf2 | 0xf3;
}

export function parsePrefixes(list: readonly string[], mode: Mode): PrefixState {
  const p: PrefixState = { lock: false, rep: 0, data16: false, addr: 0, rex: 0, seg: 0, notrack: false };
  const twice = () => new EncodeError('same type of prefix used twice');
  for (const raw of list) {
    const n = raw.toLowerCase();
    if (n === 'lock') { if (p.lock) throw twice(); p.lock = true; }
    else if (n === 'rep' || n === 'repe' || n === 'repz' || n === 'repne' || n === 'repnz') {
      if (p.rep || p.bnd) throw twice();
      p.rep = n === 'repne' || n === 'repnz' ? 0xf2 : 0xf3;
    }
    else if (n === 'data16') {
      if (mode === 16) throw new EncodeError('redundant data16 prefix');
      if (p.data16) throw twice();
      p.data16 = true;
    }
    else if (n === 'data32') {
      // Operand size 32 is the default in 32-bit code; in .code16 data32 is the 66h prefix; 64-bit
      // code has no data32 (GNU 2.40, measured).
      if (mode === 64) throw new EncodeError('`data32\' is not supported in 64-bit mode', 'mode');
      if (mode === 32) throw new EncodeError('redundant data32 prefix');
      if (p.data16) throw twice();
      p.data16 = true;
    }
    else if (n === 'addr32' || n === 'addr16') {
      if (n === 'addr16' && mode === 64) throw new EncodeError('`addr16\' is not supported in 64-bit mode', 'mode');
      if (p.addr) throw twice();
      if (n === 'addr32' && mode === 32) throw new EncodeError('redundant addr32 prefix');
      if (n === 'addr16' && mode === 16) throw new EncodeError('redundant addr16 prefix');
      p.addr = n === 'addr32' ? 32 : 16;
    }
    else if (n === 'bnd') { if (p.rep || p.bnd || p.hle) throw twice(); p.bnd = true; }
    else if (n === 'xacquire' || n === 'xrelease') { if (p.rep || p.bnd || p.hle) throw twice(); p.hle = n === 'xacquire' ? 0xf2 : 0xf3; }
    else if (n === 'notrack') { if (p.notrack || p.seg) throw twice(); p.notrack = true; }
    else if (n in SEG_PREFIX) {
      // es/ss (like the ineffective segments they name) are rejected as prefixes in 64-bit code.
      if (mode === 64 && (n === 'es' || n === 'ss')) throw new EncodeError(`\`${n}' is not supported in 64-bit mode`, 'mode');
      if (p.seg || p.notrack) throw twice();
      p.seg = SEG_PREFIX[n];
    }
    else if (rexPrefixByte(n) !== undefined) {
      if (mode !== 64) throw new EncodeError(`\`${n}' is only supported in 64-bit mode`, 'mode');
      // Two REX prefixes merge unless they set a bit twice (`rex.w rex.x` is 4a; GNU 2.40, measured).
      const bits = rexPrefixByte(n)!;
      if ((p.rex & bits & 0xf) !== 0 || (p.rex === 0x40 && bits === 0x40)) throw twice();
      p.rex |= bits;
    } else throw new EncodeError(`no such instruction: \`${raw}'`, 'no-such-insn');
  }
  return p;
}

export const NO_PREFIXES: PrefixState = Object.freeze({ lock: false, rep: 0, data16: false, addr: 0, rex: 0, seg: 0, notrack: false });
