// --compress-debug-sections: GNU as 2.40 compresses each `.debug_*` section with zlib after its
// contents are final (i386 REL addends already in place), and keeps it only where that is smaller:
//   zlib / zlib-gabi  SHF_COMPRESSED, an Elf32/64_Chdr (ELFCOMPRESS_ZLIB, size, alignment) then
//                     the zlib stream; the section is aligned to the header's word size
//   zlib-gnu          renamed .zdebug_*, "ZLIB" and the size as 8 big-endian bytes, then the stream
// (measured on GNU as 2.40: a section of fewer than 32 bytes, or one that would not shrink, stays
// as it is). The deflate itself is passed in (the output stage stays free of node modules); the
// bytes match GNU's only with the reference zlib's algorithm at its default level (6).

import type { SectionOut } from '../asm/result.js';

export type DebugCompression = 'zlib' | 'zlib-gnu';

export interface DebugCompressor {
  readonly how: DebugCompression;
  /** A zlib stream (RFC 1950) of the bytes, as zlib's compress() at level 6 writes it. */
  readonly deflate: (data: Uint8Array) => Uint8Array;
}

/** GNU leaves sections shorter than this uncompressed (measured). */
const MIN_SIZE = 32;

/**
 * The sections with the debug ones compressed, and the names the ELF headers give them (zlib-gnu's
 * .zdebug_*; symbols and relocations keep using the section's own name).
 */
export function compressDebugSections(sections: readonly SectionOut[], wide: boolean, c: DebugCompressor):
  { sections: SectionOut[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const out = sections.map((s): SectionOut => {
    if (!s.name.startsWith('.debug_') || s.type === 'nobits' || s.size < MIN_SIZE) return s;
    const z = c.deflate(s.bytes.subarray(0, s.size));
    const gabi = c.how === 'zlib';
    const header = gabi ? (wide ? 24 : 12) : 12;
    if (header + z.length >= s.size) return s;
    const bytes = new Uint8Array(header + z.length);
    const v = new DataView(bytes.buffer);
    if (gabi) {
      // Elf32_Chdr { ch_type, ch_size, ch_addralign } / Elf64_Chdr { ch_type, ch_reserved, ch_size, ch_addralign }
      v.setUint32(0, 1, true); // ELFCOMPRESS_ZLIB
      if (wide) { v.setBigUint64(8, BigInt(s.size), true); v.setBigUint64(16, BigInt(Math.max(1, s.align)), true); }
      else { v.setUint32(4, s.size, true); v.setUint32(8, Math.max(1, s.align), true); }
    } else {
      bytes.set([0x5a, 0x4c, 0x49, 0x42]); // "ZLIB"
      v.setBigUint64(4, BigInt(s.size), false);
    }
    bytes.set(z, header);
    if (gabi) return { ...s, flags: s.flags + 'C', align: wide ? 8 : 4, size: bytes.length, bytes };
    names.set(s.name, '.z' + s.name.slice(1));
    return { ...s, size: bytes.length, bytes };
  });
  return { sections: out, names };
}
