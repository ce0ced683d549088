// The assembler driver: source text -> statements (lines.ts) -> macro layer (macro/) -> one parse
// per statement (parse.ts) -> labels, directives, instructions -> relaxation and fixups
// (finalize.ts). Errors are collected per statement, so one run reports every bad line.

import { initialSyntax, nakedExpression, syntaxRewrite } from './intel/syntax.js';
import { unavailableRegSym } from './reg-avail.js';
import { dirname, isAbsolute as isAbsPath, join } from 'node:path';
import type { Body, Expr } from './ast.js';
import { directive, isKnownDirective, rawDirective, RAW_DIRECTIVES } from './directives.js';
import { equalsInOperand } from './operand-chars.js';
import { AsmError, LimitError, type SrcLoc } from './errors.js';
import { evalExpr, isAbsolute } from './expr.js';
import { finalize } from './finalize.js';
import { afterAssembly, archContext, type GasOptions } from './gas-options.js';
import { emitUsedNote } from './used-note.js';
import { emitBuildNotes } from './build-notes.js';
import { isReadFailure, openBinaryFile, readSourceFile, type ReadFailure } from './files.js';
import { assembleInsn, mnemonicKnown, placeInsn, scrubbedText, type InsnReplay } from './insn.js';
import type { Tok } from './lexer.js';
import { statementSource, type LineSource, type SourceLine } from './lines.js';
import { createMacroLayer, type MacroHost } from './macro/index.js';
import { ReptReplay } from './rept-replay.js';
import { nobitsCheck, nobitsMark } from './nobits-check.js';
import { isParsed, parseStatement, type Parsed, type ParseFailure } from './parse.js';
import type { AssembleResult } from './result.js';
import { closeSpacedRegisters } from './reg-spacing.js';
import { aliasesOf, mentionsRegSym, regAssignment, registersAsNumbers, substituteRegSyms } from './regvalues.js';
import { Assembly, NO_WARNINGS } from './state.js';
import { bareLabel } from './bare-label.js';
import { ShapeCache } from './shape-cache.js';

export type { AssembleResult } from './result.js';

export interface AssembleOptions {
  /** 64 (`as --64`, the default) or 32 (`as --32`). */
  readonly mode: 32 | 64;
  /** Name used in diagnostics and the listing. */
  readonly file: string;
  /** `.include` search path (-I). */
  readonly includeDirs?: readonly string[];
  /** Searched after includeDirs (x86lab's own include/): not one of GNU's -I dirs. */
  readonly fallbackIncludeDirs?: readonly string[];
  /** `--defsym SYM=VAL`, defined before the first statement. */
  readonly defsyms?: readonly (readonly [string, bigint])[];
  /**
   * Record the per-line listing (default true). `-f bin` turns it off: on a large file the
   * listing is one entry per statement kept to the end, which it would never read.
   * When off, the result's listing is empty.
   */
  readonly listing?: boolean;
  /** File reader for `.include` (tests may supply a virtual file system): undefined for a missing
   *  file, a ReadFailure for one that cannot be read. */
  readonly readFile?: (path: string) => string | ReadFailure | undefined;
  /** Record each instruction's start and source line (`lines` in the result), for --gdwarf-N. */
  readonly debugLines?: boolean;
  /** Record every line read and each expansion line (GNU listings with `-alm`). */
  readonly listingTrace?: boolean;
  /** GNU as's machine options (-march, -O, ...; see gas-options.ts). */
  readonly gas?: GasOptions;
  /** -msyntax=intel: start in Intel syntax; -mnaked-reg: registers need no `%`. */
  readonly syntax?: 'att' | 'intel';
  readonly nakedReg?: boolean;
}

/** The file lines as the macro layer pulls them, recorded for the listing's expansion bytes. */
function traced(asm: Assembly, src: LineSource): LineSource {
  if (!asm.listing.trace) return src;
  return { next: () => { const l = src.next(); if (l) asm.listing.pulled(l.loc, l.text, 0, asm.cur.name); return l; } };
}

/** Assembles AT&T source text. Never throws for bad input: problems are in `diagnostics`. */
export function assemble(source: string, opts: AssembleOptions): AssembleResult {
  const asm = new Assembly(opts.mode, opts.file);
  asm.listing.enabled = opts.listing ?? true;
  asm.lineMarks.enabled = opts.debugLines ?? false;
  asm.lineMarks.level = opts.gas?.dwarf ?? 0;
  if (opts.gas) {
    asm.gas = opts.gas;
    asm.arch = archContext(opts.mode, opts.gas);
  }
  asm.syntax = initialSyntax(opts.syntax === 'intel', opts.nakedReg ?? false);
  asm.lineMarks.warn = (message, where) => asm.warn(message, where);
  asm.lineMarks.defineView = (name, value) => asm.defineEqu(asm.symbols.ref(name), { add: BigInt(value) }, 'set');
  for (const [name, value] of opts.defsyms ?? []) asm.defineEqu(asm.symbols.ref(name), { add: value }, 'set');
  const read = opts.readFile ?? ((p: string) => readSourceFile(p));
  const host: MacroHost = {
    evalAbsolute: (text, loc) => evalAbsolute(asm, text, loc),
    isDefined: (sym) => asm.symbols.get(sym)?.def !== undefined,
    diag: (d) => {
      asm.diagnostics.push(d);
      if (d.severity === 'error') asm.errorCount++;
    },
    readInclude: (name, from) => {
      const dirs = [...(opts.includeDirs ?? []), ...(opts.fallbackIncludeDirs ?? []), dirname(from.file)];
      // GNU tries NAME, or with -I dirs "./NAME" then DIR/NAME for each, and names the file by the
      // path it opened.
      const cands = isAbsPath(name) ? [name] : [opts.includeDirs?.length ? `./${name}` : name, ...dirs.map((d) => `${d}/${name}`)];
      for (const c of cands) {
        const text = read(c);
        // GNU as opens the first match, so a directory there is an error, not a reason to search on.
        if (isReadFailure(text)) return { file: c === `./${name}` ? name : c, error: text.error };
        if (text !== undefined) return { file: c, text };
      }
      return undefined;
    },
  };
  asm.readBinary = (name) => {
    const dirs = [...(opts.includeDirs ?? []), dirname(asm.loc.file)];
    for (const c of isAbsPath(name) ? [name] : [name, ...dirs.map((d) => join(d, name))]) {
      const f = openBinaryFile(c);
      if (f !== undefined) return f;
    }
    return undefined;
  };
  asm.listing.trace = opts.listingTrace ?? false;
  if (!asm.listing.trace && !asm.lineMarks.enabled) {
    const replay = new ReptReplay(asm);
    host.reptPassStart = () => replay.begin();
    host.replayRept = (passes) => replay.finish(passes);
  }
  if (asm.listing.trace) {
    host.pulled = (l, depth) => asm.listing.pulled(l.loc, l.text, depth, asm.cur.name);
    host.skipped = (l) => asm.listing.skipped(l.loc);
  }
  const lines = createMacroLayer(traced(asm, statementSource(source, opts.file)), host);
  const shapes = new ShapeCache();
  for (let l = lines.next(); l !== undefined; l = lines.next()) {
    asm.symbols.epoch++;
    const nobits = nobitsMark(asm);
    if (statement(asm, l, shapes) === 'end') break;
    nobitsCheck(asm, l, nobits);
  }
  if (opts.gas?.usedNote) emitUsedNote(asm);
  if (opts.gas?.buildNotes) emitBuildNotes(asm);
  let result = afterAssembly(finalize(asm), opts.gas);
  const late = asm.lineMarks.endChecks(result.sections).map((d) => ({ severity: 'error' as const, loc: { file: opts.file, line: 0 }, ...d }));
  if (late.length) result = { ...result, diagnostics: [...result.diagnostics, ...late], errors: result.errors + late.length };
  const locLines = asm.lineMarks.resolveLoc();
  if (locLines) return Object.assign(result, { locLines });
  return opts.debugLines ? Object.assign(result, { lines: asm.lineMarks.resolve() }) : result;
}

/** For the macro layer: `.if expr`, `.rept count`, `%expr` need an absolute value now. */
function evalAbsolute(asm: Assembly, text: string, loc: SrcLoc): bigint {
  if (asm.syntax.naked) text = nakedExpression(text);
  if (asm.regSyms.size && mentionsRegSym(text, asm.regSyms)) text = substituteRegSyms('.x ' + text, asm.regSyms).slice(3);
  if (text.includes('%')) text = registersAsNumbers(text, loc);
  const p = parseStatement('.x ' + text);
  const keep = asm.loc;
  asm.loc = loc;
  try {
    if (!isParsed(p) || p.stmt.body?.k !== 'dir' || p.stmt.body.args.length !== 1) throw new AsmError(loc, 'bad expression');
    const a = p.stmt.body.args[0];
    if (a.k === 'str' || a.k === 'at' || a.k === 'regarg' || a.k === 'empty') throw new AsmError(loc, 'bad expression');
    const v = evalExpr(a as Expr, p.toks, asm.ctx());
    if (!isAbsolute(v)) throw new AsmError(loc, 'non-constant expression');
    return v.add;
  } finally {
    asm.loc = keep;
  }
}

type DirBody = Extract<Body, { k: 'dir' }>;
type AssignBody = Extract<Body, { k: 'set' }>;
/** `% eax`: one scan of the line rather than two `includes` (measured on every statement). */
const SPACED_PERCENT = /%[ \t]/;
const RAW_RE = /^\s*(\.[A-Za-z_][\w.]*)(?=\s|$)/;
const LABELLED_RAW_RE = /^\s*(?:(?:[A-Za-z_.$][\w.$]*|\d+)\s*:\s*)+(\.[A-Za-z_][\w.]*)(?=\s|$)/;

/** Assembles one statement; returns 'end' at `.end`. */
function statement(asm: Assembly, line: SourceLine, shapes: ShapeCache): 'end' | undefined {
  let text = line.text;
  asm.loc = line.loc;
  if (SPACED_PERCENT.test(text)) text = closeSpacedRegisters(text);
  if (asm.syntax.intel || asm.syntax.naked) {
    // Intel (or prefix-less AT&T) instructions are rewritten as the AT&T statement they mean.
    const t = syntaxRewrite(asm, text);
    if (t === undefined) return undefined;
    text = t;
  }
  if (asm.regSyms.size || text.includes('%')) {
    const t = registerSymbols(asm, text);
    if (t === undefined) return undefined;
    text = t;
  }
  let first = 0;
  while (first < text.length) {
    const c = text.charCodeAt(first);
    if (c !== 32 && c !== 9 && c !== 13) break;
    first++;
  }
  if (first === text.length) return undefined;
  const sec = asm.cur;
  const startFrag = sec.cur;
  const startOff = startFrag.size;
  // An identical instruction line seen before, whose bytes depend on nothing else: reuse them.
  // Keyed by syntax too: an Intel line's warnings are worded for Intel.
  const key = asm.syntax.intel ? `\u0001${text}` : text;
  // (A statement starting with `.` is a directive, a `.L` label or `. =`: never remembered.)
  // (The splitter's hash of the line, if the text is still the line's.)
  const hash = key === line.text ? line.hash ?? 0 : 0;
  const known = text.charCodeAt(first) === 46 ? undefined : asm.recall(key, hash);
  const r = known?.insn;
  if (known && (r === undefined || r.sym === undefined || asm.symbols.get(r.sym)?.def?.kind !== 'equ')) {
    if (r) placeInsn(asm, r.enc, r.near, r.direct, r.memSym);
    else asm.emitRemembered(known);
    // (An index loop: `for...of` allocated an iterator per replayed line here.)
    const ws = known.warnings;
    for (let k = 0; k < ws.length; k++) asm.warn(ws[k]);
    asm.lineMarks.add(line.loc, sec, startFrag, startOff);
    asm.listing.add(line.loc, sec, startFrag, startOff, sec.cur, sec.cur.size);
    return undefined;
  }
  if (shapes.replay(asm, text, line.loc, sec, startFrag, startOff)) return undefined;
  const diagStart = asm.diagnostics.length;
  try {
    // `.L3:` alone: what the parse would give (bare-label.ts).
    const label = bareLabel(text, first);
    if (label !== undefined) {
      asm.defineLabel(asm.symbols.ref(label));
      return undefined;
    }
    const raw = text.charCodeAt(first) === 46 /* . */ ? RAW_RE.exec(text) : null;
    if (raw) {
      const t = rawStatement(asm, raw, text);
      if (t === undefined) return undefined;
      text = t;
    }
    // GNU's pseudo-prefixes (`{disp32} jmp 1f`, `{load} mov %eax,%ebx`) go to the encoder.
    const pseudo = text.includes('{') ? pseudoPrefixes(asm, text) : undefined;
    // `f: .loc 1 2`: a raw directive after labels reads its own operands (below), which the
    // grammar need not take.
    let p = parseStatement(pseudo ? pseudo.rest : raw || text.indexOf(':') < 0 ? text : labelledRawText(text));
    if (!isParsed(p)) {
      const q = reparsed(asm, p, text);
      if (q === undefined) return undefined;
      p = q;
    }
    const { toks, stmt } = p;
    for (const li of stmt.labels) {
      const t = toks[li];
      const sym = t.type === 'num' ? asm.symbols.fbDefine(t.value) : asm.symbols.ref(t.value);
      asm.defineLabel(sym);
    }
    const body = stmt.body;
    if (body) {
      if (body.k === 'insn') {
        // Intel's `eq`/`ne`/`le`/`ge` reach here spelled `==`...: only a written `=` counts.
        // (No `=` in the text, none in a token: most lines skip the token walk.)
        const eq = (asm.syntax.intel ? !line.text.includes('=') : text.indexOf('=') < 0) ? undefined : equalsInOperand(toks, body.mn, asm.syntax.intel);
        if (eq) throw new AsmError(asm.loc, eq);
        const done = assembleInsn(body, toks, asm, pseudo?.list);
        if (done && stmt.labels.length === 0) {
          // Replayed with the line: the encoder's warnings and those from reading the operands
          // (`scale factor of 2 without an index register`, `missing operand; zero assumed`).
          if (asm.diagnostics.length === diagStart) {
            asm.remember(key, done, NO_WARNINGS, hash);
            shapes.remember(asm, text, done);
          } else rememberWarned(asm, key, done, diagStart, hash);
        }
        // Its line-table row once it is placed, as GNU's output_insn does (a `.loc` warning is
        // about the section, not one to replay with the line).
        asm.lineMarks.add(line.loc, asm.cur, startFrag, startOff);
      }
      else if (body.k === 'dir') {
        if (directiveStatement(asm, body, toks, text) === 'end') return 'end';
      } else assignment(asm, body, toks);
    }
  } catch (e) {
    caught(asm, e);
    return undefined;
  }
  if (asm.cur === sec) {
    const endFrag = sec.cur;
    const endOff = endFrag.size;
    if (endFrag !== startFrag || endOff !== startOff) asm.listing.add(line.loc, sec, startFrag, startOff, endFrag, endOff);
  }
  return undefined;
}


// The statement's less common paths, out of line: a path first taken after V8 has optimized
// statement() (the first `.section` after thousands of instructions, say) then throws away only
// the small function's code, not statement()'s, and statement() is smaller to compile.

/** A symbol equated to a register is no symbol at all: remember the register (undefined: the
 *  statement is done), or spell it out in the text returned. */
function registerSymbols(asm: Assembly, text: string): string | undefined {
  const ra = regAssignment(text, asm.regSyms);
  if (ra && !ra.labels.trim()) {
    const sym = asm.symbols.get(ra.name);
    if (sym?.def && (sym.def.kind === 'label' || sym.equiv || ra.how === 'equiv')) {
      asm.error(`symbol \`${ra.name}' is already defined`);
      return undefined;
    }
    asm.regSyms.set(ra.name, ra.reg);
    for (const n of aliasesOf(ra.name, asm.symbols.all())) asm.regSyms.set(n, ra.reg);
    return undefined;
  }
  if (asm.regSyms.size && mentionsRegSym(text, asm.regSyms)) {
    const bad = unavailableRegSym(asm, text);
    if (bad) {
      asm.error(bad);
      return undefined;
    }
    return substituteRegSyms(text, asm.regSyms);
  }
  return text;
}

/** A statement starting with a directive name: a raw directive is done here (undefined); any
 *  other's text goes on to the parser. */
function rawStatement(asm: Assembly, raw: RegExpExecArray, text: string): string | undefined {
  const name = raw[1].toLowerCase();
  if (RAW_DIRECTIVES.has(name)) {
    rawDirective(asm, name, text.slice(raw[0].length));
    return undefined;
  }
  // `.section ___ksymtab+memcpy,"a"` (EXPORT_SYMBOL in asm): GNU takes an unquoted section name
  // up to a comma or blank, whatever its characters; the grammar reads it as a string.
  const sec = SECTION_NAME.exec(text);
  return sec && NOT_NAME_CHAR.test(sec[2]) ? `${sec[1]}"${sec[2]}"${text.slice(sec[0].length)}` : text;
}
const NOT_NAME_CHAR = /[^\w.$]/;

/** `f: .loc 1 2`: the labels and the raw directive's name, for the parser; else the text. */
function labelledRawText(text: string): string {
  const m = LABELLED_RAW_RE.exec(text);
  return m && RAW_DIRECTIVES.has(m[1].toLowerCase()) ? m[0] : text;
}

/** A statement the grammar rejects, retried once in a form it takes (`1 +` before a comma or the
 *  end: GNU warns and reads the missing operand as 0; GNU spellings the grammar does not take);
 *  undefined, with the error reported, if that fails too. */
function reparsed(asm: Assembly, p: ParseFailure, text: string): Parsed | undefined {
  const zeroed = zeroAssumed(p, text);
  const fixed = zeroed ?? typeWithComma(text) ?? adjacentStrings(text);
  const q = fixed !== undefined ? parseStatement(fixed) : undefined;
  if (!q || !isParsed(q)) {
    asm.error(failureMessage(p, asm));
    return undefined;
  }
  if (zeroed !== undefined) asm.warn('missing operand; zero assumed');
  return q;
}

/** An instruction line that gave diagnostics: remembered with its warnings (replayed with the
 *  line: the encoder's and those from reading the operands), not if it gave an error. */
function rememberWarned(asm: Assembly, key: string, done: InsnReplay, diagStart: number, hash: number): void {
  const added = asm.diagnostics.slice(diagStart);
  if (added.every((d) => d.severity === 'warning')) asm.remember(key, done, added.map((d) => d.message), hash);
}

/** A directive statement; 'end' at `.end`. */
function directiveStatement(asm: Assembly, body: DirBody, toks: readonly Tok[], text: string): 'end' | undefined {
  const t = toks[body.name];
  const name = t.value.toLowerCase();
  if (name === '.end') return 'end';
  if (RAW_DIRECTIVES.has(name) && text.slice(t.offset, t.offset + t.value.length).toLowerCase() === name) {
    // `f: .cfi_startproc`: a raw directive after a label reads the rest of the line itself.
    rawDirective(asm, name, text.slice(t.offset + t.value.length));
  } else directive(asm, name, body.args, toks);
  return undefined;
}

/** `sym = expr`; `. = expr` moves the location counter, like .org. */
function assignment(asm: Assembly, body: AssignBody, toks: readonly Tok[]): void {
  const name = toks[body.sym].value;
  if (name === '.') directive(asm, '.org', [body.e], toks);
  else asm.defineEqu(asm.symbols.ref(name), evalExpr(body.e, toks, asm.ctx()), 'set');
}

/** What a statement threw, as a diagnostic at its line. */
function caught(asm: Assembly, e: unknown): void {
  if (e instanceof AsmError) asm.error(e.message, e.loc);
  else if (e instanceof LimitError) asm.error(e.message);
  // A statement nested beyond the evaluator's stack (100,000 unary minus signs or parentheses).
  else if (e instanceof RangeError && /call stack/.test(e.message)) asm.error('expression nested too deeply');
  // A bug in x86lab, not in the source: say so at the line that triggered it, and go on.
  else asm.error(`internal error in x86lab: ${e instanceof Error ? e.message : String(e)}`);
}

const SECTION_NAME = /^(\s*\.(?:section|pushsection)\s+)([^\s",]+)/i;
const PSEUDO = /^((?:\s*[\w.$]+\s*:)*\s*)((?:\{(?:load|store|disp8|disp16|disp32|nooptimize)\}\s*)+)/i;

/** Leading `{...}` pseudo-prefixes GNU knows for general-purpose instructions, split off the statement. */
function pseudoPrefixes(asm: Assembly, text: string): { rest: string; list: string[] } | undefined {
  const m = PSEUDO.exec(text);
  if (!m) return undefined;
  const list = [...m[2].matchAll(/\{(\w+)\}/g)].map((x) => x[1].toLowerCase());
  const rest = m[1] + ' '.repeat(m[2].length) + text.slice(m[0].length);
  if (/^(?:\s*[\w.$]+\s*:)*\s*$/.test(rest)) throw new AsmError(asm.loc, 'pseudo prefix without instruction');
  return { rest, list };
}

const BINARY_OPS = new Set(['plus', 'minus', 'star', 'slash', 'percent', 'shl', 'shr', 'pipe', 'amp', 'caret', 'bang', 'eqeq', 'ne', 'lt', 'gt', 'le', 'ge', 'andand', 'oror']);

/** The statement with a `0` after a dangling binary operator, or undefined if that is not the problem. */
function zeroAssumed(p: ParseFailure, text: string): string | undefined {
  const at = p.at;
  if (at && at.type !== 'comma') return undefined;
  const prev = p.toks[at ? at.i - 1 : p.toks.length - 1];
  if (!prev || !BINARY_OPS.has(prev.type)) return undefined;
  // Only after an operand: `jmp *` is an indirect marker with nothing after it, not a product.
  const before = p.toks[prev.i - 1];
  const operandTypes = prev.type === 'star' ? ['num', 'rparen', 'char'] : ['num', 'rparen', 'char', 'ident'];
  if (!before || !operandTypes.includes(before.type)) return undefined;
  const pos = prev.offset + prev.value.length;
  return `${text.slice(0, pos)} 0${text.slice(pos)}`;
}

/** `.type sym STT_FUNC` / `.type sym @function`: GNU's comma after the name is optional (the kernel's
 *  SYM_*_END macros leave it out). */
const TYPE_NO_COMMA = /^((?:\s*[\w.$]+\s*:)*\s*\.type\s+[\w.$]+)(\s+[@%"]?[\w]+"?\s*)$/i;
function typeWithComma(text: string): string | undefined {
  const m = TYPE_NO_COMMA.exec(text);
  return m ? `${m[1]},${m[2]}` : undefined;
}

/** `.ascii "a" "b"`: GNU's string directives join adjacent literals (what `__stringify(x) "\n"`
 *  expands to); each literal's escapes end where the literal does (`"\x4" "1"` is 04 31). */
const STRING_DIRECTIVE = /^(?:\s*[\w.$]+\s*:)*\s*\.(?:ascii|asciz|string|string8|string16|string32|string64)\s/i;
function adjacentStrings(text: string): string | undefined {
  if (!STRING_DIRECTIVE.test(text)) return undefined;
  // Split into string literals (bodies) and the text between them.
  const parts: { str?: string; other?: string }[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      parts.push({ str: text.slice(i + 1, j) });
      i = j + 1;
    } else {
      const j = text.indexOf('"', i);
      const end = j < 0 ? text.length : j;
      parts.push({ other: text.slice(i, end) });
      i = end;
    }
  }
  const out: { str?: string; other?: string }[] = [];
  let joined = false;
  for (const p of parts) {
    const a = out[out.length - 1];
    const b = out[out.length - 2];
    if (p.str !== undefined && a?.other !== undefined && /^[ \t]+$/.test(a.other) && b?.str !== undefined) {
      out.pop();
      // An escape ending the first literal must not run on into the second: spell it as \ooo.
      b.str = b.str.replace(/(^|[^\\])((?:\\\\)*)\\(?:([xX][0-9a-fA-F]*)|([0-7]{1,2}))$/, (_m, pre: string, bs: string, hx?: string, oc?: string) =>
        `${pre}${bs}\\${((hx !== undefined ? parseInt(hx.slice(1) || '0', 16) : parseInt(oc!, 8)) & 0xff).toString(8).padStart(3, '0')}`);
      b.str += p.str;
      joined = true;
    } else out.push({ ...p });
  }
  return joined ? out.map((p) => (p.str !== undefined ? `"${p.str}"` : p.other)).join('') : undefined;
}

/** GNU-style message for a statement the grammar rejects. */
function failureMessage(p: ParseFailure, asm: Assembly): string {
  const toks = p.toks;
  let h = 0;
  while (h + 1 < toks.length && (toks[h].type === 'ident' || toks[h].type === 'num') && toks[h + 1].type === 'colon') h += 2;
  const head = toks[h];
  const at = p.at;
  if (head && head.type === 'ident' && toks[h + 1]?.type === 'assign' && !at) return 'missing expression';
  if (head && head.type === 'dname') {
    if (!isKnownDirective(head.value)) return `unknown pseudo-op: \`${head.value.toLowerCase()}'`;
    if (!at) return 'bad expression';
    return `junk at end of line, first unrecognized character is \`${at.value[0]}'`;
  }
  if (head && (head.type === 'ident' || head.type === 'prefix')) {
    let m = h;
    while (toks[m] && toks[m].type === 'prefix') m++;
    if (!mnemonicKnown((toks[m]?.value ?? '').toLowerCase(), asm)) return `no such instruction: \`${scrubbedText(toks, h)}'`;
    return operandMessage(toks, m, at);
  }
  const t = at ?? head;
  if (!t) return 'bad expression';
  return `junk at end of line, first unrecognized character is \`${t.value[0]}'`;
}

/** Operand syntax errors, worded as GNU's operand parser words them. */
function operandMessage(toks: readonly Tok[], mn: number, at: Tok | undefined): string {
  // Split operands at top-level commas to find which one failed.
  let n = 1;
  let depth = 0;
  let opStart = mn + 1;
  const stop = at ? at.i : toks.length;
  for (let i = mn + 1; i < stop; i++) {
    const t = toks[i];
    if (t.type === 'lparen') depth++;
    else if (t.type === 'rparen') depth--;
    else if (t.type === 'comma' && depth === 0) { n++; opStart = i + 1; }
  }
  let opEnd = toks.length;
  let d2 = depth;
  for (let i = stop; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'lparen') d2++;
    else if (t.type === 'rparen') d2--;
    else if (t.type === 'comma' && d2 <= 0) { opEnd = i; break; }
  }
  let opens = 0;
  for (let i = opStart; i < opEnd; i++) opens += toks[i].type === 'lparen' ? 1 : toks[i].type === 'rparen' ? -1 : 0;
  if (opens !== 0) return `unbalanced parenthesis in operand ${n}.`;
  const last = toks[toks.length - 1];
  if (!at && last && last.type === 'comma') return "expecting operand after ','; got nothing";
  if (at && at.type === 'comma' && at.i === opStart) return "expecting operand before ','; got nothing";
  const prevTok = at ? toks[at.i - 1] : last;
  // A quoted register (`"%eax"`, quoted-syms.ts): GNU 2.40 reads the register and refuses it.
  if (at?.type === 'string' && /^"%/.test(at.value)) return prevTok?.type === 'dollar' ? `illegal immediate register operand ${at.value}` : 'register value used as expression';
  if (prevTok && prevTok.type === 'dollar') {
    return `missing or invalid immediate expression \`${toks.slice(prevTok.i + 1, opEnd).map((x) => x.value).join('')}'`;
  }
  if (at && depth > 0 && toks[at.i - 1]?.type === 'reg') {
    let lp = at.i - 1;
    while (lp > opStart && toks[lp].type !== 'lparen') lp--;
    let rp = at.i;
    while (rp < opEnd && toks[rp].type !== 'rparen') rp++;
    const inner = toks.slice(lp + 1, rp).map((x) => x.value).join(' ').replace(/ ,/g, ',').replace(/, /g, ',');
    return `expecting \`,' or \`)' after base register in \`(${inner})'`;
  }
  if (!at) return 'bad expression';
  const rest = toks.slice(at.i, opEnd).map((t) => t.value).join('');
  const prev = toks[at.i - 1];
  if (prev && prev.type === 'reg') return `junk \`${rest}' after register`;
  if (at.i === opStart) return at.type === 'reg' ? `bad register name \`${at.value}'` : `bad expression`;
  return `junk \`${rest}' after expression`;
}
