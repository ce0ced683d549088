// Byte sequences around the VEX prefix and the BMI/ADX opcodes, for comparing x86lab's decoder with
// objdump: legacy prefixes before VEX, every VEX field (R/X/B, map, W, vvvv, L, pp), both prefix
// forms (C4/C5), LES/LDS versus VEX in 32-bit mode, the BMI opcodes and their neighbours, and the
// legacy-encoded ADX rows. Each case is decoded at the start of a SLOT-byte slot padded with NOPs
// (objdump -D -b binary of the concatenated slots gives the reference for the slot's first line).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomDraws } from '../xorshift.js';

export const SLOT = 32;

/** The BMI rows' VEX map, opcode, pp (0 none, 1 66, 2 F3, 3 F2) and ModRM.reg (-1: any). */
const VALID: readonly (readonly [number, number, number, number])[] = [
  [2, 0xf2, 0, -1], [2, 0xf7, 0, -1], [2, 0xf3, 0, 1], [2, 0xf3, 0, 2], [2, 0xf3, 0, 3], [2, 0xf5, 0, -1], [2, 0xf5, 3, -1],
  [2, 0xf5, 2, -1], [2, 0xf6, 3, -1], [3, 0xf0, 3, -1], [2, 0xf7, 2, -1], [2, 0xf7, 1, -1], [2, 0xf7, 3, -1],
];

/** `n` case byte sequences (hex) for `mode`, from `seed`. */
export function vexCases(mode: 32 | 64, seed: number, n: number): string[] {
  const { next, pick, chance } = randomDraws(seed);
  const out = new Set<string>();
  while (out.size < n) {
    const b: number[] = [];
    if (chance(0.3)) for (let k = 1 + (next() % 2); k > 0; k--) b.push(pick([0x66, 0xf2, 0xf3, 0xf0, 0x2e, 0x67, 0x64, 0x36]));
    if (mode === 64 && chance(0.15)) b.push(pick([0x40, 0x48, 0x41, 0x44, 0x4c, 0x42]));
    if (chance(0.15)) {
      // ADX and its 0F 38 F6 neighbours (wrss, (bad)).
      b.push(0x0f, 0x38, pick([0xf6, 0xf6, 0xf6, 0xf5, 0xf7]));
    } else if (chance(0.5)) {
      // A well-formed BMI encoding (map, opcode, pp[, /digit]), other fields random.
      const [map, op, pp, digit] = pick(VALID);
      let b1 = next() & 0xe0;
      if (mode === 32) b1 |= 0xc0;
      const vvvv = op === 0xf0 ? 0 : next() & 15;
      b.push(0xc4, b1 | map, ((next() & 1) << 7) | ((~vvvv & 15) << 3) | pp, op);
      b.push(digit >= 0 ? (next() & 0xc7) | (digit << 3) : next() & 0xff);
      for (let k = 0; k < 8; k++) b.push(next() & 0xff);
      out.add(Buffer.from(b).toString('hex'));
      continue;
    } else if (chance(0.85)) {
      let b1 = next() & 0xe0;
      if (mode === 32 && chance(0.85)) b1 |= 0xc0;
      const map = chance(0.6) ? 2 : chance(0.5) ? 3 : chance(0.5) ? 1 : next() & 0x1f;
      b.push(0xc4, b1 | map);
      const vvvv = chance(0.5) ? 0 : next() & 15; // raw (inverted) field: 0 = 1111b
      const l = chance(0.8) ? 0 : 1;
      b.push(((next() & 1) << 7) | ((~vvvv & 15) << 3) | (l << 2) | (next() & 3));
      b.push(map === 2 && chance(0.85) ? 0xf0 + (next() % 8) : map === 3 && chance(0.7) ? 0xf0 : next() & 0xff);
    } else {
      let b1 = next() & 0xff;
      if (mode === 32 && chance(0.85)) b1 |= 0xc0;
      b.push(0xc5, b1, chance(0.5) ? 0xf2 + (next() % 6) : next() & 0xff);
    }
    b.push(chance(0.4) ? 0xc0 | (next() & 0x3f) : next() & 0xff); // ModRM
    for (let k = 0; k < 8; k++) b.push(next() & 0xff); // SIB / displacement / immediate candidates
    out.add(Buffer.from(b.slice(0, SLOT - 1)).toString('hex'));
  }
  return [...out];
}

/** The bytes decoded for a case: the sequence, then NOPs to the end of its slot. */
export function slotBytes(hex: string): Uint8Array {
  const s = new Uint8Array(SLOT).fill(0x90);
  s.set(Buffer.from(hex, 'hex'));
  return s;
}

/** objdump's first line for each case: [length in bytes, text], or undefined if it printed none at the slot. */
export function objdumpFirstLines(cases: readonly string[], mode: 32 | 64, extra: readonly string[] = []): ([number, string] | undefined)[] {
  const blob = Buffer.alloc(cases.length * SLOT);
  cases.forEach((h, i) => Buffer.from(slotBytes(h)).copy(blob, i * SLOT));
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-vex-'));
  const bin = join(dir, 'vex.bin');
  writeFileSync(bin, blob);
  const text = execFileSync('objdump', ['-D', '-w', '-z', ...extra, '-b', 'binary', '-m', mode === 64 ? 'i386:x86-64' : 'i386', bin], { maxBuffer: 1 << 30 }).toString();
  const res: ([number, string] | undefined)[] = new Array(cases.length);
  for (const line of text.split('\n')) {
    const m = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$/.exec(line);
    if (!m) continue;
    const addr = parseInt(m[1], 16);
    if (addr % SLOT !== 0) continue;
    const i = addr / SLOT;
    if (i < cases.length && res[i] === undefined) res[i] = [m[2].replace(/ /g, '').length / 2, m[3].replace(/\b([0-9a-f]+) <[^>]*>/g, '0x$1').trimEnd()];
  }
  return res;
}

/** x86lab's first listing line for a case at `addr`: [length in bytes, text]. */
export function oursFirstLine(hex: string, mode: 32 | 64, addr: number, disassemble: (b: Uint8Array, m: 32 | 64, a: bigint) => string): [number, string] | undefined {
  const lines: [number, string][] = [];
  for (const line of disassemble(slotBytes(hex), mode, BigInt(addr)).split('\n')) {
    const m = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$/.exec(line);
    if (m) lines.push([parseInt(m[1], 16), m[3]]);
  }
  if (!lines.length || lines[0][0] !== addr) return undefined;
  return [(lines.length > 1 ? lines[1][0] : addr + SLOT) - addr, lines[0][1]];
}
