// One Intel-syntax operand (as GNU as reads it under `.intel_syntax`) parsed into a small tree, then
// classified as register, immediate or memory. Registers, numbers and symbols come from the AT&T
// lexer's tokens; Intel's word operators (SHL, MOD, EQ ...) become the C operators GNU maps them to,
// at the same precedence (GNU: `1 shl 2 + 3` is 7).

import { lookupReg, type RegInfo } from '../../isa/registers.js';
import type { Tok } from '../lexer.js';
import { IntelError } from './errors.js';
import { gnuOperandText } from './operand-text.js';

/** Memory-size keywords (`dword ptr`), lower case, with their size in bytes. */
export const SIZE_WORDS: Readonly<Record<string, number>> = {
  byte: 1, word: 2, dword: 4, fword: 6, qword: 8, mmword: 8, tbyte: 10, oword: 16, xmmword: 16, ymmword: 32, zmmword: 64,
};

/** Intel's word operators and the C operator each stands for. */
const WORD_BINOPS: Readonly<Record<string, string>> = {
  shl: '<<', shr: '>>', mod: '%', and: '&', or: '|', xor: '^', eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=',
};

export type Node =
  | { readonly k: 'num'; readonly v: string }
  | { readonly k: 'sym'; readonly v: string }
  | { readonly k: 'reg'; readonly r: string }
  | { readonly k: 'un'; readonly op: string; readonly a: Node }
  | { readonly k: 'bin'; readonly op: string; readonly a: Node; readonly b: Node };

/** What one operand says besides its value. */
export interface IntelOperand {
  /** `dword ptr` etc.: the size keyword, lower case. */
  size?: string;
  offset: boolean;
  /** `short`, `near`, `far` before the operand. */
  jump?: 'short' | 'near' | 'far';
  /** A `[...]` was written. */
  bracket: boolean;
  /** Segment register override (`fs:`), lower case without `%`. */
  seg?: string;
  /** `FLAT:` was written: memory, with no segment prefix. */
  flat?: boolean;
  /** A second segment override (`fs:gs:[eax]`): GNU keeps the first and warns. */
  redundantSeg?: boolean;
  /** `0x10:0x20` (segment part not a register): a far pointer. */
  farSeg?: Node;
  /** The operand's value: registers appear as leaves. */
  expr?: Node;
  /** The text of the operand, for messages. */
  text: string;
}

/** Binary precedence levels, loosest first; each lists the C operators at that level (as GNU ranks them). */
const LEVELS: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['==', '!=', '<', '>', '<=', '>='], ['+', '-'], ['|', '&', '^', '!'], ['*', '/', '%', '<<', '>>'],
];

const PUNCT_OP: Readonly<Record<string, string>> = {
  oror: '||', andand: '&&', eqeq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=', plus: '+', minus: '-',
  pipe: '|', amp: '&', caret: '^', bang: '!', star: '*', slash: '/', percent: '%', shl: '<<', shr: '>>',
};

/** Reads operands of one statement; `naked` says registers need no `%`. */
export class OperandParser {
  private i = 0;
  private op!: IntelOperand;

  constructor(
    private readonly toks: readonly Tok[],
    private readonly naked: boolean,
    private readonly regSym: (name: string) => string | undefined = () => undefined,
    private readonly regOk: (name: string) => boolean = () => true,
    /** Which registers a name without `%` stands for here; GNU 2.40 reads the others as symbols
     *  (`mov eax, r8d` in 32-bit code, `[eiz*1+8]` without .allow_index_reg). */
    private readonly nakedOk: (r: RegInfo) => boolean = () => true,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private word(t: Tok | undefined): string | undefined {
    return t && t.type === 'ident' ? t.value.toLowerCase() : undefined;
  }

  /** A register named by token t (with `%`, or bare under noprefix), lower case without `%`. */
  private regName(t: Tok | undefined): string | undefined {
    if (!t) return undefined;
    if (t.type === 'reg') return t.value.slice(1).toLowerCase();
    if (t.type === 'ident') {
      const r = this.regSym(t.value);
      if (r) return r;
    }
    if (t.type === 'ident' && this.naked && lookupReg(t.value) && this.regOk(t.value.toLowerCase()) && this.nakedOk(lookupReg(t.value)!)) return t.value.toLowerCase();
    if (t.type === 'ident' && this.naked && t.value.toLowerCase() === 'st') return 'st';
    return undefined;
  }

  /** Parses the operand in toks[from, to). */
  parse(from: number, to: number, text: string): IntelOperand {
    this.op = { offset: false, bracket: false, text };
    this.inOffset = 0;
    this.from = from;
    this.i = from;
    this.end = to;
    const e = this.expr(0);
    if (this.i < to) throw new IntelError(`junk \`${this.rest()}' after expression`);
    if (e) this.op.expr = e;
    return this.op;
  }

  private end = 0;
  private from = 0;
  /** Depth of OFFSET operators around the term being read. */
  private inOffset = 0;

  private rest(): string {
    // As written from the first unread token, as GNU's scrubber left it (`ptr [rax+4]`).
    const from = this.toks[this.i]?.offset;
    const base = this.toks[this.from]?.offset;
    if (from !== undefined && base !== undefined && this.op.text.length > 0) return gnuOperandText(this.op.text.slice(from - base));
    return this.toks.slice(this.i, this.end).map((t) => t.value).join('');
  }

  private atEnd(): boolean {
    return this.i >= this.end;
  }

  private binop(): string | undefined {
    const t = this.peek();
    if (!t || this.atEnd()) return undefined;
    if (t.type === 'ident') return WORD_BINOPS[t.value.toLowerCase()];
    return PUNCT_OP[t.type];
  }

  private expr(level: number): Node | undefined {
    if (level === LEVELS.length) return this.unary();
    let a = this.expr(level + 1);
    for (;;) {
      const op = this.binop();
      if (op && LEVELS[level].includes(op)) {
        this.i++;
        const b = this.expr(level + 1);
        if (!b) throw new IntelError('bad expression');
        a = a ? { k: 'bin', op, a, b } : b;
        continue;
      }
      // `sym[rax]`, `[rax][rbx]+3`: a bracket right after a term adds to it.
      if (level === 3 && !this.atEnd() && this.peek()!.type === 'junk' && this.peek()!.value === '[') {
        const b = this.unary();
        if (!b) break;
        a = a ? { k: 'bin', op: '+', a, b } : b;
        continue;
      }
      break;
    }
    return a;
  }

  private unary(): Node | undefined {
    const t = this.peek();
    if (!t || this.atEnd()) return undefined;
    const w = this.word(t);
    if (t.type === 'minus' || t.type === 'tilde' || t.type === 'bang' || t.type === 'plus' || w === 'not') {
      this.i++;
      const a = this.unary();
      if (!a) throw new IntelError('bad expression');
      return t.type === 'plus' ? a : { k: 'un', op: w === 'not' ? '~' : t.value, a };
    }
    if (w !== undefined && w in SIZE_WORDS && this.word(this.toks[this.i + 1]) === 'ptr') {
      this.op.size ??= w;
      this.i += 2;
      return this.unary();
    }
    if (w === 'offset') {
      this.op.offset = true;
      this.i++;
      this.inOffset++;
      const a = this.unary();
      this.inOffset--;
      return a;
    }
    if (w === 'short' || w === 'near' || w === 'far') {
      this.op.jump = w;
      this.i++;
      if (this.word(this.peek()) === 'ptr') this.i++;
      return this.unary();
    }
    return this.postfix();
  }

  /** A primary, then `:` (segment override or far pointer). */
  private postfix(): Node | undefined {
    const t = this.peek()!;
    const reg = this.regName(t);
    const next = this.toks[this.i + 1];
    if (next && next.type === 'colon' && this.i + 1 < this.end) {
      const w = this.word(t);
      if (reg && lookupReg(reg)?.cls === 'seg' && this.inOffset > 0) {
        // Inside OFFSET's operand a segment changes nothing (`offset gs:[x]` is an immediate).
        this.i += 2;
        return this.unary();
      }
      if (reg && lookupReg(reg)?.cls === 'seg') {
        // The first override stands (`fs:gs:[eax]` is %fs:, `FLAT:es:1` has none), with GNU's warning.
        if (this.op.seg !== undefined || this.op.flat) this.op.redundantSeg = true;
        else this.op.seg = reg;
        this.i += 2;
        return this.unary();
      }
      if (w === 'flat') {
        // OFFSET FLAT:sym: the flat segment adds nothing but makes a memory operand.
        if (this.inOffset === 0) {
          if (this.op.seg !== undefined || this.op.flat) this.op.redundantSeg = true;
          this.op.flat = true;
        }
        this.i += 2;
        return this.unary();
      }
      const seg = this.primary();
      if (seg && seg.k !== 'reg' && this.peek()?.type === 'colon') {
        this.i++;
        this.op.farSeg = seg;
        return this.unary();
      }
      return seg;
    }
    return this.primary();
  }

  private primary(): Node | undefined {
    const t = this.peek();
    if (!t || this.atEnd()) return undefined;
    const reg = this.regName(t);
    if (reg && t.type === 'reg' && !this.regOk(reg)) {
      // GNU reads an unknown `%name` as a failed expression and the name as junk after it.
      throw new IntelError('bad expression', [`junk \`${this.rest().slice(1)}' after expression`]);
    }
    if (reg) {
      this.i++;
      // st(1) / %st(1)
      if (reg === 'st' && this.peek()?.type === 'lparen' && this.toks[this.i + 1]?.type === 'num' && this.toks[this.i + 2]?.type === 'rparen') {
        const n = this.toks[this.i + 1].value;
        this.i += 3;
        return { k: 'reg', r: `st(${n})` };
      }
      return { k: 'reg', r: reg };
    }
    if (t.type === 'junk' && t.value === '[') {
      this.i++;
      this.op.bracket = true;
      const e = this.expr(0);
      const c = this.peek();
      if (!c || c.type !== 'junk' || c.value !== ']') throw new IntelError(`missing ']'`);
      this.i++;
      return e ?? { k: 'num', v: '0' };
    }
    if (t.type === 'lparen') {
      this.i++;
      const e = this.expr(0);
      if (this.peek()?.type !== 'rparen') throw new IntelError(`missing ')'`);
      this.i++;
      if (!e) throw new IntelError('bad expression');
      return e;
    }
    if (t.type === 'num' || t.type === 'char') {
      this.i++;
      return { k: 'num', v: t.value };
    }
    if (t.type === 'ident' && t.value.toLowerCase() in SIZE_WORDS) {
      // A size word used as a number (`[eax+dword]`): its size in bytes.
      this.i++;
      return { k: 'num', v: String(SIZE_WORDS[t.value.toLowerCase()]) };
    }
    if (t.type === 'ident') {
      this.i++;
      // sym@GOTOFF: a relocation specifier written against the symbol.
      const at = this.peek();
      const spec = this.toks[this.i + 1];
      if (at?.type === 'at' && spec?.type === 'ident' && at.offset === t.offset + t.value.length && spec.offset === at.offset + 1) {
        this.i += 2;
        return { k: 'sym', v: `${t.value}@${spec.value}` };
      }
      return { k: 'sym', v: t.value };
    }
    if (t.type === 'dollar') {
      // Intel's `$` is the location counter.
      this.i++;
      return { k: 'sym', v: '.' };
    }
    if (t.type === 'string') {
      this.i++;
      return { k: 'sym', v: t.value };
    }
    throw new IntelError(`invalid character '${t.value}' in operand`);
  }
}
