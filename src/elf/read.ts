// A bounds-checked ELF32/ELF64 little-endian reader: header, section headers, program headers,
// symbols, static relocations (REL/RELA) and the dynamic relocations objdump uses for @plt names.
// Every read goes through checked accessors, so a truncated or mutated file raises ElfError
// (objdump's "file format not recognized" / "file truncated"), never a RangeError.

export interface ElfSection {
  readonly name: string;
  readonly type: number;
  /** sh_flags (low 32 bits: every flag x86 objects use lives there). */
  readonly flags: number;
  readonly addr: bigint;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
  readonly index: number;
}

export interface ElfSymbol {
  readonly name: string;
  readonly value: bigint;
  readonly size: number;
  /** STT_* (0 notype, 1 object, 2 func, 3 section, 4 file, 5 common, 6 tls, 10 gnu_ifunc). */
  readonly type: number;
  /** STB_* (0 local, 1 global, 2 weak, 10 gnu_unique). */
  readonly bind: number;
  /** st_other (visibility in the low 2 bits). */
  readonly other: number;
  /** Section index (0 = undefined, 0xfff1 absolute, 0xfff2 common). */
  readonly shndx: number;
  /** Index in the symbol table (relocations name symbols by it). */
  readonly index: number;
}

/** One static relocation. For REL (i386) the addend is in the section bytes, so `addend` is 0. */
export interface ElfReloc {
  readonly offset: bigint;
  readonly type: number;
  readonly sym: number;
  readonly addend: bigint;
}

export interface ElfRelocSection {
  /** Index of the SHT_REL/SHT_RELA section itself. */
  readonly index: number;
  readonly name: string;
  /** Section the relocations patch (sh_info). */
  readonly target: number;
  readonly rela: boolean;
  readonly relocs: readonly ElfReloc[];
}

export interface ElfSegment {
  readonly type: number;
  readonly flags: number;
  readonly offset: number;
  readonly vaddr: bigint;
  readonly paddr: bigint;
  readonly filesz: number;
  readonly memsz: number;
  readonly align: number;
}

/** A dynamic relocation (.rela.dyn/.rela.plt, .rel.* for i386) with its symbol resolved. */
export interface ElfDynReloc {
  readonly offset: bigint;
  readonly type: number;
  readonly addend: bigint;
  /** Symbol name as objdump -R prints it (name@VER, name@@VER, name@Base), or undefined for none. */
  readonly sym?: string;
  /** The bare symbol name (for name@plt). */
  readonly bare?: string;
  readonly symDefined: boolean;
  readonly symValue: bigint;
}

export interface ElfFile {
  readonly bits: 32 | 64;
  readonly machine: number;
  /** ET_REL = 1, ET_EXEC = 2, ET_DYN = 3. */
  readonly type: number;
  readonly entry: bigint;
  readonly flags: number;
  readonly sections: readonly ElfSection[];
  /** .symtab (or .dynsym when there is none) without the null entry 0. */
  readonly symbols: readonly ElfSymbol[];
  /** Symbols of .symtab by index (entry 0 included), for relocations. */
  readonly symtab: readonly ElfSymbol[];
  /** Relocation sections against .symtab. */
  readonly relocs: readonly ElfRelocSection[];
  readonly segments: readonly ElfSegment[];
  readonly dynRelocs: readonly ElfDynReloc[];
}

export const SHF_WRITE = 1;
export const SHF_ALLOC = 2;
export const SHF_EXECINSTR = 4;
export const SHF_MERGE = 0x10;
export const SHF_STRINGS = 0x20;
export const SHF_INFO_LINK = 0x40;
export const SHF_GROUP = 0x200;
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;
export const SHT_DYNSYM = 11;
export const SHT_GROUP = 17;
export const SHT_GNU_VERDEF = 0x6ffffffd;
export const SHT_GNU_VERNEED = 0x6ffffffe;
export const SHT_GNU_VERSYM = 0x6fffffff;
export const SHN_UNDEF = 0;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;
export const PT_LOAD = 1;
export const EM_386 = 3;
export const EM_X86_64 = 62;
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;

/** A file that is not a usable ELF image. `kind` says which of objdump's two words fits. */
export class ElfError extends Error {
  constructor(readonly kind: 'format' | 'truncated' | 'corrupt', detail: string) {
    super(kind === 'format' ? `file format not recognized (${detail})` : kind === 'truncated' ? `file truncated (${detail})` : `corrupt ELF file (${detail})`);
    this.name = 'ElfError';
  }
}

export function isElf(b: Uint8Array): boolean {
  return b.length >= 16 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;
}

const hex = (n: number | bigint): string => '0x' + n.toString(16);

export function readElf(b: Uint8Array): ElfFile {
  if (!isElf(b)) throw new ElfError('format', 'no ELF magic');
  const cls = b[4];
  if (cls !== 1 && cls !== 2) throw new ElfError('format', `unknown ELF class ${cls}`);
  if (b[5] !== 1) throw new ElfError('format', 'not little-endian');
  const bits: 32 | 64 = cls === 2 ? 64 : 32;
  const ehsize = bits === 64 ? 64 : 52;
  if (b.length < ehsize) throw new ElfError('format', `ELF header needs ${ehsize} bytes, file has ${b.length}`);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // Checked accessors: `what` names the structure in the error.
  const need = (o: number, n: number, what: string): void => {
    if (!Number.isSafeInteger(o) || o < 0 || o + n > b.length) throw new ElfError('truncated', `${what} at ${hex(Math.max(0, o) || 0)}+${n} is past the end of the ${b.length}-byte file`);
  };
  const u8 = (o: number, what: string): number => { need(o, 1, what); return b[o]; };
  const u16 = (o: number, what: string): number => { need(o, 2, what); return v.getUint16(o, true); };
  const u32 = (o: number, what: string): number => { need(o, 4, what); return v.getUint32(o, true); };
  const u64 = (o: number, what: string): bigint => { need(o, 8, what); return v.getBigUint64(o, true); };
  const i64 = (o: number, what: string): bigint => { need(o, 8, what); return v.getBigInt64(o, true); };
  const i32 = (o: number, what: string): number => { need(o, 4, what); return v.getInt32(o, true); };
  /** An address-sized word. */
  const word = (o: number, what: string): bigint => (bits === 64 ? u64(o, what) : BigInt(u32(o, what)));
  /** A file offset or size: must fit a JS number (files are far smaller than 2^53). */
  const num = (o: number, what: string): number => {
    const x = word(o, what);
    if (x > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError('corrupt', `${what} ${hex(x)} is out of range`);
    return Number(x);
  };

  const type = u16(16, 'e_type');
  const machine = u16(18, 'e_machine');
  const entry = word(24, 'e_entry');
  const phoff = num(bits === 64 ? 0x20 : 0x1c, 'e_phoff');
  const shoff = num(bits === 64 ? 0x28 : 0x20, 'e_shoff');
  const eflags = u32(bits === 64 ? 0x30 : 0x24, 'e_flags');
  const phentsize = u16(bits === 64 ? 0x36 : 0x2a, 'e_phentsize');
  let phnum = u16(bits === 64 ? 0x38 : 0x2c, 'e_phnum');
  const shentsize = u16(bits === 64 ? 0x3a : 0x2e, 'e_shentsize');
  let shnum = u16(bits === 64 ? 0x3c : 0x30, 'e_shnum');
  let shstrndx = u16(bits === 64 ? 0x3e : 0x32, 'e_shstrndx');
  const SHENT = bits === 64 ? 64 : 40;
  const PHENT = bits === 64 ? 56 : 32;

  // Section headers. Extended numbering (e_shnum 0, e_shstrndx 0xffff) lives in section header 0.
  const raw: { name: number; type: number; flags: number; addr: bigint; offset: number; size: number; link: number; info: number; addralign: number; entsize: number }[] = [];
  if (shoff !== 0) {
    if (shentsize !== SHENT) throw new ElfError('format', `e_shentsize ${shentsize}, expected ${SHENT}`);
    if (shnum === 0) shnum = num(shoff + (bits === 64 ? 0x20 : 0x14), 'section header 0');
    if (shstrndx === SHN_XINDEX) shstrndx = u32(shoff + (bits === 64 ? 0x28 : 0x18), 'section header 0');
    need(shoff, shnum * SHENT, 'section header table');
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * SHENT;
      const w = `section header ${i}`;
      if (bits === 64) {
        raw.push({ name: u32(o, w), type: u32(o + 4, w), flags: Number(u64(o + 8, w) & 0xffffffffn), addr: u64(o + 16, w), offset: num(o + 24, w), size: num(o + 32, w), link: u32(o + 40, w), info: u32(o + 44, w), addralign: num(o + 48, w), entsize: num(o + 56, w) });
      } else {
        raw.push({ name: u32(o, w), type: u32(o + 4, w), flags: u32(o + 8, w), addr: BigInt(u32(o + 12, w)), offset: u32(o + 16, w), size: u32(o + 20, w), link: u32(o + 24, w), info: u32(o + 28, w), addralign: u32(o + 32, w), entsize: u32(o + 36, w) });
      }
    }
  }
  // Every section with contents must lie inside the file.
  raw.forEach((s, i) => {
    if (s.type !== SHT_NOBITS && s.type !== SHT_NULL && s.size > 0) need(s.offset, s.size, `contents of section ${i}`);
  });
  // Each string table as one string, made when first used: a name is then a search for its NUL
  // and a slice, no loop over its bytes here (a symbol table's thousands of names made that loop
  // and its caller hot enough to be compiled, for a few milliseconds of work).
  const strtabs = new Map<number, string>();
  const cstr = (tab: number | undefined, off: number): string => {
    const t = tab === undefined ? undefined : raw[tab];
    if (!t || t.type === SHT_NOBITS) return off === 0 ? '' : '<corrupt>';
    if (off >= t.size) return '<corrupt>';
    let text = strtabs.get(tab!);
    if (text === undefined) {
      text = latin1(b, t.offset, t.offset + t.size);
      strtabs.set(tab!, text);
    }
    const e = text.indexOf('\0', off);
    return text.slice(off, e < 0 ? text.length : e);
  };
  const sections: ElfSection[] = raw.map((s, index) => ({
    name: cstr(shstrndx < raw.length ? shstrndx : undefined, s.name),
    type: s.type, flags: s.flags, addr: s.addr, offset: s.offset, size: s.size, link: s.link, info: s.info, addralign: s.addralign, entsize: s.entsize, index,
  }));

  // Program headers (executables).
  const segments: ElfSegment[] = [];
  if (phoff !== 0 && phnum > 0) {
    if (phentsize !== PHENT) throw new ElfError('format', `e_phentsize ${phentsize}, expected ${PHENT}`);
    if (phnum === 0xffff && raw.length > 0) phnum = raw[0].info;
    need(phoff, phnum * PHENT, 'program header table');
    for (let i = 0; i < phnum; i++) {
      const o = phoff + i * PHENT;
      const w = `program header ${i}`;
      if (bits === 64) {
        segments.push({ type: u32(o, w), flags: u32(o + 4, w), offset: num(o + 8, w), vaddr: u64(o + 16, w), paddr: u64(o + 24, w), filesz: num(o + 32, w), memsz: num(o + 40, w), align: num(o + 48, w) });
      } else {
        segments.push({ type: u32(o, w), offset: u32(o + 4, w), vaddr: BigInt(u32(o + 8, w)), paddr: BigInt(u32(o + 12, w)), filesz: u32(o + 16, w), memsz: u32(o + 20, w), flags: u32(o + 24, w), align: u32(o + 28, w) });
      }
    }
    for (const [i, p] of segments.entries()) if (p.type === PT_LOAD && p.filesz > 0) need(p.offset, p.filesz, `contents of segment ${i}`);
  }

  const SYMENT = bits === 64 ? 24 : 16;
  // Each table is read once (a shared object's .dynsym serves its symbols and its dynamic relocations).
  const symbolTables = new Map<number, ElfSymbol[]>();
  const readSymbols = (secIdx: number): ElfSymbol[] => {
    const known = symbolTables.get(secIdx);
    if (known !== undefined) return known;
    const st = raw[secIdx];
    if (st.entsize !== SYMENT && st.entsize !== 0) throw new ElfError('corrupt', `symbol table entry size ${st.entsize}, expected ${SYMENT}`);
    const out: ElfSymbol[] = [];
    const count = Math.floor(st.size / SYMENT);
    // The whole table inside the file (checked above for any section with contents): its fields are read unchecked.
    if (count > 0) need(st.offset, count * SYMENT, 'symbol table');
    for (let o = st.offset, index = 0; index < count; o += SYMENT, index++) {
      let name: number, value: bigint, size: number, info: number, other: number, shndx: number;
      if (bits === 64) {
        name = v.getUint32(o, true); info = b[o + 4]; other = b[o + 5]; shndx = v.getUint16(o + 6, true); value = v.getBigUint64(o + 8, true);
        // st_size: a JS number unless beyond 2^53 (num's check).
        const hi = v.getUint32(o + 20, true);
        size = hi < 0x200000 ? hi * 4294967296 + v.getUint32(o + 16, true) : num(o + 16, `symbol ${index}`);
      } else {
        name = v.getUint32(o, true); value = BigInt(v.getUint32(o + 4, true)); size = v.getUint32(o + 8, true); info = b[o + 12]; other = b[o + 13]; shndx = v.getUint16(o + 14, true);
      }
      out.push({ name: cstr(st.link, name), value, size, type: info & 15, bind: info >> 4, other, shndx, index });
    }
    symbolTables.set(secIdx, out);
    return out;
  };

  const symtabIdx = raw.findIndex((s) => s.type === SHT_SYMTAB);
  const dynsymIdx = raw.findIndex((s) => s.type === SHT_DYNSYM);
  const symtab = symtabIdx >= 0 ? readSymbols(symtabIdx) : [];
  let symbols: ElfSymbol[];
  if (symtabIdx >= 0) symbols = symtab.slice(1);
  else if (dynsymIdx >= 0) {
    // Dynamic symbols are named with their version as objdump shows them: name@@VER (default) or
    // name@VER (hidden), from .gnu.version and .gnu.version_d.
    const names = versionNames(false);
    const vs = raw.find((s) => s.type === SHT_GNU_VERSYM);
    symbols = readSymbols(dynsymIdx).slice(1).map((s) => {
      if (!vs || s.shndx === 0 || s.name === '' || vs.offset + s.index * 2 + 2 > vs.offset + vs.size) return s;
      const ver = u16(vs.offset + s.index * 2, '.gnu.version');
      const nm = names.names.get(ver & 0x7fff);
      if ((ver & 0x7fff) < 2 || nm === undefined) return s;
      // readSymbols' fields in its order (one object shape for every symbol).
      return { name: s.name + (ver & 0x8000 ? '@' : '@@') + nm, value: s.value, size: s.size, type: s.type, bind: s.bind, other: s.other, shndx: s.shndx, index: s.index };
    });
  } else symbols = [];

  const relocs: ElfRelocSection[] = [];
  raw.forEach((sec, index) => {
    const rela = sec.type === SHT_RELA;
    if ((!rela && sec.type !== SHT_REL) || symtabIdx < 0 || sec.link !== symtabIdx) return;
    const RENT = bits === 64 ? (rela ? 24 : 16) : rela ? 12 : 8;
    if (sec.entsize !== RENT && sec.entsize !== 0) throw new ElfError('corrupt', `relocation entry size ${sec.entsize} in section ${index}, expected ${RENT}`);
    const list: ElfReloc[] = [];
    for (let o = sec.offset; o + RENT <= sec.offset + sec.size; o += RENT) {
      const w = `relocation in section ${index}`;
      if (bits === 64) {
        const info = u64(o + 8, w);
        list.push({ offset: u64(o, w), sym: Number(info >> 32n), type: Number(info & 0xffffffffn), addend: rela ? i64(o + 16, w) : 0n });
      } else {
        const info = u32(o + 4, w);
        list.push({ offset: BigInt(u32(o, w)), sym: info >>> 8, type: info & 0xff, addend: rela ? BigInt(i32(o + 8, w)) : 0n });
      }
    }
    relocs.push({ index, name: sections[index].name, target: sec.info, rela, relocs: list });
  });

  return { bits, machine, type, entry, flags: eflags, sections, symbols, symtab, relocs, segments, dynRelocs: readDynRelocs() };

  /** Version names by index: verdef (defined) and verneed (undefined) entries; `needed` marks the latter. */
  function versionNames(withNeed = true): { names: Map<number, string>; needed: Set<number> } {
    const names = new Map<number, string>();
    const needed = new Set<number>();
    for (const sec of raw) {
      if (sec.type !== SHT_GNU_VERDEF && !(withNeed && sec.type === SHT_GNU_VERNEED)) continue;
      const end = sec.offset + sec.size;
      const w = 'version section';
      let o = sec.offset;
      for (let guard = 0; guard < 4096 && o + 16 <= end; guard++) {
        if (sec.type === SHT_GNU_VERDEF) {
          const aux = u32(o + 12, w);
          if (o + aux + 8 <= end) names.set(u16(o + 4, w), cstr(sec.link, u32(o + aux, w)));
        } else {
          let a = o + u32(o + 8, w);
          for (let k = u16(o + 2, w); k > 0 && a + 16 <= end; k--) {
            names.set(u16(a + 6, w) & 0x7fff, cstr(sec.link, u32(a + 8, w)));
            needed.add(u16(a + 6, w) & 0x7fff);
            const na = u32(a + 12, w);
            if (na === 0) break;
            a += na;
          }
        }
        const next = u32(o + (sec.type === SHT_GNU_VERDEF ? 16 : 12), w);
        if (next === 0) break;
        o += next;
      }
    }
    return { names, needed };
  }

  function readDynRelocs(): ElfDynReloc[] {
    if (dynsymIdx < 0) return [];
    const dyn = readSymbols(dynsymIdx);
    const vs = raw.find((x) => x.type === SHT_GNU_VERSYM);
    const { names: vnames, needed } = versionNames();
    const symAt = (i: number): { sym: string; bare: string; defined: boolean; value: bigint } | undefined => {
      const s = dyn[i];
      if (i === 0 || !s) return undefined;
      let sym = s.name;
      const defined = s.shndx !== 0;
      if (vs && vs.offset + i * 2 + 2 <= vs.offset + vs.size) {
        const ver = u16(vs.offset + i * 2, '.gnu.version');
        const idx = ver & 0x7fff;
        if (idx === 1) sym += defined ? '@@Base' : '@Base';
        // name@@V only for a version this object defines (and not hidden); needed versions are name@V.
        else if (idx >= 2 && vnames.has(idx)) sym += (defined && !(ver & 0x8000) && !needed.has(idx) ? '@@' : '@') + vnames.get(idx);
      }
      return { sym, bare: s.name, defined, value: s.value };
    };
    const out: ElfDynReloc[] = [];
    for (const sec of raw) {
      const rela = sec.type === SHT_RELA;
      if ((!rela && sec.type !== SHT_REL) || sec.link !== dynsymIdx) continue;
      const rent = bits === 64 ? (rela ? 24 : 16) : rela ? 12 : 8;
      const w = 'dynamic relocation';
      for (let o = sec.offset; o + rent <= sec.offset + sec.size; o += rent) {
        let offset: bigint, symIdx: number, rtype: number, addend = 0n;
        if (bits === 64) {
          offset = u64(o, w);
          // r_info's halves as numbers (no BigInt to take apart).
          need(o + 8, 8, w);
          symIdx = v.getUint32(o + 12, true);
          rtype = v.getUint32(o + 8, true);
          if (rela) addend = i64(o + 16, w);
        } else {
          offset = BigInt(u32(o, w));
          const info = u32(o + 4, w);
          symIdx = info >>> 8;
          rtype = info & 0xff;
          if (rela) addend = BigInt(i32(o + 8, w));
        }
        const s = symAt(symIdx);
        out.push({ offset, type: rtype, addend, sym: s?.sym, bare: s?.bare, symDefined: s?.defined ?? false, symValue: s?.value ?? 0n });
      }
    }
    return out;
  }
}

/** Bytes [from, to) of `b` as a string, one character per byte (as String.fromCharCode of each). */
function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  // In pieces: apply's arguments live on the stack.
  for (let at = from; at < to; at += 4096) s += String.fromCharCode.apply(null, b.subarray(at, Math.min(to, at + 4096)) as unknown as number[]);
  return s;
}

/** The bytes of a section (zeros for SHT_NOBITS). */
export function sectionBytes(file: Uint8Array, s: ElfSection): Uint8Array {
  if (s.type === SHT_NOBITS) return new Uint8Array(s.size);
  if (s.offset + s.size > file.length) throw new ElfError('truncated', `section ${s.name} runs past the end of the file`);
  return file.subarray(s.offset, s.offset + s.size);
}
