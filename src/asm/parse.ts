// One statement in, one tree out. Lexes with moo, retags directive names and prefix mnemonics,
// then runs nearley once per statement — or not at all when a statement of the same shape
// (same token-type sequence) was parsed before: the tree holds token indices, so it is reused.

import nearley from 'nearley';
import grammar from './statement.generated.js';
import { tokenize, type Tok } from './lexer.js';
import type { Stmt } from './ast.js';
import { flatDirectiveList, FLAT_LIST_MIN_TOKENS, splitDirectiveList } from './flatlist.js';
import { rexPrefixByte } from '../encode/prefix-names.js';
import { quotedSymbols } from './quoted-syms.js';
import { shippedTree } from './common-shapes.js';

/** Prefixes GNU as accepts written as mnemonics in front of an instruction. */
export const PREFIX_MNEMONICS: ReadonlySet<string> = new Set([
  'lock', 'rep', 'repe', 'repz', 'repne', 'repnz', 'cs', 'ds', 'es', 'fs', 'gs', 'ss',
  'data16', 'data32', 'addr16', 'addr32', 'rex64', 'rex', 'rex.w', 'notrack', 'xacquire', 'xrelease', 'bnd',
]);

/** A prefix mnemonic, including GNU's `rex.WRXB` spellings. */
export function isPrefixMnemonic(lower: string): boolean {
  return PREFIX_MNEMONICS.has(lower) || rexPrefixByte(lower) !== undefined;
}

export interface Parsed {
  readonly toks: readonly Tok[];
  readonly stmt: Stmt;
}

/** Why a statement has no parse: the token the grammar could not take (undefined = ran out of input). */
export interface ParseFailure {
  readonly toks: readonly Tok[];
  readonly at: Tok | undefined;
}

const compiled = nearley.Grammar.fromCompiled(grammar as unknown as nearley.CompiledRules);
/**
 * Memo of parses keyed by the token-type sequence, as a trie (no key string built per statement).
 * A node's children are few (a type follows only so many others) and the types are the lexer's
 * constant strings, so a scan comparing them beats hashing each one into a Map. The children are
 * a list through `next`, in the order they were added.
 * (Class instances, with no array per node: the nodes live to the end, and V8 switching a literal's
 * or an array's allocation site to old-space allocation mid-run threw away parseTokens' and
 * parseStatement's optimized code; docs/asm-cold-start.md.)
 */
class MemoNode {
  /** The first child and the next sibling. */
  kid: MemoNode | undefined = undefined;
  next: MemoNode | undefined = undefined;
  result: Stmt | number | undefined = undefined;
  constructor(readonly type: string) {}
}
const memo = new MemoNode('');
let memoSize = 0;
const MEMO_LIMIT = 100_000;

/** Statistics for the benchmark and tests. */
export const parseStats = { nearleyRuns: 0, memoHits: 0 };

/**
 * `b%a` lexes as `b` then register `%a`; after an operand (number, symbol, `)`) it is really the
 * modulo operator and a symbol, as GNU reads it. Split such tokens (never right after the mnemonic).
 */
function splitModulo(toks: Tok[], mnemonic: number): Tok[] {
  let out: Tok[] | undefined;
  for (let j = 1; j < toks.length; j++) {
    const t = toks[j];
    const p = toks[j - 1].type;
    if (t.type === 'reg' && j - 1 !== mnemonic && (p === 'num' || p === 'ident' || p === 'rparen' || p === 'char')) {
      out ??= toks.slice(0, j);
      out.push({ type: 'percent', value: '%', offset: t.offset, i: 0 }, { type: 'ident', value: t.value.slice(1), offset: t.offset + 1, i: 0 });
    } else if (out) out.push(t);
  }
  if (!out) return toks;
  out.forEach((t, k) => { t.i = k; });
  return out;
}

/** Relocation specifiers GNU accepts after a symbol (`foo@PLT`); the part after `@`, lower case. */
export const RELOC_SPECS = new Set([
  'plt', 'gotpcrel', 'got', 'gotoff', 'gotplt', 'pltoff', 'tpoff', 'ntpoff', 'gottpoff', 'gotntpoff', 'indntpoff',
  'tlsgd', 'tlsld', 'tlsldm', 'dtpoff', 'size', 'tlsdesc', 'tlscall',
]);

/** Joins `sym @ SPEC` into one identifier token `sym@SPEC` (expr.ts splits it again). */
function joinSpecs(toks: Tok[]): Tok[] {
  let out: Tok[] | undefined;
  for (let j = 1; j + 1 < toks.length; j++) {
    const a = toks[j - 1], at = toks[j], b = toks[j + 1];
    if (at.type !== 'at' || a.type !== 'ident' || b.type !== 'ident' || !RELOC_SPECS.has(b.value.toLowerCase())) continue;
    if (at.offset !== a.offset + a.value.length || b.offset !== at.offset + 1) continue;
    out ??= toks.slice();
    const k = out.indexOf(a);
    out.splice(k, 3, { type: 'ident', value: `${a.value}@${b.value}`, offset: a.offset, i: k });
  }
  if (!out) return toks;
  out.forEach((t, k) => { t.i = k; });
  return out;
}

/**
 * `[` and `]` group an AT&T expression like parentheses (`$_GLOBAL_OFFSET_TABLE_+[.-test]`, as in
 * GNU's expr.c); the lexer leaves them as junk (Intel syntax reads them itself), so retag them here.
 */
function bracketsAsGroups(toks: Tok[]): Tok[] {
  for (const t of toks) {
    if (t.type !== 'junk') continue;
    if (t.value === '[') t.type = 'lbrack';
    else if (t.value === ']') t.type = 'rbrack';
  }
  return toks;
}

/** Marks directive names and prefix mnemonics so that the grammar sees shape-distinct tokens. */
function retag(toks0: Tok[]): Tok[] {
  quotedSymbols(toks0);
  const toks = joinSpecs(toks0);
  let i = 0;
  while (i + 1 < toks.length && (toks[i].type === 'ident' || toks[i].type === 'num') && toks[i + 1].type === 'colon') i += 2;
  // (Bounds checked, not read past the end: a label-only statement's first such read deoptimized this.)
  const head = i < toks.length ? toks[i] : undefined;
  if (!head || head.type !== 'ident') return toks;
  const next = toks[i + 1];
  if (next && next.type === 'assign') {
    dollarSymbols(toks, -1);
    return splitModulo(toks, -1);
  }
  if (head.value.charCodeAt(0) === 46 /* . */ && head.value.length > 1) {
    head.type = 'dname';
    dollarSymbols(toks, -1);
    // `.type sym,%function`: a register-looking word right after a comma stays as written.
    return splitModulo(toks, -1);
  }
  prefixSlashes(toks, i);
  while (toks[i] && toks[i].type === 'ident' && toks[i + 1]?.type === 'ident' && isPrefixMnemonic(toks[i].value.toLowerCase())) {
    toks[i].type = 'prefix';
    i++;
  }
  const hinted = branchHint(toks, i);
  const mn = hinted === toks ? i : i + 1;
  dollarSymbols(hinted, mn);
  return splitModulo(hinted, mn);
}

/** `lock/incl (%eax)`: GNU reads a `/` right between a prefix and the next word as a separator. */
function prefixSlashes(toks: Tok[], from: number): void {
  // (Only a run of words can be prefixes with slashes: most statements leave at once, unlowered.)
  const t1 = toks[from + 1];
  if (!t1 || (t1.type !== 'slash' && t1.type !== 'ident')) return;
  for (let j = from; j + 2 < toks.length && toks[j].type === 'ident' && isPrefixMnemonic(toks[j].value.toLowerCase()); j++) {
    const a = toks[j], sl = toks[j + 1], b = toks[j + 2];
    if (sl.type !== 'slash' || b.type !== 'ident' || sl.offset !== a.offset + a.value.length || b.offset !== sl.offset + 1) continue;
    toks.splice(j + 1, 1);
    toks.forEach((t, k) => { t.i = k; });
  }
}

/**
 * In AT&T syntax `$` marks an immediate only at the start of an instruction operand; anywhere else
 * in an expression (`jecxz 3+$`, `movl $$, %eax`, `.long $`) GNU reads it as a symbol named `$`.
 */
function dollarSymbols(toks: Tok[], mnemonic: number): void {
  for (let j = 1; j < toks.length; j++) {
    const t = toks[j];
    if (t.type !== 'dollar') continue;
    const p = toks[j - 1];
    if (mnemonic >= 0 && (j - 1 === mnemonic || p.type === 'comma' || p.type === 'prefix')) continue;
    t.type = 'ident';
  }
}

/**
 * `jz,pt label` / `jz,pn label`: GNU's branch hints, the DS (taken) or CS (not taken) prefix, on
 * jumps only (jmp, jcc, jecxz, loop; written without spaces, lower case). Rewritten as the prefix
 * mnemonic in front, so `jz,pt` is `ds jz` (the mnemonic moves one token on).
 */
function branchHint(toks: Tok[], i: number): Tok[] {
  const mn = toks[i], comma = toks[i + 1], hint = toks[i + 2];
  if (!mn || comma?.type !== 'comma' || hint?.type !== 'ident' || (hint.value !== 'pt' && hint.value !== 'pn')) return toks;
  if (comma.offset !== mn.offset + mn.value.length || hint.offset !== comma.offset + 1 || !/^(?:j[a-z]+|loop[a-z]*)$/i.test(mn.value)) return toks;
  const pre: Tok = { type: 'prefix', value: hint.value === 'pt' ? 'ds' : 'cs', offset: mn.offset, i: 0 };
  const out = [...toks.slice(0, i), pre, mn, ...toks.slice(i + 3)];
  out.forEach((t, k) => { t.i = k; });
  return out;
}

/** The grammar's tree for a retagged token array (nearley, no memo); a number: where parsing failed. */
export function runNearley(toks: readonly Tok[]): Stmt | number {
  parseStats.nearleyRuns++;
  const p = new nearley.Parser(compiled);
  try {
    p.feed(toks as unknown as string);
  } catch (e) {
    // nearley's syntax errors carry the offending token's offset; anything else is a grammar bug.
    if ((e as { offset?: number }).offset === undefined) throw e;
    const t = (e as { token?: Tok }).token;
    return t ? t.i : toks.length;
  }
  if (p.results.length === 0) return toks.length;
  if (p.results.length !== 1) {
    // The grammar is meant to be unambiguous; a second parse is a grammar bug, not a user error.
    throw new Error(`internal: ${p.results.length} parses for statement shape ${toks.map((t) => t.type).join(' ')}`);
  }
  return flatten(p.results[0] as RawStmt);
}

/** The grammar's cons list of arguments/operands (see grammar/statement.ne), last element first. */
interface Cons<T> { readonly head: T; readonly tail?: Cons<T> }
type RawStmt = Omit<Stmt, 'body'> & { body?: { k: string; args?: unknown; ops?: unknown } };

function unlist<T>(l: Cons<T> | readonly T[] | null | undefined): T[] {
  if (Array.isArray(l)) return l as T[];
  const out: T[] = [];
  for (let c = l as Cons<T> | undefined; c; c = c.tail) out.push(c.head);
  return out.reverse();
}

/** Turns the grammar's cons lists into arrays, once for the whole statement. */
function flatten(s: RawStmt): Stmt {
  const b = s.body;
  if (b?.k === 'dir') return { ...s, body: { ...b, args: unlist(b.args as Cons<unknown>) } } as unknown as Stmt;
  if (b?.k === 'insn') return { ...s, body: { ...b, ops: unlist(b.ops as Cons<unknown>) } } as unknown as Stmt;
  return s as unknown as Stmt;
}

/** Parses one statement (comments already removed). Returns the tree or where parsing failed. */
export function parseStatement(text: string): Parsed | ParseFailure {
  const toks = retag(text.indexOf('[') >= 0 ? bracketsAsGroups(tokenize(text)) : tokenize(text));
  const flat = toks.length >= FLAT_LIST_MIN_TOKENS ? flatDirectiveList(toks) ?? splitDirectiveList(toks, parseTokens) : undefined;
  if (flat) return { toks, stmt: flat };
  const r = parseTokens(toks);
  if (typeof r === 'number') return { toks, at: toks[r] };
  return { toks, stmt: r };
}

/** The tree of a retagged token array, from the memo or nearley; a number: where parsing failed. */
export function parseTokens(toks: readonly Tok[]): Stmt | number {
  let node = memo;
  for (let i = 0; i < toks.length; i++) {
    const type = toks[i].type;
    let last: MemoNode | undefined;
    let n = node.kid;
    while (n !== undefined && n.type !== type) {
      last = n;
      n = n.next;
    }
    if (n === undefined) {
      n = new MemoNode(type);
      if (memoSize < MEMO_LIMIT) {
        if (last === undefined) node.kid = n;
        else last.next = n;
        memoSize++;
      }
    }
    node = n;
  }
  let r = node.result;
  if (r === undefined) {
    r = shippedTree(toks) ?? runNearley(toks);
    node.result = r;
  } else parseStats.memoHits++;
  return r;
}

export function isParsed(p: Parsed | ParseFailure): p is Parsed {
  return (p as Parsed).stmt !== undefined;
}
