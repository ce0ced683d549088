// The linker's view of one input: sections, symbols and relocations, whether they come from an
// ELF relocatable object (gcc's, GNU as's, x86lab's) or straight from an x86lab assembly.

import type { AssembleResult } from '../asm/result.js';
import {
  EM_386, EM_X86_64, ET_REL, SHF_ALLOC, SHF_EXECINSTR, SHF_MERGE, SHF_STRINGS, SHF_WRITE, SHN_ABS, SHN_COMMON, SHN_UNDEF, SHT_GROUP, SHT_NOBITS,
  SHT_NOTE, SHT_PROGBITS, ElfError, readElf, sectionBytes, type ElfFile,
} from '../elf/read.js';
import { relocNumber } from './reloc.js';

export interface InSection {
  readonly name: string;
  readonly nobits: boolean;
  /** Loaded into memory (SHF_ALLOC; every section of an x86lab listing, as the loader always did). */
  readonly alloc: boolean;
  readonly write: boolean;
  readonly exec: boolean;
  readonly align: number;
  readonly size: number;
  readonly bytes: Uint8Array;
  /** SHF_MERGE: entries of `entsize` bytes (NUL-terminated strings with SHF_STRINGS) ld may share. */
  readonly merge?: { readonly entsize: number; readonly strings: boolean };
}

export type SymPlace = number | 'und' | 'abs' | 'common';

export interface InSymbol {
  readonly name: string;
  /** Index into the input's sections, or undefined / absolute / common. */
  readonly place: SymPlace;
  /** Offset in its section; the value for absolute ones; the alignment for common ones. */
  readonly value: bigint;
  readonly size: bigint;
  readonly bind: 'local' | 'global' | 'weak';
  readonly kind: 'section' | 'file' | 'func' | 'object' | 'other';
}

export interface InReloc {
  /** Index of the patched section. */
  readonly section: number;
  readonly offset: number;
  /** ELF relocation type number (R_X86_64_* or R_386_*). */
  readonly type: number;
  /** Index into the input's symbols. */
  readonly sym: number;
  /** The addend; undefined for REL entries, whose addend sits in the patched field. */
  readonly addend: bigint | undefined;
}

export interface LinkInput {
  readonly file: string;
  readonly mode: 32 | 64;
  readonly sections: readonly InSection[];
  readonly symbols: readonly InSymbol[];
  readonly relocs: readonly InReloc[];
  /** COMDAT group signatures with the sections each group holds (ld keeps the first group of a name). */
  readonly groups: readonly { signature: string; sections: readonly number[] }[];
}

const BIND = ['local', 'global', 'weak'] as const;
/** Largest section alignment accepted (2 MiB) and largest section (256 MiB, the image limit). */
export const MAX_ALIGN = 1 << 21;
export const MAX_SECTION = 1 << 28;

function kindOf(t: number): InSymbol['kind'] {
  return t === 3 ? 'section' : t === 4 ? 'file' : t === 2 || t === 10 ? 'func' : t === 1 ? 'object' : 'other';
}

/** An ELF relocatable object as link input. Throws ElfError for files that are not one. */
export function inputFromElf(bytes: Uint8Array, file: string, elf: ElfFile = readElf(bytes)): LinkInput {
  if (elf.type !== ET_REL) throw new ElfError('format', 'not a relocatable object');
  if (elf.machine !== EM_X86_64 && elf.machine !== EM_386) throw new ElfError('format', `machine ${elf.machine} is not x86`);
  const mode: 32 | 64 = elf.bits === 64 ? 64 : 32;
  // Index map: ELF section index -> our section index (every ELF section keeps its slot).
  const sections: InSection[] = elf.sections.map((s) => {
    // ld accepts any power of two; more than 2 MiB (a huge page) is a corrupt header here.
    if (s.addralign > MAX_ALIGN || (s.addralign & (s.addralign - 1)) !== 0) throw new ElfError('corrupt', `section ${s.name} has alignment ${s.addralign}`);
    if (s.size > MAX_SECTION) throw new ElfError('corrupt', `section ${s.name} is ${s.size} bytes`);
    const loadable = (s.flags & SHF_ALLOC) !== 0 && (s.type === SHT_PROGBITS || s.type === SHT_NOBITS || s.type === SHT_NOTE || s.type >= 14 && s.type <= 16);
    return {
      name: s.name, nobits: s.type === SHT_NOBITS, alloc: loadable, write: (s.flags & SHF_WRITE) !== 0, exec: (s.flags & SHF_EXECINSTR) !== 0,
      align: Math.max(1, s.addralign), size: s.size,
      // A private copy: relocation patches it.
      bytes: loadable && s.type !== SHT_NOBITS ? Uint8Array.from(sectionBytes(bytes, s)) : new Uint8Array(0),
      ...((s.flags & SHF_MERGE) && s.entsize > 0 ? { merge: { entsize: s.entsize, strings: (s.flags & SHF_STRINGS) !== 0 } } : {}),
    };
  });
  const symbols: InSymbol[] = elf.symtab.map((s) => {
    let place: SymPlace;
    if (s.shndx === SHN_UNDEF) place = 'und';
    else if (s.shndx === SHN_ABS) place = 'abs';
    else if (s.shndx === SHN_COMMON) place = 'common';
    else if (s.shndx < elf.sections.length) place = s.shndx;
    else throw new ElfError('corrupt', `symbol ${s.index} has section index ${s.shndx}`);
    const name = s.type === 3 && typeof place === 'number' ? elf.sections[place].name : s.name;
    const bind = BIND[s.bind] ?? (s.bind === 10 ? 'global' : 'local');
    return { name, place, value: s.value, size: BigInt(s.size), bind, kind: kindOf(s.type) };
  });
  const relocs: InReloc[] = [];
  for (const rs of elf.relocs) {
    if (rs.target >= sections.length) throw new ElfError('corrupt', `relocation section ${rs.name} patches section ${rs.target}`);
    if (!sections[rs.target].alloc) continue; // debug info and the like are not loaded
    for (const r of rs.relocs) {
      if (r.sym >= symbols.length) throw new ElfError('corrupt', `relocation in ${rs.name} names symbol ${r.sym} of ${symbols.length}`);
      if (r.offset > BigInt(sections[rs.target].size)) throw new ElfError('corrupt', `relocation in ${rs.name} at 0x${r.offset.toString(16)} is outside its section`);
      relocs.push({ section: rs.target, offset: Number(r.offset), type: r.type, sym: r.sym, addend: rs.rela ? r.addend : undefined });
    }
  }
  const groups: { signature: string; sections: number[] }[] = [];
  for (const s of elf.sections) {
    if (s.type !== SHT_GROUP) continue;
    const sig = elf.symtab[s.info];
    const body = sectionBytes(bytes, s);
    const members: number[] = [];
    for (let o = 4; o + 4 <= body.length; o += 4) {
      const idx = body[o] | (body[o + 1] << 8) | (body[o + 2] << 16) | (body[o + 3] << 24);
      if (idx > 0 && idx < sections.length) members.push(idx);
    }
    // Flag word 1 = GRP_COMDAT; other groups are kept whole.
    if (sig && body.length >= 4 && (body[0] & 1)) groups.push({ signature: sig.name, sections: members });
  }
  return { file, mode, sections, symbols, relocs, groups };
}

/** An x86lab assembly as link input (no ELF round trip). */
export function inputFromAssembly(res: AssembleResult, file: string): LinkInput {
  const sections: InSection[] = res.sections.map((s) => ({
    name: s.name, nobits: s.type === 'nobits', alloc: true, write: s.flags.includes('w'), exec: s.flags.includes('x'),
    // No SHF_MERGE sharing: x86lab's relocations name local labels of merge sections as section +
    // addend, pc-relative ones included, which does not say which entry they mean (GNU as keeps
    // the label for that reason). Unshared, every reference stays right.
    align: s.align || 1, size: s.size, bytes: s.type === 'nobits' ? new Uint8Array(0) : Uint8Array.from(s.bytes),
  }));
  const secIndex = new Map(res.sections.map((s, i) => [s.name, i] as const));
  // A section symbol per section first (relocations against local labels name their section).
  const symbols: InSymbol[] = res.sections.map((s, i) => ({ name: s.name, place: i, value: 0n, size: 0n, bind: 'local', kind: 'section' }));
  const byName = new Map<string, number>();
  for (const s of res.symbols) {
    if (s.name === '') continue;
    const place: SymPlace = s.section === '*UND*' ? 'und' : s.section === '*ABS*' ? 'abs' : s.section === '*COM*' ? 'common' : secIndex.get(s.section) ?? 'und';
    const kind: InSymbol['kind'] = s.type === 'function' || s.type === 'func' ? 'func' : s.type === 'object' ? 'object' : 'other';
    const value = place === 'abs' || place === 'common' ? BigInt.asUintN(64, s.value) : s.value;
    const i = symbols.push({ name: s.name, place, value, size: s.size ?? 0n, bind: s.binding, kind }) - 1;
    if (!byName.has(s.name) || place !== 'und') byName.set(s.name, i);
  }
  const relocs: InReloc[] = [];
  for (const r of res.relocations) {
    const sec = secIndex.get(r.section);
    if (sec === undefined) continue;
    let sym = secIndex.get(r.symbol);
    if (sym === undefined) sym = byName.get(r.symbol);
    if (sym === undefined) sym = symbols.push({ name: r.symbol, place: 'und', value: 0n, size: 0n, bind: 'global', kind: 'other' }) - 1;
    const type = relocNumber(r.type, res.mode);
    relocs.push({ section: sec, offset: r.offset, type, sym, addend: r.addend });
  }
  return { file, mode: res.mode, sections, symbols, relocs, groups: [] };
}
