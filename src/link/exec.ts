// Loading an ELF executable made by ld: its allocated sections at their addresses (or, without
// section headers, its PT_LOAD segments), its .symtab, and e_entry.

import { ET_EXEC, EM_386, EM_X86_64, ElfError, PT_LOAD, SHF_ALLOC, SHT_NOBITS, readElf, sectionBytes, type ElfFile } from '../elf/read.js';
import type { Image, LoadedSection } from './image.js';
import { MAX_IMAGE } from './link.js';

/** Addresses the harness can map: below 2^53 (JS numbers) and, for i386, below 4 GiB. */
function addrNumber(a: bigint, what: string): number {
  if (a > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError('corrupt', `${what} at 0x${a.toString(16)} is beyond the harness's address range`);
  return Number(a);
}

export function imageFromExecutable(bytes: Uint8Array, file: string, elf: ElfFile = readElf(bytes)): Image {
  if (elf.type !== ET_EXEC) throw new ElfError('format', 'not an executable');
  if (elf.machine !== EM_X86_64 && elf.machine !== EM_386) throw new ElfError('format', `machine ${elf.machine} is not x86`);
  const sections: LoadedSection[] = [];
  let total = 0;
  const budget = (n: number, what: string): void => {
    total += n;
    if (total > MAX_IMAGE) throw new ElfError('corrupt', `${what} takes the image past ${MAX_IMAGE >> 20} MiB`);
  };
  const alloc = elf.sections.filter((s) => (s.flags & SHF_ALLOC) !== 0 && s.size > 0);
  if (alloc.length > 0) {
    for (const s of alloc) {
      const nobits = s.type === SHT_NOBITS;
      budget(s.size, `section ${s.name}`);
      sections.push({ name: s.name, addr: addrNumber(s.addr, `section ${s.name}`), size: s.size, align: Math.max(1, s.addralign), bytes: nobits ? new Uint8Array(s.size) : Uint8Array.from(sectionBytes(bytes, s)), nobits });
    }
  } else {
    elf.segments.forEach((p, i) => {
      if (p.type !== PT_LOAD || p.memsz === 0) return;
      budget(p.memsz, `segment ${i}`);
      const b = new Uint8Array(p.memsz);
      b.set(bytes.subarray(p.offset, p.offset + Math.min(p.filesz, p.memsz)));
      sections.push({ name: `segment${i}`, addr: addrNumber(p.vaddr, `segment ${i}`), size: p.memsz, align: Math.max(1, p.align), bytes: b, nobits: false });
    });
  }
  const symbols = new Map<string, number>();
  // Globals first, so a label shared by a local and a global shows the global name.
  const syms = [...elf.symbols].sort((a, b) => (a.bind === 0 ? 1 : 0) - (b.bind === 0 ? 1 : 0));
  for (const s of syms) {
    if (s.name === '' || s.name.startsWith('.L') || s.type === 3 || s.type === 4 || s.shndx === 0 || symbols.has(s.name)) continue;
    if (s.value > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    symbols.set(s.name, Number(s.value));
  }
  return { mode: elf.bits === 64 ? 64 : 32, file, sections, symbols, diagnostics: [], entry: addrNumber(elf.entry, 'entry point') };
}
