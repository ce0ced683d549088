// Objects as GNU as writes them (ELF32/ELF64 relocatable, little-endian) and x86lab's result in
// one comparable shape: every section's bytes, the relocations and the symbols. Shared by the
// kernel-idiom tests (test/asm/kernel-idioms.test.ts) and scripts/kernel-compare.ts.

import type { AssembleResult } from '../../src/asm/result.js';

export interface ObjSection { name: string; type: number; flags: number; bytes: Uint8Array; size: number }
export interface ObjSymbol { name: string; section: string; value: bigint; type: string; size: bigint; binding: string }
export interface ObjReloc { section: string; offset: number; type: number; symbol: string; addend?: bigint }
export interface Obj { sections: ObjSection[]; symbols: ObjSymbol[]; relocs: ObjReloc[]; bits: 32 | 64 }

const STT = ['notype', 'object', 'function', 'section', 'file', 'common', 'tls_object'];
const STB = ['local', 'global', 'weak'];

export function readObj(b: Uint8Array): Obj {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const bits = b[4] === 2 ? 64 : 32;
  const w = bits === 64;
  const off = (o: number): number => (w ? Number(v.getBigUint64(o, true)) : v.getUint32(o, true));
  const shoff = off(w ? 0x28 : 0x20);
  const shentsize = v.getUint16(w ? 0x3a : 0x2e, true);
  const shnum = v.getUint16(w ? 0x3c : 0x30, true);
  const shstrndx = v.getUint16(w ? 0x3e : 0x32, true);
  const raw = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + i * shentsize;
    return w
      ? { name: v.getUint32(o, true), type: v.getUint32(o + 4, true), flags: Number(v.getBigUint64(o + 8, true)), offset: off(o + 24), size: off(o + 32), link: v.getUint32(o + 40, true), info: v.getUint32(o + 44, true), entsize: off(o + 56) }
      : { name: v.getUint32(o, true), type: v.getUint32(o + 4, true), flags: v.getUint32(o + 8, true), offset: v.getUint32(o + 16, true), size: v.getUint32(o + 20, true), link: v.getUint32(o + 24, true), info: v.getUint32(o + 28, true), entsize: v.getUint32(o + 36, true) };
  });
  const cstr = (o: number): string => { let e = o; while (b[e] !== 0) e++; return Buffer.from(b.subarray(o, e)).toString('latin1'); };
  const names = raw.map((s) => cstr(raw[shstrndx].offset + s.name));
  const sections: ObjSection[] = raw.map((s, i) => ({ name: names[i], type: s.type, flags: s.flags, size: s.size, bytes: s.type === 8 ? new Uint8Array(0) : b.subarray(s.offset, s.offset + s.size) }));
  const symbols: ObjSymbol[] = [];
  const symNames: string[] = [];
  const st = raw.findIndex((s) => s.type === 2);
  if (st >= 0) {
    const s = raw[st];
    const ent = w ? 24 : 16;
    for (let o = s.offset; o < s.offset + s.size; o += ent) {
      const nm = v.getUint32(o, true);
      const info = w ? b[o + 4] : b[o + 12];
      const shndx = w ? v.getUint16(o + 6, true) : v.getUint16(o + 14, true);
      const value = w ? v.getBigUint64(o + 8, true) : BigInt(v.getUint32(o + 4, true));
      const size = w ? v.getBigUint64(o + 16, true) : BigInt(v.getUint32(o + 8, true));
      const type = STT[info & 15] ?? String(info & 15);
      const section = shndx === 0 ? '*UND*' : shndx === 0xfff1 ? '*ABS*' : shndx === 0xfff2 ? '*COM*' : names[shndx];
      const name = type === 'section' ? section : cstr(raw[s.link].offset + nm);
      symNames.push(name);
      if (o === s.offset || type === 'section' || type === 'file') continue;
      symbols.push({ name, section, value, type, size, binding: STB[info >> 4] ?? String(info >> 4) });
    }
  }
  const relocs: ObjReloc[] = [];
  raw.forEach((s, i) => {
    if (s.type !== 4 && s.type !== 9) return;
    const rela = s.type === 4;
    const ent = rela ? (w ? 24 : 12) : (w ? 16 : 8);
    for (let o = s.offset; o < s.offset + s.size; o += ent) {
      const offset = off(o);
      const info = w ? v.getBigUint64(o + 8, true) : BigInt(v.getUint32(o + 4, true));
      const sym = Number(w ? info >> 32n : info >> 8n);
      const type = Number(w ? info & 0xffffffffn : info & 0xffn);
      const addend = rela ? (w ? v.getBigInt64(o + 16, true) : BigInt(v.getInt32(o + 8, true))) : undefined;
      relocs.push({ section: names[s.info], offset, type, symbol: sym === 0 ? '*ABS*' : symNames[sym], ...(addend !== undefined ? { addend } : {}) });
    }
  });
  return { sections, symbols, relocs, bits: bits as 32 | 64 };
}

/** Relocation type names by number (x86lab names them). */
export const R64: readonly string[] = ['R_X86_64_NONE', 'R_X86_64_64', 'R_X86_64_PC32', 'R_X86_64_GOT32', 'R_X86_64_PLT32', 'R_X86_64_COPY', 'R_X86_64_GLOB_DAT',
  'R_X86_64_JUMP_SLOT', 'R_X86_64_RELATIVE', 'R_X86_64_GOTPCREL', 'R_X86_64_32', 'R_X86_64_32S', 'R_X86_64_16', 'R_X86_64_PC16',
  'R_X86_64_8', 'R_X86_64_PC8', 'R_X86_64_DTPMOD64', 'R_X86_64_DTPOFF64', 'R_X86_64_TPOFF64', 'R_X86_64_TLSGD', 'R_X86_64_TLSLD',
  'R_X86_64_DTPOFF32', 'R_X86_64_GOTTPOFF', 'R_X86_64_TPOFF32', 'R_X86_64_PC64', 'R_X86_64_GOTOFF64', 'R_X86_64_GOTPC32',
  'R_X86_64_GOT64', 'R_X86_64_GOTPCREL64', 'R_X86_64_GOTPC64', 'R_X86_64_GOTPLT64', 'R_X86_64_PLTOFF64', 'R_X86_64_SIZE32',
  'R_X86_64_SIZE64', 'R_X86_64_GOTPC32_TLSDESC', 'R_X86_64_TLSDESC_CALL', 'R_X86_64_TLSDESC', 'R_X86_64_IRELATIVE',
  'R_X86_64_RELATIVE64', '', '', 'R_X86_64_GOTPCRELX', 'R_X86_64_REX_GOTPCRELX'];
export const R32: string[] = ['R_386_NONE', 'R_386_32', 'R_386_PC32', 'R_386_GOT32', 'R_386_PLT32', 'R_386_COPY', 'R_386_GLOB_DAT', 'R_386_JUMP_SLOT',
  'R_386_RELATIVE', 'R_386_GOTOFF', 'R_386_GOTPC', 'R_386_32PLT', '', '', 'R_386_TLS_TPOFF', 'R_386_TLS_IE', 'R_386_TLS_GOTIE',
  'R_386_TLS_LE', 'R_386_TLS_GD', 'R_386_TLS_LDM', 'R_386_16', 'R_386_PC16', 'R_386_8', 'R_386_PC8'];
R32[43] = 'R_386_GOT32X';

/** The comparable view: sections (hex, or `nobits:SIZE`), relocations and symbols as sorted text lines. */
export interface ObjectView {
  sections: Record<string, string>;
  relocs: string[];
  symbols: string[];
}

/** Sections that carry the object format rather than assembled content (symtab, strtab, rela, rel). */
const FORMAT_SECTIONS = new Set([2, 3, 4, 9]);

export function gnuView(o: Obj): ObjectView {
  const sections: Record<string, string> = {};
  for (const s of o.sections) {
    if (s.name === '' || FORMAT_SECTIONS.has(s.type) || s.size === 0) continue;
    sections[s.name] = s.type === 8 ? `nobits:${s.size}` : Buffer.from(s.bytes).toString('hex');
  }
  const names = o.bits === 64 ? R64 : R32;
  const relocs = o.relocs.map((r) => `${r.section}+${r.offset} ${names[r.type] ?? r.type} ${r.symbol}${r.addend !== undefined ? ` ${r.addend}` : ''}`).sort();
  const symbols = o.symbols.map((s) => `${s.name} ${s.section} ${s.value} ${s.type} ${s.size} ${s.binding}`).sort();
  return { sections, relocs, symbols };
}

export function x86labView(r: AssembleResult): ObjectView {
  const sections: Record<string, string> = {};
  for (const s of r.sections) {
    if (s.size === 0) continue;
    sections[s.name] = s.type === 'nobits' ? `nobits:${s.size}` : Buffer.from(s.bytes).toString('hex');
  }
  const relocs = r.relocations.map((x) => `${x.section}+${x.offset} ${x.type} ${x.symbol}${r.mode === 64 ? ` ${x.addend}` : ''}`).sort();
  // GNU drops local labels (.L*) and local symbols equated to undefined ones from the object.
  const symbols = r.symbols
    .filter((s) => !s.name.startsWith('.L') && !(s.section === '*UND*' && s.binding === 'local'))
    .map((s) => {
      const type = s.section === '*COM*' ? 'object' : s.type === 'tls' ? 'tls_object' : s.type ?? 'notype';
      return `${s.name} ${s.section} ${s.value} ${type} ${s.size ?? 0n} ${s.binding}`;
    }).sort();
  return { sections, relocs, symbols };
}
