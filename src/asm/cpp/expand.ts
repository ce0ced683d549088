// Macro table and expansion engine of the preprocessor, modelled on how gcc's cpp expands:
// a stack of token contexts, a macro is disabled while its own expansion is being read (and a
// name met while disabled is painted so it never expands again), arguments are fully expanded
// before substitution except next to # and ##, and the result is rescanned. "Padding" tokens
// record where whitespace must be printed so the output spaces tokens exactly as gcc -E does —
// which matters to GNU as, where whitespace separates macro arguments.

import { lexOne, type Tok } from './lex.js';

/** gcc's dynamic macros: __FILE__, __LINE__, __COUNTER__, __BASE_FILE__, __FILE_NAME__,
 *  __INCLUDE_LEVEL__, __DATE__, __TIME__. */
export type Builtin = 'FILE' | 'LINE' | 'COUNTER' | 'BASE_FILE' | 'FILE_NAME' | 'INCLUDE_LEVEL' | 'DATE' | 'TIME';

/** What the dynamic macros need from the preprocessor around the expander. */
export interface BuiltinInfo {
  readonly baseFile: string;
  includeLevel(): number;
  readonly clock: CppClock;
}

/** The moment __DATE__/__TIME__ show, and whether in UTC (gcc uses gmtime under SOURCE_DATE_EPOCH,
 *  localtime otherwise). Injected, so output never depends on the host's clock unless asked to. */
export interface CppClock {
  readonly now: Date;
  readonly utc: boolean;
}

export interface Macro {
  readonly name: string;
  readonly fn: boolean;
  readonly params: readonly string[];
  readonly variadic: boolean;
  readonly body: readonly Tok[];
  readonly builtin?: Builtin;
  readonly file: string;
  readonly line: number;
  disabled?: boolean;
}

/** Where base tokens come from: the current line, possibly extended by following lines. */
export interface BaseSource {
  next(): Tok | undefined;
  /** Called at the end of the current line while looking for the `(` of a function-like macro
   *  or inside its arguments: appends the next line's tokens. `needParen`: only if it starts with `(`. */
  more(needParen: boolean): boolean;
  readonly file: string;
  readonly line: number;
}

export interface ExpandDiag {
  (message: string, tok: Tok | undefined, severity?: 'error' | 'warning'): void;
}

interface Ctx {
  toks: Tok[];
  pos: number;
  macro?: Macro;
}

/** Thrown when one line's expansion grows past the budget (e.g. a macro doubling itself 30 times). */
/** Tokens one source line may produce through expansion, counting intermediate argument expansions. */
export const MAX_LINE_TOKENS = 5_000_000;
/** Macro calls nested in each other's arguments (`F(F(F(...)))`): each level pre-expands the next,
 *  so depth costs stack and quadratic work. */
export const MAX_ARG_NEST = 1000;
export class ExpansionLimit extends Error {
  constructor(message = `macro expansion exceeds ${MAX_LINE_TOKENS} tokens`) {
    super(message);
  }
}

const EOF_TOK: Tok = { kind: 'eof', text: '', ws: false, line: 0, col: 0 };
const pad = (source: Tok | null): Tok => ({ kind: 'pad', text: '', ws: false, line: 0, col: 0, source });

export class Expander {
  private ctx: Ctx[] = [];
  private back: Tok[] = [];
  private preventExpansion = 0;
  private counter = 0;
  /** Set while expanding an #if/#elif line, where `defined` is an operator. */
  inIf = false;
  private work = 0;
  private depth = 0;
  /** Last token read from the base source (gcc reports an unterminated call where it gave up). */
  private lastBase: Tok | undefined;

  constructor(
    readonly macros: Map<string, Macro>,
    private base: BaseSource,
    private readonly diag: ExpandDiag,
    private readonly info: BuiltinInfo,
  ) {}

  /** Expands a whole line (and whatever following lines a macro call spans); returns tokens with padding. */
  expandAll(base: BaseSource): Tok[] {
    // Re-entrant: a directive met while collecting arguments over several lines (#if) expands too.
    const save = { base: this.base, ctx: this.ctx, back: this.back, prevent: this.preventExpansion };
    this.base = base;
    this.ctx = [];
    this.back = [];
    this.preventExpansion = 0;
    if (this.depth++ === 0) this.work = 0;
    const out: Tok[] = [];
    try {
      for (;;) {
        const t = this.get();
        if (t.kind === 'eof') break;
        out.push(t);
        if (++this.work > MAX_LINE_TOKENS) throw new ExpansionLimit();
      }
    } finally {
      this.depth--;
      for (const c of this.ctx) if (c.macro) c.macro.disabled = false;
      this.base = save.base;
      this.ctx = save.ctx;
      this.back = save.back;
      this.preventExpansion = save.prevent;
    }
    return out;
  }

  private raw(): Tok {
    if (this.back.length) return this.back.pop()!;
    for (;;) {
      const c = this.ctx[this.ctx.length - 1];
      if (!c) {
        const t = this.base.next();
        if (!t) return EOF_TOK;
        this.lastBase = t;
        return t;
      }
      if (c.pos < c.toks.length) return c.toks[c.pos++];
      this.ctx.pop();
      if (c.macro) {
        c.macro.disabled = false;
        return pad(null);
      }
    }
  }

  /** Next fully expanded token (or padding, or eof). */
  get(): Tok {
    for (;;) {
      const t = this.raw();
      if (t.kind !== 'ident' || t.noexp) return t;
      if (this.inIf && t.text === 'defined' && !this.preventExpansion) return this.definedOp(t);
      const m = this.macros.get(t.text);
      if (!m) return t;
      if (m.disabled) return { ...t, noexp: true };
      if (this.preventExpansion) return t;
      if (m.builtin) return this.builtin(m, t);
      let args: Tok[][] | undefined;
      if (m.fn) {
        const pads: Tok[] = [];
        let nx = this.raw();
        while (nx.kind === 'pad' || (nx.kind === 'eof' && !this.ctx.length && !this.back.length && this.base.more(true))) {
          if (nx.kind === 'pad') pads.push(nx);
          nx = this.raw();
        }
        if (nx.text !== '(' || nx.kind !== 'punct') {
          this.back.push(nx);
          for (let i = pads.length - 1; i >= 0; i--) this.back.push(pads[i]);
          return t;
        }
        args = this.collectArgs(m, t);
        if (!args) return t;
      }
      this.ctx.push({ toks: this.substitute(m, args ?? [], t), pos: 0, macro: m });
      m.disabled = true;
      return pad(t);
    }
  }

  /** `defined X` / `defined(X)` met while expanding an #if line (also when a macro produced it,
   *  as gcc allows): the operand is not expanded. Malformed uses are left for the evaluator. */
  private definedOp(t: Tok): Tok {
    const taken: Tok[] = [];
    const next = (): Tok => {
      let x = this.raw();
      while (x.kind === 'pad') { taken.push(x); x = this.raw(); }
      taken.push(x);
      return x;
    };
    let n = next();
    const paren = n.text === '(';
    if (paren) n = next();
    if (n.kind === 'ident' && (!paren || next().text === ')')) {
      return { kind: 'number', text: this.macros.has(n.text) || n.text.startsWith('__has_include') ? '1' : '0', ws: t.ws, line: t.line, col: t.col, noexp: true };
    }
    for (let i = taken.length - 1; i >= 0; i--) this.back.push(taken[i]);
    return { ...t, noexp: true };
  }

  private builtin(m: Macro, t: Tok): Tok {
    const str = (v: string): Tok => ({ kind: 'string', text: '"' + v.replace(/[\\"]/g, (c) => '\\' + c) + '"', ws: t.ws, line: t.line, col: t.col });
    const num = (v: number): Tok => ({ kind: 'number', text: String(v), ws: t.ws, line: t.line, col: t.col });
    const { now: d, utc } = this.info.clock;
    const two = (n: number): string => String(n).padStart(2, '0');
    switch (m.builtin) {
      case 'FILE': return str(this.base.file);
      case 'BASE_FILE': return str(this.info.baseFile);
      case 'FILE_NAME': return str(this.base.file.slice(this.base.file.lastIndexOf('/') + 1));
      case 'LINE': return num(this.base.line);
      case 'INCLUDE_LEVEL': return num(this.info.includeLevel());
      case 'DATE': {
        const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][utc ? d.getUTCMonth() : d.getMonth()];
        const day = utc ? d.getUTCDate() : d.getDate();
        return str(`${mon} ${String(day).padStart(2, ' ')} ${utc ? d.getUTCFullYear() : d.getFullYear()}`);
      }
      case 'TIME': return str(utc
        ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
        : `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`);
      default: return num(this.counter++);
    }
  }

  private collectArgs(m: Macro, name: Tok): Tok[][] | undefined {
    this.preventExpansion++;
    const args: Tok[][] = [[]];
    let depth = 0;
    let newline = false;
    try {
      for (;;) {
        let t = this.raw();
        if (t.kind === 'eof') {
          if (!this.ctx.length && !this.back.length && this.base.more(false)) { newline = true; continue; }
          this.diag(`unterminated argument list invoking macro "${m.name}"`, this.lastBase ?? name);
          return undefined;
        }
        if (newline && t.kind !== 'pad') { t = { ...t, ws: true }; newline = false; }
        if (t.kind === 'ident' && !t.noexp && this.macros.get(t.text)?.disabled) t = { ...t, noexp: true };
        const cur = args[args.length - 1];
        if (t.kind === 'punct') {
          if (t.text === '(') {
            if (++depth > MAX_ARG_NEST) throw new ExpansionLimit(`macro arguments nested more than ${MAX_ARG_NEST} deep`);
          } else if (t.text === ')') {
            if (depth === 0) break;
            depth--;
          } else if (t.text === ',' && depth === 0 && !(m.variadic && args.length === m.params.length)) {
            args.push([]);
            continue;
          }
        }
        if (t.kind === 'pad' && cur.length === 0) continue;
        cur.push(t);
      }
    } finally {
      this.preventExpansion--;
    }
    for (const a of args) while (a.length && a[a.length - 1].kind === 'pad') a.pop();
    const n = m.params.length;
    if (args.length === 1 && args[0].length === 0 && n === 0) return [];
    if (args.length < n) {
      if (m.variadic && args.length === n - 1) {
        args.push([]);
        return args;
      }
      this.diag(`macro "${m.name}" requires ${n} arguments, but only ${args.length} given`, name);
      return undefined;
    }
    if (args.length > n) {
      this.diag(`macro "${m.name}" passed ${args.length} arguments, but takes just ${n}`, name);
      return undefined;
    }
    return args;
  }

  /** Fully macro-expands one argument in isolation (an eof sentinel stops it reading past the argument). */
  private expandArg(arg: Tok[]): Tok[] {
    if (this.argNest >= MAX_ARG_NEST) throw new ExpansionLimit(`macro arguments nested more than ${MAX_ARG_NEST} deep`);
    this.argNest++;
    try {
      return this.expandArgIn(arg);
    } finally {
      this.argNest--;
    }
  }

  private argNest = 0;

  private expandArgIn(arg: Tok[]): Tok[] {
    const saveBack = this.back;
    this.back = [];
    const depth = this.ctx.length;
    this.ctx.push({ toks: [...arg, EOF_TOK], pos: 0 });
    const out: Tok[] = [];
    for (;;) {
      const t = this.get();
      if (t.kind === 'eof') break;
      out.push(t);
    }
    this.ctx.length = depth;
    this.back = saveBack;
    return out;
  }

  private substitute(m: Macro, args: Tok[][], name: Tok): Tok[] {
    const expanded = new Map<number, Tok[]>();
    const va = m.variadic ? args[m.params.length - 1] ?? [] : [];
    const res: Tok[] = [];
    const body = m.body;
    const emit = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const b = body[i];
        const prevPaste = i > 0 && body[i - 1].pasteLeft;
        if (m.fn && b.text === '#' && b.kind === 'punct' && i + 1 < to && body[i + 1].param !== undefined) {
          const p = body[++i];
          res.push({ kind: 'string', text: stringify(args[p.param!] ?? []), ws: b.ws, line: name.line, col: name.col, pasteLeft: p.pasteLeft, synth: true });
          continue;
        }
        if (m.variadic && b.kind === 'ident' && b.text === '__VA_OPT__' && body[i + 1]?.text === '(') {
          let d = 0;
          let j = i + 1;
          for (; j < to; j++) {
            if (body[j].text === '(') d++;
            else if (body[j].text === ')' && --d === 0) break;
          }
          if (va.some((x) => x.kind !== 'pad')) {
            res.push(pad(b));
            emit(i + 2, j);
            res.push(pad(null));
          } else {
            // gcc still leaves padding that carries the __VA_OPT__ token's whitespace
            res.push(pad(b));
            res.push({ kind: 'other', text: '', ws: false, line: 0, col: 0, synth: true, pasteLeft: body[j]?.pasteLeft });
          }
          i = j;
          continue;
        }
        if (b.param === undefined) {
          // GNU `, ## __VA_ARGS__`: the comma disappears when the variable arguments are empty.
          if (b.pasteLeft && b.text === ',' && m.variadic && body[i + 1]?.param === m.params.length - 1) {
            if (va.length === 0) { i++; continue; }
            res.push({ ...b, pasteLeft: false });
            continue;
          }
          res.push(i === 0 ? { ...b, ws: false } : b);
          continue;
        }
        const arg = args[b.param] ?? [];
        if (b.pasteLeft || prevPaste) {
          const raw = arg.filter((x) => x.kind !== 'pad');
          if (raw.length === 0) res.push({ kind: 'other', text: '', ws: false, line: 0, col: 0, synth: true, pasteLeft: b.pasteLeft });
          else raw.forEach((x, k) => res.push({ ...x, ws: k === 0 ? b.ws && i > 0 : x.ws, pasteLeft: k === raw.length - 1 ? b.pasteLeft : false }));
          continue;
        }
        let ex = expanded.get(b.param);
        if (!ex) { ex = this.expandArg(arg); expanded.set(b.param, ex); }
        if (i > 0) res.push(pad(b));
        for (const x of ex) res.push(x);
        res.push(pad(null));
      }
    };
    emit(0, body.length);
    this.work += res.length;
    if (this.work > MAX_LINE_TOKENS) throw new ExpansionLimit();
    return this.paste(res, m);
  }

  /** Applies `##`. Like gcc, the token a paste chain yields (or, when a paste fails in
   *  assembler mode, its left operand) is read from its own little context: padding whose
   *  source is the original left operand comes before it and an avoid-paste padding after. */
  private paste(toks: Tok[], m: Macro): Tok[] {
    const isMarker = (t: Tok): boolean => t.kind === 'other' && t.synth === true && t.text === '';
    if (!toks.some((t) => t.pasteLeft) && !toks.some(isMarker)) return toks;
    const out: Tok[] = [];
    for (let i = 0; i < toks.length; i++) {
      const orig = toks[i];
      if (!orig.pasteLeft) {
        if (!isMarker(orig)) out.push(orig);
        continue;
      }
      let lhs: Tok | undefined = orig;
      while (lhs.pasteLeft && i + 1 < toks.length) {
        const rhs: Tok = toks[++i];
        if (isMarker(lhs)) { lhs = { ...rhs, ws: lhs.ws || rhs.ws }; continue; }
        if (isMarker(rhs)) { lhs = { ...lhs, pasteLeft: rhs.pasteLeft }; continue; }
        const joined = lexOne(lhs.text + rhs.text);
        if (!joined) {
          // gcc in assembler mode does not complain: both tokens stay; the right one is read
          // again (and may start a paste of its own).
          out.push(pad(orig), { ...lhs, pasteLeft: false }, pad(null));
          i--;
          lhs = undefined;
          break;
        }
        lhs = { ...joined, ws: lhs.ws, line: lhs.line, col: lhs.col, pasteLeft: rhs.pasteLeft, noexp: joined.text === m.name && m.disabled };
      }
      if (lhs && !isMarker(lhs)) out.push(pad(orig), { ...lhs, pasteLeft: false }, pad(null));
    }
    return out;
  }
}

/**
 * The `#x` operator: the argument's spelling, quotes escaped, no whitespace at either end and one
 * space wherever gcc sees whitespace. As in cpplib's stringify_arg, the whitespace before a token
 * is that of the padding's source when padding precedes it (the parameter's place in a macro body,
 * for an argument that came from an expansion): `__stringify(FOO(\reg))` keeps FOO's `, reg`
 * spacing, and `%_ASM_SP` stays `%rsp`.
 */
export function stringify(arg: readonly Tok[]): string {
  let s = '';
  let source: Tok | null = null;
  for (const t of arg) {
    if (t.kind === 'pad') {
      if (source === null || (!source.ws && (t.source ?? null) === null)) source = t.source ?? null;
      continue;
    }
    if (s !== '' && (source ?? t).ws) s += ' ';
    source = null;
    s += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text;
  }
  return `"${s}"`;
}

/** gcc's rule for when two adjacent tokens printed without a space would lex differently. */
export function avoidPaste(a: Tok, b: Tok): boolean {
  const c = b.kind === 'punct' ? b.text[0] : '';
  const at = a.kind === 'punct' ? a.text : '';
  if (at && c === '=' && ['=', '!', '>', '<', '+', '-', '*', '/', '%', '&', '|', '^', '>>', '<<'].includes(at)) return true;
  switch (at) {
    case '>': return c === '>';
    case '<': return c === '<' || c === '%' || c === ':';
    case '+': return c === '+';
    case '-': return c === '-' || c === '>';
    case '/': return c === '/' || c === '*';
    case '%': return c === ':' || c === '>';
    case '<=': return c === '>';
    case '&': return c === '&';
    case '|': return c === '|';
    case ':': return c === ':' || c === '>';
    case '->': return c === '*';
    case '.': return c === '.' || c === '%' || b.kind === 'number';
    case '#': return c === '#' || c === '%';
  }
  // a number pastes onto a name only when it is made of identifier characters (x1, not x1.5)
  if (a.kind === 'ident') return (b.kind === 'number' && /^\w+$/.test(b.text)) || b.kind === 'ident' || b.kind === 'char' || b.kind === 'string';
  if (a.kind === 'number') return b.kind === 'number' || b.kind === 'ident' || b.kind === 'char' || c === '.' || c === '+' || c === '-';
  if (a.kind === 'other' && a.text === '\\' && b.kind === 'ident') return true;
  return false;
}

/** Prints one output line from expanded tokens following gcc's padding logic (c-ppoutput.cc). */
export function printTokens(toks: readonly Tok[]): string {
  let s = '';
  let prev: Tok | undefined;
  let source: Tok | null | undefined;
  let sawPad = false;
  for (const t of toks) {
    if (t.kind === 'pad') {
      sawPad = true;
      if (source === undefined || source === null || (!source.ws && t.source === null)) source = t.source;
      continue;
    }
    if (sawPad) {
      const src = source ?? t;
      if (src.ws || (prev && avoidPaste(prev, t)) || (!prev && t.text === '#')) s += ' ';
    } else if (t.ws) s += ' ';
    sawPad = false;
    source = undefined;
    prev = t;
    s += t.text;
  }
  return s;
}
