// ELF relocatable objects (ELF64 x86-64 with RELA, ELF32 i386 with REL), laid out byte for
// byte as GNU as 2.40 lays them out (System V gABI, "Object Files"; psABI relocation numbers):
//
//   ELF header
//   section contents, in section-header order, each at its alignment (SHT_NOBITS takes no room),
//   including .symtab and .strtab but not the relocation sections nor .shstrtab
//   relocation sections, in section-header order
//   .shstrtab
//   section headers (aligned to the word size)
//
// Section headers: the null section, one SHT_GROUP per section group, every section in creation
// order each followed by its relocation section, .eh_frame (from .cfi_*) and its relocations,
// then .symtab, .strtab, .shstrtab.
//
// Symbols: the STT_FILE symbol (`.file`), then the local symbols in order of first appearance,
// with a section's STT_SECTION symbol where the section was created (only for sections a
// relocation names); `.L` locals are dropped; group signatures that are not symbols of their own
// follow as locals of their .group section; global and weak symbols last.

import type { AssembleResult, RelocOut, SectionOut, SymbolOut } from '../asm/result.js';
import { encodeEhFrame } from './eh-frame.js';
import { StringTable } from './strtab.js';
import { compressDebugSections, type DebugCompressor } from './compress-debug.js';
import { elfSectionName } from '../asm/unique-sections.js';

export class ElfError extends Error {}

const RELOC64: Record<string, number> = {
  R_X86_64_NONE: 0, R_X86_64_64: 1, R_X86_64_PC32: 2, R_X86_64_GOT32: 3, R_X86_64_PLT32: 4, R_X86_64_COPY: 5,
  R_X86_64_GLOB_DAT: 6, R_X86_64_JUMP_SLOT: 7, R_X86_64_RELATIVE: 8, R_X86_64_GOTPCREL: 9, R_X86_64_32: 10,
  R_X86_64_32S: 11, R_X86_64_16: 12, R_X86_64_PC16: 13, R_X86_64_8: 14, R_X86_64_PC8: 15, R_X86_64_DTPMOD64: 16,
  R_X86_64_DTPOFF64: 17, R_X86_64_TPOFF64: 18, R_X86_64_TLSGD: 19, R_X86_64_TLSLD: 20, R_X86_64_DTPOFF32: 21,
  R_X86_64_GOTTPOFF: 22, R_X86_64_TPOFF32: 23, R_X86_64_PC64: 24, R_X86_64_GOTOFF64: 25, R_X86_64_GOTPC32: 26,
  R_X86_64_GOT64: 27, R_X86_64_GOTPCREL64: 28, R_X86_64_GOTPC64: 29, R_X86_64_GOTPLT64: 30, R_X86_64_PLTOFF64: 31,
  R_X86_64_SIZE32: 32, R_X86_64_SIZE64: 33, R_X86_64_GOTPC32_TLSDESC: 34, R_X86_64_TLSDESC_CALL: 35,
  R_X86_64_TLSDESC: 36, R_X86_64_IRELATIVE: 37, R_X86_64_RELATIVE64: 38, R_X86_64_GOTPCRELX: 41,
  R_X86_64_REX_GOTPCRELX: 42,
};

const RELOC32: Record<string, number> = {
  R_386_NONE: 0, R_386_32: 1, R_386_PC32: 2, R_386_GOT32: 3, R_386_PLT32: 4, R_386_COPY: 5, R_386_GLOB_DAT: 6,
  R_386_JUMP_SLOT: 7, R_386_RELATIVE: 8, R_386_GOTOFF: 9, R_386_GOTPC: 10, R_386_32PLT: 11, R_386_TLS_TPOFF: 14,
  R_386_TLS_IE: 15, R_386_TLS_GOTIE: 16, R_386_TLS_LE: 17, R_386_TLS_GD: 18, R_386_TLS_LDM: 19, R_386_16: 20,
  R_386_PC16: 21, R_386_8: 22, R_386_PC8: 23, R_386_TLS_GD_32: 24, R_386_TLS_GD_PUSH: 25, R_386_TLS_GD_CALL: 26,
  R_386_TLS_GD_POP: 27, R_386_TLS_LDM_32: 28, R_386_TLS_LDM_PUSH: 29, R_386_TLS_LDM_CALL: 30, R_386_TLS_LDM_POP: 31,
  R_386_TLS_LDO_32: 32, R_386_TLS_IE_32: 33, R_386_TLS_LE_32: 34, R_386_TLS_DTPMOD32: 35, R_386_TLS_DTPOFF32: 36,
  R_386_TLS_TPOFF32: 37, R_386_SIZE32: 38, R_386_TLS_GOTDESC: 39, R_386_TLS_DESC_CALL: 40, R_386_TLS_DESC: 41,
  R_386_IRELATIVE: 42, R_386_GOT32X: 43,
};

const SHT: Record<string, number> = {
  null: 0, progbits: 1, symtab: 2, strtab: 3, rela: 4, hash: 5, dynamic: 6, note: 7, nobits: 8, rel: 9, dynsym: 11,
  init_array: 14, fini_array: 15, preinit_array: 16, group: 17, symtab_shndx: 18,
};

const SHF: Record<string, number> = {
  w: 0x1, a: 0x2, x: 0x4, M: 0x10, S: 0x20, o: 0x80, G: 0x200, T: 0x400, C: 0x800, R: 0x200000, e: 0x80000000,
};

const STT: Record<string, number> = {
  notype: 0, object: 1, function: 2, section: 3, file: 4, common: 5, tls_object: 6, gnu_indirect_function: 10, gnu_unique_object: 1,
};
const STV: Record<string, number> = { internal: 1, hidden: 2, protected: 3 };
const SHN_ABS = 0xfff1;
const SHN_COMMON = 0xfff2;

/** One section header plus its contents (undefined for SHT_NOBITS). */
interface Shdr {
  name: string;
  type: number;
  flags: number;
  align: number;
  entsize: number;
  link: number;
  info: number;
  size: number;
  data?: Uint8Array;
  /** Placed with the relocation sections, after the others. */
  late: boolean;
  offset: number;
}

interface Sym {
  readonly name: string;
  /** Whether st_name names it (section symbols have no name). */
  readonly named: boolean;
  readonly value: bigint;
  readonly size: bigint;
  readonly info: number;
  readonly other: number;
  shndx: number;
}

/** Little-endian writer growing as needed (through a DataView: one bounds check per field, no
 *  BigInt arithmetic for 64-bit fields; 20,000 relocations on a large file). Made with the exact
 *  size it will hold, it never grows, and done() hands over its buffer without a copy. */
class Out {
  buf: Uint8Array;
  private view: DataView;
  len = 0;
  constructor(capacity = 4096) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let c = this.buf.length * 2;
    while (c < this.len + n) c *= 2;
    const b = new Uint8Array(c);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
  u8(v: number): void { this.room(1); this.view.setUint8(this.len, v & 0xff); this.len += 1; }
  u16(v: number): void { this.room(2); this.view.setUint16(this.len, v & 0xffff, true); this.len += 2; }
  u32(v: number): void { this.room(4); this.view.setUint32(this.len, v >>> 0, true); this.len += 4; }
  /** A 64-bit field (setBigUint64 takes the value modulo 2^64). */
  u64(v: bigint): void { this.room(8); this.view.setBigUint64(this.len, v, true); this.len += 8; }
  /** A 64-bit field from a non-negative integer below 2^53. */
  u64n(v: number): void { this.u32(v % 0x100000000); this.u32(Math.floor(v / 0x100000000)); }
  word(wide: boolean, v: bigint | number): void {
    if (wide) { if (typeof v === 'number' && v >= 0) this.u64n(v); else this.u64(BigInt(v)); } else this.u32(Number(BigInt.asUintN(32, BigInt(v))));
  }
  bytes(b: Uint8Array): void { this.room(b.length); this.buf.set(b, this.len); this.len += b.length; }
  pad(align: number): void { while (this.len % align) this.u8(0); }
  done(): Uint8Array { return this.len === this.buf.length ? this.buf : this.buf.slice(0, this.len); }
}

/** `n` rounded up to a multiple of `align` (what padding with zeros to it gives). */
function alignUp(n: number, align: number): number {
  const r = n % align;
  return r === 0 ? n : n + align - r;
}

function flagBits(flags: string): number {
  let f = 0;
  for (const c of flags) f |= SHF[c] ?? 0;
  return f >>> 0;
}

function typeNumber(type: string, wide: boolean): number {
  if (SHT[type] !== undefined) return SHT[type];
  if (type === 'unwind' && wide) return 0x70000001;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(type)) return Number(type);
  return SHT.progbits;
}

/** Local symbols GNU keeps out of the object: `.L` names and x86lab's internal labels. */
function dropped(s: SymbolOut): boolean {
  return s.binding === 'local' && droppedName(s.name);
}

function droppedName(name: string): boolean {
  return name.startsWith('.L') || /[\x01\x02]/.test(name);
}

const TLS64: ReadonlySet<string> = new Set(['TLSGD', 'TLSLD', 'DTPOFF32', 'DTPOFF64', 'GOTTPOFF', 'TPOFF32', 'TPOFF64', 'GOTPC32_TLSDESC', 'TLSDESC_CALL'].map((t) => `R_X86_64_${t}`));

/** A relocation whose symbol is a TLS symbol (GNU sets BSF_THREAD_LOCAL on it). */
function isTlsReloc(type: string): boolean {
  return TLS64.has(type) || type.startsWith('R_386_TLS_');
}

/**
 * Sorts out the local symbols the object lists and the global and weak ones (each in the
 * result's order); returns whether one needs ELFOSABI_GNU (unique or ifunc). (Nothing but a bare
 * return after the loop: V8 would throw its compiled loop away on code it has not seen run.)
 */
function sortSymbols(all: readonly SymbolOut[], localSyms: SymbolOut[], globalSyms: SymbolOut[]): boolean {
  let gnuSymbols = false;
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    if (s.type === 'gnu_unique_object' || s.type === 'gnu_indirect_function') gnuSymbols = true;
    if (s.binding !== 'local') globalSyms.push(s);
    else if (!droppedName(s.name)) localSyms.push(s);
  }
  return gnuSymbols;
}

export interface ElfOptions {
  readonly file: string;
}

/** Renders an error-free assembly as an ELF relocatable object. */
export function toElf(r: AssembleResult, opts: { readonly compress?: DebugCompressor } = {}): Uint8Array {
  const wide = r.mode === 64;
  if (r.object.cfiUnsupported) throw new ElfError(`${r.object.cfiUnsupported} is not supported in ELF output yet (.eh_frame)`);
  const relocNames = wide ? RELOC64 : RELOC32;
  const word = wide ? 8 : 4;

  // .eh_frame from .cfi_*: one more section, with its relocations.
  const sections: SectionOut[] = [...r.sections];
  const relocations: RelocOut[] = [...r.relocations];
  const frames: ('.eh_frame' | '.debug_frame')[] = r.object.fdes.length === 0 ? [] : [
    ...(r.object.ehFrame ? ['.eh_frame' as const] : []), ...(r.object.debugFrame ? ['.debug_frame' as const] : []),
  ];
  frames.forEach((name, k) => {
    const f = encodeEhFrame(r.object.fdes, r.mode, name);
    sections.push({ name, flags: name === '.eh_frame' ? 'a' : '', type: 'progbits', align: word, size: f.bytes.length, bytes: f.bytes, seq: Number.MAX_SAFE_INTEGER - 2 + k });
    relocations.push(...f.relocations);
  });

  const attrs = r.object.gnuAttributes;
  if (attrs) sections.push({ name: '.gnu.attributes', flags: '', type: '0x6ffffff5', align: 1, size: attrs.length, bytes: attrs, seq: Number.MAX_SAFE_INTEGER });
  const z = opts.compress ? compressDebugSections(sections, wide, opts.compress) : undefined;
  if (z) sections.splice(0, sections.length, ...z.sections);
  const elfName = (name: string): string => elfSectionName(z?.names.get(name) ?? name);

  // Section header indices: groups first, then each section and its relocation section.
  const groups: { name: string; comdat: boolean; members: SectionOut[] }[] = [];
  for (const s of sections) {
    if (!s.group) continue;
    let g = groups.find((x) => x.name === s.group!.name);
    if (!g) groups.push(g = { name: s.group.name, comdat: s.group.comdat, members: [] });
    g.members.push(s);
  }
  const relocsOf = new Map<string, RelocOut[]>();
  for (const x of relocations) {
    let l = relocsOf.get(x.section);
    if (!l) relocsOf.set(x.section, l = []);
    l.push(x);
  }
  const secIndex = new Map<string, number>();
  const relIndex = new Map<string, number>();
  let n = 1 + groups.length;
  for (const s of sections) {
    secIndex.set(s.name, n++);
    if (relocsOf.has(s.name)) relIndex.set(s.name, n++);
  }
  // The symbols, sorted in one pass (12,000 on bench/asm.bench.mjs's input, most of them `.L` labels).
  const localSyms: SymbolOut[] = [];
  const globalSyms: SymbolOut[] = [];
  const gnuSymbols = sortSymbols(r.symbols, localSyms, globalSyms);
  const allDropped = localSyms.length === 0 && globalSyms.length === 0;
  // GNU writes no .symtab/.strtab when there is nothing but the null symbol.
  const noSymbols = r.object.fileSymbol === undefined && relocations.length === 0 && groups.length === 0
    && allDropped;
  const symtabIndex = noSymbols ? 0 : n++;
  const strtabIndex = noSymbols ? 0 : n++;
  const shstrtabIndex = n++;

  // Symbols.
  const sectionSyms = new Set<string>();
  const globalNames = new Set(globalSyms.map((s) => s.name));
  for (const x of relocations) {
    if (x.symbol !== '*ABS*' && !globalNames.has(x.symbol) && secIndex.has(x.symbol)) sectionSyms.add(x.symbol);
  }
  for (const name of r.object.sectionSyms ?? []) sectionSyms.add(name);
  const shndxOf = (section: string): number => {
    if (section === '*UND*') return 0;
    if (section === '*ABS*') return SHN_ABS;
    if (section === '*COM*') return SHN_COMMON;
    const i = secIndex.get(section);
    if (i === undefined) throw new ElfError(`internal error: symbol in unknown section ${section}`);
    return i;
  };
  // A symbol a TLS relocation names is a TLS symbol (GNU sets BSF_THREAD_LOCAL on it).
  const tls = new Set<string>();
  for (const x of relocations) if (isTlsReloc(x.type)) tls.add(x.symbol);
  // ... and so is every data symbol defined in a TLS section.
  const tlsSections = new Set(sections.filter((s) => s.flags.includes('T')).map((s) => s.name));
  const toSym = (s: SymbolOut): Sym => {
    const unique = s.type === 'gnu_unique_object';
    const bind = unique ? 10 : s.binding === 'local' ? 0 : s.binding === 'global' ? 1 : 2;
    const data = s.type === undefined || s.type === 'object' || s.type === 'notype';
    const type = s.section === '*COM*' && s.type === 'common' ? 5
      : (s.type === undefined && tls.has(s.name)) || (data && tlsSections.has(s.section)) ? 6 : STT[s.type ?? 'notype'] ?? 0;
    return {
      name: s.name, named: true, value: s.value, size: s.size ?? 0n, info: (bind << 4) | type,
      other: STV[s.visibility ?? ''] ?? 0, shndx: shndxOf(s.section),
    };
  };
  const locals: { seq: number; sym: Sym }[] = [];
  for (const s of localSyms) locals.push({ seq: s.seq, sym: toSym(s) });
  // `.L` labels a relocation must name (mergeable sections): GNU makes them real symbols where a
  // pc-relative field names them, else when it adjusts relocations, after the other locals.
  // (Symbols by name only once a relocation names one that may be dropped.)
  let byName: Map<string, SymbolOut> | undefined;
  const kept = new Set<string>();
  const keptLate: SymbolOut[] = [];
  const earliest = new Map<string, number>();
  for (const x of relocations) {
    if (!droppedName(x.symbol)) continue;
    byName ??= new Map(r.symbols.map((s) => [s.name, s]));
    const s = byName.get(x.symbol);
    if (!s || !dropped(s)) continue;
    if (x.symSeq !== undefined && !earliest.has(s.name)) earliest.set(s.name, x.symSeq);
    if (!kept.has(s.name)) { kept.add(s.name); keptLate.push(s); }
  }
  for (const s of keptLate) if (earliest.has(s.name)) locals.push({ seq: earliest.get(s.name)!, sym: toSym(s) });
  for (const s of sections) {
    if (sectionSyms.has(s.name)) {
      locals.push({ seq: s.seq - 0.5, sym: { name: s.name, named: false, value: 0n, size: 0n, info: 3, other: 0, shndx: secIndex.get(s.name)! } });
    }
  }
  locals.sort((a, b) => a.seq - b.seq);
  const syms: Sym[] = [{ name: '', named: false, value: 0n, size: 0n, info: 0, other: 0, shndx: 0 }];
  if (r.object.fileSymbol !== undefined) syms.push({ name: r.object.fileSymbol, named: true, value: 0n, size: 0n, info: 4, other: 0, shndx: SHN_ABS });
  syms.push(...locals.map((l) => l.sym));
  for (const s of keptLate) if (!earliest.has(s.name)) syms.push(toSym(s));
  const known = groups.length ? new Set(r.symbols.filter((s) => !dropped(s) || kept.has(s.name)).map((s) => s.name)) : new Set<string>();
  const signature = new Map<string, number>();
  groups.forEach((g, i) => {
    if (known.has(g.name)) return;
    signature.set(g.name, syms.length);
    syms.push({ name: g.name, named: true, value: 0n, size: 0n, info: 0, other: 0, shndx: 1 + i });
  });
  const firstGlobal = syms.length;
  for (const s of globalSyms) syms.push(toSym(s));

  const symIndex = new Map<string, number>();
  const secSymIndex = new Map<string, number>();
  syms.forEach((s, i) => {
    if (!s.named) { if (s.info === 3) secSymIndex.set(s.name, i); return; }
    if (s.info === 4) return;
    if (!symIndex.has(s.name) || i >= firstGlobal) symIndex.set(s.name, i);
  });
  for (const g of groups) if (!signature.has(g.name)) signature.set(g.name, symIndex.get(g.name) ?? 0);
  const relocSym = (x: RelocOut): number => {
    if (x.symbol === '*ABS*') return 0;
    if (globalNames.has(x.symbol)) return symIndex.get(x.symbol)!;
    const s = secSymIndex.get(x.symbol) ?? symIndex.get(x.symbol);
    if (s === undefined) throw new ElfError(`internal error: relocation against unknown symbol ${x.symbol}`);
    return s;
  };

  const strtab = new StringTable();
  for (const s of syms) if (s.named) strtab.add(s.name);
  const symOut = new Out(syms.length * (wide ? 24 : 16));
  for (const s of syms) {
    const name = s.named ? strtab.offset(s.name) : 0;
    if (wide) {
      symOut.u32(name); symOut.u8(s.info); symOut.u8(s.other); symOut.u16(s.shndx); symOut.u64(s.value); symOut.u64(s.size);
    } else {
      symOut.u32(name); symOut.u32(Number(BigInt.asUintN(32, s.value))); symOut.u32(Number(BigInt.asUintN(32, s.size)));
      symOut.u8(s.info); symOut.u8(s.other); symOut.u16(s.shndx);
    }
  }

  // SHF_LINK_ORDER: sh_link is the named section, or the section of the named symbol.
  let symSection: Map<string, string> | undefined;
  const linkOf = (s: SectionOut): number => {
    if (s.linkOrder === undefined) return 0;
    symSection ??= new Map(r.symbols.map((x) => [x.name, x.section]));
    return secIndex.get(s.linkOrder) ?? secIndex.get(symSection.get(s.linkOrder) ?? '') ?? 0;
  };

  // Section headers and contents.
  const shstrtab = new StringTable();
  for (const nm of noSymbols ? ['.shstrtab'] : ['.symtab', '.strtab', '.shstrtab']) shstrtab.add(nm);
  const relPrefix = wide ? '.rela' : '.rel';
  const shdrs: Shdr[] = [{ name: '', type: 0, flags: 0, align: 0, entsize: 0, link: 0, info: 0, size: 0, late: false, offset: 0 }];
  for (const g of groups) {
    const o = new Out();
    o.u32(g.comdat ? 1 : 0);
    for (const m of g.members) {
      o.u32(secIndex.get(m.name)!);
      if (relIndex.has(m.name)) o.u32(relIndex.get(m.name)!);
    }
    const data = o.done();
    shdrs.push({ name: '.group', type: SHT.group, flags: 0, align: 4, entsize: 4, link: symtabIndex, info: signature.get(g.name)!, size: data.length, data, late: false, offset: 0 });
  }
  for (const s of sections) {
    shstrtab.add(elfName(s.name));
    const type = typeNumber(s.type, wide);
    shdrs.push({
      // BFD gives pointer arrays their element size.
      name: elfName(s.name), type, flags: flagBits(s.flags), align: Math.max(1, s.align),
      entsize: s.entsize ?? (type === SHT.init_array || type === SHT.fini_array || type === SHT.preinit_array ? word : 0), link: linkOf(s), info: 0,
      size: s.size, data: type === SHT.nobits ? undefined : s.bytes, late: false, offset: 0,
    });
    const rel = relocsOf.get(s.name);
    if (!rel) continue;
    shstrtab.add(relPrefix + elfName(s.name));
    const o = new Out(rel.length * (wide ? 24 : 8));
    for (const x of rel) {
      const t = relocNames[x.type];
      if (t === undefined) throw new ElfError(`relocation ${x.type} has no ELF number in x86lab's table`);
      const sym = relocSym(x);
      // r_info is (sym << 32) | type: the type's word first.
      if (wide) { o.word(true, x.offset); o.u32(t); o.u32(sym); o.u64(x.addend); }
      else { o.u32(x.offset); o.u32(((sym << 8) | t) >>> 0); }
    }
    const data = o.done();
    shdrs.push({
      name: relPrefix + elfName(s.name), type: wide ? SHT.rela : SHT.rel, flags: 0x40 | (s.group ? 0x200 : 0), align: word,
      entsize: wide ? 24 : 8, link: symtabIndex, info: secIndex.get(s.name)!, size: data.length, data, late: true, offset: 0,
    });
  }
  if (groups.length) shstrtab.add('.group');
  if (!noSymbols) {
    const symData = symOut.done();
    shdrs.push({ name: '.symtab', type: SHT.symtab, flags: 0, align: word, entsize: wide ? 24 : 16, link: strtabIndex, info: firstGlobal, size: symData.length, data: symData, late: false, offset: 0 });
    const strData = strtab.contents();
    shdrs.push({ name: '.strtab', type: SHT.strtab, flags: 0, align: 1, entsize: 0, link: 0, info: 0, size: strData.length, data: strData, late: false, offset: 0 });
  }
  const shstrData = shstrtab.contents();
  const shstr: Shdr = { name: '.shstrtab', type: SHT.strtab, flags: 0, align: 1, entsize: 0, link: 0, info: 0, size: shstrData.length, data: shstrData, late: true, offset: 0 };
  shdrs.push(shstr);
  if (shdrs.length !== shstrtabIndex + 1) throw new ElfError('internal error: section count');

  // File layout: every offset first, then one buffer of the file's size, each part copied in once.
  const ehsize = wide ? 64 : 52;
  let len = ehsize;
  const place = (h: Shdr): void => {
    len = alignUp(len, Math.max(1, h.align));
    h.offset = len;
    if (h.data) len += h.data.length;
  };
  for (let i = 1; i < shdrs.length; i++) if (!shdrs[i].late) place(shdrs[i]);
  for (let i = 1; i < shdrs.length; i++) if (shdrs[i].late && shdrs[i] !== shstr) place(shdrs[i]);
  place(shstr);
  const shoff = alignUp(len, word);
  const out = new Out(shoff + shdrs.length * (wide ? 64 : 40));

  // ELF header.
  // ELFOSABI_GNU once the object uses a GNU extension (unique or ifunc symbols, retained sections).
  const gnu = gnuSymbols || sections.some((s) => s.flags.includes('R'));
  out.bytes(Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, wide ? 2 : 1, 1, 1, gnu ? 3 : 0, 0, 0, 0, 0, 0, 0, 0, 0));
  out.u16(1); // ET_REL
  out.u16(wide ? 62 : 3); // EM_X86_64 / EM_386
  out.u32(1);
  out.word(wide, 0); // entry
  out.word(wide, 0); // phoff
  out.word(wide, shoff);
  out.u32(0); // flags
  out.u16(ehsize);
  out.u16(0); out.u16(0); // phentsize, phnum
  out.u16(wide ? 64 : 40);
  out.u16(shdrs.length);
  out.u16(shstrtabIndex);

  for (const h of shdrs) {
    if (!h.data) continue;
    out.len = h.offset;
    out.bytes(h.data);
  }
  out.len = shoff;
  for (const h of shdrs) {
    out.u32(h.name === '' ? 0 : shstrtab.offset(h.name));
    out.u32(h.type);
    out.word(wide, h.flags);
    out.word(wide, 0);
    out.word(wide, h.offset);
    out.word(wide, h.size);
    out.u32(h.link);
    out.u32(h.info);
    out.word(wide, h.align);
    out.word(wide, h.entsize);
  }
  const file = out.done();
  return file;
}
