// Which syntax the assembler reads (GNU's `.intel_syntax`/`.att_syntax [no]prefix`, -msyntax=,
// -mnaked-reg) and the two hooks the statement driver calls: rewrite an Intel (or prefix-less AT&T)
// instruction as AT&T text before it is parsed, and GNU's Intel wording of a size message.

import { AsmError } from '../errors.js';
import { isAbsolute } from '../expr.js';
import { mnemonicKnown } from '../insn.js';
import { tokenize } from '../lexer.js';
import { isPrefixMnemonic } from '../parse.js';
import type { Assembly } from '../state.js';
import { lookupReg } from '../../isa/registers.js';
import { convertIntel } from './convert.js';
import { IntelError } from './errors.js';
import type { SyntaxState } from './state.js';

export { initialSyntax, type SyntaxState } from './state.js';

/** `.intel_syntax [prefix|noprefix]`, `.att_syntax [prefix|noprefix]`; `rest` is the text after the name. */
export function syntaxDirective(asm: Assembly, name: string, rest: string): void {
  const s = asm.syntax;
  const words = rest.trim().split(/\s+/).filter(Boolean);
  let naked = s.nakedDefault;
  if (words.length) {
    const w = words[0].toLowerCase();
    if (w !== 'prefix' && w !== 'noprefix') throw new AsmError(asm.loc, 'bad argument to syntax directive.');
    if (words.length > 1) throw new AsmError(asm.loc, `junk at end of line, first unrecognized character is \`${words[1][0]}'`);
    naked = w === 'noprefix';
  }
  s.intel = name === '.intel_syntax';
  s.naked = naked;
}

/**
 * The statement as the AT&T grammar should read it, or undefined when an error was reported.
 * Only instructions change: directives, labels and assignments pass as written.
 */
export function syntaxRewrite(asm: Assembly, text: string): string | undefined {
  const s = asm.syntax;
  s.unsized = undefined;
  if (!s.intel) return s.naked ? nakedAtt(text) : text;
  try {
    const c = convertIntel(text, {
      mode: asm.mode,
      naked: s.naked,
      isConstSym: (name) => {
        const d = asm.symbols.get(name)?.def;
        return d?.kind === 'equ' && isAbsolute(d.value);
      },
      known: (mn) => mnemonicKnown(mn, asm),
    });
    if (!c) return text;
    if (c.unsizedMem) s.unsized = c.mnemonic;
    return c.text;
  } catch (e) {
    if (!(e instanceof IntelError)) throw e;
    asm.error(e.message);
    return undefined;
  }
}

/** `.att_syntax noprefix`: registers named without `%` get one. */
function nakedAtt(text: string): string {
  const toks = tokenize(text);
  let i = 0;
  while (i + 1 < toks.length && (toks[i].type === 'ident' || toks[i].type === 'num') && toks[i + 1].type === 'colon') i += 2;
  const head = toks[i];
  if (!head || head.type !== 'ident' || head.value.startsWith('.') || toks[i + 1]?.type === 'assign') return text;
  while (toks[i]?.type === 'ident' && toks[i + 1]?.type === 'ident' && isPrefixMnemonic(toks[i].value.toLowerCase())) i++;
  let out = '';
  let at = 0;
  for (let j = i + 1; j < toks.length; j++) {
    const t = toks[j];
    if (t.type !== 'ident' || !lookupReg(t.value)) continue;
    out += text.slice(at, t.offset) + '%';
    at = t.offset;
  }
  return at === 0 ? text : out + text.slice(at);
}
