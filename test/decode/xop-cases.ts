// Byte sequences around AMD's XOP prefix (8F) for comparing x86lab's decoder with objdump: TBM and
// LWP encodings with every XOP field varied (R/X/B, map, W, vvvv, L, pp, ModRM.reg), legacy and REX
// prefixes before it, the XOP SIMD opcodes x86lab only measures, and 8F bytes that are `pop r/m` or
// no instruction at all (the byte after 8F decides: its bits 4:3 are 01b for an XOP map 8-15).
// Also the VEX rows of src/isa/forms/simd-state.ts (vzeroall/vzeroupper, vldmxcsr/vstmxcsr,
// tilerelease and the AMX opcodes beside it) with their VEX fields varied.
// Decoded at the start of a SLOT-byte slot, like test/decode/vex-cases.ts (whose helpers compare).

export { SLOT, objdumpFirstLines, oursFirstLine, slotBytes } from './vex-cases.js';
import { SLOT } from './vex-cases.js';
import { randomDraws } from '../xorshift.js';

/** TBM/LWP rows: XOP map, opcode, ModRM.reg (-1: any). */
const ROWS: readonly (readonly [number, number, number])[] = [
  [9, 0x01, 1], [9, 0x01, 2], [9, 0x01, 3], [9, 0x01, 4], [9, 0x01, 5], [9, 0x01, 6], [9, 0x01, 7],
  [9, 0x02, 1], [9, 0x02, 6], [9, 0x12, 0], [9, 0x12, 1], [10, 0x10, -1], [10, 0x12, 0], [10, 0x12, 1],
];

/** XOP SIMD opcodes (map 8 with imm8, map 9 without). */
const SIMD8 = [0x85, 0x8e, 0xa2, 0xa3, 0xa6, 0xb6, 0xc0, 0xc3, 0xcc, 0xef];
const SIMD9 = [0x80, 0x81, 0x83, 0x90, 0x9b, 0xc1, 0xcb, 0xd6, 0xe3];

/** `n` case byte sequences (hex) for `mode`, from `seed`. */
export function xopCases(mode: 32 | 64, seed: number, n: number): string[] {
  const { next, pick, chance } = randomDraws(seed);
  const out = new Set<string>();
  while (out.size < n) {
    const b: number[] = [];
    if (chance(0.2)) for (let k = 1 + (next() % 2); k > 0; k--) b.push(pick([0x66, 0xf2, 0xf3, 0xf0, 0x2e, 0x67, 0x64, 0x36]));
    if (mode === 64 && chance(0.15)) b.push(pick([0x40, 0x48, 0x41, 0x44, 0x4c, 0x42]));
    const rxb = next() & 0xe0;
    // Mostly well-formed fields (vvvv 1111b, L 0, pp 0), each sometimes random.
    const w = (next() & 1) << 7;
    const vvvv = chance(0.6) ? 0 : next() & 15; // the register number: 0 = field 1111b (none)
    const l = chance(0.85) ? 0 : 4;
    const pp = chance(0.85) ? 0 : next() & 3;
    const last = w | ((~vvvv & 15) << 3) | l | pp;
    const r = next() % 100;
    if (r < 12) {
      // VEX: C5 map 1 (77, AE) or C4 map 1/2 (77, AE / 49), fields as above.
      const op = pick([0x77, 0xae, 0x49]);
      const map = op === 0x49 ? 2 : 1;
      if (map === 1 && chance(0.6)) b.push(0xc5, (rxb & 0x80) | (last & 0x7f));
      else b.push(0xc4, (mode === 32 ? 0xe0 : rxb) | map, last);
      b.push(op, op === 0x49 && chance(0.5) ? 0xc0 : op === 0xae ? (next() & 0xc7) | (pick([2, 3, 2, 3, 0, 4]) << 3) : next() & 0xff);
    } else if (r < 65) {
      const [map, op, digit] = pick(ROWS);
      b.push(0x8f, rxb | map, last, op);
      b.push(digit >= 0 ? (next() & 0xc7) | (digit << 3) : next() & 0xff);
    } else if (r < 75) {
      // The same opcodes with any ModRM.reg, and their neighbours.
      b.push(0x8f, rxb | (chance(0.5) ? 9 : 10), last, pick([0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x00]), next() & 0xff);
    } else if (r < 85) {
      const map = chance(0.5) ? 8 : 9;
      b.push(0x8f, rxb | map, last, pick(map === 8 ? SIMD8 : SIMD9), next() & 0xff);
    } else {
      // 8F with any second byte: pop r/m, an XOP map other than 9/10, or (bad).
      b.push(0x8f, chance(0.5) ? (next() & 0xe7) | 0x08 : next() & 0xff, last, next() & 0xff, next() & 0xff);
    }
    for (let k = 0; k < 8; k++) b.push(next() & 0xff); // SIB / displacement / immediate candidates
    out.add(Buffer.from(b.slice(0, SLOT - 1)).toString('hex'));
  }
  return [...out];
}
