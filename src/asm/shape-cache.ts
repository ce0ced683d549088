// A second line cache, keyed by statement shape: `MNEMONIC SYMBOL` lines (`jne .L3`, `call f12`,
// `jmp out`) whose bytes do not depend on which symbol they name. The driver's line cache
// (state.ts) only helps an identical line, and branch lines rarely repeat (each function has its
// own labels), so without this each of them was lexed, parsed and encoded twice (short and near).
//
// A shape is remembered from a line the full path assembled (parser, encoder): its encodings, with
// the fixups naming the symbol. An identical-shape line replays them with its own symbol's name.
// The encoder sees an undefined or label symbol only as "not a constant", so the bytes are the
// same; an equated symbol (whose value the encoder would see) never takes this path.

import type { Encoded } from '../encode/types.js';
import type { SrcLoc } from './errors.js';
import { ID, ID0 } from './ident-chars.js';
import { placeInsn, type InsnReplay } from './insn.js';
import { isPrefixMnemonic } from './parse.js';
import type { Frag, Section } from './sections.js';
import type { Assembly } from './state.js';

interface Shape {
  readonly mnemonic: string;
  readonly sym: string;
}

interface Entry {
  readonly replay: InsnReplay;
  /** The symbol named in the remembered line (another one stands for it in a replayed line: placeInsn's `sym`). */
  readonly sym: string;
  /** The `.arch` state it was assembled under: a later `.arch` starts over. */
  readonly arch: unknown;
}

const blank = (c: number): boolean => c === 32 || c === 9 || c === 13;
const letter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/** charCodeAt, 0 past the end: optimized code deoptimizes on its first out-of-bounds read, then is compiled again. */
const at = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : 0);

/** The end of the blanks from i. (One loop for every blank run of symbolShape: the run after the
 *  symbol, rarely there, had no type feedback of its own and deoptimized the function when met.) */
function blanksEnd(text: string, i: number, n: number): number {
  while (i < n && blank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * `MNEMONIC SYMBOL` and nothing else (no prefix mnemonic, `.`, `@`, quotes or numbers), or undefined.
 * `anyMnemonic`: skip the prefix-mnemonic test (replay() looks the mnemonic up among remembered
 * shapes, which never hold a prefix).
 */
export function symbolShape(text: string, anyMnemonic = false): Shape | undefined {
  const n = text.length;
  let i = 0;
  i = blanksEnd(text, i, n);
  const m0 = i;
  if (!letter(at(text, i))) return undefined;
  while (i < n && (letter(text.charCodeAt(i)) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57))) i++;
  const m1 = i;
  if (i === n || !blank(text.charCodeAt(i))) return undefined;
  i = blanksEnd(text, i, n);
  const s0 = i;
  const c0 = at(text, i);
  if (!(c0 < 128 && ID0[c0])) return undefined;
  i++;
  for (let c = at(text, i); i < n && c < 128 && ID[c]; c = at(text, ++i));
  const s1 = i;
  i = blanksEnd(text, i, n);
  if (i !== n) return undefined;
  const sym = text.slice(s0, s1);
  if (sym === '.' || sym === '_GLOBAL_OFFSET_TABLE_') return undefined;
  const mnemonic = text.slice(m0, m1);
  // `rep movsb`: a prefix and an instruction, not an instruction and a symbol.
  if (!anyMnemonic && isPrefixMnemonic(mnemonic.toLowerCase())) return undefined;
  return { mnemonic, sym };
}

/** Options under which an instruction's bytes depend on its neighbours or get notes: no caching. */
function plainOptions(asm: Assembly): boolean {
  const g = asm.gas;
  return !(g.addBndPrefix || g.usedNote || g.operandCheck || g.lfenceAfterLoad || g.omitLockPrefix || g.fenceAsLockAdd ||
    g.optimize || g.lfenceBeforeRet || g.lfenceBeforeIndirect || g.alignBranch || g.alignBranchParts);
}

/** Usable here at all: AT&T with `%` registers, no register symbols, no hardening, a replayable state. */
function usable(asm: Assembly): boolean {
  return !asm.syntax.intel && !asm.syntax.naked && asm.regSyms.size === 0 && !asm.insnEnds && asm.replayable() && plainOptions(asm);
}

/** Every fixup names `sym` and nothing else, and the encoder said nothing: safe to rename. */
function renamable(enc: Encoded, sym: string): boolean {
  if (enc.warnings?.length) return false;
  for (const f of enc.fixups) if (f.value.sym !== sym || f.value.minus !== undefined || f.value.spec !== undefined) return false;
  return true;
}

/** Per assembly: remembered shapes by mode and mnemonic as written. */
export class ShapeCache {
  /** By mode, then mnemonic (no key string built per line). */
  private readonly byMode = new Map<number, Map<string, Entry>>();
  private size = 0;

  /**
   * Assembles `text` from a remembered shape if it has one: emits what the full path would, the
   * symbol referenced as an operand expression references it. Returns false to take the full path.
   */
  replay(asm: Assembly, text: string, loc: SrcLoc, sec: Section, startFrag: Frag, startOff: number): boolean {
    if (this.size === 0 || !usable(asm)) return false;
    const shape = symbolShape(text, true);
    if (!shape) return false;
    const e = this.byMode.get(asm.mode)?.get(shape.mnemonic);
    if (!e || e.arch !== asm.arch.cur) return false;
    const name = shape.sym;
    const known = asm.symbols.get(name);
    if (known?.def?.kind === 'equ') return false;
    // What evaluating the operand does to the symbol (expr.ts symVal): created if new, named directly.
    (known ?? asm.symbols.ref(name)).direct = true;
    asm.lineMarks.add(loc, sec, startFrag, startOff);
    const r = e.replay;
    const same = name === e.sym;
    placeInsn(asm, r.enc, r.near, r.direct, r.memSym, same ? undefined : name);
    asm.listing.add(loc, sec, startFrag, startOff, sec.cur, sec.cur.size);
    return true;
  }

  /** Remembers a line the full path assembled without warnings, if it has a symbol shape. */
  remember(asm: Assembly, text: string, done: InsnReplay): void {
    if (!usable(asm) || done.memSym || !done.direct || done.sym === undefined) return;
    const shape = symbolShape(text);
    if (!shape || shape.sym !== done.sym) return;
    let map = this.byMode.get(asm.mode);
    if (!map) this.byMode.set(asm.mode, (map = new Map()));
    if (map.has(shape.mnemonic) || this.size >= 4096) return;
    if (!renamable(done.enc, done.sym) || (done.near && !renamable(done.near, done.sym))) return;
    map.set(shape.mnemonic, { replay: done, sym: done.sym, arch: asm.arch.cur });
    this.size++;
  }
}
