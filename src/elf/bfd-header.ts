// objdump -f: the BFD view of an ELF file's header, its architecture, BFD flags and entry point:
//
//   architecture: i386:x86-64, flags 0x00000150:
//   HAS_SYMS, DYNAMIC, D_PAGED
//   start address 0x00000000000061d0
//
// The flags are BFD's (bfd.h), set as binutils 2.40 sets them for ELF (measured on objects,
// executables, PIEs and shared libraries): HAS_RELOC for relocation sections against the symbol
// table, EXEC_P for ET_EXEC, HAS_SYMS for a .symtab or .dynsym, DYNAMIC for ET_DYN, D_PAGED when
// every loadable segment's file offset and address agree modulo the 4 KiB page.

import { EM_386, EM_X86_64, SHT_DYNSYM, SHT_SYMTAB, type ElfFile } from './read.js';

const HAS_RELOC = 0x1;
const EXEC_P = 0x2;
const HAS_SYMS = 0x10;
const DYNAMIC = 0x40;
const D_PAGED = 0x100;
const NAMES: readonly [number, string][] = [
  [HAS_RELOC, 'HAS_RELOC'], [EXEC_P, 'EXEC_P'], [0x4, 'HAS_LINENO'], [0x8, 'HAS_DEBUG'], [HAS_SYMS, 'HAS_SYMS'],
  [0x20, 'HAS_LOCALS'], [DYNAMIC, 'DYNAMIC'], [0x80, 'WP_TEXT'], [D_PAGED, 'D_PAGED'],
];
const PT_LOAD = 1;
const ET_EXEC = 2;
const ET_DYN = 3;

/** BFD's architecture name of the file. */
function archName(elf: ElfFile): string {
  if (elf.machine === EM_X86_64) return elf.bits === 64 ? 'i386:x86-64' : 'i386:x64-32';
  if (elf.machine === EM_386) return 'i386';
  return 'UNKNOWN!';
}

/** The lines objdump -f prints after the `file format` line. */
export function fileHeaderText(elf: ElfFile): string {
  let flags = 0;
  if (elf.relocs.length > 0) flags |= HAS_RELOC;
  if (elf.type === ET_EXEC) flags |= EXEC_P;
  if (elf.sections.some((s) => s.type === SHT_SYMTAB || s.type === SHT_DYNSYM)) flags |= HAS_SYMS;
  if (elf.type === ET_DYN) flags |= DYNAMIC;
  const loads = elf.segments.filter((p) => p.type === PT_LOAD);
  if ((elf.type === ET_EXEC || elf.type === ET_DYN) && loads.length > 0 && loads.every((p) => (p.vaddr - BigInt(p.offset)) % 0x1000n === 0n)) flags |= D_PAGED;
  const names = NAMES.filter(([bit]) => flags & bit).map(([, name]) => name).join(', ');
  const entry = BigInt.asUintN(elf.bits, elf.entry).toString(16).padStart(elf.bits / 4, '0');
  return `architecture: ${archName(elf)}, flags 0x${flags.toString(16).padStart(8, '0')}:\n${names}\nstart address 0x${entry}\n`;
}
