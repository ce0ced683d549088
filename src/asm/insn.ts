// Instruction statements: turn the parsed operands into the encoder's AsmInsn, encode, and
// emit the bytes — or, for a branch the encoder marks relaxable, a branch fragment holding both
// the short and the near encoding, decided once addresses are known (finalize.ts).

import { checkMnemonic, EncodeError, encodeInstruction, knownMnemonic } from '../encode/index.js';
import { standalonePrefixes } from '../encode/prefix-names.js';
import { isPrefixMnemonic } from './parse.js';
import type { AsmInsn, AsmOperand, Encoded, Fixup, Value } from '../encode/types.js';
import { formById } from '../isa/lookup.js';
import { pseudoDispError } from './pseudo-check.js';
import { bundleBefore } from './bundle.js';
import { code16gccMnemonic } from './code16gcc.js';
import { intelMnemonic } from './intel-mnemonic.js';
import { x87RegSuffix } from './x87-suffix.js';
import { lookupReg, type RegInfo } from '../isa/registers.js';
import type { Body, Expr, Operand } from './ast.js';
import { AsmError } from './errors.js';
import { evalExpr, isAbsolute, isLocalLabelRef, NotYetKnown, parseNumber } from './expr.js';
import { captureLate } from './late.js';
import { prefixOptions } from './prefix-options.js';
import { optimizeInsn } from './optimize.js';
import { optimizeLea } from './optimize-lea.js';
import { withLfence } from './lfence.js';
import { alignBranchBefore } from './align-branch.js';
import { jccOverJmp } from './jumps386.js';
import { intelError, intelWarning } from './intel/messages.js';
import { noteUsed } from './used-note.js';
import { archCheck } from './arch-check.js';
import { regAvailable } from './reg-avail.js';
import { operandWarning } from './operand-check.js';
import { BranchFragRecord, BranchRecord, BranchTarget } from './branch-records.js';
import { lfenceAfterLoad } from './lfence-load.js';
import type { Tok } from './lexer.js';
import { addVarFrag, emitEncoded, renamedFixup, type BranchFrag } from './sections.js';
import type { Assembly } from './state.js';
import { gotpc, toEncValue } from './state.js';
import type { Val } from './symbols.js';

type InsnBody = Extract<Body, { k: 'insn' }>;

/** The statement as GNU as echoes it in messages: whitespace squeezed, none around commas. */
export function scrubbedText(toks: readonly Tok[], from: number): string {
  let out = '';
  let prevWord = false;
  for (let i = from; i < toks.length; i++) {
    const t = toks[i];
    const word = t.type === 'ident' || t.type === 'num' || t.type === 'reg' || t.type === 'prefix' || t.type === 'dname';
    if (i === from) out = t.value.toLowerCase();
    else out += (prevWord && word) || (i === from + 1 && t.type !== 'comma') ? ' ' + t.value : t.value;
    prevWord = word;
  }
  return out;
}

/** Register tokens as written (`%rax`, `%st (1)`) -> the table's register, or null for no such name. */
const regByToken = new Map<string, RegInfo | null>();

/** The table's register a `%name` token names, undefined if none (remembered per spelling). */
function regNamed(name: string): RegInfo | undefined {
  let r = regByToken.get(name);
  if (r === undefined) {
    // (`%st (1)`: blanks inside the name; most names have none, and skip the regex.)
    const bare = name.slice(1);
    r = lookupReg(bare.includes(' ') || bare.includes('\t') ? bare.replace(/[ \t]/g, '') : bare) ?? null;
    if (regByToken.size < 4096) regByToken.set(name, r);
  }
  return r ?? undefined;
}

function reg(toks: readonly Tok[], t: number, asm: Assembly): RegInfo {
  const name = toks[t].value;
  const r = regNamed(name);
  // (After .allow_index_reg, %eiz elsewhere is a register no form takes: GNU's operand messages.)
  const badIz = r?.cls === 'iz' && !asm.allowIndexReg;
  if (!r || badIz || !regAvailable(asm, r)) {
    // GNU quotes the rest of the operand up to a comma, so a closing parenthesis is included: `%rax)'.
    const close = toks[t + 1]?.type === 'rparen' ? ')' : '';
    throw new AsmError(asm.loc, `bad register name \`${name}${close}'`);
  }
  return r;
}

/**
 * Evaluates an operand expression; one that needs addresses not known yet (`$(2f-1f)*4`) becomes a
 * placeholder symbol the encoder treats like any unresolved symbol (full-size field and a fixup),
 * which finalize.ts evaluates after layout — GNU as does the same with an expression symbol.
 */
function operandValue(e: Expr, toks: readonly Tok[], asm: Assembly, disp = false): Value {
  // A plain number (most displacements and immediates): evalExpr's answer without its Val.
  if (e.k === 'num') {
    const t = toks[e.t];
    if (t.type === 'num' && !isLocalLabelRef(t.value)) {
      return { addend: parseNumber(t.value, asm.ctx().loc), sym: undefined, minus: undefined, spec: undefined, bareEquate: undefined };
    }
  }
  try {
    return toEncValue(evalExpr(e, toks, asm.ctx()));
  } catch (err) {
    if (!(err instanceof NotYetKnown)) throw err;
    const late = captureLate(e, toks, asm.ctx());
    // GNU's AT&T parser wants `sym@SPEC + n` in a displacement resolved when it is read (Intel's
    // defers it like an immediate: `[x@GOTOFF + later]` is fine there).
    if (disp && late.spec !== undefined && late.spec !== 'size' && !asm.syntax.intel) {
      throw new AsmError(asm.loc, `missing or invalid displacement expression \`${exprText(e, toks)}'`);
    }
    return { addend: 0n, sym: asm.lateSymbol(late), minus: undefined, spec: undefined, bareEquate: undefined };
  }
}

/** The source tokens an expression spans, without spaces (as GNU quotes it). */
function exprText(e: Expr, toks: readonly Tok[]): string {
  let lo = Infinity, hi = -1;
  const walk = (x: Expr): void => {
    if (x.k === 'un') walk(x.a);
    else if (x.k === 'bin') { walk(x.a); walk(x.b); }
    else { lo = Math.min(lo, x.t); hi = Math.max(hi, x.t); }
  };
  walk(e);
  return toks.slice(lo, hi + 1).map((t) => t.value).join('');
}

function operand(op: Operand, toks: readonly Tok[], asm: Assembly): AsmOperand {
  const ctx = asm.ctx();
  switch (op.k) {
    case 'reg':
      return { kind: 'reg', reg: reg(toks, op.t, asm), indirect: op.ind };
    case 'imm':
      return { kind: 'imm', value: operandValue(op.e, toks, asm) };
    case 'mem': {
      let scale: 1 | 2 | 4 | 8 = 1;
      if (op.scale) {
        const s = evalExpr(op.scale, toks, ctx);
        if (!isAbsolute(s) || ![1n, 2n, 4n, 8n].includes(s.add)) {
          throw new AsmError(asm.loc, `expecting scale factor of 1, 2, 4, or 8: got \`${isAbsolute(s) ? s.add : '?'}'`);
        }
        scale = Number(s.add) as 1 | 2 | 4 | 8;
        if (op.index === undefined) {
          // `(%rax,1)`: GNU accepts a scale without an index and ignores it (warning unless 1).
          if (scale !== 1) asm.warn(`scale factor of ${scale} without an index register`);
          scale = 1;
        }
      }
      const seg = op.seg !== undefined ? reg(toks, op.seg, asm) : undefined;
      if (seg && seg.cls !== 'seg') {
        let rest = '';
        for (let i = op.seg! + 1; i < toks.length && toks[i].type !== 'comma'; i++) rest += toks[i].value;
        throw new AsmError(asm.loc, `junk \`${rest}' after register`);
      }
      // Every field present, absent parts undefined (the encoder tests for undefined): all memory
      // operands have one object shape, which keeps the encoder's reads of them fast.
      const disp = op.disp ? operandValue(op.disp, toks, asm, true) : undefined;
      const base = op.base !== undefined ? reg(toks, op.base, asm) : undefined;
      const index = op.index !== undefined ? reg(toks, op.index, asm) : undefined;
      return { kind: 'mem', seg, disp, base, index, scale, indirect: op.ind, bare: !op.paren };
    }
  }
}

/**
 * The operands read, in an array literal of their number (a loop pushing past three). Not `map`:
 * its result is packed or holey depending on the path V8 takes, and a holey one reaching code
 * optimized for packed ones threw it away, here and in the encoder ('wrong map'). Not a push loop
 * for the common counts: the first push gives an empty array room for 17.
 */
function operandList(ops: readonly Operand[], toks: readonly Tok[], asm: Assembly): AsmOperand[] {
  switch (ops.length) {
    case 0: return [];
    case 1: return [operand(ops[0], toks, asm)];
    case 2: return [operand(ops[0], toks, asm), operand(ops[1], toks, asm)];
    case 3: return [operand(ops[0], toks, asm), operand(ops[1], toks, asm), operand(ops[2], toks, asm)];
  }
  const out: AsmOperand[] = [];
  for (let k = 0; k < ops.length; k++) out.push(operand(ops[k], toks, asm));
  return out;
}

const NO_PREFIXES: readonly string[] = Object.freeze([]);

/** Is `mn` an instruction the encoder knows? (In no mode at all: a mode error comes later, from checkMnemonic.) */
export function mnemonicKnown(mn: string, _asm: Assembly): boolean {
  return knownMnemonic(mn);
}

/** Encoder errors arrive as typed errors carrying GNU's message; anything else is a host bug. */
function encode(insn: AsmInsn, asm: Assembly, branch: 'short' | 'near' | undefined, toks: readonly Tok[], from: number): Encoded {
  try {
    const intel64 = asm.gas.intel64 === true;
    return encodeInstruction(insn, branch ? { mode: asm.mode, branch, intel64 } : { mode: asm.mode, intel64 });
  } catch (e) {
    if (!(e instanceof EncodeError)) throw e;
    const msg = e.code === 'no-such-insn' ? `no such instruction: \`${scrubbedText(toks, from)}'` : intelError(asm, e.message);
    throw new AsmError(asm.loc, msg);
  }
}

/** What an instruction line did, so that an identical later line can do it again without parsing or encoding. */
export interface InsnReplay {
  readonly enc: Encoded;
  /** The near form of a relaxable branch (`enc` is the short one). */
  readonly near?: Encoded;
  /** The operand is a direct branch target (`call foo`): its pc-relative fixups are branch relocations. */
  readonly direct: boolean;
  /**
   * The one symbol the operands name, if any. The encoder saw `sym + constant`, which stays true
   * while the symbol is undefined or a label; an equate (whose value the encoder would see) is not reused.
   */
  readonly sym?: string;
  /** A memory operand's displacement names a symbol (GNU reads it into a real symbol at once). */
  readonly memSym?: boolean;
}

/** Emits an encoded instruction: its bytes and fixups, or a branch fragment decided after layout. */
/**
 * `sym`, from the shape cache (shape-cache.ts): every fixup of `enc` and `near` names one symbol,
 * which stands for `sym` here. A branch fragment keeps the shared encodings and the name rather than
 * renamed copies (22,000 branches of a large file would keep them all until the end).
 */
export function placeInsn(asm: Assembly, enc: Encoded, near: Encoded | undefined, direct: boolean, memSym = false, sym?: string): void {
  const relaxable = near && near !== enc && enc.fixups.some((f) => f.pcrel && f.size === 1) ? near.bytes.length : undefined;
  const bundled = asm.bundleState ? bundleBefore(asm, asm.bundleState, enc.bytes.length, relaxable) : undefined;
  placeInsnBytes(asm, enc, near, direct, memSym, sym);
  bundled?.();
}

function placeInsnBytes(asm: Assembly, enc: Encoded, near: Encoded | undefined, direct: boolean, memSym: boolean, sym: string | undefined): void {
  if (near) {
    // (Loops and plain object building: this runs for every branch of a large file.)
    let fx: Fixup | undefined;
    for (const f of enc.fixups) if (f.pcrel && f.size === 1) { fx = f; break; }
    if (fx) {
      const frag: BranchFrag = new BranchFragRecord(enc, near, false, asm.loc, sym);
      const sec = asm.cur;
      addVarFrag(sec, frag);
      const v = fx.value;
      const name = v.sym === undefined ? undefined : sym ?? v.sym;
      const target = new BranchTarget(v.addend, name ? asm.symByName(name) : undefined, v.minus ? asm.symByName(v.minus) : undefined);
      asm.branches.push(new BranchRecord(sec, frag, target, asm.mode));
      return;
    }
  }
  const flow = formById(enc.form).flow;
  if (direct && (flow === 'jmp' || flow === 'jcc') && formById(enc.form).relaxTo !== undefined) {
    // A relaxable jump to an absolute address (not xbegin, which has no short form): GNU still
    // gives it a relaxable fragment, so its relocation
    // is made with the other branches' after layout (and so comes after the section's other ones).
    const fx = enc.fixups.find((f) => f.pcrel);
    if (fx && fx.size > 1 && !fx.value.sym && !fx.value.minus) {
      const frag: BranchFrag = new BranchFragRecord(enc, enc, true, asm.loc, undefined);
      addVarFrag(asm.cur, frag);
      asm.branches.push(new BranchRecord(asm.cur, frag, new BranchTarget(fx.value.addend, undefined, undefined), asm.mode));
      return;
    }
  }
  const sec = asm.cur;
  const pos = emitEncoded(sec, enc.bytes);
  if (enc.fixups.length) {
    // Only a direct target (`call foo`) is a branch for relocation purposes; `call *foo(%rip)` is data.
    const branch = direct && (flow === 'call' || flow === 'jmp' || flow === 'jcc');
    const off = pos - sec.cur.start;
    // The displacement comes before any immediate: the first symbolic field is the memory operand's.
    const disp = memSym ? enc.fixups.find((f) => f.value.sym !== undefined) : undefined;
    for (const f of enc.fixups) asm.addFixup(sec.cur, off + f.offset, renamedFixup(f, sym), off + enc.bytes.length, branch && f.pcrel, f === disp);
  }
}

/** Ends in `iz` in any case (`%eiz`, `%RIZ`): /iz$/i without a regular expression per register token. */
function endsInIz(v: string): boolean {
  const n = v.length;
  return n >= 2 && (v.charCodeAt(n - 2) | 0x20) === 105 && (v.charCodeAt(n - 1) | 0x20) === 122;
}

/** The `sym@tlscall` displacement of a TLS descriptor call (GNU writes no field for it). */
function tlsCallOf(ops: readonly AsmOperand[]): Value | undefined {
  for (const o of ops) if (o.kind === 'mem' && o.disp?.spec === 'tlscall') return o.disp;
  return undefined;
}

/**
 * Assembles one instruction. Returns what it did when that depends on nothing but the statement's
 * text and mode — no `.`, no local label references, no expression left for after layout, at most
 * one symbol (see InsnReplay.sym) — so the driver may replay it for an identical line; undefined otherwise.
 */
export function assembleInsn(body: InsnBody, toks: readonly Tok[], asm: Assembly, pseudo?: readonly string[]): InsnReplay | undefined {
  if (asm.gas.lfenceBeforeRet !== undefined || asm.gas.lfenceBeforeIndirect !== undefined || asm.gas.alignBranch) return withLfence(asm, body, toks, () => assembleOne(body, toks, asm, pseudo));
  return assembleOne(body, toks, asm, pseudo);
}

function assembleOne(body: InsnBody, toks: readonly Tok[], asm: Assembly, pseudo?: readonly string[]): InsnReplay | undefined {
  const mnemonic = toks[body.mn].value.toLowerCase();
  const given = body.prefixes.length === 0 ? NO_PREFIXES : body.prefixes.map((i) => toks[i].value.toLowerCase());
  const from = body.prefixes.length ? body.prefixes[0] : body.mn;
  const prefixes = asm.gas.omitLockPrefix || asm.gas.fenceAsLockAdd || asm.gas.addBndPrefix ? prefixOptions(asm, mnemonic, given, body.ops.length) : given;
  if (prefixes === 'done') return undefined;
  if (body.ops.length === 0 && isPrefixMnemonic(mnemonic)) {
    // Prefixes with no instruction after them (`data16`, `rexx rexy`): their bytes (prefix-names.ts).
    let alone: ReturnType<typeof standalonePrefixes>;
    try {
      alone = standalonePrefixes([...prefixes, mnemonic], asm.mode);
    } catch (e) {
      throw e instanceof EncodeError ? new AsmError(asm.loc, e.code === 'no-such-insn' ? `no such instruction: \`${scrubbedText(toks, from)}'` : e.message) : e;
    }
    if (alone.warning) asm.warn(alone.warning);
    asm.emit(alone.bytes);
    return undefined;
  }
  // GNU looks the mnemonic up before it reads the operands.
  if (!mnemonicKnown(mnemonic, asm)) throw new AsmError(asm.loc, `no such instruction: \`${scrubbedText(toks, from)}'`);
  try {
    checkMnemonic(mnemonic, asm.mode); // mode errors (`movslq' in 32-bit code) come before bad registers
  } catch (e) {
    if (e instanceof EncodeError) throw new AsmError(asm.loc, e.message);
    throw e;
  }
  const lates = asm.lateSyms.size;
  const read = operandList(body.ops, toks, asm);
  const tlsCall = tlsCallOf(read);
  const operands = tlsCall ? read.map((o) => (o.kind === 'mem' && o.disp?.spec === 'tlscall' ? { ...o, disp: undefined } : o)) : read;
  const gcc = asm.code16gcc && asm.mode === 16 ? code16gccMnemonic(mnemonic, operands) : undefined;
  if (gcc?.warning) asm.warn(gcc.warning);
  const stackop = (asm.intelMnemonic ?? asm.gas.intelMnemonic) && !asm.syntax.intel ? intelMnemonic(mnemonic, operands) : gcc?.mnemonic ?? mnemonic;
  const x87 = asm.syntax.intel ? undefined : x87RegSuffix(stackop, operands, asm.loc);
  if (x87) asm.warn(x87.warning);
  const spelled = x87?.mnemonic ?? stackop;
  const written: AsmInsn = pseudo ? { mnemonic: spelled, prefixes, operands, pseudo } : { mnemonic: spelled, prefixes, operands };
  const insn = asm.gas.optimize ? optimizeInsn(optimizeLea(written, asm.mode, asm.gas.optimize, (m) => asm.warn(m)), asm.mode, asm.gas.optimize) : written;
  let enc = encode(insn, asm, undefined, toks, from);
  const badPseudo = pseudoDispError(asm.mode, insn, formById(enc.form));
  if (badPseudo) throw new AsmError(asm.loc, badPseudo);
  const gated = archCheck(asm, mnemonic, formById(enc.form).mnem, enc);
  let checked = false;
  if (enc.warnings) for (const w of enc.warnings) checked = operandWarning(asm, intelWarning(asm, w)) || checked;
  // `{disp32}` (`{disp16}` in 16-bit code) on a branch: the long form, never relaxed.
  if (enc.relax === 'short' && (pseudo?.includes('disp32') || pseudo?.includes('disp16'))) enc = encode(insn, asm, 'near', toks, from);
  const near = enc.relax !== 'short' ? undefined
    : asm.arch.cur.pre386 && asm.mode === 16 ? jccOverJmp(insn, enc, (j) => encode(j, asm, 'near', toks, from)) ?? encode(insn, asm, 'near', toks, from)
    : encode(insn, asm, 'near', toks, from);
  const op0 = operands[0];
  const direct = operands.length === 1 && op0.kind === 'mem' && op0.bare && !op0.indirect;
  const memSym = !direct && operands.some((o) => o.kind === 'mem' && o.disp?.sym !== undefined);
  const placed = asm.gas.alignBranch ? alignBranchBefore(asm, asm.gas.alignBranch, insn, enc) : undefined;
  if (asm.gas.usedNote) noteUsed(asm, insn.mnemonic, enc);
  placeInsn(asm, enc, near, direct, memSym);
  if (tlsCall) {
    // `call *sym@tlscall(%eax)`: no displacement; a marker relocation at the instruction's start.
    const at = asm.cur.cur.size - enc.bytes.length;
    asm.addFixup(asm.cur.cur, at, { offset: 0, size: 0 as 4, value: tlsCall, pcrel: false, signed: false }, at, false);
  }
  placed?.();
  if (tlsCall) return undefined;
  const fenced = asm.gas.lfenceAfterLoad === true && lfenceAfterLoad(asm.mode, mnemonic, operands);
  if (fenced) asm.emit([0x0f, 0xae, 0xe8]);

  if (enc.relax === 'near' || asm.lateSyms.size !== lates || gated || checked || fenced) return undefined;
  let sym: string | undefined;
  for (let i = body.mn + 1; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'ident') {
      if (sym !== undefined || t.value === '.') return undefined;
      sym = t.value;
    } else if (t.type === 'string') return undefined; // a quoted symbol name: not tracked here
    else if (t.type === 'num') {
      if (isLocalLabelRef(t.value)) return undefined;
    } else if (t.type === 'reg' && endsInIz(t.value)) return undefined; // %eiz/%riz: valid only while .allow_index_reg holds
  }
  if (sym !== undefined && asm.symbols.get(sym)?.def?.kind === 'equ') return undefined;
  // (One object shape, `near` or not: the line and shape caches read these where V8 optimized for one.)
  return { enc, near, direct, sym, memSym };
}
