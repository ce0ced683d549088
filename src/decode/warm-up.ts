// A made-up stretch of code that walks the decoder and the formatter through most of their paths
// (every legacy prefix, REX, each opcode map, VEX, XOP and EVEX, every ModRM/SIB/displacement
// shape) before a large listing starts. V8 optimizes a hot function for the paths it has run so
// far; an unseen path in optimized code throws it back to the interpreter ("insufficient type
// feedback"), where an instruction costs some 30 times more until the function is compiled again,
// and each compile of the decoder or the formatter costs tens of milliseconds of CPU. Listing libc
// this way saw ten such round trips; a listing that first runs over these bytes sees few.
// Nothing here changes what is printed: the warm-up's own text is thrown away.

/** Prefix runs, cycled through the samples (none most often, as in real code). */
const PREFIXES: readonly (readonly number[])[] = [
  [], [0x48], [], [0x66], [0x41], [], [0xf3], [0x4c], [0xf2], [0x67], [0x44], [0xf0], [0x49], [0x2e], [0x3e], [0x64],
  [0x65], [0x26], [0x36], [0x66, 0x48], [0xf3, 0x48], [0x66, 0x41], [0xf2, 0x41], [0x9b], [0x40, 0x66], [0x66, 0x2e], [0xf0, 0x48], [0x42], [0x45], [0x4d], [0x43], [0x47],
];

/** ModRM (and SIB, displacement) shapes, cycled through the samples. */
const MODRM: readonly (readonly number[])[] = [
  [0xc0], [0x05, 0x10, 0x20, 0x00, 0x00], [0x44, 0x24, 0x08], [0x84, 0x88, 0x00, 0x01, 0x00, 0x00], [0xd1], [0x00], [0x45, 0xf8],
  [0x04, 0x25, 0x00, 0x10, 0x00, 0x00], [0x14, 0x85, 0x10, 0x00, 0x00, 0x00], [0xfb], [0x0c, 0x24], [0x8c, 0x24, 0x00, 0x02, 0x00, 0x00],
  [0x43, 0x10], [0xe8], [0x1c, 0xc1], [0x3d, 0xf0, 0xff, 0xff, 0xff], [0x06], [0xb8, 0x00, 0x01, 0x00, 0x00], [0x2f], [0x64, 0x10, 0xf8],
];

/** Opcode maps as the bytes before the opcode. VEX/XOP/EVEX: their prefix bytes (R/X/B/vvvv/L/pp varied per sample). */
function escapes(i: number): number[][] {
  const pp = i & 3;
  const l = (i >> 2) & 1;
  const w = (i >> 3) & 1;
  return [
    [], [0x0f], [0x0f, 0x38], [0x0f, 0x3a],
    [0xc5, 0xf8 | (l << 2) | pp],
    [0xc4, 0xe2 ^ ((i >> 4) & 0x80), (w << 7) | 0x78 | (l << 2) | pp],
    [0xc4, 0xe3, (w << 7) | 0x40 | (l << 2) | pp],
    [0xc4, 0xe1, (w << 7) | 0x70 | (l << 2) | pp],
    [0x8f, 0xe8 | ((i >> 1) & 1), (w << 7) | 0x78 | (l << 2)],
    [0x62, 0xf1 | ((i & 1) << 1), 0x7c | pp | (w << 7), 0x48 | ((i >> 5) & 0x20)],
  ];
}

/** The made-up code, as one byte string (decoded from start to end like any section). */
export function warmUpBytes(): Uint8Array {
  const out: number[] = [];
  let k = 0;
  for (let op = 0; op < 256; op++) {
    const maps = escapes(op);
    for (let m = 0; m < maps.length; m++, k++) {
      // The one-byte map twice (most code is there), the others once; the VEX-like ones at every other opcode.
      if (m >= 4 && (op & 1) !== (m & 1)) continue;
      for (let rep = 0; rep < (m === 0 ? 2 : 1); rep++) {
        const pre = maps[m].length > 0 && m >= 4 ? PREFIXES[(k + rep) % 4] ?? [] : PREFIXES[(k * 7 + rep * 3 + op) % PREFIXES.length];
        const modrm = MODRM[(k * 3 + rep * 5 + (op >> 3)) % MODRM.length];
        // Room for an immediate; unused, the 90s are nops (one line each, soon from line-cache.ts).
        out.push(...pre, ...maps[m], op, ...modrm, 0x90, 0x90, 0x90, 0x90);
      }
    }
  }
  // Runs of zeros, as padding between functions looks.
  out.push(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc3, 0, 0, 0x90, 0x0f, 0x1f, 0x40, 0x00);
  return new Uint8Array(out);
}
