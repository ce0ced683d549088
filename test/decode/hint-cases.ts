// Byte sequences in the 0F 18-1F hint-NOP space for comparing x86lab's decoder with objdump:
// prefetch hints (0F 18 /0-/3), prefetchit0/1 (0F 18 /7 and /6, RIP-relative only), the reserved
// NOP hints (0F 18 /4-/5, 0F 19-1F), MPX (0F 1A/1B with none/66/F2/F3), CET's F3 0F 1E and
// `nop Ev` (0F 1F), each with mandatory and other legacy prefixes, REX, register and memory
// (RIP-relative, SIB, 16-bit) ModRM forms. Decoded at the start of a SLOT-byte slot, like
// test/decode/vex-cases.ts (whose helpers compare).

export { SLOT, objdumpFirstLines, oursFirstLine, slotBytes } from './vex-cases.js';
import { SLOT } from './vex-cases.js';
import { randomDraws } from '../xorshift.js';

/** `n` case byte sequences (hex) for `mode`, from `seed`. */
export function hintCases(mode: 32 | 64, seed: number, n: number): string[] {
  const { next, pick, chance } = randomDraws(seed);
  const out = new Set<string>();
  while (out.size < n) {
    const b: number[] = [];
    // The mandatory-prefix combinations MPX tells apart, and other legacy prefixes beside them.
    if (chance(0.75)) b.push(...pick([[0x66], [0xf2], [0xf3], [0xf3], [0xf2], [0x66], [0x66, 0xf3], [0xf3, 0x66], [0xf2, 0xf3], [0xf3, 0xf2], [0x66, 0xf2]]));
    if (chance(0.2)) b.splice(next() % (b.length + 1), 0, pick([0x67, 0x67, 0x2e, 0x64, 0xf0, 0x66]));
    if (mode === 64 && chance(0.3)) b.push(pick([0x40, 0x41, 0x42, 0x44, 0x48, 0x49, 0x4c, 0x4f]));
    const op = chance(0.7) ? pick([0x18, 0x18, 0x1a, 0x1b, 0x1a, 0x1b]) : 0x18 + (next() & 7);
    b.push(0x0f, op);
    const reg = next() & 7;
    const r = next() % 100;
    // ModRM: RIP-relative (mod 00 rm 101), register, SIB, plain memory.
    const mod = r < 30 ? 0 : r < 55 ? 3 : next() & 3;
    const rm = r < 30 ? 5 : r < 45 ? 4 : next() & 7;
    b.push((mod << 6) | (reg << 3) | rm);
    for (let k = 0; k < 8; k++) b.push(next() & 0xff); // SIB / displacement candidates
    out.add(Buffer.from(b.slice(0, SLOT - 1)).toString('hex'));
  }
  return [...out];
}
