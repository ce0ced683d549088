// A made-up stretch of code that walks the decoder and the formatter through most of their paths
// (every legacy prefix, REX, each opcode map, VEX, XOP and EVEX, every ModRM/SIB/displacement
// shape) before a large listing starts. V8 optimizes a hot function for the paths it has run so
// far; an unseen path in optimized code throws it back to the interpreter ("insufficient type
// feedback"), where an instruction costs some 30 times more until the function is compiled again,
// and each compile of the decoder or the formatter costs tens of milliseconds of CPU. Listing libc
// this way saw ten such round trips; a listing that first runs over these bytes sees few.
// Nothing here changes what is printed: the warm-up's own text is thrown away.

import type { Mode } from '../isa/types.js';
import { decodeInto } from './decode.js';
import { newDecoded } from './types.js';

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

/** Prefix uses of compiled code that the cycling above does not line up with their opcodes. */
const IDIOMS: readonly (readonly number[])[] = [
  [0xf3, 0x0f, 0x1e, 0xfa], // endbr64
  [0x3e, 0xff, 0xe0], [0x3e, 0xff, 0x14, 0xc5, 0, 0, 0, 0], // notrack jmp *%rax, notrack call *(,%rax,8)
  [0xf2, 0xe9, 0, 0, 0, 0], [0xf2, 0xc3], [0xf2, 0xff, 0xe1], // bnd jmp, bnd ret, bnd jmp *%rcx
  [0x2e, 0x74, 0x02], [0x3e, 0x75, 0x02], [0x66, 0xe9, 0x10, 0x00], // jcc with hints, jmpw
  [0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0], [0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0], // long nops
  [0xf3, 0x48, 0xab], [0xf3, 0xa4], [0xf2, 0xae], [0x64, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0], // string ops, %fs:0x28
  [0xf0, 0x48, 0x0f, 0xb1, 0x17], [0xf0, 0x0f, 0xc1, 0x07], [0x87, 0x07], [0xf3, 0x0f, 0xb8, 0xc0], // lock cmpxchg/xadd, xchg, popcnt
  [0x48, 0x8d, 0x05, 0x10, 0, 0, 0], [0x67, 0x8d, 0x04, 0x24], [0xe8, 0xf0, 0xff, 0xff, 0xff], [0xeb, 0xfe], // lea, call, jmp back
  [0x0f, 0x05], [0xcc], [0xf4], [0x9b], [0xdd, 0xd8], [0xd9, 0x7c, 0x24, 0xfe], // syscall, int3, hlt, fwait, x87
  [0xf3, 0x48, 0x0f, 0x2a, 0xc0], [0xf2, 0x0f, 0x2a, 0x07], [0xf2, 0x48, 0x0f, 0x38, 0xf1, 0xc1], [0xf3, 0x0f, 0xae, 0xe0], // cvtsi2ss/sd, crc32, ptwrite
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
export function warmUpBytes(mode: Mode): Uint8Array {
  // Built with TypedArray.set, no array spreads: a spread is a loop of bytecodes in the
  // interpreter, and those loops made this function hot enough to be compiled (~20 ms of CPU, more
  // than its whole run) for a single call.
  let out: Uint8Array = new Uint8Array(1 << 14);
  let n = 0;
  const sample = new Uint8Array(40);
  const d = newDecoded();
  let k = 0;
  for (let op = 0; op < 256; op++) {
    const maps = escapes(op);
    for (let m = 0; m < maps.length; m++, k++) {
      // The one-byte map twice (most code is there), the others once; the VEX-like ones at every other opcode.
      if (m >= 4 && (op & 1) !== (m & 1)) continue;
      for (let rep = 0; rep < (m === 0 ? 2 : 1); rep++) {
        const pre = maps[m].length > 0 && m >= 4 ? PREFIXES[(k + rep) % 4] ?? [] : PREFIXES[(k * 7 + rep * 3 + op) % PREFIXES.length];
        const modrm = MODRM[(k * 3 + rep * 5 + (op >> 3)) % MODRM.length];
        // With room for any immediate, cut to the instruction's length: the listing then meets
        // the samples one by one rather than the filler's nops.
        sample.set(pre, 0);
        sample.set(maps[m], pre.length);
        const at = pre.length + maps[m].length;
        sample[at] = op;
        sample.set(modrm, at + 1);
        const len = at + 1 + modrm.length + 8;
        sample.fill(0x90, at + 1 + modrm.length, len);
        decodeInto(d, sample.subarray(0, len), 0, mode, 0, 0);
        const keep = Math.min(Math.max(1, d.length), len);
        if (n + keep > out.length) out = grown(out, n + keep);
        out.set(sample.subarray(0, keep), n);
        n += keep;
      }
    }
  }
  const tail: (readonly number[])[] = [...IDIOMS];
  // Runs of zeros, as padding between functions looks, and two at the very end (objdump's `...`).
  tail.push([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc3, 0x90, 0x0f, 0x1f, 0x40, 0x00, 0xc3, 0, 0]);
  for (const t of tail) {
    if (n + t.length > out.length) out = grown(out, n + t.length);
    out.set(t, n);
    n += t.length;
  }
  return out.slice(0, n);
}

/** `b` copied into a buffer of at least `need` bytes. */
function grown(b: Uint8Array, need: number): Uint8Array {
  const g = new Uint8Array(Math.max(need, b.length * 2));
  g.set(b);
  return g;
}
