// A minimal ELF32/ELF64 little-endian reader: sections and symbols, enough for `x86lab dis -f elf`.

export interface ElfSection {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: bigint;
  readonly offset: number;
  readonly size: number;
  readonly index: number;
}

export interface ElfSymbol {
  readonly name: string;
  readonly value: bigint;
  readonly size: number;
  /** STT_* (0 notype, 1 object, 2 func, 3 section, 4 file). */
  readonly type: number;
  /** STB_* (0 local, 1 global, 2 weak). */
  readonly bind: number;
  /** Section index (0 = undefined, >= 0xff00 special). */
  readonly shndx: number;
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
  readonly sections: readonly ElfSection[];
  readonly symbols: readonly ElfSymbol[];
  readonly dynRelocs: readonly ElfDynReloc[];
}

export const SHF_EXECINSTR = 4;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_DYNSYM = 11;
export const SHT_RELA = 4;
export const SHT_REL = 9;
export const SHT_GNU_VERDEF = 0x6ffffffd;
export const SHT_GNU_VERNEED = 0x6ffffffe;
export const SHT_GNU_VERSYM = 0x6fffffff;
export const EM_386 = 3;
export const EM_X86_64 = 62;

export class ElfError extends Error {}

export function isElf(b: Uint8Array): boolean {
  return b.length >= 16 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;
}

export function readElf(b: Uint8Array): ElfFile {
  if (!isElf(b)) throw new ElfError('not an ELF file');
  const cls = b[4];
  if (cls !== 1 && cls !== 2) throw new ElfError(`unknown ELF class ${cls}`);
  if (b[5] !== 1) throw new ElfError('only little-endian ELF files are supported');
  const bits = cls === 2 ? 64 : 32;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (o: number) => v.getUint16(o, true);
  const u32 = (o: number) => v.getUint32(o, true);
  const addrAt = (o: number): bigint => (bits === 64 ? v.getBigUint64(o, true) : BigInt(v.getUint32(o, true)));
  const offAt = (o: number): number => (bits === 64 ? Number(v.getBigUint64(o, true)) : v.getUint32(o, true));
  const type = u16(16);
  const machine = u16(18);
  const shoff = bits === 64 ? offAt(0x28) : offAt(0x20);
  const shentsize = u16(bits === 64 ? 0x3a : 0x2e);
  let shnum = u16(bits === 64 ? 0x3c : 0x30);
  let shstrndx = u16(bits === 64 ? 0x3e : 0x32);
  if (shoff === 0) return { bits, machine, type, sections: [], symbols: [], dynRelocs: [] };
  if (shoff + shentsize > b.length) throw new ElfError('section header table past the end of the file');
  if (shnum === 0) shnum = offAt(shoff + (bits === 64 ? 0x20 : 0x14));
  if (shstrndx === 0xffff) shstrndx = u32(shoff + (bits === 64 ? 0x28 : 0x18));
  const raw: { name: number; type: number; flags: number; addr: bigint; offset: number; size: number; link: number; entsize: number }[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    if (o + shentsize > b.length) throw new ElfError('truncated section header table');
    if (bits === 64) {
      raw.push({ name: u32(o), type: u32(o + 4), flags: Number(v.getBigUint64(o + 8, true) & 0xffffffffn), addr: addrAt(o + 16), offset: offAt(o + 24), size: offAt(o + 32), link: u32(o + 40), entsize: offAt(o + 56) });
    } else {
      raw.push({ name: u32(o), type: u32(o + 4), flags: u32(o + 8), addr: addrAt(o + 12), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24), entsize: u32(o + 36) });
    }
  }
  const cstr = (off: number): string => {
    let e = off;
    while (e < b.length && b[e] !== 0) e++;
    return Buffer.from(b.subarray(off, e)).toString('latin1');
  };
  const shstr = raw[shstrndx];
  const sections: ElfSection[] = raw.map((s, index) => ({
    name: shstr ? cstr(shstr.offset + s.name) : '', type: s.type, flags: s.flags, addr: s.addr, offset: s.offset, size: s.size, index,
  }));
  let symtab = raw.findIndex((s) => s.type === SHT_SYMTAB);
  const dynamic = symtab < 0;
  if (dynamic) symtab = raw.findIndex((s) => s.type === SHT_DYNSYM);
  // Dynamic symbols are named with their version as objdump shows them: name@@VER (default) or
  // name@VER (hidden), from .gnu.version and .gnu.version_d.
  const verNames = new Map<number, string>();
  const versym = dynamic ? raw.find((s) => s.type === SHT_GNU_VERSYM) : undefined;
  const verdef = dynamic ? raw.find((s) => s.type === SHT_GNU_VERDEF) : undefined;
  if (verdef && raw[verdef.link]) {
    const strOff = raw[verdef.link].offset;
    let o = verdef.offset;
    for (let guard = 0; guard < 4096 && o + 20 <= b.length; guard++) {
      const ndx = u16(o + 4);
      const aux = u32(o + 12);
      const next = u32(o + 16);
      if (o + aux + 8 <= b.length) verNames.set(ndx, cstr(strOff + u32(o + aux)));
      if (next === 0) break;
      o += next;
    }
  }
  const symbols: ElfSymbol[] = [];
  if (symtab >= 0) {
    const st = raw[symtab];
    const strs = raw[st.link];
    const ent = st.entsize || (bits === 64 ? 24 : 16);
    for (let o = st.offset + ent; o + ent <= st.offset + st.size && o + ent <= b.length; o += ent) {
      let name: number, value: bigint, size: number, info: number, shndx: number;
      if (bits === 64) {
        name = u32(o); info = b[o + 4]; shndx = u16(o + 6); value = v.getBigUint64(o + 8, true); size = Number(v.getBigUint64(o + 16, true));
      } else {
        name = u32(o); value = BigInt(u32(o + 4)); size = u32(o + 8); info = b[o + 12]; shndx = u16(o + 14);
      }
      let nm = strs ? cstr(strs.offset + name) : '';
      if (versym && shndx !== 0 && nm !== '') {
        const i = (o - st.offset) / ent;
        const vo = versym.offset + i * 2;
        if (vo + 2 <= b.length) {
          const v = u16(vo);
          const ver = verNames.get(v & 0x7fff);
          if ((v & 0x7fff) >= 2 && ver !== undefined) nm += (v & 0x8000 ? '@' : '@@') + ver;
        }
      }
      symbols.push({ name: nm, value, size, type: info & 15, bind: info >> 4, shndx });
    }
  }
  const needed = new Set<number>();
  return { bits, machine, type, sections, symbols, dynRelocs: readDynRelocs() };

  /** Version names by index: verdef (defined) and verneed (undefined) entries of the dynamic symbols. */
  function versionNames(): Map<number, string> {
    const names = new Map<number, string>();
    needed.clear();
    for (const sec of raw) {
      if ((sec.type !== SHT_GNU_VERDEF && sec.type !== SHT_GNU_VERNEED) || !raw[sec.link]) continue;
      const strOff = raw[sec.link].offset;
      let o = sec.offset;
      for (let guard = 0; guard < 4096 && o + 16 <= b.length; guard++) {
        if (sec.type === SHT_GNU_VERDEF) {
          const aux = u32(o + 12);
          if (o + aux + 8 <= b.length) names.set(u16(o + 4), cstr(strOff + u32(o + aux)));
        } else {
          let a = o + u32(o + 8);
          for (let k = u16(o + 2); k > 0 && a + 16 <= b.length; k--) {
            names.set(u16(a + 6) & 0x7fff, cstr(strOff + u32(a + 8)));
            needed.add(u16(a + 6) & 0x7fff);
            const na = u32(a + 12);
            if (na === 0) break;
            a += na;
          }
        }
        const next = u32(o + (sec.type === SHT_GNU_VERDEF ? 16 : 12));
        if (next === 0) break;
        o += next;
      }
    }
    return names;
  }

  function readDynRelocs(): ElfDynReloc[] {
    const dynsymIdx = raw.findIndex((x) => x.type === SHT_DYNSYM);
    if (dynsymIdx < 0) return [];
    const ds = raw[dynsymIdx];
    const dstr = raw[ds.link];
    const ent = ds.entsize || (bits === 64 ? 24 : 16);
    const vs = raw.find((x) => x.type === SHT_GNU_VERSYM);
    const vnames = versionNames();
    const symAt = (i: number): { sym: string; bare: string; defined: boolean; value: bigint } | undefined => {
      const o = ds.offset + i * ent;
      if (i === 0 || o + ent > b.length) return undefined;
      const nm = dstr ? cstr(dstr.offset + u32(o)) : '';
      const shndx = bits === 64 ? u16(o + 6) : u16(o + 14);
      const value = bits === 64 ? v.getBigUint64(o + 8, true) : BigInt(u32(o + 4));
      let sym = nm;
      if (vs && vs.offset + i * 2 + 2 <= b.length) {
        const ver = u16(vs.offset + i * 2);
        const idx = ver & 0x7fff;
        const defined = shndx !== 0;
        if (idx === 1) sym += defined ? '@@Base' : '@Base';
        // name@@V only for a version this object defines (and not hidden); needed versions are name@V.
        else if (idx >= 2 && vnames.has(idx)) sym += (defined && !(ver & 0x8000) && !needed.has(idx) ? '@@' : '@') + vnames.get(idx);
      }
      return { sym, bare: nm, defined: shndx !== 0, value };
    };
    const out: ElfDynReloc[] = [];
    for (const sec of raw) {
      const rela = sec.type === SHT_RELA;
      if ((!rela && sec.type !== SHT_REL) || sec.link !== dynsymIdx) continue;
      const rent = sec.entsize || (bits === 64 ? (rela ? 24 : 16) : rela ? 12 : 8);
      for (let o = sec.offset; o + rent <= sec.offset + sec.size && o + rent <= b.length; o += rent) {
        let offset: bigint, symIdx: number, rtype: number, addend = 0n;
        if (bits === 64) {
          offset = v.getBigUint64(o, true);
          const info = v.getBigUint64(o + 8, true);
          symIdx = Number(info >> 32n);
          rtype = Number(info & 0xffffffffn);
          if (rela) addend = v.getBigInt64(o + 16, true);
        } else {
          offset = BigInt(u32(o));
          const info = u32(o + 4);
          symIdx = info >>> 8;
          rtype = info & 0xff;
          if (rela) addend = BigInt(v.getInt32(o + 8, true));
        }
        const s = symAt(symIdx);
        out.push({ offset, type: rtype, addend, sym: s?.sym, bare: s?.bare, symDefined: s?.defined ?? false, symValue: s?.value ?? 0n });
      }
    }
    return out;
  }
}
