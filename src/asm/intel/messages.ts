// GNU's Intel-syntax wording of messages the shared encoder words for AT&T.

import { AsmError } from '../errors.js';
import type { Assembly } from '../state.js';

const NO_SUFFIX = 'no instruction mnemonic suffix given and no register operands';

/**
 * Where the AT&T parser warns of a missing suffix, GNU's Intel parser rejects a memory operand of no
 * stated size (and sysret/sysexit), and otherwise warns in its own words, naming the Intel mnemonic.
 */
export function intelWarning(asm: Assembly, warning: string): string {
  const s = asm.syntax;
  // Intel `fsub` alone is encoded as AT&T's `fsubrp` (convert.ts); GNU names the Intel one.
  if (s.intel && s.mnemonic !== undefined && /^f(?:sub|div)r?$/.test(s.mnemonic) && /^translating to `f\w+p'$/.test(warning)) return `translating to \`${s.mnemonic}p'`;
  if (!s.intel || s.mnemonic === undefined || !warning.startsWith(NO_SUFFIX)) return warning;
  if (s.unsized || s.mnemonic === 'sysret' || s.mnemonic === 'sysexit') throw new AsmError(asm.loc, `ambiguous operand size for \`${s.mnemonic}'`);
  return `ambiguous operand size; using default for \`${s.mnemonic}'`;
}

/** The size a `X ptr` gave became a suffix the form does not take: GNU's Intel parser calls that a size mismatch. */
export function intelError(asm: Assembly, message: string): string {
  const s = asm.syntax;
  if (!s.intel || s.mnemonic === undefined) return message;
  const m = /^invalid instruction suffix for `(.*)'$/.exec(message);
  if (m) return `operand size mismatch for \`${s.mnemonic}'`;
  // Under `noprefix` GNU names the register as written, without `%` (mov eax, word ptr 1).
  return s.naked ? message.replace(/^incorrect register `%(\w+)' used with/, "incorrect register `$1' used with") : message;
}
