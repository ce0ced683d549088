// An s/l/q suffix on an x87 instruction given a %st register, as GNU as 2.40 treats it (measured over
// every x87 mnemonic with each suffix): fldl, fstl, fstpl, fcoml and fcompl with one register are
// assembled as the register form with the warning "translating to `fld %st(1)'" (%st(0) is written
// %st); any other such spelling whose base is an x87 instruction is refused, named by its base:
// "invalid instruction suffix for `fadd'", or "number of operands mismatch for `fld'" when no form of
// the base takes that many operands. (`t` and `ll` are not suffixes there: fldt %st(1) stays a size error.)

import type { AsmOperand } from '../encode/types.js';
import { BY_MNEMONIC } from '../isa/lookup.js';
import { AsmError } from './errors.js';
import type { SrcLoc } from './errors.js';

const TAKES_L: ReadonlySet<string> = new Set(['fldl', 'fstl', 'fstpl', 'fcoml', 'fcompl']);

/** The mnemonic to assemble and GNU's warning for those five spellings; throws GNU's error for the rest. */
export function x87RegSuffix(mnemonic: string, operands: readonly AsmOperand[], loc: SrcLoc): { mnemonic: string; warning: string } | undefined {
  const m = mnemonic.toLowerCase();
  const last = m[m.length - 1];
  if (m[0] !== 'f' || (last !== 's' && last !== 'l' && last !== 'q') || m.endsWith('ll')) return undefined;
  if (!operands.some((o) => o.kind === 'reg' && o.reg.cls === 'st')) return undefined;
  const base = m.slice(0, -1);
  const forms = BY_MNEMONIC.get(base)?.filter((f) => f.sem.startsWith('x87:'));
  if (!forms?.length) return undefined;
  const o = operands[0];
  if (TAKES_L.has(m) && operands.length === 1 && o.kind === 'reg' && !o.indirect) {
    return { mnemonic: base, warning: `translating to \`${base} ${o.reg.num === 0 ? '%st' : `%st(${o.reg.num})`}'` };
  }
  if (!forms.some((f) => f.operands.length === operands.length)) throw new AsmError(loc, `number of operands mismatch for \`${base}'`);
  throw new AsmError(loc, `invalid instruction suffix for \`${base}'`);
}
