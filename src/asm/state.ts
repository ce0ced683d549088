// The assembler's mutable state for one run: sections, the section stack, symbols, pending
// fixups, listing marks and diagnostics. Directives and instructions act on it; nothing here
// is module-global, so two assemblies never share state.

import type { BundleState } from './bundle.js';
import { initialSyntax, type SyntaxState } from './intel/state.js';
import type { Fixup } from '../encode/types.js';
import type { Mode } from '../isa/types.js';
import { AsmError, type Diagnostic, type SrcLoc } from './errors.js';
import { foldDiff, type EvalCtx } from './expr.js';
import {
  createSection, defaultAttrs, emitBytes, here, reserve,
  type Frag, type PendingFixup, type Section, type BranchFrag,
} from './sections.js';
import type { BinaryFile, ReadFailure } from './files.js';
import { SymbolTable, displayName, type Sym, type Val } from './symbols.js';
import { noteEquate } from './alias-attrs.js';
import type { LateExpr } from './late.js';
import type { InsnReplay } from './insn.js';
import { CfiState } from './cfi.js';
import { LineMarks } from './line-marks.js';
import { ElfDirState } from './elf-directives.js';
import type { OperandCheck } from './operand-check.js';
import { ArchContext, initialArch } from './arch.js';
import type { GasOptions } from './gas-options.js';
import type { InsnEnds } from './lfence.js';
import type { AlignBranchState } from './align-branch.js';
import { enterSubsection, subsectionOf } from './subsections.js';
import type { UsedBitsState } from './used-note.js';
import { lineHash } from './line-hash.js';

/**
 * Statements that emitted bytes, as parallel arrays (one entry per statement, no object per line:
 * a 200,000-line file would otherwise keep 200,000 small objects alive to the end).
 * Entry i runs from (startFrag[i], startOff[i]) to (endFrag[i], endOff[i]) in sec[i].
 */
export class Listing {
  /** Off when the caller will not read the listing (`-f bin`): add() then records nothing. */
  enabled = true;
  readonly loc: SrcLoc[] = [];
  readonly sec: Section[] = [];
  readonly startFrag: Frag[] = [];
  readonly startOff: number[] = [];
  readonly endFrag: Frag[] = [];
  readonly endOff: number[] = [];
  /** `-alm`: every line pulled, expansion lines with their text and depth (0 = a line of a file);
   *  `at` is the number of statements recorded before it (its bytes are the records up to the next pull). */
  trace = false;
  readonly pulls: { readonly loc: SrcLoc; readonly text: string; readonly depth: number; readonly at: number; readonly sec: string; skipped?: boolean }[] = [];
  pulled(loc: SrcLoc, text: string, depth: number, sec: string): void {
    if (this.trace) this.pulls.push({ loc, text, depth, at: this.loc.length, sec });
  }
  /** The last line pulled was skipped (a false conditional). */
  skipped(loc: SrcLoc): void {
    const p = this.pulls[this.pulls.length - 1];
    if (p && p.loc === loc) p.skipped = true;
  }
  add(loc: SrcLoc, sec: Section, sf: Frag, so: number, ef: Frag, eo: number): void {
    if (!this.enabled) return;
    this.loc.push(loc);
    this.sec.push(sec);
    this.startFrag.push(sf);
    this.startOff.push(so);
    this.endFrag.push(ef);
    this.endOff.push(eo);
  }
}

export interface BranchInfo {
  readonly sec: Section;
  readonly frag: BranchFrag;
  /** The relaxable target (from the short form's 1-byte pc-relative fixup). */
  readonly target: Val;
  readonly mode: Mode;
  /** Decided at the end of assembly: target in this section and not preemptible. */
  relaxable?: boolean;
  /** The target was `sym - abs` with abs equated later, folded to `sym + constant` (an expression symbol to GNU). */
  viaExpr?: boolean;
}

export class Assembly {
  mode: Mode;
  readonly symbols = new SymbolTable();
  /** Symbols equated to registers (`.set src, %esi`): name -> register; see regvalues.ts. */
  readonly regSyms = new Map<string, string>();
  readonly sections: Section[] = [];
  private readonly byName = new Map<string, Section>();
  cur: Section;
  prev: Section;
  /** The subsection `.previous` returns to. */
  prevSub = 0;
  readonly stack: { cur: Section; prev: Section; sub?: number; prevSub?: number }[] = [];
  readonly fixups: PendingFixup[] = [];
  readonly branches: BranchInfo[] = [];
  readonly listing = new Listing();
  /** Instruction starts and lines, for --gdwarf-N (off unless asked for). */
  readonly lineMarks = new LineMarks();
  readonly diagnostics: Diagnostic[] = [];
  errorCount = 0;
  /** Reads a binary file for `.incbin`, searching like `.include` (set by the driver). */
  readBinary: (name: string) => BinaryFile | ReadFailure | undefined = () => undefined;
  /** Location of the statement being assembled. */
  loc: SrcLoc = { file: '', line: 0 };
  /** AT&T or Intel syntax, registers with or without `%` (intel/syntax.ts). */
  syntax: SyntaxState = initialSyntax(false, false);

  /** `.file "name"`: the object's STT_FILE symbol. */
  fileSymbol?: string;
  /** Call frame information from `.cfi_*` directives, for .eh_frame. */
  readonly cfi = new CfiState();
  /** `.reloc`, `.symver`, `.weakref`: applied to the object's symbols and relocations at the end. */
  readonly elfDirs = new ElfDirState();
  /** GNU as's machine options (gas-options.ts; assemble() sets them). */
  gas: GasOptions = {};
  /** `.allow_index_reg`: %eiz/%riz may be written as an index (GNU rejects them otherwise). */
  allowIndexReg = false;
  /** `.operand_check` in force (operand-check.ts); undefined: the -moperand-check option's. */
  operandCheck?: OperandCheck;
  /** Where each section's last instruction ended, kept only for -mlfence-* (lfence.ts). */
  insnEnds?: InsnEnds;
  /** -malign-branch-*: the cmp that may fuse with the next jcc (align-branch.ts). */
  alignBranchState?: AlignBranchState;
  /** .bundle_align_mode and the open .bundle_lock (bundle.ts). */
  bundleState?: BundleState;
  /** `.code16gcc` in force (with mode 16): stack operations are 32-bit (code16gcc.ts). */
  code16gcc = false;
  /** -mmnemonic=intel / `.intel_mnemonic` in AT&T syntax: no SysV x87 quirk (intel-mnemonic.ts). */
  intelMnemonic?: boolean;
  /** -mx86-used-note=yes: the ISA and feature bits used so far (used-note.ts). */
  usedBits?: UsedBitsState;
  /** -march/-mtune/.arch: the CPU assembled for (assemble() sets it from the options). */
  arch: ArchContext;

  /** The object's class (ELF64 or ELF32): decides RELA vs REL and relocation names, whatever .code says. */
  readonly objMode: 32 | 64;

  constructor(mode: 32 | 64, readonly file: string) {
    this.mode = mode;
    this.objMode = mode;
    this.arch = new ArchContext(mode, initialArch(mode));
    const text = this.section('.text');
    this.section('.data');
    this.section('.bss');
    this.cur = text;
    this.prev = text;
  }

  /** Whether a section of this name exists (a map lookup: 20,000 sections must stay linear). */
  hasSection(name: string): boolean {
    return this.byName.has(name);
  }

  /** Finds or creates a section (GNU creates .text, .data, .bss up front, in that order). */
  section(name: string, flags?: string, type?: string): Section {
    let s = this.byName.get(name);
    if (!s) {
      const d = defaultAttrs(name);
      s = createSection(name, this.sections.length, flags ?? d.flags, type ?? d.type, this.symbols.nextSeq());
      this.sections.push(s);
      this.byName.set(name, s);
    }
    return s;
  }

  /** Every section change, even to the current section, makes it `.previous` (as GNU does);
   *  the section is then filled in subsection `sub` (0 unless `.text N` and the like say). */
  switchTo(s: Section, sub = 0): void {
    this.prev = this.cur;
    this.prevSub = subsectionOf(this.cur);
    this.cur = s;
    enterSubsection(s, sub);
  }

  /** `.previous`: back to the previous section and subsection, and the current one becomes previous. */
  previous(): void {
    const c = this.cur, cs = subsectionOf(this.cur);
    this.cur = this.prev;
    enterSubsection(this.cur, this.prevSub);
    this.prev = c;
    this.prevSub = cs;
  }

  error(message: string, loc: SrcLoc = this.loc): void {
    this.diagnostics.push({ severity: 'error', loc, message });
    this.errorCount++;
  }

  warn(message: string, loc: SrcLoc = this.loc): void {
    this.diagnostics.push({ severity: 'warning', loc, message });
  }

  /** Expression context; one object per assembly, reading the current statement's location. */
  private readonly evalCtx: EvalCtx = (() => {
    const self = this;
    return {
      symbols: this.symbols,
      dot: () => self.symbols.temp(self.cur, here(self.cur)),
      get loc() { return self.loc; },
      warn: (m: string) => self.warn(m),
    };
  })();

  ctx(): EvalCtx {
    return this.evalCtx;
  }

  /** Defines a label at the current location (`foo:`), with GNU's redefinition rules. */
  defineLabel(sym: Sym): void {
    const d = sym.def;
    if (d) {
      // GNU accepts a second definition at exactly the same place (`x: x:`).
      const m = here(this.cur);
      if (d.kind === 'label' && d.sec === this.cur && foldDiff(sym, this.symbols.temp(this.cur, m)) === 0n) return;
      if (!(d.kind === 'equ' && sym.settable)) throw new AsmError(this.loc, `symbol \`${displayName(sym.name)}' is already defined`);
    }
    this.regSyms.delete(sym.name);
    sym.def = { kind: 'label', sec: this.cur, mark: here(this.cur) };
    sym.settable = false;
    sym.loc = this.loc;
  }

  /** `.set`/`=`/`.equ` (redefinable) and `.equiv`/`.eqv` (not). */
  defineEqu(sym: Sym, value: Val, how: 'set' | 'equiv'): void {
    if (sym.def && (sym.def.kind === 'label' || sym.equiv || (how === 'equiv'))) {
      throw new AsmError(this.loc, `symbol \`${displayName(sym.name)}' is already defined`);
    }
    if (value.sym === sym) throw new AsmError(this.loc, `symbol definition loop encountered at \`${displayName(sym.name)}'`);
    this.regSyms.delete(sym.name);
    sym.def = { kind: 'equ', value };
    noteEquate(sym, value);
    if (sym.listLoc === undefined) sym.listLoc = sym.born === this.symbols.epoch ? this.loc : null;
    sym.settable = how === 'set';
    sym.equiv = how === 'equiv';
    sym.loc = this.loc;
  }

  emit(bytes: ArrayLike<number>): void {
    emitBytes(this.cur, bytes);
  }

  /** Emits an n-byte little-endian field for `value`, with a fixup if it is not yet absolute. */
  emitValue(value: Val, size: 1 | 2 | 4 | 8, signedField = false): void {
    const sec = this.cur;
    const pos = reserve(sec, size);
    if (value.sym === undefined && value.minus === undefined) {
      writeLE(sec.buf, pos, size, value.add);
      return;
    }
    sec.buf.fill(0, pos, pos + size);
    const off = pos - sec.cur.start;
    this.addFixup(sec.cur, off, gotpc({ offset: 0, size, value: toEncValue(value), pcrel: false, signed: signedField }), off + size, false);
  }

  /** An n-byte field whose value is an expression known only after layout. */
  emitLate(late: LateExpr, size: 1 | 2 | 4 | 8): void {
    const sec = this.cur;
    const pos = reserve(sec, size);
    sec.buf.fill(0, pos, pos + size);
    const off = pos - sec.cur.start;
    this.fixups.push({
      sec, frag: sec.cur, off, fixup: { offset: 0, size, value: { addend: 0n, sym: undefined, minus: undefined, spec: undefined, bareEquate: undefined }, pcrel: false, signed: false },
      pcOff: off + size, branch: false, loc: this.loc, mode: this.mode, late,
    });
  }

  addFixup(frag: Frag, off: number, fixup: Fixup, pcOff: number, branch: boolean, disp = false): void {
    // (One object shape whether or not `seq` is set: no spread of a temporary object per fixup.)
    this.fixups.push(new FixupRecord(this.cur, frag, off, fixup, pcOff, branch, this.loc, this.mode, disp ? this.symbols.nextSeq() : undefined));
  }

  /**
   * Remembered lines: a plain instruction as a number (its bytes' offset in the arena x 16 + their
   * length, at most 15), anything else as its CachedLine. A number per line rather than an object
   * keeps tens of thousands of small long-lived objects out of the heap on a large file, which
   * every young-generation collection would otherwise copy (bench/asm.bench.mjs's input remembers
   * 50,000 plain lines).
   */
  private readonly lineCache = new LineTable();
  private lineCacheMode: Mode = 0 as Mode;
  /** What recall() returns for a plain line: one object, filled in per call. */
  private readonly plainLine = new CachedEntry(0, 0, undefined, NO_WARNINGS);
  /**
   * Bytes of the remembered plain instructions, back to back. Keeping them here rather than the
   * encoder's result (an object, a Uint8Array and its buffer per line) keeps tens of megabytes of
   * small long-lived objects out of the heap on a large file, which the garbage collector would copy.
   */
  // (Empty until the first remembered line: allocated by the growth below, which then runs before
  // any optimized code loads the field, rather than mid-run, which deoptimized the code reading it.
  // It starts small and doubles, so that the growth runs several times while remember() is still
  // collecting type feedback: one growth only, from V8's first calls, which collect none, left it
  // to the second, 64 KB on, to throw away remember()'s optimized code.)
  private arena = new Uint8Array(0);
  private arenaUsed = 0;

  /**
   * Whether a line's bytes may be replayed from an earlier line's (the line cache here, the shape
   * cache in shape-cache.ts): not before the 386, in bundle mode, under `.code16gcc` or Intel mnemonics,
   * where the same text assembles differently.
   */
  replayable(): boolean {
    return !(this.arch.cur.pre386 || this.bundleState || this.code16gcc || (this.intelMnemonic ?? this.gas.intelMnemonic));
  }

  /** What an instruction line whose bytes depend only on its text did (see insn.ts), for this mode.
   *  The object returned for a plain line is reused: read it before the next call. */
  recall(text: string, hash = 0): CachedLine | undefined {
    // With lfence hardening a line's bytes depend on what came before it (lfence.ts); before the
    // 386 a conditional jump's long form is another one (jumps386.ts); in bundle mode each one
    // takes a padding point (bundle.ts).
    if (this.insnEnds || !this.replayable() || this.lineCacheMode !== this.mode) return undefined;
    const v = this.lineCache.get(text, hash || lineHash(text, 0, text.length));
    if (typeof v !== 'number') return v;
    const p = this.plainLine;
    p.off = v >>> 4;
    p.len = v & 15;
    return p;
  }

  remember(text: string, insn: InsnReplay, warnings: readonly string[], hash = 0): void {
    if (!this.replayable()) return;
    if (this.lineCacheMode !== this.mode) {
      this.lineCache.clear();
      this.lineCacheMode = this.mode;
    }
    if (this.lineCache.size >= 65536) return;
    const w = warnings.length ? warnings : NO_WARNINGS;
    const h = hash || lineHash(text, 0, text.length);
    if (insn.near || insn.enc.fixups.length || insn.sym !== undefined) {
      this.lineCache.set(text, h, new CachedEntry(0, 0, insn, w));
      return;
    }
    const b = insn.enc.bytes;
    if (this.arenaUsed + b.length > this.arena.length) {
      const nb = new Uint8Array(Math.max(this.arena.length * 2, 256));
      nb.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = nb;
    }
    this.arena.set(b, this.arenaUsed);
    this.lineCache.set(text, h, w === NO_WARNINGS && b.length <= 15 && this.arenaUsed < 1 << 26 ? this.arenaUsed * 16 + b.length : new CachedEntry(this.arenaUsed, b.length, undefined, w));
    this.arenaUsed += b.length;
  }

  /** Emits a remembered plain instruction's bytes. */
  emitRemembered(line: CachedLine): void {
    const sec = this.cur;
    const pos = reserve(sec, line.len);
    const buf = sec.buf;
    const arena = this.arena;
    for (let i = 0; i < line.len; i++) buf[pos + i] = arena[line.off + i];
  }

  /** Placeholder symbols standing for operand expressions evaluated after layout. */
  readonly lateSyms = new Map<string, LateExpr>();

  lateSymbol(late: LateExpr): string {
    const name = `.L.late\x01${this.lateSyms.size}`;
    this.lateSyms.set(name, late);
    return name;
  }

  /** Maps a symbol name the encoder hands back in a fixup to the symbol. */
  symByName(name: string): Sym {
    return this.symbols.ref(name);
  }
}

/** A fixup as an instruction leaves it. (A class, not a literal: docs/asm-cold-start.md, long-lived records.) */
class FixupRecord implements PendingFixup {
  constructor(
    readonly sec: Section, readonly frag: Frag, readonly off: number, readonly fixup: Fixup, readonly pcOff: number,
    readonly branch: boolean, readonly loc: SrcLoc, readonly mode: Mode, readonly seq: number | undefined,
  ) {}
}

/**
 * The line cache's table: open addressing over the lines' hashes (line-hash.ts), kept in typed
 * arrays, so that a probe reads no string and no object until a hash matches; the file splitter
 * has the hash of most lines already. (A Map keyed by the line strings hashed every sliced line
 * string again and followed its chains through the key objects.)
 */
class LineTable {
  /**
   * Per slot, STRIDE ints side by side (one cache line holds four slots, so a probe touches one line
   * where separate arrays of hashes, indices and values touched one each): the hash (0: empty), the
   * entry's index in keys/values, and a plain line's number (see recall) or -1 when the value is the
   * object in values.
   */
  private table = new Int32Array(1024 * STRIDE);
  private mask = 1023;
  private readonly keys: string[] = [];
  private readonly values: (CachedLine | undefined)[] = [];

  get size(): number {
    return this.keys.length;
  }

  get(text: string, hash: number): CachedLine | number | undefined {
    const t = this.table;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const o = i * STRIDE;
      const h = t[o];
      if (h === 0) return undefined;
      if (h === hash && this.keys[t[o + 1]] === text) {
        const v = t[o + 2];
        return v >= 0 ? v : this.values[t[o + 1]];
      }
    }
  }

  /** Adds or replaces `text`'s entry. */
  set(text: string, hash: number, value: CachedLine | number): void {
    const t = this.table;
    let o = (hash & this.mask) * STRIDE;
    for (; t[o] !== 0; o = (o + STRIDE) & (t.length - 1)) {
      if (t[o] === hash && this.keys[t[o + 1]] === text) break;
    }
    const fresh = t[o] === 0;
    const k = fresh ? this.keys.length : t[o + 1];
    const plain = typeof value === 'number';
    t[o] = hash;
    t[o + 1] = k;
    t[o + 2] = plain ? value : -1;
    const obj = plain ? undefined : value;
    if (!fresh) {
      this.values[k] = obj;
      return;
    }
    this.keys.push(text);
    this.values.push(obj);
    // At most half full: probes stay short.
    if (this.keys.length * 2 > this.mask + 1) this.grow();
  }

  clear(): void {
    this.table.fill(0);
    this.keys.length = 0;
    this.values.length = 0;
  }

  private grow(): void {
    const old = this.table;
    const t = new Int32Array(old.length * 2);
    const mask = t.length / STRIDE - 1;
    for (let j = 0; j < old.length; j += STRIDE) {
      const h = old[j];
      if (h === 0) continue;
      let i = h & mask;
      while (t[i * STRIDE] !== 0) i = (i + 1) & mask;
      // (Copied int by int: a subarray per slot was 6 MB of garbage on the 200k-line benchmark.)
      const o = i * STRIDE;
      for (let q = 0; q < STRIDE; q++) t[o + q] = old[j + q];
    }
    this.table = t;
    this.mask = mask;
  }
}
/** Ints per LineTable slot (a power of two). */
const STRIDE = 4;

/** A remembered instruction line and every warning the statement gave (replayed as well). */
export interface CachedLine {
  /** A plain instruction (no fixups, no branch, no symbol): its bytes in the cache's arena. */
  readonly off: number;
  readonly len: number;
  /** Anything else: what placeInsn needs to do it again. */
  readonly insn?: InsnReplay;
  readonly warnings: readonly string[];
}

export const NO_WARNINGS: readonly string[] = Object.freeze([]);

/** CachedLine's one shape: the reused plain-line answer and every remembered entry (one map for
 *  emitRemembered). (A class, not a literal: docs/asm-cold-start.md, long-lived records.) */
class CachedEntry implements CachedLine {
  constructor(public off: number, public len: number, readonly insn: InsnReplay | undefined, readonly warnings: readonly string[]) {}
}

/**
 * A field naming `_GLOBAL_OFFSET_TABLE_` itself is GOT-relative to the field (R_386_GOTPC,
 * R_X86_64_GOTPC32/64), and GNU adds the field's offset within its instruction to the addend so
 * the usual `call 1f; 1: pop %ebx; addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx` lands on the GOT.
 */
export function gotpc(f: Fixup): Fixup {
  const v = f.value;
  if (v.sym !== '_GLOBAL_OFFSET_TABLE_' || v.spec !== undefined || v.minus !== undefined || (f.size !== 4 && f.size !== 8)) return f;
  return { ...f, value: { ...v, spec: 'gotpc', addend: v.addend + (f.pcrel ? 0n : BigInt(f.offset)) } };
}

/** The encoder's view of a value: names instead of symbol objects. */
/**
 * With every field present, in the order insn.ts's operand values have: a fixup's `value` then has one
 * object shape whichever path made it, so the encoder's optimized code is not thrown away when the
 * first data directive after many instructions makes a fixup (docs/asm-cold-start.md).
 */
export function toEncValue(v: Val): { addend: bigint; sym?: string; minus?: string; spec?: string; bareEquate?: boolean } {
  return { addend: v.add, sym: v.sym?.name, minus: v.minus?.name, spec: v.spec || undefined, bareEquate: v.bareEquate ? true : undefined };
}

export function writeLE(b: Uint8Array, off: number, size: number, v: bigint): void {
  if (v === 0n) {
    // (Every RELA field: no BigInt arithmetic for it.)
    for (let i = 0; i < size; i++) b[off + i] = 0;
    return;
  }
  let x = BigInt.asUintN(size * 8, v);
  if (size <= 4) {
    let n = Number(x);
    for (let i = 0; i < size; i++) { b[off + i] = n & 0xff; n = Math.floor(n / 256); }
    return;
  }
  for (let i = 0; i < size; i++) { b[off + i] = Number(x & 0xffn); x >>= 8n; }
}
