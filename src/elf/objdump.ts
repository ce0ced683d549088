// objdump's views of an ELF file other than disassembly: `-h` section headers, `-t` symbol
// table, `-r` relocation records and the relocation lines `-dr` puts inline. The text follows
// GNU objdump 2.40 byte for byte (measured on gcc, GNU as and ld output; test/decode/objdump-flags).

import { relocName } from '../link/reloc.js';
import {
  EM_386, EM_X86_64, PT_LOAD, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_GROUP, SHT_NOBITS, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB,
  type ElfFile, type ElfSection, type ElfSymbol,
} from './read.js';

const SHF_TLS = 0x400;
const SHF_EXCLUDE = 0x80000000;
const STT_SECTION = 3;
const STT_FILE = 4;
const SHN_ABS = 0xfff1;
const SHN_COMMON = 0xfff2;

/** objdump's "file format" name. */
export function formatName(elf: ElfFile): string {
  if (elf.machine === EM_X86_64) return elf.bits === 64 ? 'elf64-x86-64' : 'elf32-x86-64';
  if (elf.machine === EM_386) return 'elf32-i386';
  return `elf${elf.bits}-little`;
}

const hexw = (v: bigint | number, w: number): string => BigInt(v).toString(16).padStart(w, '0');

/** The sections BFD shows: not the null one, not symbol/string tables or relocations it consumed. */
export function bfdSections(elf: ElfFile): ElfSection[] {
  const consumed = new Set(elf.relocs.map((r) => r.index));
  return elf.sections.filter((s) => {
    if (s.index === 0) return false;
    if (s.type === SHT_SYMTAB) return false;
    if (s.type === SHT_STRTAB && (s.flags & SHF_ALLOC) === 0) return false;
    if ((s.type === SHT_REL || s.type === SHT_RELA) && consumed.has(s.index)) return false;
    return true;
  });
}

const DEBUG_NAME = /^\.(debug|zdebug|gnu\.linkonce\.wi\.|line$|stab)/;

function sectionFlags(elf: ElfFile, s: ElfSection): string[] {
  const f: string[] = [];
  const alloc = (s.flags & SHF_ALLOC) !== 0;
  const contents = s.type !== SHT_NOBITS;
  const hasRelocs = elf.relocs.some((r) => r.target === s.index && r.relocs.length > 0);
  if (contents) f.push('CONTENTS');
  if (alloc) f.push('ALLOC');
  if (alloc && contents) f.push('LOAD');
  if (hasRelocs) f.push('RELOC');
  if ((s.flags & SHF_WRITE) === 0) f.push('READONLY');
  if (s.flags & SHF_EXECINSTR) f.push('CODE');
  else if (alloc && contents) f.push('DATA');
  const debug = !alloc && DEBUG_NAME.test(s.name);
  if (debug) f.push('DEBUGGING');
  if (s.flags & SHF_EXCLUDE) f.push('EXCLUDE');
  if (s.flags & SHF_TLS) f.push('THREAD_LOCAL');
  if (s.type === SHT_GROUP) f.push('GROUP', 'LINK_ONCE_DISCARD');
  if (debug) f.push('OCTETS');
  return f;
}

/** A section's load address: its address moved by the PT_LOAD segment holding it (VMA - vaddr + paddr). */
function lma(elf: ElfFile, s: ElfSection): bigint {
  if ((s.flags & SHF_ALLOC) === 0) return s.addr;
  for (const p of elf.segments) {
    if (p.type !== PT_LOAD) continue;
    if (s.addr >= p.vaddr && s.addr + BigInt(s.size) <= p.vaddr + BigInt(p.memsz) && (s.type === SHT_NOBITS || (s.offset >= p.offset && s.offset < p.offset + Math.max(p.filesz, 1)))) return s.addr - p.vaddr + p.paddr;
  }
  return s.addr;
}

/** `objdump -h` (after the file format line). */
export function sectionHeadersText(elf: ElfFile, wide: boolean, only?: (s: ElfSection) => boolean): string {
  const all = bfdSections(elf);
  const secs = only ? all.filter(only) : all;
  const aw = elf.bits === 64 ? 16 : 8;
  const nameW = wide ? Math.max(13, ...secs.map((s) => s.name.length)) : 13;
  let t = `Sections:\nIdx ${'Name'.padEnd(nameW)} Size      ${'VMA'.padEnd(aw)}  ${'LMA'.padEnd(aw)}  File off  Algn${wide ? '  Flags' : ''}\n`;
  secs.forEach((s) => {
    const i = all.indexOf(s);
    const algn = s.addralign > 0 ? Math.round(Math.log2(s.addralign)) : 0;
    const row = `${String(i).padStart(3)} ${s.name.padEnd(nameW)} ${hexw(s.size, 8)}  ${hexw(s.addr, aw)}  ${hexw(lma(elf, s), aw)}  ${hexw(s.offset, 8)}  2**${algn}`;
    const flags = sectionFlags(elf, s).join(', ');
    t += wide ? `${row}  ${flags}\n` : `${row}\n                  ${flags}\n`;
  });
  return t;
}

function symSectionName(elf: ElfFile, s: ElfSymbol): string {
  if (s.shndx === 0) return '*UND*';
  if (s.shndx === SHN_ABS) return '*ABS*';
  if (s.shndx === SHN_COMMON) return '*COM*';
  return elf.sections[s.shndx]?.name ?? '*UND*';
}

/** The name BFD gives a symbol: section symbols are named after their section. */
export function bfdSymbolName(elf: ElfFile, s: ElfSymbol): string {
  return s.type === STT_SECTION ? (elf.sections[s.shndx]?.name ?? '') : s.name;
}

/** `objdump -t` (after the file format line). */
export function symbolTableText(elf: ElfFile): string {
  const aw = elf.bits === 64 ? 16 : 8;
  const syms = elf.symtab.slice(1);
  if (syms.length === 0) return 'SYMBOL TABLE:\nno symbols\n\n\n';
  let t = 'SYMBOL TABLE:\n';
  for (const s of syms) {
    const common = s.shndx === SHN_COMMON;
    const local = s.bind === 0;
    // Undefined and common symbols are neither local nor global to BFD.
    const global = s.bind === 1 && !common && s.shndx !== 0;
    const c1 = local ? 'l' : global ? 'g' : s.bind === 10 ? 'u' : ' ';
    const weak = s.bind === 2 ? 'w' : ' ';
    const ifunc = s.type === 10 ? 'i' : ' ';
    const debug = s.type === STT_SECTION || s.type === STT_FILE ? 'd' : ' ';
    const kind = s.type === 2 || s.type === 10 ? 'F' : s.type === STT_FILE ? 'f' : s.type === 1 || (common && s.type !== 6) ? 'O' : ' ';
    // BFD keeps a common symbol's size as its value and prints the alignment in the size column.
    const value = common ? BigInt(s.size) : s.value;
    const size = common ? s.value : BigInt(s.size);
    const vis = s.other & 3;
    const other = s.other === 0 ? '' : vis === 1 ? ' .internal' : vis === 2 ? ' .hidden' : vis === 3 ? ' .protected' : ` 0x${hexw(s.other, 2)}`;
    t += `${hexw(value, aw)} ${c1}${weak}  ${ifunc}${debug}${kind} ${symSectionName(elf, s)}\t${hexw(size, aw)}${other} ${bfdSymbolName(elf, s)}\n`;
  }
  return t + '\n\n';
}

/** The symbol part of a relocation as objdump names it, and the addend to show. */
function relocTarget(elf: ElfFile, symIdx: number): string {
  if (symIdx === 0) return '*ABS*';
  const s = elf.symtab[symIdx];
  if (!s) return '*ABS*';
  return bfdSymbolName(elf, s);
}

function mode(elf: ElfFile): 32 | 64 {
  return elf.machine === EM_X86_64 ? 64 : 32;
}

/** Relocations of one section for `-dr`: `OFFSET: TYPE\tSYM+0xADDEND`, offsets relative to the section. */
export function inlineRelocs(elf: ElfFile, sectionIndex: number): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  const sec = elf.sections[sectionIndex];
  for (const rs of elf.relocs) {
    if (rs.target !== sectionIndex) continue;
    for (const r of rs.relocs) {
      const name = relocTarget(elf, r.sym);
      const add = r.addend === 0n ? '' : r.addend > 0n ? `+0x${r.addend.toString(16)}` : `-0x${(-r.addend).toString(16)}`;
      // Executables (--emit-relocs) hold addresses; objects hold section offsets.
      const off = elf.type === 1 ? r.offset : r.offset - sec.addr;
      out.push({ offset: Number(off), text: `${(sec.addr + off).toString(16)}: ${relocName(r.type, mode(elf))}\t${name}${add}` });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** `objdump -r` (after the file format line). */
export function relocRecordsText(elf: ElfFile, only?: (s: ElfSection) => boolean): string {
  const aw = elf.bits === 64 ? 16 : 8;
  let t = '';
  for (const rs of elf.relocs) {
    const target = elf.sections[rs.target];
    if (!target || (only && !only(target)) || rs.relocs.length === 0) continue;
    t += `RELOCATION RECORDS FOR [${target.name}]:\n${'OFFSET'.padEnd(aw)} TYPE              VALUE\n`;
    for (const r of rs.relocs) {
      const add = r.addend === 0n ? '' : r.addend > 0n ? `+0x${hexw(r.addend, aw)}` : `-0x${hexw(-r.addend, aw)}`;
      t += `${hexw(r.offset, aw)} ${relocName(r.type, mode(elf)).padEnd(16)}  ${relocTarget(elf, r.sym)}${add}\n`;
    }
    t += '\n\n';
  }
  return t;
}
