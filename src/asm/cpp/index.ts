// The C preprocessor for .S files, behaving like `gcc -E -x assembler-with-cpp` (gcc 12):
// directives, includes, conditionals and macro expansion, written from the C standard and
// from observing gcc. Lines starting with `#` that are not directives pass through (GNU as
// reads them as comments). Output carries gcc-style linemarkers so positions map back.

import { isReadFailure, readSourceFile, type ReadFailure } from '../files.js';
import type { Diagnostic, Severity } from '../errors.js';
import { CppExprError, evalIfExpr } from './expr.js';
import { Expander, ExpansionLimit, printTokens, type BaseSource, type CppClock, type Macro } from './expand.js';
export type { CppClock } from './expand.js';
import { lexFile, type LexLine, type Tok } from './lex.js';
import { PREDEFS_32, PREDEFS_64 } from './predefs.js';

export interface CppOptions {
  readonly file: string;
  readonly includeDirs: readonly string[];
  /** -D NAME[=VAL], in command-line order; -U NAME as undefs. */
  readonly defines: readonly string[];
  readonly undefs: readonly string[];
  /** -D/-U in command-line order (gcc applies them in order); when given, replaces defines/undefs. */
  readonly commandLine?: readonly (readonly ['D' | 'U', string])[];
  /** File reader (tests may supply a virtual file system). */
  readonly readFile?: (path: string) => string | ReadFailure | undefined;
  /** Target mode: selects `__x86_64__` (64, the default) or `__i386__` (32) predefines. */
  readonly mode?: 32 | 64;
  /** What __DATE__/__TIME__ show; default: the current time, local (see `hostClock` for the CLI's). */
  readonly clock?: CppClock;
  /**
   * `-include FILE` / `-imacros FILE` in command-line order. As in gcc, each is read as if
   * `#include "FILE"` began the main file (looked up in the working directory, then the -I list);
   * every -imacros file comes before every -include file, and keeps only its macros, no text.
   */
  readonly preincludes?: readonly (readonly ['include' | 'imacros', string])[];
}

export interface CppResult {
  /** Preprocessed text with gcc-style linemarkers (`# 12 "file.h"`) so positions map back to the original files. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** True when an error was reported (the assembler must not produce output). */
  readonly failed?: boolean;
}

const DIRECTIVES = new Set([
  'define', 'undef', 'include', 'include_next', 'import', 'if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef',
  'else', 'endif', 'error', 'warning', 'line', 'pragma', 'ident', 'sccs', 'assert', 'unassert',
]);
const CONDITIONALS = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef', 'else', 'endif']);
const MAX_INCLUDE_DEPTH = 200;
// gcc's built-in operators: `#ifdef __has_include` is true. __has_attribute/__has_builtin are
// answered 1 and __has_cpp_attribute 0 (they ask about the C compiler, which gcc 12 mostly has).
const HAS_OPERATORS = new Set(['__has_include', '__has_include_next', '__has_attribute', '__has_cpp_attribute', '__has_builtin']);

/** What gcc predefines in assembler-with-cpp mode for the target (data from gcc -dM -E). */
function predefined(mode: 32 | 64): readonly string[] {
  return mode === 64 ? PREDEFS_64 : PREDEFS_32;
}

interface CondFrame {
  kind: string; // the directive that opened or last continued the group (for "unterminated #...")
  line: number; // line of that directive
  openLine: number;
  taken: boolean; // some branch already taken
  active: boolean; // this branch is being processed
  parentActive: boolean;
  sawElse: boolean;
}

interface FileState {
  readonly path: string; // as gcc spells it in linemarkers
  presumed: string; // after #line
  lineDelta: number; // presumed line = physical + delta
  readonly lines: LexLine[];
  idx: number;
  readonly conds: CondFrame[];
  readonly dir: string;
  /** Index of the -I directory the file was found in (-1: the includer's folder or a plain path), for #include_next. */
  readonly dirIndex: number;
  /** Read for its macros only (-imacros, and whatever it includes): no text is written. */
  readonly silent?: boolean;
}

const defaultRead = (p: string): string | ReadFailure | undefined => readSourceFile(p);

const dirOf = (p: string): string => {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
};

const spell = (toks: readonly Tok[]): string => toks.map((t, i) => (i && t.ws ? ' ' : '') + t.text).join('');

export function preprocess(text: string, opts: CppOptions): CppResult {
  return new Cpp(opts).run(text);
}

class Cpp {
  private readonly macros = new Map<string, Macro>();
  private readonly diags: Diagnostic[] = [];
  private readonly out: string[] = [];
  private readonly read: (p: string) => string | ReadFailure | undefined;
  private stack: FileState[] = [];
  private fatal = false;
  private failed = false;
  // Output position, to emit linemarkers or blank lines when the source position jumps.
  private outFile = '';
  private outLine = 0;
  private readonly expander: Expander;
  private cur!: FileState;

  constructor(private readonly opts: CppOptions) {
    this.read = opts.readFile ?? defaultRead;
    const dummy: BaseSource = { next: () => undefined, more: () => false, file: opts.file, line: 0 };
    this.expander = new Expander(this.macros, dummy, (msg, tok, sev) => this.report(sev ?? 'error', msg, tok?.line, tok?.col), {
      baseFile: opts.file,
      includeLevel: () => this.stack.length - 1,
      clock: opts.clock ?? { now: new Date(), utc: false },
    });
  }

  private report(sev: Severity, message: string, physLine?: number, col?: number): void {
    const f = this.cur;
    const line = physLine === undefined ? 0 : physLine + f.lineDelta;
    this.diags.push({ severity: sev, message, loc: col === undefined ? { file: f.presumed, line } : { file: f.presumed, line, col } });
    if (sev === 'error') this.failed = true;
  }

  run(text: string): CppResult {
    for (const d of predefined(this.opts.mode ?? 64)) this.defineFromText(d, '<built-in>');
    for (const b of ['FILE', 'LINE', 'COUNTER', 'BASE_FILE', 'FILE_NAME', 'INCLUDE_LEVEL', 'DATE', 'TIME'] as const)
      this.macros.set(`__${b}__`, { name: `__${b}__`, fn: false, params: [], variadic: false, body: [], builtin: b, file: '<built-in>', line: 0 });
    // -D and -U apply in command-line order; without `commandLine`, defines go first.
    const cmd = this.opts.commandLine ?? [
      ...this.opts.defines.map((d) => ['D', d] as const),
      ...this.opts.undefs.map((u) => ['U', u] as const),
    ];
    for (const [k, d] of cmd) {
      if (k === 'U') { this.macros.delete(d); continue; }
      const eq = d.indexOf('=');
      this.defineFromText(eq < 0 ? `${d} 1` : `${d.slice(0, eq)} ${d.slice(eq + 1)}`, '<command-line>');
    }
    this.pushFile(this.opts.file, text, false);
    if (!this.preinclude()) return { text: this.out.join(''), diagnostics: this.diags, failed: true };
    while (this.stack.length && !this.fatal) {
      this.cur = this.stack[this.stack.length - 1];
      try {
        const line = this.nextTextLine();
        if (line === null) continue; // an #include switched files
        if (!line) {
          this.popFile();
          continue;
        }
        this.emitLine(line);
      } catch (e) {
        // A line nested beyond the stack (a guard elsewhere did not catch it): its own error, not a crash.
        if (!(e instanceof RangeError && /call stack/.test(e.message))) throw e;
        const f = this.cur;
        this.report('error', 'line nested too deeply', f.lines[Math.max(0, f.idx - 1)]?.first ?? 0);
        this.fatal = true;
      }
    }
    return { text: this.out.join(''), diagnostics: this.diags, failed: this.failed };
  }

  private defineFromText(def: string, where: string): void {
    const [line] = lexFile(def);
    const save = this.cur;
    this.cur = { path: where, presumed: where, lineDelta: 0, lines: [], idx: 0, conds: [], dir: '', dirIndex: -1 };
    if (line) this.define(line.tokens, where, 0);
    this.cur = save;
  }

  /** Stacks the -include/-imacros files over the main file, the first to be read on top. */
  private preinclude(): boolean {
    const pre = this.opts.preincludes ?? [];
    const order = [...pre.filter(([k]) => k === 'imacros'), ...pre.filter(([k]) => k === 'include')];
    for (const [kind, name] of order.reverse()) {
      const here = name.startsWith('/') ? undefined : this.read(name);
      // gcc names a file found in the working directory `./name` (in linemarkers and __FILE__).
      const local = /^\.\.?\//.test(name) ? name : `./${name}`;
      const hit = here !== undefined ? { path: local, text: here, dirIndex: -1 } : this.findInclude(name, true, false);
      if (!hit) {
        this.diags.push({ severity: 'error', message: `${name}: No such file or directory`, loc: { file: '<command-line>', line: 0 } });
        return false;
      }
      const failure = isReadFailure(hit) ? hit : isReadFailure(hit.text) ? hit.text : undefined;
      if (failure !== undefined || isReadFailure(hit) || isReadFailure(hit.text)) {
        this.diags.push({ severity: 'error', message: `${name}: ${failure?.error ?? 'unreadable'}`, loc: { file: '<command-line>', line: 0 } });
        return false;
      }
      this.pushFile(hit.path, hit.text, true, hit.dirIndex, kind === 'imacros');
    }
    return true;
  }

  private pushFile(path: string, text: string, included: boolean, dirIndex = -1, silent = this.stack.length > 0 && !!this.cur?.silent): void {
    const f: FileState = { path, presumed: path, lineDelta: 0, lines: lexFile(text), idx: 0, conds: [], dir: dirOf(path), dirIndex, silent };
    this.stack.push(f);
    this.cur = f;
    this.marker(1, path, included ? ' 1' : '');
  }

  private popFile(): void {
    const f = this.stack.pop()!;
    for (let i = this.fatal ? -1 : f.conds.length - 1; i >= 0; i--) {
      const c = f.conds[i];
      this.cur = f;
      this.report('error', `unterminated #${c.kind}`, c.line);
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      this.cur = parent;
      const next = parent.lines[parent.idx];
      const line = (next ? next.first : (parent.lines[parent.lines.length - 1]?.last ?? 0) + 1) + parent.lineDelta;
      this.marker(line, parent.presumed, ' 2');
    }
  }

  private marker(line: number, file: string, flag: string): void {
    if (this.out.length && !this.out[this.out.length - 1].endsWith('\n')) this.out.push('\n');
    this.out.push(`# ${line} ${JSON.stringify(file)}${flag}\n`);
    this.outFile = file;
    this.outLine = line;
  }

  /** Writes one expanded text line at its source position, resynchronising like gcc (blank lines or a marker). */
  private emitLine(l: { text: string; line: number }): void {
    if (this.cur.silent) return;
    const file = this.cur.presumed;
    if (file !== this.outFile || l.line < this.outLine || l.line - this.outLine > 8) this.marker(l.line, file, '');
    while (this.outLine < l.line) { this.out.push('\n'); this.outLine++; }
    this.out.push(l.text + '\n');
    this.outLine++;
  }

  private active(): boolean {
    const c = this.cur.conds;
    return c.length === 0 || c[c.length - 1].active;
  }

  /** Processes directives until a text line in an active group comes; returns it expanded. */
  private nextTextLine(): { text: string; line: number } | undefined | null {
    const f = this.cur;
    while (f.idx < f.lines.length && !this.fatal) {
      const l = f.lines[f.idx++];
      if (this.isDirective(l)) {
        this.directive(l);
        if (this.stack[this.stack.length - 1] !== f) return null; // entered an include
        continue;
      }
      if (!this.active()) continue;
      if (l.tokens.length === 0) continue;
      const toks = this.expandLine(l);
      // gcc keeps the first token's column: one space per column beyond 2, plus the usual space.
      const col = l.tokens[0].col;
      const indent = l.tokens[0].ws && col > 2 ? ' '.repeat(col - 2) : '';
      return { text: indent + printTokens(toks), line: l.first + f.lineDelta };
    }
    return undefined;
  }

  private isDirective(l: LexLine): boolean {
    if (!l.hash) return false;
    const n = l.tokens[1];
    if (!n) return true; // null directive
    return n.kind === 'ident' && DIRECTIVES.has(n.text) && (this.active() || CONDITIONALS.has(n.text));
  }

  /** Macro-expands a text line; a call may pull following lines in (they are then consumed). */
  private expandLine(l: LexLine): Tok[] {
    // Fast path: nothing on the line names a macro (most assembly lines).
    let any = false;
    for (const t of l.tokens) if (t.kind === 'ident' && this.macros.has(t.text)) { any = true; break; }
    if (!any) return l.tokens;
    const f = this.cur;
    const toks = [...l.tokens];
    let i = 0;
    let curLine = l.first;
    const base: BaseSource = {
      next: () => {
        if (i >= toks.length) return undefined;
        const t = toks[i++];
        curLine = t.line;
        return t;
      },
      more: (needParen: boolean) => {
        // Look past the end of the line: for a `(` (skipping blank lines) or for more arguments.
        let j = f.idx;
        while (j < f.lines.length) {
          const n = f.lines[j];
          if (n.hash && this.isDirective(n)) {
            if (needParen) return false;
            f.idx = j + 1;
            this.directive(n);
            j = f.idx;
            continue;
          }
          if (!this.active()) { j++; f.idx = j; continue; }
          if (n.tokens.length === 0) { j++; continue; }
          if (needParen && n.tokens[0].text !== '(') return false;
          f.idx = j + 1;
          toks.push({ ...n.tokens[0], ws: true }, ...n.tokens.slice(1));
          return true;
        }
        return false;
      },
      get file() { return f.presumed; },
      get line() { return curLine + f.lineDelta; },
    };
    return this.expand(base, l.first);
  }

  /** Expands with the runaway-expansion guard: past the budget it is a fatal error. */
  private expand(base: BaseSource, physLine: number): Tok[] {
    try {
      return this.expander.expandAll(base);
    } catch (e) {
      if (!(e instanceof ExpansionLimit)) throw e;
      this.report('error', e.message, physLine);
      this.fatal = true;
      return [];
    }
  }

  private directive(l: LexLine): void {
    const name = l.tokens[1]?.text ?? '';
    const rest = l.tokens.slice(2);
    const at = l.tokens[1] ?? l.tokens[0];
    const line = l.first;
    const conds = this.cur.conds;
    const top = conds[conds.length - 1];
    const extra = (d: string, toks: readonly Tok[]): void => {
      if (toks.length) this.report('warning', `extra tokens at end of #${d} directive`, toks[0].line, toks[0].col);
    };
    switch (name) {
      case '':
        return;
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const parentActive = this.active();
        let v = false;
        if (parentActive) v = name === 'if' ? this.evalIf(rest, at) : this.evalIfdef(name, rest, at);
        conds.push({ kind: name, line, openLine: line, taken: v, active: parentActive && v, parentActive, sawElse: false });
        return;
      }
      case 'elif':
      case 'elifdef':
      case 'elifndef':
      case 'else': {
        if (!top) { this.report('error', `#${name} without #if`, at.line, at.col); return; }
        if (top.sawElse) {
          this.report('error', `#${name} after #else`, at.line, at.col);
          this.report('error', 'the conditional began here', top.openLine);
          return;
        }
        top.kind = name;
        top.line = line;
        if (name === 'else') {
          top.sawElse = true;
          top.active = top.parentActive && !top.taken;
          top.taken = true;
          if (top.parentActive) extra('else', rest);
          return;
        }
        if (!top.parentActive || top.taken) { top.active = false; return; }
        const v = name === 'elif' ? this.evalIf(rest, at) : this.evalIfdef(name === 'elifdef' ? 'ifdef' : 'ifndef', rest, at);
        top.active = v;
        top.taken = v;
        return;
      }
      case 'endif':
        if (!top) { this.report('error', '#endif without #if', at.line, at.col); return; }
        conds.pop();
        if (top.parentActive) extra('endif', rest);
        return;
    }
    // Everything below only runs in active groups (isDirective filters the rest out).
    switch (name) {
      case 'define':
        this.define(rest, this.cur.presumed, line, at);
        return;
      case 'undef': {
        const n = rest[0];
        if (!n) { this.report('error', 'no macro name given in #undef directive', at.line, at.col + at.text.length); return; }
        if (n.kind !== 'ident') { this.report('error', 'macro names must be identifiers', n.line, n.col); return; }
        if (n.text === 'defined') { this.report('error', '"defined" cannot be used as a macro name', n.line, n.col); return; }
        this.macros.delete(n.text);
        extra('undef', rest.slice(1));
        return;
      }
      case 'include':
      case 'include_next':
      case 'import':
        this.include(rest, at, name);
        return;
      case 'error':
      case 'warning': {
        this.report(name === 'error' ? 'error' : 'warning', `#${name}${rest.length ? ' ' + spell(rest) : ''}`, at.line, at.col);
        return;
      }
      case 'line':
        this.lineDirective(rest, at);
        return;
      default:
        return; // #pragma, #ident, #sccs, #assert, #unassert: nothing reaches the assembler
    }
  }

  private evalIfdef(name: string, rest: readonly Tok[], at: Tok): boolean {
    const n = rest[0];
    if (!n) { this.report('error', `no macro name given in #${name} directive`, at.line, at.col + at.text.length); return false; }
    if (n.kind !== 'ident') { this.report('error', 'macro names must be identifiers', n.line, n.col); return false; }
    if (rest.length > 1) this.report('warning', `extra tokens at end of #${name} directive`, rest[1].line, rest[1].col);
    return (this.macros.has(n.text) || HAS_OPERATORS.has(n.text)) === (name === 'ifdef');
  }

  private evalIf(rest: readonly Tok[], at: Tok): boolean {
    // Resolve `defined X` / `defined(X)` before expansion, then expand, then evaluate.
    const pre: Tok[] = [];
    for (let i = 0; i < rest.length; i++) {
      const t = rest[i];
      if (t.kind === 'ident' && t.text === 'defined') {
        let j = i + 1;
        const paren = rest[j]?.text === '(';
        if (paren) j++;
        const n = rest[j];
        if (!n || n.kind !== 'ident') {
          this.report('error', 'operator "defined" requires an identifier', (n ?? t).line, (n ?? t).col);
          return false;
        }
        if (paren && rest[j + 1]?.text !== ')') {
          this.report('error', 'missing \')\' after "defined"', (rest[j + 1] ?? n).line, (rest[j + 1] ?? n).col);
          return false;
        }
        const def = this.macros.has(n.text) || HAS_OPERATORS.has(n.text);
        pre.push({ kind: 'number', text: def ? '1' : '0', ws: t.ws, line: t.line, col: t.col, noexp: true });
        i = paren ? j + 1 : j;
        continue;
      }
      pre.push(t);
    }
    let k = 0;
    const f = this.cur;
    const base: BaseSource = { next: () => pre[k++], more: () => false, get file() { return f.presumed; }, line: at.line + f.lineDelta };
    this.expander.inIf = true;
    let expanded: Tok[];
    try {
      expanded = this.expand(base, at.line).filter((t) => t.kind !== 'pad');
    } finally {
      this.expander.inIf = false;
    }
    if (this.fatal) return false;
    // gcc's __has_include(...) and friends, which may also come out of a macro expansion.
    const toks: Tok[] = [];
    for (let i = 0; i < expanded.length; i++) {
      const t = expanded[i];
      if (!(t.kind === 'ident' && HAS_OPERATORS.has(t.text) && expanded[i + 1]?.text === '(')) {
        toks.push(t);
        continue;
      }
      const close = expanded.findIndex((x, k) => k > i + 1 && x.text === ')');
      if (close < 0) {
        this.report('error', `missing ')' after "${t.text}" operand`, t.line, t.col);
        return false;
      }
      let v = t.text === '__has_attribute' || t.text === '__has_builtin';
      if (t.text === '__has_include' || t.text === '__has_include_next') {
        const inner = expanded.slice(i + 2, close);
        const angled = inner[0]?.text === '<';
        const fname = inner[0]?.kind === 'string' ? inner[0].text.slice(1, -1) : angled ? spell(inner.slice(1, -1)) : undefined;
        if (fname === undefined) {
          this.report('error', `operator "${t.text}" requires a header-name`, t.line, t.col);
          return false;
        }
        v = this.findInclude(fname, angled, t.text === '__has_include_next') !== undefined;
      }
      toks.push({ kind: 'number', text: v ? '1' : '0', ws: t.ws, line: t.line, col: t.col });
      i = close;
    }
    try {
      return evalIfExpr(toks, at.col + at.text.length, (m, col) => this.report('warning', m, at.line, col)) !== 0n;
    } catch (e) {
      if (!(e instanceof CppExprError)) throw e;
      this.report('error', e.message, at.line, e.col);
      return false;
    }
  }

  private define(toks: readonly Tok[], file: string, line: number, at?: Tok): void {
    const n = toks[0];
    if (!n) { this.report('error', 'no macro name given in #define directive', at?.line, at ? at.col + at.text.length : undefined); return; }
    if (n.kind !== 'ident') { this.report('error', 'macro names must be identifiers', n.line, n.col); return; }
    if (n.text === 'defined') { this.report('error', '"defined" cannot be used as a macro name', n.line, n.col); return; }
    let i = 1;
    const params: string[] = [];
    let variadic = false;
    const fn = toks[1]?.text === '(' && !toks[1].ws;
    if (fn) {
      i = 2;
      for (;;) {
        const t = toks[i];
        if (!t) { this.report('error', "missing ')' in macro parameter list", n.line, (toks[i - 1] ?? n).col + 1); return; }
        if (t.text === ')' && params.length === 0) { i++; break; }
        if (t.text === '...') {
          variadic = true;
          params.push('__VA_ARGS__');
          if (toks[i + 1]?.text !== ')') { this.report('error', "missing ')' in macro parameter list", t.line, t.col + 3); return; }
          i += 2;
          break;
        }
        if (t.kind !== 'ident') { this.report('error', `expected parameter name, found "${t.text}"`, t.line, t.col); return; }
        if (params.includes(t.text)) { this.report('error', `duplicate macro parameter "${t.text}"`, t.line, t.col); return; }
        params.push(t.text);
        const s = toks[i + 1];
        if (s?.text === '...') { variadic = true; i++; }
        const after = toks[i + 1];
        if (after?.text === ')') { i += 2; break; }
        if (after?.text === ',' && !variadic) { i += 2; continue; }
        if (!after) { this.report('error', "expected ',' or ')', found end of line", t.line, t.col + t.text.length); return; }
        this.report('error', variadic ? `expected ')' after "..."` : `expected ',' or ')', found "${after.text}"`, after.line, after.col);
        return;
      }
    }
    const body: Tok[] = [];
    for (let j = i; j < toks.length; j++) {
      const t = toks[j];
      if (t.kind === 'punct' && (t.text === '##' || t.text === '%:%:')) {
        if (body.length === 0 || j === toks.length - 1) {
          this.report('error', "'##' cannot appear at either end of a macro expansion", t.line, t.col);
          return;
        }
        body[body.length - 1] = { ...body[body.length - 1], pasteLeft: true };
        continue;
      }
      const p = t.kind === 'ident' ? params.indexOf(t.text) : -1;
      body.push(p >= 0 ? { ...t, param: p } : { ...t });
    }
    if (body.length) body[0] = { ...body[0], ws: false };
    const m: Macro = { name: n.text, fn, params, variadic, body, file, line };
    const old = this.macros.get(n.text);
    if (old && !sameMacro(old, m)) {
      this.report('warning', `"${n.text}" redefined`, n.line, n.col);
    }
    this.macros.set(n.text, m);
  }

  private include(rest: readonly Tok[], at: Tok, name: string): void {
    let toks = rest;
    if (toks[0] && toks[0].kind !== 'string' && toks[0].text !== '<') {
      let k = 0;
      const f = this.cur;
      toks = this.expand({ next: () => rest[k++], more: () => false, get file() { return f.presumed; }, line: at.line + f.lineDelta }, at.line)
        .filter((t) => t.kind !== 'pad');
    }
    let fname: string | undefined;
    let angled = false;
    const first = toks[0];
    if (first?.kind === 'string') fname = first.text.slice(1, -1);
    else if (first?.text === '<') {
      const close = toks.findIndex((t) => t.text === '>');
      if (close > 0) { fname = spell(toks.slice(1, close)); angled = true; }
    }
    if (fname === undefined) {
      this.report('error', `#${name} expects "FILENAME" or <FILENAME>`, at.line, at.col + at.text.length + 1);
      return;
    }
    if (fname === '') { this.report('error', `empty filename in #${name}`, first.line, first.col); return; }
    if (this.stack.length >= MAX_INCLUDE_DEPTH) {
      this.report('error', `#include nested depth ${this.stack.length} exceeds maximum of ${MAX_INCLUDE_DEPTH} (use -fmax-include-depth=DEPTH to increase the maximum)`, at.line, at.col);
      return;
    }
    const hit = this.findInclude(fname, angled, name === 'include_next');
    if (hit && 'text' in hit) {
      this.pushFile(hit.path, hit.text, true, hit.dirIndex);
      return;
    }
    // gcc stops at a missing include: it is a fatal error. gcc skips a directory of that name and
    // then says "No such file or directory"; x86lab names the real problem (issue 10).
    this.report('error', `${fname}: ${hit ? hit.error : 'No such file or directory'}`, first.line, first.col);
    this.fatal = true;
  }

  /** Search order: the includer's folder (for "..."), then -I in order; #include_next
   *  continues after the -I directory the current file came from. */
  private findInclude(fname: string, angled: boolean, next: boolean): { path: string; text: string; dirIndex: number } | ReadFailure | undefined {
    const dirs = this.opts.includeDirs;
    const isNext = next && this.stack.length > 1;
    const cands: [string, number][] = [];
    if (fname.startsWith('/')) cands.push([fname, -1]);
    else {
      if (!angled && !isNext) cands.push([this.cur.dir + fname, -1]);
      for (let k = isNext ? this.cur.dirIndex + 1 : 0; k < dirs.length; k++) cands.push([(dirs[k].endsWith('/') ? dirs[k] : dirs[k] + '/') + fname, k]);
    }
    // Like gcc, a directory (or device) of that name does not stop the search; it is the answer
    // only when nothing readable comes after it.
    let failure: ReadFailure | undefined;
    for (const [c, k] of cands) {
      const text = this.read(c);
      if (isReadFailure(text)) failure ??= text;
      else if (text !== undefined) return { path: c, text, dirIndex: k };
    }
    return failure;
  }

  private lineDirective(rest: readonly Tok[], at: Tok): void {
    const f = this.cur;
    let k = 0;
    const toks = this.expand({ next: () => rest[k++], more: () => false, get file() { return f.presumed; }, line: at.line + f.lineDelta }, at.line)
      .filter((t) => t.kind !== 'pad');
    const n = toks[0];
    if (!n || n.kind !== 'number' || !/^[0-9]+$/.test(n.text)) {
      const t = n ?? at;
      this.report('error', n ? `"${n.text}" after #line is not a positive integer` : 'unexpected end of file after #line', t.line, t.col);
      return;
    }
    const fl = toks[1];
    if (fl && fl.kind !== 'string') { this.report('error', `"${fl.text}" is not a valid filename`, fl.line, fl.col); return; }
    // The line after the directive gets number n.
    f.lineDelta = Number(n.text) - (at.line + 1);
    if (fl) f.presumed = cStringBody(fl.text, (m) => this.report('warning', m, fl.line, fl.col));
    if (toks.length > 2) this.report('warning', 'extra tokens at end of #line directive', toks[2].line, toks[2].col);
    this.marker(Number(n.text), f.presumed, '');
  }
}

/** A C string literal's value (`"a\\qb"`), escapes decoded as gcc does; an unknown escape is
 *  gcc's warning and the character itself. */
function cStringBody(lit: string, warn: (msg: string) => void): string {
  const body = lit.slice(lit.indexOf('"') + 1, lit.lastIndexOf('"'));
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'", '?': '?' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) { out += c; continue; }
    const d = body[++i];
    if (d in simple) out += simple[d];
    else if (/[0-7]/.test(d)) {
      let j = i;
      while (j < body.length && j < i + 3 && /[0-7]/.test(body[j])) j++;
      out += String.fromCharCode(parseInt(body.slice(i, j), 8) & 0xff);
      i = j - 1;
    } else if (d === 'x' && /[0-9a-fA-F]/.test(body[i + 1] ?? '')) {
      let j = i + 1;
      while (j < body.length && /[0-9a-fA-F]/.test(body[j])) j++;
      out += String.fromCharCode(parseInt(body.slice(i + 1, j), 16) & 0xff);
      i = j - 1;
    } else {
      warn(`unknown escape sequence: '\\${d}'`);
      out += d;
    }
  }
  return out;
}

function sameMacro(a: Macro, b: Macro): boolean {
  if (a.fn !== b.fn || a.variadic !== b.variadic || a.params.join(',') !== b.params.join(',') || a.body.length !== b.body.length) return false;
  return a.body.every((t, i) => t.text === b.body[i].text && (i === 0 || t.ws === b.body[i].ws) && !!t.pasteLeft === !!b.body[i].pasteLeft);
}
