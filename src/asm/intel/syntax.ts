// Which syntax the assembler reads (GNU's `.intel_syntax`/`.att_syntax [no]prefix`, -msyntax=,
// -mnaked-reg) and the two hooks the statement driver calls: rewrite an Intel (or prefix-less AT&T)
// instruction as AT&T text before it is parsed, and GNU's Intel wording of a size message.

import { AsmError } from '../errors.js';
import { isAbsolute } from '../expr.js';
import { candidatesInMode } from '../../encode/match.js';
import { clrXorMnemonic } from '../../encode/clr.js';
import { checkMnemonic, EncodeError } from '../../encode/index.js';
import { tokenize } from '../lexer.js';
import { isPrefixMnemonic } from '../parse.js';
import type { Assembly } from '../state.js';
import { lookupReg } from '../../isa/registers.js';
import { convertIntel } from './convert.js';
import { SIZE_WORDS } from './operand.js';
import { IntelError } from './errors.js';
import { regAvailable } from '../reg-avail.js';
import { regExprEquate, substituteRegExprs } from './reg-expr.js';
import type { SyntaxState } from './state.js';

export { initialSyntax, type SyntaxState } from './state.js';

/** `.intel_syntax [prefix|noprefix]`, `.att_syntax [prefix|noprefix]`; `rest` is the text after the name. */
export function syntaxDirective(asm: Assembly, name: string, rest: string): void {
  const s = asm.syntax;
  const words = rest.trim().split(/\s+/).filter(Boolean);
  // Without an argument the prefix is required again, even after -mnaked-reg (as GNU 2.40 does).
  let naked = false;
  if (words.length) {
    const w = words[0].toLowerCase();
    if (w !== 'prefix' && w !== 'noprefix') throw new AsmError(asm.loc, 'bad argument to syntax directive.');
    naked = w === 'noprefix';
  }
  s.intel = name === '.intel_syntax';
  s.naked = naked;
  // GNU switches first, then finds the junk.
  if (words.length > 1) throw new AsmError(asm.loc, `junk at end of line, first unrecognized character is \`${words[1][0]}'`);
}

const REG_EQU = /^(\s*(?:\.(?:equ|set|equiv|eqv)\s+[\w.$]+\s*,|[\w.$]+\s*=)\s*)([a-z][a-z0-9]*(?:\([0-7]\))?)\s*$/i;

/**
 * The statement as the AT&T grammar should read it, or undefined when an error was reported.
 * Only instructions change: directives, labels and assignments pass as written.
 */
export function syntaxRewrite(asm: Assembly, text: string): string | undefined {
  const s = asm.syntax;
  s.unsized = undefined;
  s.mnemonic = undefined;
  if (s.naked) {
    // `.equ adi, di`: a symbol standing for a register, as regvalues.ts expects it spelled.
    const m = REG_EQU.exec(text);
    if (m && lookupReg(m[2])) return `${m[1]}%${m[2]}`;
  }
  if (s.intel && s.naked) {
    const e = regExprEquate(text, s.regExprs);
    if (e !== undefined) return e;
  }
  if (!s.intel) return s.naked ? nakedAtt(text, asm) : text;
  if (s.regExprs.size) {
    const t = substituteRegExprs(text, s.regExprs);
    if (t === undefined) {
      asm.error('invalid use of register');
      return undefined;
    }
    text = t;
  }
  try {
    const c = convertIntel(text, {
      mode: asm.mode,
      naked: s.naked,
      isConstSym: (name) => {
        const d = asm.symbols.get(name)?.def;
        return d?.kind === 'equ' && isAbsolute(d.value);
      },
      refSym: (name) => { asm.symbols.ref(name); },
      regSym: (name) => {
        const r = asm.regSyms.get(name);
        if (r !== undefined) listAliasChain(asm, name);
        return r?.slice(1);
      },
      known: (mn) => candidatesInMode(clrXorMnemonic(mn) ?? mn, asm.mode).length > 0,
      intel64: asm.gas.intel64 === true,
      regOk: (name) => {
        const r = lookupReg(name);
        return r !== undefined && regAvailable(asm, r);
      },
      allowIndexReg: asm.allowIndexReg,
      modeError: (mn) => {
        try {
          checkMnemonic(mn, asm.mode);
        } catch (e) {
          if (e instanceof EncodeError && e.code === 'mode') return e.message;
        }
        return undefined;
      },
      lSuffixOnly: (mn) => {
        const c = mn.endsWith('l') ? candidatesInMode(clrXorMnemonic(mn) ?? mn, asm.mode) : [];
        return c.length > 0 && c.every((x) => x.sfx === 'l');
      },
    });
    if (!c) {
      // `.long eax` (or "eax"): GNU 2.40 refuses a register as data, and warns.
      if (s.naked && DATA_DIRECTIVE.test(text) && dataRegister(asm, text)) {
        asm.error('invalid use of register');
        asm.warn('register value used as expression');
        return undefined;
      }
      return intelExprWords(text, asm.mode);
    }
    for (const w of c.warnings ?? []) asm.warn(w);
    s.unsized = c.unsizedMem;
    s.mnemonic = c.mnemonic;
    return c.text;
  } catch (e) {
    if (!(e instanceof IntelError)) throw e;
    asm.error(e.message);
    for (const m of e.more) asm.error(m);
    return undefined;
  }
}

/** An Intel operand named a register symbol: if through an alias, the chain goes to the symbol table (state.ts). */
function listAliasChain(asm: Assembly, name: string): void {
  let s = asm.symbols.get(name);
  if (s?.def?.kind !== 'equ' || !s.def.value.sym) return;
  for (let n = 0; s && n < 64; n++) {
    asm.syntax.regListed.add(s.name);
    s = s.def?.kind === 'equ' ? s.def.value.sym : undefined;
  }
}

/** `.att_syntax noprefix`: registers named without `%` get one. */
function nakedAtt(text: string, asm: Assembly): string {
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
    // (A register the CPU lacks is a symbol there: `.arch i286`'s eax.)
    const r = t.type === 'ident' ? lookupReg(t.value) : undefined;
    if (!r || !regAvailable(asm, r)) continue;
    out += text.slice(at, t.offset) + '%';
    at = t.offset;
  }
  return at === 0 ? text : out + text.slice(at);
}

const DATA_DIRECTIVE = /^\s*(?:[\w.$]+\s*:\s*)*\.(?:byte|short|word|hword|value|int|long|quad|octa|2byte|4byte|8byte)\b/i;

/** A data directive's argument names a register (bare or quoted, as GNU 2.40 reads both). */
function dataRegister(asm: Assembly, text: string): boolean {
  return tokenize(text).some((t, k) => {
    if (k === 0 || (t.type !== 'ident' && t.type !== 'string')) return false;
    const name = t.type === 'string' ? t.value.slice(1, -1) : t.value;
    const r = lookupReg(name);
    // (The AVX-512 mask registers, which x86lab's table does not name, count too.)
    return (r !== undefined && regAvailable(asm, r)) || /^k[0-7]$/i.test(name);
  });
}

/** Directives whose arguments are expressions: Intel's word operators work there too (`.long 8 mod 5`). */
const EXPR_DIRECTIVE = /^\s*(?:[\w.$]+\s*:\s*)*(?:\.(?:byte|short|word|hword|value|int|long|quad|octa|2byte|4byte|8byte|set|equ|equiv|eqv|fill|skip|space|org|align|balign|p2align|rept)\b|[\w.$]+\s*=)/i;
const WORD_OPS: Readonly<Record<string, string>> = {
  not: '~', shl: '<<', shr: '>>', mod: '%', and: '&', or: '|', xor: '^', eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=',
};

/** GNU's values for the size words used as numbers: the size in bytes; near/far by code size. */
function wordValue(w: string, mode: 16 | 32 | 64): string | undefined {
  if (w in SIZE_WORDS) return String(SIZE_WORDS[w]);
  if (w === 'near') return mode === 16 ? '0xff02' : mode === 32 ? '0xff04' : '0xff08';
  if (w === 'far') return mode === 16 ? '0xff05' : '0xff06';
  return undefined;
}

function intelExprWords(text: string, mode: 16 | 32 | 64): string {
  if (!EXPR_DIRECTIVE.test(text)) return text;
  const toks = tokenize(text);
  let out = '';
  let at = 0;
  for (let j = 1; j < toks.length; j++) {
    const t = toks[j];
    const w = t.type === 'ident' ? t.value.toLowerCase() : '';
    const op = WORD_OPS[w] ?? wordValue(w, mode);
    if (op === undefined) continue;
    out += `${text.slice(at, t.offset)} ${op} `;
    at = t.offset + t.value.length;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** An expression (`.if s <> gs`) under `noprefix`: bare register names are registers. */
export function nakedExpression(text: string): string {
  const toks = tokenize(text);
  let out = '';
  let at = 0;
  for (const t of toks) {
    if (t.type !== 'ident' || !lookupReg(t.value)) continue;
    out += text.slice(at, t.offset) + '%';
    at = t.offset;
  }
  return at === 0 ? text : out + text.slice(at);
}
