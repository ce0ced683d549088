// Where instructions start and which source line each belongs to, for the DWARF line table
// (src/output/dwarf-line.ts). Two modes, as in GNU as:
// - assembly source (-g / --gdwarf-N): every instruction, at its own source line (only when
//   asked for: an ordinary assembly records nothing);
// - compiler directives (`.file N "name"`, `.loc FILE LINE ...`, what `gcc -g -S` writes): the
//   instruction after each `.loc` gets that location. The first `.file N` switches to this mode
//   and drops what the other recorded (GNU's purge_generated_debug), whatever the command line.
// Which instruction gets a row is decided as it is placed, as GNU's dwarf2_where does. The
// sections that got a row (GNU's all_segs, in order of their first) outlive the purge: each still
// gets its compile-unit range and its place among the sequences, with no rows.
// Kept as parallel arrays, like the listing.

import { DwarfFiles, dwarfSections } from './dwarf-files.js';
import { AsmError, type SrcLoc } from './errors.js';
import type { FileDirectiveOut, LineOut, LocLinesOut, LocRowOut } from './result.js';
import type { Frag, Mark, Section } from './sections.js';

/** A `.loc`'s row before it has an address. */
type Loc = Omit<LocRowOut, 'section' | 'offset'>;

export class LineMarks {
  enabled = false;
  private sec: Section[] = [];
  private frag: Frag[] = [];
  private off: number[] = [];
  private line: number[] = [];
  private file: string[] = [];
  /** The last row's line and file (one for the whole run, across sections). */
  private lastLine = -1;
  private lastFile?: string;
  /** Sections with line entries, in order of their first (GNU's all_segs); kept through a purge. */
  private readonly segs: Section[] = [];
  /** A `.loc` was read (GNU's dwarf2_any_loc_directive_seen). */
  private anyLoc = false;
  /** The DWARF level: --gdwarf-N's, raised to 5 by `.file 0` (set by the driver). */
  level = 0;

  /** Compiler-directive mode: set by the first `.file N`. */
  locMode = false;
  /** The `.file N` table as GNU numbers it (build directory unknown here), for its checks. */
  private readonly table = new DwarfFiles();
  /** The `.file N` directives taken, in order (the output numbers directories in this order). */
  private readonly fileDirs: FileDirectiveOut[] = [];
  private readonly locRows: { loc: Loc; sec: Section; at: Mark }[] = [];
  private pending?: Loc;
  /** The column, is_stmt and isa stay as the last `.loc` set them (in any section). */
  private isStmt = true;
  private isa = 0;
  private column = 0;

  /** Reports a warning at a source position (set by the driver). */
  warn: (message: string, where: SrcLoc) => void = () => {};
  /** Defines a `.loc ... view SYM` symbol as its view number (set by the driver). */
  defineView: (name: string, value: number) => void = () => {};
  /** Per section: the last row's position and view number. */
  private readonly lastRow = new Map<Section, { at: Mark; view: number }>();
  /** `.loc`'s `view` operand for the pending row: a symbol to define, or '-0' (reset). */
  private pendingView?: string;

  /** An instruction placed at (frag, off) of sec (its start). */
  add(loc: SrcLoc, sec: Section, frag: Frag, off: number): void {
    if (this.locMode) {
      if (this.pending) this.row(sec, { frag, off }, loc);
      return;
    }
    if (!this.enabled) return;
    // No row for an instruction on the same line of the same file as the one before it (GNU
    // keeps one "last line" for the whole run, across sections) ...
    const at = lineOf(loc);
    if (at.line <= 0 || (at.line === this.lastLine && at.file === this.lastFile)) return;
    this.lastLine = at.line;
    this.lastFile = at.file;
    // ... nor for one in a section that is not allocated, loaded code (binutils PR 26850), though
    // it still counts as the last line.
    if (!isCode(sec)) return;
    this.seg(sec);
    this.line.push(at.line);
    this.file.push(at.file);
    this.sec.push(sec);
    this.frag.push(frag);
    this.off.push(off);
  }

  private seg(sec: Section): void {
    if (!this.segs.includes(sec)) this.segs.push(sec);
  }

  /**
   * `.file N ["dir"] "name" [md5 VALUE]`, read in GNU's order: `.file 0` raises the DWARF level
   * to 5 first; a directory string and an MD5 are read only at level 5 (below it GNU finds junk
   * at them).
   */
  fileDirective(rest: string, where: SrcLoc): void {
    const m = /^\s*(-?\d+)\s*(.*)$/.exec(rest)!;
    const num = Number(m[1]);
    if (num < 0) throw new AsmError(where, 'file number less than one');
    if (num === 0) this.level = Math.max(this.level, 5);
    let tail = m[2];
    const str = (): string | undefined => {
      const q = /^"((?:[^"\\]|\\.)*)"\s*/.exec(tail);
      if (!q) return undefined;
      tail = tail.slice(q[0].length);
      return q[1].replace(/\\(.)/g, '$1');
    };
    const first = str();
    if (first === undefined) throw new AsmError(where, 'missing string');
    const junk = (): AsmError => new AsmError(where, `junk at end of line, first unrecognized character is \`${tail.trim()[0]}'`);
    let dir: string | undefined;
    let name = first;
    if (tail.startsWith('"')) {
      if (this.level < 5) { this.take(num, undefined, name, undefined); throw junk(); }
      dir = first;
      name = str() ?? '';
    }
    let md5: bigint | undefined;
    if (/^md5\b/.test(tail)) {
      if (this.level < 5) { this.take(num, dir, name, undefined); throw junk(); }
      // A big number (GNU's O_big: 2^64 and up), its low 128 bits kept.
      const h = /^md5\s+(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]+|[1-9]\d*)\s*$/.exec(tail);
      const value = h ? BigInt(/^0[0-7]/.test(h[1]) ? `0o${h[1].slice(1)}` : h[1]) : 0n;
      if (value < 2n ** 64n) throw new AsmError(where, 'md5 value too small or not a constant');
      md5 = BigInt.asUintN(128, value);
      tail = '';
    }
    // Junk is reported after the slot is taken (GNU checks the rest of the line last).
    const bad = this.take(num, dir, name, md5);
    if (tail.trim() !== '') throw junk();
    if (bad) throw new AsmError(where, bad);
  }

  private take(num: number, dir: string | undefined, name: string, md5: bigint | undefined): string | undefined {
    const bad = this.table.assign(num, dir, name, md5);
    if (bad) return bad;
    this.fileDirs.push({ num, name, ...(dir !== undefined ? { dir } : {}), ...(md5 !== undefined ? { md5 } : {}) });
    if (!this.locMode) {
      this.locMode = true;
      this.line = []; this.file = []; this.sec = []; this.frag = []; this.off = [];
    }
    return undefined;
  }

  /** `.loc FILE LINE [COLUMN] [options]` at the current position `at` of `sec`. */
  locDirective(rest: string, where: SrcLoc, sec: Section, at: Mark): void {
    this.anyLoc = true;
    const w = rest.trim().split(/\s+/);
    const file = Number(w[0]);
    const line = Number(w[1]);
    if (!/^\d+$/.test(w[0] ?? '') || !/^\d+$/.test(w[1] ?? '')) throw new AsmError(where, 'bad file or line number in .loc');
    if (!this.table.files[file] && !(file === 0 && this.table.files[1])) throw new AsmError(where, `unassigned file number ${file}`);
    let k = 2;
    let view: string | undefined;
    const column = /^\d+$/.test(w[k] ?? '') ? (this.column = Number(w[k++])) : this.column;
    const loc: { -readonly [K in keyof Loc]: Loc[K] } = { file, line, column, isStmt: this.isStmt, isa: this.isa, discriminator: 0, basicBlock: false, prologueEnd: false, epilogueBegin: false };
    for (; k < w.length; k++) {
      const o = w[k];
      if (o === 'basic_block') loc.basicBlock = true;
      else if (o === 'prologue_end') loc.prologueEnd = true;
      else if (o === 'epilogue_begin') loc.epilogueBegin = true;
      else if (o === 'is_stmt') loc.isStmt = this.isStmt = w[++k] !== '0';
      else if (o === 'isa') loc.isa = this.isa = Number(w[++k]);
      else if (o === 'discriminator') loc.discriminator = Number(w[++k]);
      else if (o === 'view') view = w[++k];
      else if (o !== '') throw new AsmError(where, `unknown .loc sub-directive \`${o}'`);
    }
    // Two `.loc`s with no instruction between: the first one's row is at this position.
    if (this.pending) this.row(sec, at, where);
    this.pending = loc;
    this.pendingView = view;
  }

  /**
   * The pending `.loc`'s row at `at`. Its view number (GNU's set_or_check_view) is 0 where the
   * address moved on from the section's previous row, else one more than that row's; `view -0`
   * resets it. x86lab takes "moved on" as "not the same fragment and offset".
   */
  private row(sec: Section, at: Mark, where: SrcLoc): void {
    // Not in a section that is not allocated, loaded code (binutils PR 26850): dropped, with
    // GNU's warning at the instruction.
    if (!isCode(sec)) {
      this.warn(`dwarf line number information for ${sec.name} ignored`, where);
      this.pending = undefined;
      this.pendingView = undefined;
      return;
    }
    const prev = this.lastRow.get(sec);
    const same = prev !== undefined && prev.at.frag === at.frag && prev.at.off === at.off;
    const view = this.pendingView === '-0' || !same ? 0 : prev.view + 1;
    if (this.pendingView !== undefined && this.pendingView !== '-0' && !/^\d+$/.test(this.pendingView)) this.defineView(this.pendingView, view);
    this.lastRow.set(sec, { at, view });
    this.seg(sec);
    this.locRows.push({ loc: this.pending!, sec, at });
    this.pending = undefined;
    this.pendingView = undefined;
  }

  /** After layout: one record per instruction, in source order (assembly-source mode). */
  resolve(): LineOut[] {
    const out: LineOut[] = [];
    for (let i = 0; i < this.line.length; i++) {
      out.push({ section: this.sec[i].name, offset: this.frag[i].addr + this.off[i], file: this.file[i], line: this.line[i] });
    }
    return out;
  }

  /**
   * GNU's complaints at the end (dwarf2_finish), given the sections: a line program it cannot
   * write beside a non-empty `.debug_line` of the source's own once a `.loc` was read and some
   * section has line entries (fatal); a file table with a hole below its last `.file N`.
   */
  endChecks(sections: readonly { readonly name: string; readonly size: number }[]): { message: string; fatal: boolean }[] {
    const own = (name: string): boolean => sections.some((s) => s.name === name && s.size > 0);
    if (this.anyLoc && this.segs.length > 0 && own('.debug_line')) return [{ message: 'duplicate .debug_line sections', fatal: true }];
    if (!this.locMode || !dwarfSections(this.segs.length > 0, own('.debug_info'), own('.debug_line')).line) return [];
    const files = this.table.files;
    for (let i = 1; i < files.length; i++) if (!files[i]) return [{ message: `unassigned file number ${i}`, fatal: false }];
    return [];
  }

  /** After layout, in compiler-directive mode: the files and the rows of the `.loc`s. */
  resolveLoc(): LocLinesOut | undefined {
    if (!this.locMode) return undefined;
    return {
      files: this.fileDirs,
      segs: this.segs.map((s) => s.name),
      rows: this.locRows.map((r) => ({ ...r.loc, section: r.sec.name, offset: r.at.frag.addr + r.at.off })),
    };
  }
}

function isCode(s: Section): boolean {
  return s.flags.includes('a') && s.flags.includes('x') && s.type !== 'nobits';
}

/**
 * The line GNU as gives an instruction: inside a macro expansion (at any depth) the line of the
 * outermost macro invocation, since a macro body does not advance the logical line; inside a
 * .rept/.irp body alone, the body line itself.
 */
export function lineOf(loc: SrcLoc): SrcLoc {
  let m: SrcLoc | undefined;
  for (let v = loc.via; v; v = v.via) if (!v.silent) m = v;
  return m ?? loc;
}
