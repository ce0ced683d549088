// GNU's REX prefix spellings and prefixes written with nothing after them (GNU 2.40, measured).
//
// REX names: `rex`, `rex64`, GNU's old `rex[64][x][y][z]` (x, y, z are the R, X, B bits: rexx is 44,
// rexyz 43, rex64xyz 4f) and `rex.WRXB`.

import type { Mode } from '../isa/types.js';
import { EncodeError } from './errors.js';

/** The REX byte a prefix name stands for, or undefined when it is not a REX name. */
export function rexPrefixByte(name: string): number | undefined {
  // (Asked of every word that could be a prefix: most do not start with `rex`, and skip the regexes.)
  if (name.length < 3 || (name.charCodeAt(0) | 0x20) !== 114 || (name.charCodeAt(1) | 0x20) !== 101 || (name.charCodeAt(2) | 0x20) !== 120) return undefined;
  const n = name.toLowerCase();
  let m = /^rex(64)?(x)?(y)?(z)?$/.exec(n);
  if (m) return 0x40 | (m[1] ? 8 : 0) | (m[2] ? 4 : 0) | (m[3] ? 2 : 0) | (m[4] ? 1 : 0);
  m = /^rex\.([wrxb]{1,4})$/.exec(n);
  if (!m) return undefined;
  let b = 0x40;
  for (const c of m[1]) b |= c === 'w' ? 8 : c === 'r' ? 4 : c === 'x' ? 2 : 1;
  return b;
}

const BYTES: Readonly<Record<string, number>> = {
  lock: 0xf0, rep: 0xf3, repe: 0xf3, repz: 0xf3, repne: 0xf2, repnz: 0xf2,
  cs: 0x2e, ds: 0x3e, es: 0x26, fs: 0x64, gs: 0x65, ss: 0x36,
  data16: 0x66, data32: 0x66, addr16: 0x67, addr32: 0x67, notrack: 0x3e, xacquire: 0xf2, xrelease: 0xf3, bnd: 0xf2,
};

/** Prefixes that do not exist in 64-bit code, written alone or before an instruction. */
export const NOT_IN_64: ReadonlySet<string> = new Set(['data32', 'addr16', 'es', 'ss']);

/**
 * The bytes of prefixes written with no instruction after them (`data16`, `rexx rexy`, `cs ds`):
 * one byte each, in order, REX ones not merged; GNU warns when the last is an operand- or
 * address-size prefix. Throws GNU's error for a prefix the mode lacks, or `lock` before another prefix.
 */
export function standalonePrefixes(names: readonly string[], mode: Mode): { bytes: number[]; warning?: string } {
  const bytes: number[] = [];
  names.forEach((raw, k) => {
    const n = raw.toLowerCase();
    const rex = rexPrefixByte(n);
    if (rex !== undefined) {
      if (mode !== 64) throw new EncodeError(`\`${n}' is only supported in 64-bit mode`, 'mode');
      bytes.push(rex);
      return;
    }
    if (mode === 64 && NOT_IN_64.has(n)) throw new EncodeError(`\`${n}' is not supported in 64-bit mode`, 'mode');
    if (n === 'lock' && k < names.length - 1) throw new EncodeError('expecting lockable instruction after `lock\'');
    // A size prefix before another is checked as on an instruction: the mode's own size is redundant.
    const size = /^(?:data|addr)(16|32)$/.exec(n);
    if (size && k < names.length - 1 && Number(size[1]) === mode) throw new EncodeError(`redundant ${n} prefix`);
    const b = BYTES[n];
    if (b === undefined) throw new EncodeError(`no such instruction: \`${raw}'`, 'no-such-insn');
    bytes.push(b);
  });
  const last = names[names.length - 1].toLowerCase();
  return /^(?:data|addr)(?:16|32)$/.test(last) ? { bytes, warning: `stand-alone \`${last}' prefix` } : { bytes };
}
