// DWARF debug information for the assembly source itself, as GNU as 2.40 writes it under
// -g / --gdwarf-2..5 (what `gcc -g` passes for a .S file): a line table mapping each instruction
// to its source line (.debug_line, DWARF 5 section 6.2), one compile unit naming the file, the
// build directory and the producer (.debug_info/.debug_abbrev), the code ranges
// (.debug_aranges, and .debug_rnglists/.debug_ranges when code is in more than one section) and
// their strings (.debug_str, .debug_line_str). Every address and section offset is a relocation,
// against the section symbol (or a global function's own symbol), as GNU leaves them.
//
// GNU's choices reproduced here (measured against as 2.40):
// - one row per instruction, except that an instruction on the same line of the same file as the
//   one before it adds none (GNU keeps one "last line" for the whole run, across sections), nor
//   one in a section that is not allocated, loaded code;
// - each section with rows is one sequence, in the order of their first rows: DW_LNE_set_address,
//   then the shortest of special opcode, const_add_pc + special, advance_pc + special, with
//   DW_LNS_advance_line + DW_LNS_copy when the line step does not fit (line_base -5, range 14,
//   opcode_base 13), and DW_LNE_end_sequence at the section's end;
// - files and directories numbered as src/asm/dwarf-files.ts describes; DWARF 5 repeats file 1 as
//   file 0 unless `.file 0` gave it, and puts the build directory first among directories;
// - which sections at all (dwarf-files.ts dwarfSections): a section whose rows `.file N` dropped
//   keeps its range and its slot among the sequences, with no sequence written;
// - DW_TAG_subprogram for every function symbol with a non-zero size (DWARF 3 on with a
//   DW_TAG_unspecified_type as its type).

import { DwarfFiles, dwarfSections, type DwarfFile } from '../asm/dwarf-files.js';
import type { AssembleResult, LocLinesOut, RelocOut, SectionOut, SymbolOut } from '../asm/result.js';

export type DwarfVersion = 2 | 3 | 4 | 5;

export interface DwarfOptions {
  /** --gdwarf-N (`-g` alone is 2). */
  readonly version: DwarfVersion;
  /** DW_AT_comp_dir, and directory 0 in DWARF 5: the working directory as GNU's getpwd() gives it. */
  readonly compDir: string;
}

const PRODUCER = 'GNU AS 2.40';
const DW_LANG_Mips_Assembler = 0x8001;
// Line program parameters (gas: DWARF2_LINE_OPCODE_BASE, DWARF2_LINE_BASE, DWARF2_LINE_RANGE).
const OPCODE_BASE = 13;
const LINE_BASE = -5;
const LINE_RANGE = 14;
const MAX_SPECIAL_ADDR_DELTA = Math.floor((255 - OPCODE_BASE) / LINE_RANGE);
const DW_LNS_copy = 1, DW_LNS_advance_pc = 2, DW_LNS_advance_line = 3, DW_LNS_set_file = 4, DW_LNS_set_column = 5;
const DW_LNS_negate_stmt = 6, DW_LNS_set_basic_block = 7, DW_LNS_const_add_pc = 8, DW_LNS_set_prologue_end = 10;
const DW_LNS_set_epilogue_begin = 11, DW_LNS_set_isa = 12;
const DW_LNE_end_sequence = 1, DW_LNE_set_address = 2, DW_LNE_set_discriminator = 4;

/** A growing little-endian byte buffer with the relocations against it. */
class Buf {
  private b: number[] = [];
  readonly relocs: { offset: number; size: number; symbol: string; addend: bigint }[] = [];
  get length(): number { return this.b.length; }
  u8(v: number): void { this.b.push(v & 0xff); }
  u16(v: number): void { this.u8(v); this.u8(v >>> 8); }
  u32(v: number): void { this.u16(v & 0xffff); this.u16(v >>> 16); }
  uleb(v: number | bigint): void {
    let x = BigInt(v);
    do {
      let byte = Number(x & 0x7fn);
      x >>= 7n;
      if (x !== 0n) byte |= 0x80;
      this.u8(byte);
    } while (x !== 0n);
  }
  sleb(v: number): void {
    let x = BigInt(v);
    for (;;) {
      const byte = Number(x & 0x7fn);
      x >>= 7n;
      const done = (x === 0n && (byte & 0x40) === 0) || (x === -1n && (byte & 0x40) !== 0);
      this.u8(done ? byte : byte | 0x80);
      if (done) return;
    }
  }
  str(s: string): void { for (const c of Buffer.from(s, 'utf8')) this.u8(c); this.u8(0); }
  /** A field the linker fills: `size` bytes holding the addend (REL) or zero (RELA). */
  reloc(size: number, symbol: string, addend: bigint, rel: boolean): void {
    this.relocs.push({ offset: this.b.length, size, symbol, addend });
    const v = rel ? BigInt.asUintN(size * 8, addend) : 0n;
    for (let i = 0; i < size; i++) this.u8(Number((v >> BigInt(8 * i)) & 0xffn));
  }
  /** A placeholder u32 to patch once a length is known. */
  hole32(): number { const at = this.b.length; this.u32(0); return at; }
  patch32(at: number, v: number): void { for (let i = 0; i < 4; i++) this.b[at + i] = (v >>> (8 * i)) & 0xff; }
  bytes(): Uint8Array { return Uint8Array.from(this.b); }
}

/** A string section; `shared`: identical strings share one copy. */
class Strings {
  readonly buf = new Buf();
  private readonly at = new Map<string, number>();
  /** `base`: the bytes already in the section before these. */
  constructor(private readonly shared: boolean, private readonly base = 0) {}
  add(s: string): number {
    const known = this.shared ? this.at.get(s) : undefined;
    if (known !== undefined) return known;
    const off = this.base + this.buf.length;
    this.buf.str(s);
    this.at.set(s, off);
    return off;
  }
}

interface Row {
  readonly section: string;
  readonly offset: number;
  readonly file: number;
  readonly line: number;
  readonly column?: number;
  readonly isStmt?: boolean;
  readonly isa?: number;
  readonly discriminator?: number;
  readonly basicBlock?: boolean;
  readonly prologueEnd?: boolean;
  readonly epilogueBegin?: boolean;
}

type FileEntry = DwarfFile;

/** What the line program describes: directories, files (file 1 first), file 0 if given, rows. */
interface Table {
  readonly version: DwarfVersion;
  readonly dirs: readonly string[];
  readonly files: readonly FileEntry[];
  /** `.file 0` (DWARF 5 compiler output); without it file 0 repeats file 1. */
  readonly file0?: FileEntry;
  /** The sections with line entries (GNU's all_segs), in order of their first, rows or not. */
  readonly segs: readonly string[];
  readonly rows: readonly Row[];
}

/** Assembly-source mode: files numbered on first use (gas dwarf2_where); rows as recorded. */
function asmTable(r: AssembleResult, o: DwarfOptions): Table {
  const df = new DwarfFiles(o.compDir);
  const rows = (r.lines ?? []).map((l) => ({ section: l.section, offset: l.offset, file: df.number(l.file), line: l.line }));
  return { ...fileTable(df, o.version), segs: [...new Set(rows.map((x) => x.section))], rows };
}

/** Compiler-directive mode: the `.file N` table as written, a row per `.loc`. */
function locTable(loc: LocLinesOut, o: DwarfOptions | undefined, compDir: string): Table {
  // The directories are numbered again here, in the order of the directives, now that the build
  // directory is known (the assembler checked them with it unknown).
  const df = new DwarfFiles(compDir);
  for (const f of loc.files) df.assign(f.num, f.dir, f.name, f.md5);
  // `.file 0` makes it DWARF 5 whatever the command line said; no option at all is DWARF 3.
  const v: DwarfVersion = df.files[0] ? 5 : o?.version ?? 3;
  return { ...fileTable(df, v), segs: loc.segs, rows: loc.rows };
}

/** The directories and files as written: entry 0 of each only in DWARF 5 (unset: the build directory, file 1). */
function fileTable(df: DwarfFiles, v: DwarfVersion): Pick<Table, 'version' | 'dirs' | 'files' | 'file0'> {
  const dirs = [v >= 5 ? df.dirs[0] ?? df.buildDir : '', ...df.dirs.slice(1).map((d) => d ?? '')];
  const files = df.files.slice(1).map((f) => f ?? { name: '', dir: 0 });
  const file0 = df.files[0];
  return { version: v, dirs, files, ...(file0 ? { file0 } : {}) };
}

/**
 * The object with GNU's DWARF sections for its source lines added: from `.file N`/`.loc` when the
 * source has them (then `o` only picks the DWARF version), else, with `o`, from the instructions'
 * own lines; which sections as dwarfSections decides (the object unchanged when none).
 */
export function withDwarfLines(r: AssembleResult, o: DwarfOptions | undefined, compDir = o?.compDir ?? ''): AssembleResult {
  const t: Table = r.locLines ? locTable(r.locLines, o, compDir) : o ? asmTable(r, o) : { version: 3, dirs: [''], files: [], segs: [], rows: [] };
  const { version: v, dirs, files, rows } = t;
  const nonEmpty = (name: string): boolean => r.sections.some((s) => s.name === name && s.size > 0);
  const write = dwarfSections(t.segs.length > 0, nonEmpty('.debug_info'), nonEmpty('.debug_line'));
  if (!write.line && !write.unit) return r;
  const wide = r.mode === 64;
  const rel = !wide;
  const addrSize = wide ? 8 : 4;
  const addrType = wide ? 'R_X86_64_64' : 'R_386_32';
  const offType = wide ? 'R_X86_64_32' : 'R_386_32';
  const existing = new Map(r.sections.map((s) => [s.name, s]));

  const sizeOf = new Map(r.sections.map((s) => [s.name, s.size]));
  const seqs: { section: string; rows: Row[] }[] = t.segs.map((section) => ({ section, rows: [] }));
  for (const row of rows) seqs.find((x) => x.section === row.section)!.rows.push(row);

  // Compiler output brings its own .debug_line and .debug_line_str: GNU appends to them.
  const lineStr = new Strings(false, existing.get('.debug_line_str')?.size ?? 0);

  // ---- .debug_line ----
  const line = new Buf();
  const lenAt = line.hole32();
  line.u16(v >= 4 ? v : 3);
  if (v >= 5) { line.u8(addrSize); line.u8(0); }
  const hdrAt = line.hole32();
  const hdrStart = line.length;
  line.u8(1); // minimum_instruction_length
  if (v >= 4) line.u8(1); // maximum_operations_per_instruction
  line.u8(1); // default_is_stmt
  line.u8(LINE_BASE & 0xff);
  line.u8(LINE_RANGE);
  line.u8(OPCODE_BASE);
  for (const n of [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1]) line.u8(n);
  if (v >= 5) {
    line.u8(1); line.uleb(1); line.uleb(0x1f); // directories: DW_LNCT_path as DW_FORM_line_strp
    line.uleb(dirs.length);
    for (const d of dirs) line.reloc(4, '.debug_line_str', BigInt(lineStr.add(d)), rel);
    // File 0 repeats file 1, string and all, unless `.file 0` gave it; other names are written
    // again even when equal. An MD5 column (DW_FORM_data16), zero where a file has none, when
    // some file's MD5 has a non-zero low byte (GNU looks at that byte alone: measured).
    const all = [t.file0 ?? files[0], ...files].filter((f) => f !== undefined);
    const md5 = all.some((f) => ((f.md5 ?? 0n) & 0xffn) !== 0n);
    line.u8(md5 ? 3 : 2); line.uleb(1); line.uleb(0x1f); line.uleb(2); line.uleb(0x0f); // path, directory_index (udata)
    if (md5) { line.uleb(5); line.uleb(0x1e); } // DW_LNCT_MD5, DW_FORM_data16
    line.uleb(all.length);
    const off0 = t.file0 ? lineStr.add(t.file0.name) : undefined;
    const offs = files.map((f) => lineStr.add(f.name));
    all.forEach((f, k) => {
      line.reloc(4, '.debug_line_str', BigInt(k === 0 ? off0 ?? offs[0] : offs[k - 1]), rel);
      line.uleb(f.dir);
      if (md5) for (let i = 0n; i < 128n; i += 8n) line.u8(Number(((f.md5 ?? 0n) >> i) & 0xffn)); // least significant byte first
    });
  } else {
    for (const d of dirs.slice(1)) line.str(d);
    line.u8(0);
    for (const f of files) { line.str(f.name); line.uleb(f.dir); line.uleb(0); line.uleb(0); }
    line.u8(0);
  }
  line.patch32(hdrAt, line.length - hdrStart);
  for (const s of seqs) {
    // A section whose rows `.file N` dropped keeps its range but gets no sequence.
    if (s.rows.length === 0) continue;
    let file = 1;
    let ln = 1;
    let addr = 0;
    let column = 0;
    let isa = 0;
    let isStmt = true;
    s.rows.forEach((row, k) => {
      // The state changes before the row, in gas's order (process_entries).
      if (row.file !== file) { line.u8(DW_LNS_set_file); line.uleb(row.file); file = row.file; }
      if ((row.column ?? 0) !== column) { column = row.column ?? 0; line.u8(DW_LNS_set_column); line.uleb(column); }
      if (row.discriminator) { line.u8(0); line.uleb(1 + ulebSize(row.discriminator)); line.u8(DW_LNE_set_discriminator); line.uleb(row.discriminator); }
      if ((row.isa ?? 0) !== isa) { isa = row.isa ?? 0; line.u8(DW_LNS_set_isa); line.uleb(isa); }
      if ((row.isStmt ?? true) !== isStmt) { isStmt = !isStmt; line.u8(DW_LNS_negate_stmt); }
      if (row.basicBlock) line.u8(DW_LNS_set_basic_block);
      if (row.prologueEnd) line.u8(DW_LNS_set_prologue_end);
      if (row.epilogueBegin) line.u8(DW_LNS_set_epilogue_begin);
      if (k === 0) {
        line.u8(0); line.uleb(1 + addrSize); line.u8(DW_LNE_set_address);
        line.reloc(addrSize, s.section, BigInt(row.offset), rel);
        advance(line, row.line - ln, 0);
      } else advance(line, row.line - ln, row.offset - addr);
      ln = row.line;
      addr = row.offset;
    });
    endSequence(line, (sizeOf.get(s.section) ?? addr) - addr);
  }
  line.patch32(lenAt, line.length - 4);

  // Section order and section-symbol order are GNU's: line, line_str, info, abbrev, aranges, str,
  // ranges in the headers; info, abbrev, line, line_str, ranges, str among the symbols.
  const base = 2 ** 50; // after every symbol of the source (a seq keeps halves exact here)
  const symSeq: Record<string, number> = { '.debug_info': 0, '.debug_abbrev': 1, '.debug_line': 2, '.debug_line_str': 3, '.debug_rnglists': 4, '.debug_ranges': 4, '.debug_str': 5 };
  const out: OutSection[] = [
    ...(write.line ? [{ name: '.debug_line', buf: line, align: 1 }] : []),
    ...(v >= 5 && write.line ? [{ name: '.debug_line_str', buf: lineStr.buf, align: 1, strings: true }] : []),
    ...(write.unit ? compileUnit(r, t, seqs, { rel, addrSize, sizeOf, compDir }) : []),
  ];
  const sections: SectionOut[] = [...r.sections];
  const relocations: RelocOut[] = [...r.relocations];
  for (const s of out) {
    const mine = s.buf.bytes();
    const had = existing.get(s.name);
    const at = had ? had.size : 0;
    if (had) {
      // Appended to the section the source made, which keeps its place.
      const bytes = new Uint8Array(had.size + mine.length);
      bytes.set(had.bytes);
      bytes.set(mine, had.size);
      sections[sections.indexOf(had)] = { ...had, size: bytes.length, bytes };
    } else {
      sections.push({
        name: s.name, flags: s.strings ? 'MS' : '', type: 'progbits', align: s.align, size: mine.length, bytes: mine,
        ...(s.strings ? { entsize: 1 } : {}), seq: base + (symSeq[s.name] ?? 10),
      });
    }
    for (const x of s.buf.relocs) {
      relocations.push({ section: s.name, offset: at + x.offset, type: x.size === 8 ? addrType : offType, symbol: x.symbol, addend: x.addend, size: x.size, pcrel: false });
    }
  }
  return { ...r, sections, relocations, listing: r.listing };
}

interface OutSection { readonly name: string; readonly buf: Buf; readonly align: number; readonly strings?: boolean }

/**
 * The compile unit GNU writes when the source has no `.debug_info` of its own: .debug_info,
 * .debug_abbrev, .debug_aranges, .debug_str and, for code in more than one section, the ranges.
 */
function compileUnit(
  r: AssembleResult, t: Table, seqs: readonly { readonly section: string }[],
  g: { readonly rel: boolean; readonly addrSize: number; readonly sizeOf: ReadonlyMap<string, number>; readonly compDir: string },
): OutSection[] {
  const { version: v, dirs, files } = t;
  const { rel, addrSize, sizeOf, compDir } = g;
  const str = new Strings(false);
  // ---- .debug_info / .debug_abbrev ----
  const ranges = seqs.length > 1;
  const rangesName = v >= 5 ? '.debug_rnglists' : '.debug_ranges';
  const funcs = [...r.symbols]
    .filter((s) => s.type === 'function' && s.size !== undefined && s.size !== 0n && !['*UND*', '*ABS*', '*COM*'].includes(s.section))
    .sort((a, b) => (a.chainSeq ?? a.seq) - (b.chainSeq ?? b.seq));
  // GNU's S_IS_EXTERNAL: global only (a weak symbol is not).
  const globals = funcs.filter((f) => f.binding === 'global').length;
  const external = globals === 0 ? 'none' : globals === funcs.length ? 'all' : 'mixed';
  const flagSize = external === 'mixed' || (external === 'all' && v < 4) ? 1 : 0;
  const abbrev = new Buf();
  abbrev.uleb(1); abbrev.uleb(0x11); abbrev.u8(funcs.length ? 1 : 0); // DW_TAG_compile_unit
  const secOffset = v >= 4 ? 0x17 : 0x06; // DW_FORM_sec_offset / DW_FORM_data4
  const attrs: [number, number][] = [[0x10, secOffset]];
  if (ranges) attrs.push([0x55, secOffset]);
  else attrs.push([0x11, 0x01], [0x12, v >= 4 ? 0x0f : 0x01]); // low_pc addr, high_pc udata (size) or addr (end)
  attrs.push([0x03, 0x0e], [0x1b, 0x0e], [0x25, 0x0e], [0x13, 0x05]);
  for (const [a, f] of attrs) { abbrev.uleb(a); abbrev.uleb(f); }
  abbrev.u8(0); abbrev.u8(0);
  if (funcs.length) {
    abbrev.uleb(2); abbrev.uleb(0x2e); abbrev.u8(0); // DW_TAG_subprogram
    // DW_AT_external: a flag when functions are both global and local, present (DWARF 4 on)
    // when all are global, left out when none is.
    const sub: [number, number][] = [[0x03, 0x0e]];
    if (external !== 'none') sub.push([0x3f, external === 'mixed' || v < 4 ? 0x0c : 0x19]);
    if (v >= 3) sub.push([0x49, 0x15]); // DW_AT_type, DW_FORM_ref_udata
    sub.push([0x11, 0x01], [0x12, v >= 4 ? 0x0f : 0x01]);
    for (const [a, f] of sub) { abbrev.uleb(a); abbrev.uleb(f); }
    abbrev.u8(0); abbrev.u8(0);
    if (v >= 3) { abbrev.uleb(3); abbrev.uleb(0x3b); abbrev.u8(0); abbrev.u8(0); abbrev.u8(0); } // DW_TAG_unspecified_type
  }
  abbrev.u8(0);

  const main = v >= 5 && t.file0 ? t.file0 : files[0];
  const name = main.dir !== 0 ? `${dirs[main.dir]}/${main.name}` : main.name;
  const info = new Buf();
  const infoLenAt = info.hole32();
  info.u16(v);
  if (v >= 5) { info.u8(1); info.u8(addrSize); info.reloc(4, '.debug_abbrev', 0n, rel); } // DW_UT_compile
  else { info.reloc(4, '.debug_abbrev', 0n, rel); info.u8(addrSize); }
  info.uleb(1);
  info.reloc(4, '.debug_line', 0n, rel);
  if (ranges) info.reloc(4, rangesName, v >= 5 ? 12n : 0n, rel);
  else {
    const s = seqs[0].section;
    info.reloc(addrSize, s, 0n, rel);
    const size = sizeOf.get(s) ?? 0;
    if (v >= 4) info.uleb(size); else info.reloc(addrSize, s, BigInt(size), rel);
  }
  info.reloc(4, '.debug_str', BigInt(str.add(name)), rel);
  info.reloc(4, '.debug_str', BigInt(str.add(compDir)), rel);
  info.reloc(4, '.debug_str', BigInt(str.add(PRODUCER)), rel);
  info.u16(DW_LANG_Mips_Assembler);
  if (funcs.length) {
    // Each subprogram's DW_AT_type (a ULEB, whose own size shifts the offset) names the
    // unspecified type that follows them all.
    let typeOff = 0;
    for (let i = 0; i < 4; i++) {
      let at = info.length;
      for (const f of funcs) at += 1 + 4 + flagSize + (v >= 3 ? ulebSize(typeOff) : 0) + addrSize + (v >= 4 ? ulebSize(Number(f.size)) : addrSize);
      typeOff = at;
    }
    for (const f of funcs) {
      info.uleb(2);
      info.reloc(4, '.debug_str', BigInt(str.add(f.name)), rel);
      if (flagSize) info.u8(f.binding === 'global' ? 1 : 0);
      if (v >= 3) info.uleb(typeOff);
      const [sym, add] = target(f);
      info.reloc(addrSize, sym, add, rel);
      if (v >= 4) info.uleb(f.size!);
      else info.reloc(addrSize, sym, add + f.size!, rel);
    }
    if (v >= 3) info.uleb(3);
    info.u8(0);
  }
  info.patch32(infoLenAt, info.length - 4);

  // ---- .debug_aranges ----
  const ar = new Buf();
  const arLenAt = ar.hole32();
  ar.u16(2);
  ar.reloc(4, '.debug_info', 0n, rel);
  ar.u8(addrSize); ar.u8(0);
  while (ar.length % (2 * addrSize)) ar.u8(0);
  for (const s of seqs) {
    ar.reloc(addrSize, s.section, 0n, rel);
    addrField(ar, addrSize, sizeOf.get(s.section) ?? 0);
  }
  addrField(ar, addrSize, 0); addrField(ar, addrSize, 0);
  ar.patch32(arLenAt, ar.length - 4);

  // ---- .debug_rnglists (DWARF 5) / .debug_ranges ----
  let rng: Buf | undefined;
  if (ranges) {
    rng = new Buf();
    if (v >= 5) {
      const at = rng.hole32();
      rng.u16(5); rng.u8(addrSize); rng.u8(0); rng.u32(0);
      for (const s of seqs) { rng.u8(7); rng.reloc(addrSize, s.section, 0n, rel); rng.uleb(sizeOf.get(s.section) ?? 0); } // DW_RLE_start_length
      rng.u8(0); // DW_RLE_end_of_list
      rng.patch32(at, rng.length - 4);
    } else {
      // A base address selection entry (largest address, then 0), the ranges, the end of list.
      for (let i = 0; i < addrSize; i++) rng.u8(0xff);
      addrField(rng, addrSize, 0);
      for (const s of seqs) { rng.reloc(addrSize, s.section, 0n, rel); rng.reloc(addrSize, s.section, BigInt(sizeOf.get(s.section) ?? 0), rel); }
      addrField(rng, addrSize, 0); addrField(rng, addrSize, 0);
    }
  }

  return [
    { name: '.debug_info', buf: info, align: 1 },
    { name: '.debug_abbrev', buf: abbrev, align: 1 },
    { name: '.debug_aranges', buf: ar, align: 2 * addrSize },
    { name: '.debug_str', buf: str.buf, align: 1, strings: true },
    ...(rng ? [{ name: rangesName, buf: rng, align: v >= 5 ? 1 : 2 * addrSize }] : []),
  ];
}

function target(f: SymbolOut): [string, bigint] {
  // A local symbol is relocated against its section, as GNU adjusts it.
  return f.binding === 'local' ? [f.section, f.value] : [f.name, 0n];
}

function addrField(b: Buf, size: number, v: number): void {
  if (size === 8) { b.u32(v); b.u32(0); } else b.u32(v);
}

function ulebSize(v: number): number {
  let n = 1;
  while (v >= 0x80) { v = Math.floor(v / 128); n++; }
  return n;
}

/** One row's line and address step (gas emit_inc_line_addr). */
function advance(b: Buf, lineDelta: number, addrDelta: number): void {
  let tmp = lineDelta - LINE_BASE;
  let needCopy = false;
  if (tmp < 0 || tmp >= LINE_RANGE) {
    b.u8(DW_LNS_advance_line);
    b.sleb(lineDelta);
    lineDelta = 0;
    tmp = -LINE_BASE;
    needCopy = true;
  }
  if (lineDelta === 0 && addrDelta === 0) { b.u8(DW_LNS_copy); return; }
  tmp += OPCODE_BASE;
  if (addrDelta < 256 + MAX_SPECIAL_ADDR_DELTA) {
    let op = tmp + addrDelta * LINE_RANGE;
    if (op <= 255) { b.u8(op); return; }
    op = tmp + (addrDelta - MAX_SPECIAL_ADDR_DELTA) * LINE_RANGE;
    if (op <= 255) { b.u8(DW_LNS_const_add_pc); b.u8(op); return; }
  }
  b.u8(DW_LNS_advance_pc);
  b.uleb(addrDelta);
  b.u8(needCopy ? DW_LNS_copy : tmp);
}

function endSequence(b: Buf, addrDelta: number): void {
  if (addrDelta === MAX_SPECIAL_ADDR_DELTA) b.u8(DW_LNS_const_add_pc);
  else if (addrDelta) { b.u8(DW_LNS_advance_pc); b.uleb(addrDelta); }
  b.u8(0); b.uleb(1); b.u8(DW_LNE_end_sequence);
}
