// NOP padding exactly as GNU as 2.40 writes it for alignment in code sections and for `.nops`
// (tc-i386.c i386_generate_nops): the longest pattern repeated, then the remainder's pattern;
// when the padding is long, a jmp over it first. Patterns measured from `as --64` / `as --32`.

/** Which table pads: long `0f 1f` NOPs, i386 `lea` forms, or .code16's (see arch.ts). */
export type NopStyle = 'long' | 'lea' | 'i8086';

/** x86-64 NOP patterns by length - 1 (1 to 11 bytes); ld's code fill uses the first ten too. */
export const NOPS64: readonly (readonly number[])[] = [
  [0x90],
  [0x66, 0x90],
  [0x0f, 0x1f, 0x00],
  [0x0f, 0x1f, 0x40, 0x00],
  [0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
  [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

// 32-bit code: lea-based NOPs (the i386 pattern table), at most 7 bytes each.
const NOPS32: readonly (readonly number[])[] = [
  [0x90],
  [0x66, 0x90],
  [0x8d, 0x76, 0x00],
  [0x8d, 0x74, 0x26, 0x00],
  [0x8d, 0x74, 0x26, 0x00, 0x90],
  [0x8d, 0xb6, 0x00, 0x00, 0x00, 0x00],
  [0x8d, 0xb4, 0x26, 0x00, 0x00, 0x00, 0x00],
];

// .code16: the 16-bit addressing forms of the same lea (%si), at most 4 bytes each (measured).
const NOPS16: readonly (readonly number[])[] = [
  [0x90],
  [0x66, 0x90],
  [0x8d, 0x74, 0x00],
  [0x8d, 0xb4, 0x00, 0x00],
];

/** The longest single NOP of a table (GNU's bound for `.nops N, LIMIT`). */
export function maxNopSize(style: NopStyle): number {
  return (style === 'long' ? NOPS64 : style === 'i8086' ? NOPS16 : NOPS32).length;
}

/** Writes `count` bytes of NOP padding at b[off]. `limit` caps the single-NOP size (`.nops N, limit`). */
export function writeNops(b: Uint8Array, off: number, count: number, style: NopStyle, limit = 0): void {
  const patt = style === 'long' ? NOPS64 : style === 'i8086' ? NOPS16 : NOPS32;
  let max = patt.length;
  if (limit > 0 && limit < max) max = limit;
  // GNU's i386 table has no 5-byte NOP (ours is its 4-byte one plus 90, for a remainder): a
  // `.nops N, 5` repeats the 4-byte one (measured).
  if (style === 'lea' && max === 5) max = 4;
  // GNU: jump over the padding when it would take more than a few maximal NOPs.
  const maxNops = style === 'long' ? 7 : 2;
  if (limit === 0 && Math.floor(count / max) > maxNops) {
    const disp = count - 2;
    if (disp <= 127) {
      b[off] = 0xeb;
      b[off + 1] = disp;
      off += 2;
      count = disp;
    } else {
      // In .code16 GNU writes the jump with a 66h prefix and a rel32 (measured: 66 e9 rel32).
      if (style === 'i8086') b[off++] = 0x66;
      count -= style === 'i8086' ? 6 : 5;
      b[off] = 0xe9;
      b[off + 1] = count & 0xff;
      b[off + 2] = (count >>> 8) & 0xff;
      b[off + 3] = (count >>> 16) & 0xff;
      b[off + 4] = (count >>> 24) & 0xff;
      off += 5;
    }
  }
  const big = patt[max - 1];
  const last = count % max;
  let i = 0;
  for (; i + max <= count; i += max) for (let j = 0; j < max; j++) b[off + i + j] = big[j];
  if (last) {
    const p = patt[last - 1];
    for (let j = 0; j < last; j++) b[off + i + j] = p[j];
  }
}
