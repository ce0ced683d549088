// --generate-missing-build-notes=yes: GNU as 2.40 (x86 ELF too) adds, unless the file has a
// .gnu.build.attributes section itself, one "open" build-attribute note per executable section, in
// the order the sections were made, that says which address range the section covers: the note
// name "GA$<version>3a1", type NT_GNU_BUILD_ATTRIBUTE_OPEN (0x100), a start and an end address
// (words of the object's size, relocated against the section). Layout measured with readelf/objdump.

import { emitBytes, here, isCode } from './sections.js';
import type { Assembly } from './state.js';

const NT_GNU_BUILD_ATTRIBUTE_OPEN = 0x100;
/** "GA" $ <version: 1> "3a1" NUL, padded to 8 bytes. */
const NAME = [0x47, 0x41, 0x24, 0x01, 0x33, 0x61, 0x31, 0x00];

export function emitBuildNotes(asm: Assembly): void {
  if (asm.hasSection('.gnu.build.attributes')) return;
  const code = asm.sections.filter(isCode);
  const word = asm.objMode === 64 ? 8 : 4;
  // Where each code section ends now, before the notes section is made.
  const ranges = code.map((sec) => ({ start: asm.symbols.temp(sec, { frag: sec.frags[0], off: 0 }), end: asm.symbols.temp(sec, here(sec)) }));
  const notes = asm.section('.gnu.build.attributes', '', 'note');
  notes.align = Math.max(notes.align, 4);
  const saved = asm.cur;
  asm.cur = notes;
  for (const r of ranges) {
    emitBytes(notes, [...le(NAME.length), ...le(2 * word), ...le(NT_GNU_BUILD_ATTRIBUTE_OPEN), ...NAME]);
    asm.emitValue({ add: 0n, sym: r.start }, word);
    asm.emitValue({ add: 0n, sym: r.end }, word);
  }
  asm.cur = saved;
}

function le(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}
