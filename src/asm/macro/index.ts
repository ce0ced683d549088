// The GAS macro and conditional layer: a pull-based filter between the statement stream and the
// parser, behaving like GNU as 2.40. It owns .macro/.endm/.exitm/.purgem, .rept/.irp/.irpc/.endr,
// the .if family, .error/.warning/.print/.err, .include, .altmacro/.noaltmacro and .end; every
// other statement goes to the parser untouched. Because it pulls one statement at a time, a
// conditional sees every symbol the assembler defined before it (the host evaluates expressions).
//
// Expansion is textual, as in GNU as: a macro body is stored as written and substituted at each
// invocation; expanded statements carry `loc.via` = the invocation, so errors say where the
// macro was used ("Info: macro invoked from here").

import { AsmError, type Diagnostic, type Severity, type SrcLoc } from '../errors.js';
import { splitStatements, type LineSource, type SourceLine } from '../lines.js';
import {
  cString, getAnyString, getCompareString, getToken, isNameStart, scrub, skipComma, skipWhite, type ArgEnv,
} from './args.js';
import { isConstantDataBody } from '../rept-replay.js';

/** What the macro layer needs from the assembler it sits in front of. */
export interface MacroHost {
  /** Evaluates an absolute expression (for .if, .rept counts, %expr); throws AsmError if not absolute. */
  evalAbsolute(expr: string, loc: SrcLoc): bigint;
  /** `.ifdef sym`: is the symbol defined at this point? */
  isDefined(sym: string): boolean;
  /** Reports an error/warning/info (.error, .warning, .print, and the layer's own errors). */
  diag(d: Diagnostic): void;
  /** Resolves and reads an `.include`d file (searching -I dirs); undefined if not found; `error`
   *  when the first file found cannot be read (a directory, a device, too large). */
  readInclude(name: string, from: SrcLoc): { file: string; text: string } | { file: string; error: string } | undefined;
  /** Sees every line an expansion or included file yields, skipped ones too, with its macro/.rept
   *  nesting depth (0 for an included file's own lines), for `-alm` listings. */
  pulled?(line: SourceLine, depth: number): void;
  /** A line skipped in a false conditional (`-alc` leaves it out). */
  skipped?(line: SourceLine): void;
  /** A .rept of constant data (rept-replay.ts) starts its first pass; at its end `replayRept`
   *  appends the other passes' bytes (true), declines (false: they run as statements) or fails. */
  reptPassStart?(): void;
  replayRept?(passes: number, loc: SrcLoc): boolean | string;
}

/** Longest argument text of one macro invocation. */
const MAX_ARG_TEXT = 1 << 20;

export interface MacroLimits {
  /** GNU as's default --max-macro-nest is 100: deeper expansion is fatal. */
  readonly maxNest?: number;
  /** Statements one .rept may produce (count × body). */
  readonly maxRept?: number;
  /** Statements all expansions together may produce. */
  readonly maxTotal?: number;
  /** Characters all macro and .irp expansions together may produce (an argument that doubles on
   *  each recursive call reaches gigabytes long before the nesting limit). */
  readonly maxChars?: number;
}

interface Formal {
  readonly name: string;
  readonly def: string;
  readonly req: boolean;
  readonly vararg: boolean;
}

interface MacroDef {
  readonly name: string;
  readonly formals: readonly Formal[];
  readonly body: readonly SourceLine[];
}

interface Frame {
  readonly kind: 'macro' | 'rept' | 'include';
  readonly lines: readonly SourceLine[];
  pos: number;
  /** Remaining passes over `lines` (lazy .rept). */
  repeat: number;
  /** A .rept of constant data whose first pass is running: the host may replay the rest (its .rept line). */
  replay?: SrcLoc;
}

interface Cond {
  /** This branch is being skipped. */
  ignoring: boolean;
  /** No later branch may be taken: the parent is skipped, or a branch was already taken (GNU's dead_tree). */
  dead: boolean;
  readonly ifLoc: SrcLoc;
  elseLoc?: SrcLoc;
  readonly nest: number;
}

const IF_DIRECTIVES = new Set([
  'if', 'ifdef', 'ifndef', 'ifnotdef', 'ifb', 'ifnb', 'ifc', 'ifnc', 'ifeqs', 'ifnes', 'ifeq', 'ifne', 'ifgt',
  'ifge', 'iflt', 'ifle',
]);
const COND_DIRECTIVES = new Set([...IF_DIRECTIVES, 'elseif', 'else', 'endif']);
const LAYER_DIRECTIVES = new Set([
  ...COND_DIRECTIVES, 'macro', 'endm', 'exitm', 'mexit', 'purgem', 'rept', 'rep', 'irp', 'irep', 'irpc', 'irepc',
  'endr', 'error', 'warning', 'print', 'err', 'fail', 'include', 'altmacro', 'noaltmacro', 'end',
]);
/** Directives that open a body closed by .endr (GNU also takes the .rep/.irep/.irepc spellings). */
const REPT_OPENERS = new Set(['.rept', '.rep', '.irp', '.irep', '.irpc', '.irepc']);
// GNU pseudo-ops take precedence over a macro of the same dotted name.
const KNOWN_POPS = new Set([
  'text', 'data', 'bss', 'section', 'previous', 'pushsection', 'popsection', 'globl', 'global', 'local', 'weak',
  'type', 'size', 'hidden', 'protected', 'internal', 'byte', 'word', 'short', 'value', 'long', 'int', 'quad',
  'octa', 'ascii', 'asciz', 'string', 'zero', 'skip', 'space', 'fill', 'align', 'balign', 'p2align', 'org', 'set',
  'equ', 'equiv', 'eqv', 'code16', 'code32', 'code64', 'file', 'ident', 'loc', 'nops', 'intel_syntax',
  'att_syntax', 'comm', 'lcomm', 'symver', 'arch', 'uleb128', 'sleb128', 'float', 'double', 'single', 'incbin',
  'reloc', 'popsection', 'subsection', 'version', 'weakref', 'lflags', 'line', 'ln', 'list', 'nolist', 'title',
  'psize', 'eject', 'sbttl', 'stabs', 'stabn', 'stabd', 'dc', 'ds', 'tfloat', 'attach_to_group', 'base64',
  ...LAYER_DIRECTIVES,
]);

const NO_LOC_VIA = (l: SrcLoc): SrcLoc => ({ file: l.file, line: l.line });

/** Splits an expanded body line on `;` outside strings (GNU re-reads expansions as source). */
function splitSemis(text: string): string[] {
  if (!text.includes(';')) return [text];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === "'") i++;
    else if (c === ';') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

interface Head {
  /** End of the leading `label:` part (0 if none). */
  readonly labelEnd: number;
  /** The first word after the labels (directive, macro or mnemonic), as written. */
  readonly word: string;
  /** Text after the word. */
  readonly rest: string;
}

// Name characters of GNU as symbols: letters, digits, _ . $
const isNameCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36;
const isBlank = (c: number): boolean => c === 32 || c === 9;
/** charCodeAt, 0 past the end: optimized code deoptimizes on its first out-of-bounds read, then is compiled again. */
const at = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : 0);


/** Reads leading `label:`s and the first word with plain char scanning (this runs on every statement). */
function parseHead(text: string): Head {
  const n = text.length;
  let p = 0;
  for (;;) {
    let i = p;
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    const ws = i;
    const c0 = at(text, i);
    if (!(isNameCode(c0))) return { labelEnd: p, word: '', rest: '' };
    while (i < n && isNameCode(text.charCodeAt(i))) i++;
    const we = i;
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (at(text, i) === 58 /* : */ && at(text, i + 1) !== 58) {
      // a label (identifier, or a numeric local label made of digits only)
      const digit = c0 >= 48 && c0 <= 57;
      if (!digit || /^[0-9]+$/.test(text.slice(ws, we))) {
        p = i + 1;
        continue;
      }
    }
    if (c0 >= 48 && c0 <= 57) return { labelEnd: p, word: '', rest: '' };
    // `sym = expr` is an assignment, never a macro call (but `==` is not an assignment).
    if (at(text, i) === 61 && at(text, i + 1) !== 61) return { labelEnd: p, word: '', rest: '' };
    return { labelEnd: p, word: text.slice(ws, we), rest: text.slice(we) };
  }
}

/** Starts (after blanks) with a letter and has no `:`: no label, and its first word is no directive. */
function plainInsnLine(text: string): boolean {
  let i = 0;
  while (isBlank(at(text, i))) i++;
  const c = at(text, i) | 0x20;
  return c >= 97 && c <= 122 && text.indexOf(':', i) < 0;
}

/** The directive word a body-collecting scan sees: after an optional leading label, lowercased. */
function bodyWord(text: string): string {
  const h = parseHead(text);
  return h.word.toLowerCase();
}

export function createMacroLayer(src: LineSource, host: MacroHost, limits: MacroLimits = {}): LineSource {
  return new MacroLayer(src, host, limits);
}

class MacroLayer implements LineSource {
  private readonly macros = new Map<string, MacroDef>();
  private readonly frames: Frame[] = [];
  private readonly conds: Cond[] = [];
  private readonly queue: SourceLine[] = [];
  private nest = 0;
  private counter = 0;
  private localCount = 0;
  private curLoc: SrcLoc = { file: '', line: 0 };
  private alt = false;
  private stopped = false;
  /** Reading a block's body (collect): expansion lines read so are not listed. */
  private collecting = false;
  private expanded = 0;
  private lastLoc: SrcLoc = { file: '', line: 0 };
  private readonly maxNest: number;
  private readonly maxRept: number;
  private readonly maxTotal: number;
  private readonly maxChars: number;
  private expandedChars = 0;

  constructor(
    private readonly src: LineSource,
    private readonly host: MacroHost,
    limits: MacroLimits,
  ) {
    this.maxNest = limits.maxNest ?? 100;
    this.maxRept = limits.maxRept ?? 1_000_000;
    this.maxTotal = limits.maxTotal ?? 5_000_000;
    this.maxChars = limits.maxChars ?? 64 << 20;
  }

  next(): SourceLine | undefined {
    for (;;) {
      if (this.queue.length) return this.queue.shift();
      if (this.stopped) return undefined;
      const line = this.pull();
      if (!line) {
        this.finish();
        return undefined;
      }
      const out = this.process(line);
      if (out) return out;
    }
  }

  // ---- input ---------------------------------------------------------------------------------

  private pull(): SourceLine | undefined {
    for (;;) {
      // (The length test first: `frames[-1]` on an empty array is a named-property lookup of "-1"
      // through the prototype chain, measured at 10% of this layer's time per statement.)
      const depth = this.frames.length;
      if (depth === 0) {
        const l = this.src.next();
        if (l) this.lastLoc = l.loc;
        return l;
      }
      const f = this.frames[depth - 1];
      if (f.pos < f.lines.length) {
        const l = f.lines[f.pos++];
        if (f.kind !== 'include' && ++this.expanded > this.maxTotal) {
          this.fatal(l.loc, `macro expansion produced more than ${this.maxTotal} statements`);
          return undefined;
        }
        this.lastLoc = l.loc;
        if (this.host.pulled && !(this.collecting && f.kind !== 'include')) this.host.pulled(l, this.frames.reduce((n, x) => n + (x.kind === 'include' ? 0 : 1), 0));
        return l;
      }
      if (f.replay && f.repeat > 1) {
        const loc = f.replay;
        f.replay = undefined;
        const r = this.host.replayRept!(f.repeat - 1, loc);
        if (r === true || typeof r === 'string' || (f.repeat - 1) * f.lines.length > this.maxRept) {
          if (r !== true) this.error(loc, typeof r === 'string' ? r : `.rept count ${f.repeat} is too large: the expansion would exceed ${this.maxRept} statements`);
          f.repeat = 1;
          continue;
        }
      }
      if (f.repeat > 1) {
        f.repeat--;
        f.pos = 0;
        continue;
      }
      this.popFrame(true);
    }
  }

  private popFrame(natural: boolean): void {
    const f = this.frames.pop()!;
    if (f.kind === 'include') return;
    // Only the end of a macro closes conditionals opened inside it (with an error); a .rept or
    // .irp buffer ends without looking, so an .if left open there stays open (GNU as 2.40).
    const top = this.conds[this.conds.length - 1];
    if (top && top.nest >= this.nest && (f.kind === 'macro' || !natural)) {
      if (natural) {
        this.error(this.lastLoc, 'end of macro inside conditional');
        this.error(NO_LOC_VIA(top.ifLoc.via ?? top.ifLoc), 'here is the start of the unterminated conditional');
        if (top.elseLoc) this.error(NO_LOC_VIA(top.elseLoc.via ?? top.elseLoc), 'here is the "else" of the unterminated conditional');
      }
      while (this.conds.length && this.conds[this.conds.length - 1].nest >= this.nest) this.conds.pop();
    }
    this.nest--;
  }

  private finish(): void {
    const top = this.conds[this.conds.length - 1];
    if (top) {
      this.error({ file: this.lastLoc.file, line: 0 }, 'end of file inside conditional');
      this.error(top.ifLoc, 'here is the start of the unterminated conditional');
      if (top.elseLoc) this.error(top.elseLoc, 'here is the "else" of the unterminated conditional');
      this.conds.length = 0;
    }
    this.stopped = true;
  }

  // ---- diagnostics ---------------------------------------------------------------------------

  private report(severity: Severity, loc: SrcLoc, message: string, extra?: Partial<Diagnostic>): void {
    this.host.diag({ severity, loc, message, ...extra });
  }
  private error(loc: SrcLoc, message: string): void { this.report('error', loc, message); }
  private warn(loc: SrcLoc, message: string): void { this.report('warning', loc, message); }
  private fatal(loc: SrcLoc, message: string): void {
    this.report('error', loc, message, { fatal: true });
    this.stopped = true;
    this.frames.length = 0;
    this.queue.length = 0;
    this.conds.length = 0; // GNU exits at once: no end-of-file complaints after a fatal error
  }

  private eval(expr: string, loc: SrcLoc): bigint {
    return this.host.evalAbsolute(expr.trim(), loc);
  }

  // ---- statements ----------------------------------------------------------------------------

  private ignoring(): boolean {
    const n = this.conds.length;
    return n !== 0 && this.conds[n - 1].ignoring;
  }

  private process(line: SourceLine): SourceLine | undefined {
    if (this.ignoring()) {
      // In a skipped region GNU as looks only at conditionals, and only at the start of a statement.
      const m = /^\s*\.([A-Za-z]+)/.exec(line.text);
      const d = m?.[1].toLowerCase();
      if (d && COND_DIRECTIVES.has(d)) this.conditional(d, line.text.slice(m![0].length), line);
      else this.host.skipped?.(line);
      return undefined;
    }
    // Most statements are instructions: with no macros defined, a line that starts with a letter
    // and has no `:` (so no label) names no directive, and nothing here applies to it.
    if (this.macros.size === 0 && plainInsnLine(line.text)) return line;
    const h = parseHead(line.text);
    if (!h.word) return line;
    // Most statements are instructions: no dot and no macros defined means nothing to do here.
    if (h.word.charCodeAt(0) !== 46 && this.macros.size === 0) return line;
    const lw = h.word.toLowerCase();
    const isDir = lw[0] === '.' && LAYER_DIRECTIVES.has(lw.slice(1));
    const mac = !isDir && !(lw[0] === '.' && KNOWN_POPS.has(lw.slice(1))) ? this.macros.get(lw) : undefined;
    if (!isDir && !mac) return line;
    if (h.labelEnd > 0) this.queue.push({ text: line.text.slice(0, h.labelEnd), loc: line.loc });
    if (mac) this.invoke(mac, h.rest, line);
    else this.directive(lw.slice(1), h.rest, line);
    return this.queue.shift();
  }

  private directive(d: string, rest: string, line: SourceLine): void {
    const loc = line.loc;
    if (COND_DIRECTIVES.has(d)) return this.conditional(d, rest, line);
    switch (d) {
      case 'macro': return this.defineMacro(rest, line);
      case 'endm': return this.warn(loc, '.endm encountered without preceding .macro');
      case 'endr': return this.warn(loc, '.endr encountered without preceding .rept, .irp, or .irpc');
      case 'exitm':
      case 'mexit': return this.exitm(loc);
      case 'purgem': return this.purgem(rest, loc);
      case 'rept':
      case 'rep': return this.rept(rest, line);
      case 'irp':
      case 'irep':
      case 'irpc':
      case 'irepc': return this.irp(d === 'irpc' || d === 'irepc', rest, line);
      case 'error':
      case 'warning': {
        const sev = d === 'error' ? 'error' : 'warning';
        if (rest.trim() === '') return this.report(sev, loc, `.${d} directive invoked in source file`);
        const s = cString(rest);
        if (!s) return this.error(loc, `.${d} argument must be a string`);
        return this.report(sev, loc, s.value);
      }
      case 'print': {
        const s = cString(rest);
        if (!s) return this.error(loc, 'missing string');
        return this.report('info', loc, s.value, { stdout: true });
      }
      case 'err': return this.error(loc, '.err encountered');
      case 'fail': {
        // .fail N: an error below 500, a warning from 500 up (GNU).
        let v = 0n;
        try {
          v = this.eval(rest, loc);
        } catch (e) {
          if (!(e instanceof AsmError)) throw e;
          return this.error(loc, e.message);
        }
        return this.report(v >= 500n ? 'warning' : 'error', loc, `.fail ${v} encountered`);
      }
      case 'include': return this.include(rest, loc);
      case 'altmacro': this.alt = true; return;
      case 'noaltmacro': this.alt = false; return;
      case 'end':
        // Nothing after .end is read; open conditionals are reported as at end of file.
        this.frames.length = 0;
        this.finish();
        return;
    }
  }

  // ---- conditionals (GNU as cond.c behaviour) ------------------------------------------------

  private conditional(d: string, rest: string, line: SourceLine): void {
    const loc = line.loc;
    const top = this.conds[this.conds.length - 1];
    if (IF_DIRECTIVES.has(d)) {
      const dead = this.ignoring();
      let v = false;
      if (!dead) {
        const r = this.testIf(d, rest, loc);
        if (r === undefined) return; // .ifdef without a name pushes no frame (as GNU does)
        v = r;
      }
      this.conds.push({ ignoring: dead || !v, dead, ifLoc: loc, nest: this.nest });
      return;
    }
    if (d === 'endif') {
      if (!top) return this.error(loc, '".endif" without ".if"');
      this.conds.pop();
      return;
    }
    if (!top) return this.error(loc, `".${d}" without matching ".if"`);
    // State changes follow GNU's cond.c: a misplaced .else changes nothing, a misplaced
    // .elseif is still evaluated when its branch is live.
    if (top.elseLoc) {
      this.error(loc, d === 'else' ? 'duplicate ".else"' : '".elseif" after ".else"');
      this.error(top.elseLoc, 'here is the previous ".else"');
      this.error(top.ifLoc, 'here is the previous ".if"');
      if (d === 'else') return;
    } else if (d === 'else') {
      top.elseLoc = loc;
      top.ignoring = top.dead || !top.ignoring;
      return;
    } else {
      top.dead ||= !top.ignoring;
      top.ignoring = top.dead;
    }
    // .elseif
    if (top.ignoring) return;
    top.ignoring = !(this.testIf('if', rest, loc) ?? false);
  }

  /** Evaluates one .ifXX test; undefined when the directive is malformed in a way that pushes no frame. */
  private testIf(d: string, rest: string, loc: SrcLoc): boolean | undefined {
    switch (d) {
      case 'ifdef':
      case 'ifndef':
      case 'ifnotdef': {
        const [name] = getToken(rest, skipWhite(rest, 0));
        if (!name) {
          this.error(loc, 'invalid identifier for ".ifdef"');
          return undefined;
        }
        return this.host.isDefined(name) === (d === 'ifdef');
      }
      case 'ifb':
      case 'ifnb':
        return (rest.trim() === '') === (d === 'ifb');
      case 'ifc':
      case 'ifnc': {
        const s = scrub(rest);
        const [a, i] = getCompareString(s, 0, ',');
        if (s[i] !== ',') {
          this.error(loc, 'bad format for ifc or ifnc');
          return false;
        }
        const [b] = getCompareString(s, i + 1, ';');
        return (a === b) === (d === 'ifc');
      }
      case 'ifeqs':
      case 'ifnes': {
        // GNU's messages; a malformed first part pushes no conditional.
        const a = cString(rest);
        if (!a) this.error(loc, 'missing string');
        const comma = a ? skipWhite(a.rest, 0) : -1;
        if (!a || a.rest[comma] !== ',') {
          this.error(loc, '.ifeqs syntax error');
          return undefined;
        }
        const b = cString(a.rest.slice(comma + 1));
        if (!b) {
          this.error(loc, 'missing string');
          return false;
        }
        return (a.value === b.value) === (d === 'ifeqs');
      }
    }
    let v: bigint;
    try {
      v = this.eval(rest, loc);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      this.error(loc, 'non-constant expression in ".if" statement');
      return false;
    }
    switch (d) {
      case 'if':
      case 'ifne': return v !== 0n;
      case 'ifeq': return v === 0n;
      case 'ifgt': return v > 0n;
      case 'ifge': return v >= 0n;
      case 'iflt': return v < 0n;
      case 'ifle': return v <= 0n;
    }
    return false;
  }

  // ---- definitions and expansion -------------------------------------------------------------

  /** Collects lines up to the matching .endm (kind 'macro') or .endr ('rept'), GNU buffer_and_nest style. */
  private collect(kind: 'macro' | 'rept'): SourceLine[] | undefined {
    const body: SourceLine[] = [];
    let depth = 1;
    for (;;) {
      // (A nested block's body is not an expansion line of its own: GNU lists only what it yields.)
      this.collecting = true;
      const l = this.pull();
      this.collecting = false;
      if (!l) return undefined;
      const w = bodyWord(l.text);
      if (kind === 'macro') {
        if (w === '.macro') depth++;
        else if (w === '.endm' && --depth === 0) return withLabel(body, l);
      } else {
        if (REPT_OPENERS.has(w)) depth++;
        else if (w === '.endr' && --depth === 0) return withLabel(body, l);
      }
      body.push(l);
    }
  }

  private defineMacro(rest: string, line: SourceLine): void {
    const loc = line.loc;
    const body = this.collect('macro');
    const s = scrub(rest);
    let [name, i] = getToken(s, skipWhite(s, 0));
    if (!body) {
      this.error(loc, `unexpected end of file in macro \`${name}' definition`);
      return;
    }
    if (!name) return this.error(loc, 'Missing macro name');
    const formals: Formal[] = [];
    i = skipWhite(s, i);
    let err: string | undefined;
    if (s[i] === '(') {
      i = this.formals(s, i + 1, formals, name, loc);
      if (s[i] === ')') i = skipWhite(s, i + 1);
      else err = `missing \`)' after formals in macro definition \`${name}'`;
    } else {
      i = skipComma(s, i);
      i = this.formals(s, i, formals, name, loc);
    }
    if (!err && i < s.length) err = `Bad parameter list for macro \`${name}'`;
    const key = name.toLowerCase();
    if (!err && this.macros.has(key)) err = `Macro \`${name}' was already defined`;
    if (err) return this.error(loc, err);
    this.macros.set(key, { name, formals, body });
  }

  private formals(s: string, i: number, out: Formal[], mname: string, loc: SrcLoc): number {
    i = skipWhite(s, i);
    while (i < s.length) {
      const [name, j] = getToken(s, i);
      if (!name) break;
      i = skipWhite(s, j);
      let req = false;
      let vararg = false;
      let def = '';
      if (s[i] === ':') {
        const [q, k] = getToken(s, skipWhite(s, i + 1));
        if (!q) this.error(loc, `Missing parameter qualifier for \`${name}' in macro \`${mname}'`);
        else if (q === 'req') req = true;
        else if (q === 'vararg') vararg = true;
        else this.error(loc, `\`${q}' is not a valid parameter qualifier for \`${name}' in macro \`${mname}'`);
        i = skipWhite(s, k);
      }
      if (s[i] === '=') {
        [def, i] = getAnyString(s, i + 1, this.argEnv(loc));
        i = skipWhite(s, i);
        if (req) {
          def = '';
          this.warn(loc, `Pointless default value for required parameter \`${name}' in macro \`${mname}'`);
        }
      }
      if (out.some((f) => f.name === name)) this.error(loc, `A parameter named \`${name}' already exists for macro \`${mname}'`);
      else out.push({ name, def, req, vararg });
      if (vararg) break;
      const c = i;
      i = skipComma(s, i);
      if (i !== c && i >= s.length) return c;
    }
    return i;
  }

  private argEnv(loc: SrcLoc): ArgEnv {
    return {
      alt: this.alt,
      evalPercent: (expr: string) => {
        try {
          return this.eval(expr, loc);
        } catch (e) {
          if (!(e instanceof AsmError)) throw e;
          this.error(loc, '% operator needs absolute expression');
          return 0n;
        }
      },
    };
  }

  private invoke(m: MacroDef, argText: string, line: SourceLine): void {
    const loc = line.loc;
    if (this.nest > this.maxNest) return this.fatal(loc, 'macros nested too deeply');
    // An argument that doubles on each recursive call: stop it while it is still cheap to read.
    if (argText.length > MAX_ARG_TEXT) return this.fatal(loc, `macro arguments longer than ${MAX_ARG_TEXT >> 20} MiB`);
    const s = scrub(argText, this.alt);
    const env = this.argEnv(loc);
    const actual = new Map<string, string>();
    let keyword = false;
    let pos = 0;
    let i = skipWhite(s, 0);
    while (i < s.length) {
      let scan = i;
      if (!this.alt) while (scan < s.length && !' \t,";)(<>='.includes(s[scan])) scan++;
      if (!this.alt && s[scan] === '=') {
        keyword = true;
        const [name] = getToken(s, i);
        const f = m.formals.find((x) => x.name === name);
        let v: string;
        [v, i] = getAnyString(s, scan + 1, env);
        if (!f) this.error(loc, `Parameter named \`${name}' does not exist for macro \`${m.name}'`);
        else {
          if (actual.get(name)) this.warn(loc, `Value for parameter \`${name}' of macro \`${m.name}' was already specified`);
          actual.set(name, v);
        }
      } else {
        if (keyword) return this.error(loc, "can't mix positional and keyword arguments");
        const f = m.formals[pos++];
        if (!f) return this.error(loc, 'too many positional arguments');
        let v: string;
        if (f.vararg) {
          v = s.slice(i);
          i = s.length;
        } else [v, i] = getAnyString(s, i, env);
        actual.set(f.name, v);
      }
      i = skipComma(s, i);
    }
    const values = new Map<string, string>();
    for (const f of m.formals) {
      const a = actual.get(f.name) ?? '';
      if (f.req && a === '') this.error(loc, `Missing value for required parameter \`${f.name}' of macro \`${m.name}'`);
      values.set(f.name, a !== '' ? a : f.def);
    }
    const out: SourceLine[] = [];
    this.curLoc = loc;
    for (const b of m.body) {
      // GNU as names the invoking file with the body's line number (observed with 2.40).
      const via: SrcLoc = b.loc.file === loc.file
        ? { file: loc.file, line: b.loc.line, via: loc }
        : { file: loc.file, line: b.loc.line, via: loc, origin: b.loc.origin ?? b.loc.file };
      const text = this.substitute(b.text, values, values);
      if (!this.budget(text, loc)) return;
      for (const t of splitSemis(text)) out.push({ text: t, loc: via });
    }
    this.counter++;
    this.pushFrame('macro', out, 1);
  }

  private pushFrame(kind: 'macro' | 'rept', lines: SourceLine[], repeat: number): void {
    this.frames.push({ kind, lines, pos: 0, repeat });
    this.nest++;
  }

  /** A parameter named after blanks at text[i] (`\ name`): its value and where it ends. */
  private spacedParam(text: string, i: number, values: ReadonlyMap<string, string>): [string, number] | undefined {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const [name, j] = getToken(text, i, this.alt);
    const v = name ? values.get(name) : undefined;
    return v === undefined ? undefined : [v, j];
  }

  /** GNU macro_expand_body: \name, \(), \@ and (altmacro) bare names. */
  private substitute(text: string, values: ReadonlyMap<string, string>, locals?: Map<string, string>): string {
    if (!text.includes('\\') && !text.includes('&') && !this.alt) return text;
    let out = '';
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text[i];
      if (c === '\\') {
        i++;
        const d = text[i];
        if (d === '(') {
          const close = text.indexOf(')', i + 1);
          out += close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
          i = close < 0 ? n : close + 1;
        } else if (d === '@') {
          out += String(this.counter);
          i++;
        } else if (d === '&') {
          out += '\\&';
          i++;
        } else if ((d === ' ' || d === '\t') && this.spacedParam(text, i, values) !== undefined) {
          // `\ name` (a C preprocessor put a space there): GNU still substitutes the parameter.
          const [v, j] = this.spacedParam(text, i, values)!;
          out += v;
          i = j;
        } else {
          const [name, j] = getToken(text, i, this.alt);
          const v = name ? values.get(name) : undefined;
          out += v !== undefined ? v : '\\' + name;
          i = j;
        }
      } else if (c === '&') {
        // GNU also substitutes `&name` / `&name&` (in either mode); `&&` stays as it is.
        if (text[i + 1] === '&') {
          out += '&&';
          i += 2;
          continue;
        }
        const [name, j] = getToken(text, i + 1);
        if (!name) {
          out += '&';
          i++;
          continue;
        }
        const end = text[j] === '&' ? j + 1 : j;
        const v = values.get(name);
        out += v !== undefined ? v : this.alt ? name : text.slice(i, end);
        i = end;
      } else if (this.alt && isNameStart(c)) {
        if (locals && /^local[ \t]/i.test(text.slice(i, i + 6))) {
          // altmacro `LOCAL a, b`: each name becomes a fresh .LLnnnn label for the rest of the body.
          let k = skipWhite(text, i + 5);
          while (k < n) {
            const [ln, e] = getToken(text, k);
            if (!ln) break;
            if (locals.has(ln)) this.error(this.curLoc, `\`${ln}' was already used as parameter (or another local) name`);
            else locals.set(ln, `.LL${(++this.localCount).toString(16).padStart(4, '0')}`);
            k = skipComma(text, e);
          }
          return out;
        }
        const [name, j] = getToken(text, i, true);
        const v = values.get(name);
        out += v !== undefined ? v : name;
        i = j;
      } else if (this.alt && /[0-9]/.test(c)) {
        // a number (or numeric label reference like 1f) is not a name
        let j = i;
        while (j < n && /[A-Za-z0-9_$]/.test(text[j])) j++;
        out += text.slice(i, j);
        i = j;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  private exitm(loc: SrcLoc): void {
    if (this.nest === 0) return this.warn(loc, 'ignoring macro exit outside a macro definition.');
    // Leave the innermost expansion buffer (a macro, or a .rept/.irp inside it), as GNU does.
    while (this.frames.length && this.frames[this.frames.length - 1].kind === 'include') this.frames.pop();
    this.popFrame(false);
  }

  private purgem(rest: string, loc: SrcLoc): void {
    for (const part of rest.split(',')) {
      const name = part.trim();
      if (!name) continue;
      if (!this.macros.delete(name.toLowerCase())) this.warn(loc, `Attempt to purge non-existing macro \`${name}'`);
    }
  }

  private rept(rest: string, line: SourceLine): void {
    const loc = line.loc;
    const body = this.collect('rept');
    if (!body) return this.error(NO_LOC_VIA({ file: this.lastLoc.file, line: this.lastLoc.line + 1 }), 'REPT without ENDR');
    let count = 0n;
    if (rest.trim() !== '') {
      try {
        count = this.eval(rest, loc);
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        // GNU's get_absolute_expression wording for a value that is not a constant; syntax
        // errors keep the evaluator's own message.
        this.error(loc, /non-constant|not absolute|irreducible/i.test(e.message) ? 'bad or irreducible absolute expression' : e.message);
        return;
      }
    }
    if (count < 0n) return this.error(loc, 'negative count for REPT - ignored');
    if (count === 0n || body.length === 0) return;
    // A body of constant data may go past the statement limit: its passes after the first are bytes
    // (rept-replay.ts), bounded by the section limit.
    const replay = this.host.replayRept !== undefined && this.queue.length === 0 && count > 1n && count <= BigInt(Number.MAX_SAFE_INTEGER) && isConstantDataBody(body);
    if (!replay && count * BigInt(body.length) > BigInt(this.maxRept))
      return this.error(loc, `.rept count ${count} is too large: the expansion would exceed ${this.maxRept} statements`);
    if (this.nest > this.maxNest) return this.fatal(loc, 'macros nested too deeply');
    this.pushFrame('rept', body.map((b) => ({ text: b.text, loc: reptLoc(b.loc, loc) })), Number(count));
    if (replay) {
      this.frames[this.frames.length - 1].replay = loc;
      this.host.reptPassStart?.();
    }
  }

  private irp(chars: boolean, rest: string, line: SourceLine): void {
    const loc = line.loc;
    const body = this.collect('rept');
    const s = scrub(rest, this.alt);
    let i = skipWhite(s, 0);
    const [sym, j] = getToken(s, i);
    if (!sym) return this.error(loc, 'missing model parameter');
    if (!body) return this.error(loc, 'unexpected end of file in irp or irpc');
    i = skipComma(s, j);
    const values: string[] = [];
    if (i >= s.length) values.push('');
    else if (!chars) {
      const env = this.argEnv(loc);
      while (i < s.length) {
        let v: string;
        [v, i] = getAnyString(s, i, env);
        values.push(v);
        i = skipComma(s, i);
      }
    } else {
      let inQuotes = false;
      if (s[i] === '"') { inQuotes = true; i++; }
      while (i < s.length) {
        if (s[i] === '"') {
          inQuotes = !inQuotes;
          const nx = skipWhite(s, i + 1);
          if (nx >= s.length) break;
        }
        values.push(s[i]);
        i++;
        if (!inQuotes) i = skipWhite(s, i);
      }
    }
    if (values.length * body.length > this.maxRept)
      return this.error(loc, `.irp expansion would exceed ${this.maxRept} statements`);
    if (this.nest > this.maxNest) return this.fatal(loc, 'macros nested too deeply');
    const out: SourceLine[] = [];
    for (const v of values) {
      const map = new Map([[sym, v]]);
      for (const b of body) {
        const text = this.substitute(b.text, map);
        if (!this.budget(text, loc)) return;
        for (const t of splitSemis(text)) out.push({ text: t, loc: reptLoc(b.loc, loc) });
      }
    }
    this.pushFrame('rept', out, 1);
  }

  /** Counts expanded text against maxChars; false (after a fatal error) once it is exceeded. */
  private budget(text: string, loc: SrcLoc): boolean {
    this.expandedChars += text.length;
    if (this.expandedChars <= this.maxChars) return true;
    this.fatal(loc, `macro expansion produced more than ${this.maxChars >> 20} MiB of text`);
    return false;
  }

  private include(rest: string, loc: SrcLoc): void {
    const s = cString(rest);
    if (!s) return this.error(loc, 'missing string');
    if (this.frames.filter((f) => f.kind === 'include').length >= 100)
      return this.fatal(loc, `can't open ${s.value} for reading: too many nested .include files`);
    const r = this.host.readInclude(s.value, loc);
    if (!r) return this.error(loc, `can't open ${s.value} for reading: No such file or directory`);
    if ('error' in r) return this.error(loc, `can't read from ${r.file}: ${r.error}`);
    this.frames.push({ kind: 'include', lines: splitStatements(r.text, r.file), pos: 0, repeat: 1 });
  }
}

/** A .rept/.irp body line: its own position, inside an expansion level GNU does not name. */
function reptLoc(body: SrcLoc, directive: SrcLoc): SrcLoc {
  return { file: body.file, line: body.line, via: { file: directive.file, line: directive.line, silent: true, via: directive.via } };
}

/** A label in front of the closing .endm/.endr stays in the body, as GNU keeps it. */
function withLabel(body: SourceLine[], end: SourceLine): SourceLine[] {
  const h = parseHead(end.text);
  if (h.labelEnd > 0) body.push({ text: end.text.slice(0, h.labelEnd), loc: end.loc });
  return body;
}
