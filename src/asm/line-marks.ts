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

import { AsmError, type SrcLoc } from './errors.js';
import type { LineOut, LocLinesOut, LocRowOut } from './result.js';
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
  /** `.file N`: index N. */
  private readonly files: ({ dir?: string; name: string; md5?: bigint } | undefined)[] = [];
  private readonly locRows: { loc: Loc; sec: Section; at: Mark }[] = [];
  private pending?: Loc;
  /** is_stmt and isa stay as the last `.loc` set them. */
  private isStmt = true;
  private isa = 0;

  /** Defines a `.loc ... view SYM` symbol as its view number (set by the driver). */
  defineView: (name: string, value: number) => void = () => {};
  /** Per section: the last row's position and view number. */
  private readonly lastRow = new Map<Section, { at: Mark; view: number }>();
  /** `.loc`'s `view` operand for the pending row: a symbol to define, or '-0' (reset). */
  private pendingView?: string;

  /** An instruction about to be placed at (frag, off) of sec. */
  add(loc: SrcLoc, sec: Section, frag: Frag, off: number): void {
    if (this.locMode) {
      if (this.pending) this.row(sec, { frag, off });
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
   * `.file N ["dir"] "name" [md5 VALUE]`. `.file 0` raises the DWARF level to 5; an MD5 is read
   * only at level 5 (below it GNU finds junk at `md5`).
   */
  fileDirective(rest: string, where: SrcLoc): void {
    const m = /^\s*(\d+)\s+((?:"(?:[^"\\]|\\.)*"\s*){1,2})(.*)$/.exec(rest);
    if (!m) throw new AsmError(where, 'file number less than one');
    const strs = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1].replace(/\\(.)/g, '$1'));
    const n = Number(m[1]);
    if (n === 0) this.level = Math.max(this.level, 5);
    let md5: bigint | undefined;
    const tail = m[3].trim();
    if (tail !== '') {
      const h = /^md5\s+(0[xX][0-9a-fA-F]+|\d+)$/.exec(tail);
      if (this.level < 5 || !h) throw new AsmError(where, `junk at end of line, first unrecognized character is \`${tail[0]}'`);
      md5 = BigInt.asUintN(128, BigInt(h[1]));
    }
    this.files[n] = { ...(strs.length === 2 ? { dir: strs[0], name: strs[1] } : { name: strs[0] }), ...(md5 !== undefined ? { md5 } : {}) };
    if (!this.locMode) {
      this.locMode = true;
      this.line = []; this.file = []; this.sec = []; this.frag = []; this.off = [];
    }
  }

  /** `.loc FILE LINE [COLUMN] [options]` at the current position `at` of `sec`. */
  locDirective(rest: string, where: SrcLoc, sec: Section, at: Mark): void {
    this.anyLoc = true;
    const w = rest.trim().split(/\s+/);
    const file = Number(w[0]);
    const line = Number(w[1]);
    if (!/^\d+$/.test(w[0] ?? '') || !/^\d+$/.test(w[1] ?? '')) throw new AsmError(where, 'bad file or line number in .loc');
    if (!this.files[file] && !(file === 0 && this.files[1])) throw new AsmError(where, `unassigned file number ${file}`);
    let k = 2;
    let view: string | undefined;
    const column = /^\d+$/.test(w[k] ?? '') ? Number(w[k++]) : 0;
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
    if (this.pending) this.row(sec, at);
    this.pending = loc;
    this.pendingView = view;
  }

  /**
   * The pending `.loc`'s row at `at`. Its view number (GNU's set_or_check_view) is 0 where the
   * address moved on from the section's previous row, else one more than that row's; `view -0`
   * resets it. x86lab takes "moved on" as "not the same fragment and offset".
   */
  private row(sec: Section, at: Mark): void {
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
   * GNU's refusal at the end (dwarf2_finish): it cannot write a line program beside a non-empty
   * `.debug_line` of the source's own once a `.loc` was read and some section has line entries.
   */
  duplicateLineSection(sections: readonly { readonly name: string; readonly size: number }[]): string | undefined {
    if (!this.anyLoc || this.segs.length === 0) return undefined;
    return sections.some((s) => s.name === '.debug_line' && s.size > 0) ? 'duplicate .debug_line sections' : undefined;
  }

  /** After layout, in compiler-directive mode: the files and the rows of the `.loc`s. */
  resolveLoc(): LocLinesOut | undefined {
    if (!this.locMode) return undefined;
    return {
      files: this.files.map((f) => f ?? null),
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
