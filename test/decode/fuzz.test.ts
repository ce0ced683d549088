// Property test: arbitrary bytes never crash the decoder or the formatter, lengths are sane,
// and decoding depends only on the instruction's own bytes.
import { describe, expect, it } from 'vitest';
import { decodeInto, MAX_INSN } from '../../src/decode/decode.js';
import { formatDecoded } from '../../src/decode/att.js';
import { Bad, NONE, newDecoded } from '../../src/decode/types.js';
import { disassembleSection } from '../../src/decode/listing.js';
import { xorshift32 as rng } from '../xorshift.js';

// Bias towards prefixes and escape bytes so the interesting paths are hit often.
const SPECIAL = [0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x2e, 0x3e, 0x26, 0x64, 0x65, 0x36, 0x40, 0x48, 0x41, 0x4f, 0x0f, 0x38, 0x3a, 0x04, 0x05, 0x24, 0x25, 0x44, 0x84];

describe('decoder on random bytes', () => {
  for (const mode of [64, 32] as const) {
    it(`never throws, and lengths are consistent (${mode}-bit, 100k inputs)`, () => {
      const next = rng(0x5eed + mode);
      const d = newDecoded();
      const d2 = newDecoded();
      const buf = new Uint8Array(24);
      let decoded = 0;
      const bad: string[] = [];
      for (let n = 0; n < 100_000; n++) {
        const len = 1 + (next() % 24);
        for (let i = 0; i < len; i++) {
          const r = next();
          buf[i] = (r & 3) === 0 ? SPECIAL[(r >>> 2) % SPECIAL.length] : (r >>> 8) & 0xff;
        }
        const bytes = buf.subarray(0, len);
        const lo = next();
        const hex = Buffer.from(bytes).toString('hex');
        decodeInto(d, bytes, 0, mode, lo, 0);
        // (expect() per input is slow; collect violations instead)
        if (d.length < (d.bad === Bad.TRUNCATED ? 0 : 1) || d.length > Math.min(MAX_INSN, len)) bad.push(`${hex}: length ${d.length}`);
        if (d.form === NONE) {
          if (d.bad === Bad.NONE) bad.push(`${hex}: no form but no reason`);
        } else {
          decoded++;
          if (d.bad !== Bad.NONE) bad.push(`${hex}: form and bad ${d.bad}`);
          // Prefix-closed: the instruction's own bytes decode to the same thing.
          decodeInto(d2, bytes.subarray(0, d.length), 0, mode, lo, 0);
          if (d2.form !== d.form || d2.length !== d.length || d2.immLo !== d.immLo || d2.disp !== d.disp || d2.targetLo !== d.targetLo) {
            bad.push(`${hex}: decodes differently from its own ${d.length} bytes`);
          }
        }
        const text = formatDecoded(d, bytes, 0, lo, 0);
        if (typeof text !== 'string' || text === '') bad.push(`${hex}: no text`);
      }
      expect(bad.slice(0, 10)).toEqual([]);
      expect(decoded).toBeGreaterThan(50_000);
    });
  }

  it('listings of random buffers cover every byte exactly once', () => {
    const next = rng(42);
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(256);
      for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      const text = disassembleSection(bytes, n & 1 ? 32 : 64, 0x1000n);
      let count = 0;
      for (const line of text.split('\n')) {
        const m = /^ *[0-9a-f]+:\t((?:[0-9a-f]{2} )+)/.exec(line);
        if (m) count += m[1].length / 3;
      }
      const skipped = text.includes('\t...\n');
      if (!skipped) expect(count).toBe(bytes.length);
      else expect(count).toBeLessThan(bytes.length);
    }
  });
});
