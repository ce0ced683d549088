// Registers as values, the way GNU as's expression language has them (expr.c O_register):
//   - a symbol may be equated to a register (`.set src, %esi`, `.equ r, %rcx`, `reg = %xmm9`) and
//     reassigned later; it then stands for that register in operands, memory operands included
//     (`movl 4(src,dst,2), %eax`), and never reaches the symbol table;
//   - `.if` may compare registers (`.if \base == %rsp` in the kernel's unwind hints): a register
//     equals only the same register (`%eax == %rax` and `%rax == 0` are false); any other use of a
//     register in an absolute expression is not a constant.
// Measured against GNU as 2.40; the map of register symbols lives in the Assembly (per run).

import { AsmError, type SrcLoc } from './errors.js';
import { tokenize, type Tok } from './lexer.js';
import type { Sym } from './symbols.js';

const NAME = String.raw`[A-Za-z_.$][\w.$]*`;
/** `.set NAME, VALUE` / `.equ` / `.equiv` / `.eqv`, and `NAME = VALUE`, possibly after labels. */
const ASSIGN = new RegExp(String.raw`^((?:\s*${NAME}\s*:)*)\s*(?:\.(set|equ|equiv|eqv)\s+(${NAME})\s*,|(${NAME})\s*=(?!=))\s*(\S+)\s*$`, 'i');
/** A register value: `%name`, or an x87 stack register `%st(N)` (`.equ x, %st(1)`). */
const REG = /^%(?:[A-Za-z_][A-Za-z0-9_]*|[sS][tT]\([0-7]\))$/;

export interface RegAssignment {
  /** Labels written before the assignment on the same line, as text (`a: b:`), to define first. */
  readonly labels: string;
  readonly name: string;
  /** The register, lower-cased with its `%` (`%esi`). */
  readonly reg: string;
  readonly how: 'set' | 'equiv';
}

const SET_WORD = /\.(?:set|equ|eqv)/i;

/**
 * The statement equates a symbol to a register (or to a symbol that stands for one), or undefined.
 * Only exact `%name` values: anything else is an ordinary expression for the usual path.
 */
export function regAssignment(text: string, regSyms: ReadonlyMap<string, string>): RegAssignment | undefined {
  // Most lines with a '%' are instructions: a cheap look for '=' or the directive word first.
  if (text.indexOf('=') < 0 && (text.indexOf('.') < 0 || !SET_WORD.test(text))) return undefined;
  const m = ASSIGN.exec(text);
  if (!m) return undefined;
  const value = m[5];
  const reg = REG.test(value) ? value.toLowerCase() : regSyms.get(value);
  if (reg === undefined) return undefined;
  const dir = m[2]?.toLowerCase();
  return { labels: m[1], name: m[3] ?? m[4], reg, how: dir === 'equiv' || dir === 'eqv' ? 'equiv' : 'set' };
}

/**
 * Symbols equated earlier to `name` through a chain of plain aliases (`.equ z, y` / `.equ y, x`
 * before `.equ x, %st(1)`): GNU resolves an alias when it is used, so they stand for the register
 * too.
 */
export function aliasesOf(name: string, all: readonly Sym[]): string[] {
  const out: string[] = [];
  const targets = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of all) {
      const d = s.def;
      if (d?.kind !== 'equ' || !d.value.sym || d.value.minus || d.value.add !== 0n || d.value.spec) continue;
      if (targets.has(d.value.sym.name) && !targets.has(s.name)) {
        targets.add(s.name);
        out.push(s.name);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * The statement with every symbol that stands for a register spelled as that register. The first
 * word (mnemonic or directive) and label definitions keep their names.
 */
export function substituteRegSyms(text: string, regSyms: ReadonlyMap<string, string>): string {
  const toks = tokenize(text);
  let out = '';
  let at = 0;
  let head = 0;
  while (head + 1 < toks.length && toks[head].type === 'ident' && toks[head + 1].type === 'colon') head += 2;
  // `.equ r, -2` redefines r: the name being defined is not a use of it.
  const defines = /^\.(?:equ|set|equiv|eqv)$/i.test(toks[head]?.value ?? '') ? head + 1 : -1;
  for (let i = head + 1; i < toks.length; i++) {
    const t = toks[i];
    if (i === defines) continue;
    if (t.type !== 'ident') continue;
    const reg = regSyms.get(t.value);
    if (reg === undefined) continue;
    out += text.slice(at, t.offset) + reg;
    at = t.offset + t.value.length;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Does the statement mention a symbol that stands for a register? (a cheap test before rewriting) */
export function mentionsRegSym(text: string, regSyms: ReadonlyMap<string, string>): boolean {
  for (const name of regSyms.keys()) if (text.includes(name)) return true;
  return false;
}

// Registers in `.if` expressions become distinct numbers no source can write by accident, so
// `==`/`!=` give GNU's answers; a register that is not compared makes the expression non-constant.
const REG_VALUE_BASE = 0x5eb0_0000_0000_0000n;

/** The expression with each register spelled as a number standing for it, or the text itself. */
export function registersAsNumbers(text: string, loc: SrcLoc): string {
  const toks = tokenize(text);
  if (!toks.some((t) => t.type === 'reg')) return text;
  const compares = toks.some((t) => t.type === 'eqeq' || t.type === 'ne');
  const ids = new Map<string, number>();
  let out = '';
  let at = 0;
  for (const t of toks as Tok[]) {
    if (t.type !== 'reg') continue;
    if (!compares) throw new AsmError(loc, 'non-constant expression');
    const name = t.value.toLowerCase();
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    out += `${text.slice(at, t.offset)}(0x${(REG_VALUE_BASE + BigInt(id)).toString(16)})`;
    at = t.offset + t.value.length;
  }
  return out + text.slice(at);
}
