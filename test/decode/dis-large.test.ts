// `x86lab dis` on a listing many times the size of its output buffer (64 KiB chunks,
// listing-writer.ts) and of the warm-up threshold (256 KiB of code, listing.ts): the text written
// in pieces, with line-cache.ts's memo and warm-up.ts's warm-up in play, must be objdump's. The
// code is real libc/node instructions (test/golden/dis/real64.txt, those objdump and x86lab name
// alike), repeated, in an ELF object with a function symbol every 64 instructions. objdump -d
// checks it live where installed; the committed SHA-256 of objdump's text checks it everywhere.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/dis.js';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded } from '../../src/decode/att.js';
import { newDecoded, NONE } from '../../src/decode/types.js';
import { readGolden } from './golden-data.js';
import { haveObjdump } from './objdump-diff.js';

const GOLDEN = join(__dirname, '..', 'golden', 'dis', 'large.json');
const REPEAT = 24;

/** Instructions of real64.txt that x86lab prints as objdump did (length and text), in file order. */
function agreedInstructions(): Uint8Array[] {
  const d = newDecoded();
  const out: Uint8Array[] = [];
  for (const row of readGolden(join(__dirname, '..', 'golden', 'dis', 'real64.txt'))) {
    const b = Uint8Array.from(Buffer.from(row.hex, 'hex'));
    const lo = Number(row.addr & 0xffffffffn);
    const hi = Number(row.addr >> 32n);
    decodeInto(d, b, 0, 64, lo, hi);
    if (d.form === NONE || d.length !== b.length || d.ignoredRexEnd > 0) continue;
    if (formatDecoded(d, b, 0, lo, hi) === row.text) out.push(b);
  }
  return out;
}

/** A minimal ELF64 relocatable object: .text, and a global function symbol at each of `syms`. */
function elfObject(text: Uint8Array, syms: readonly number[]): Uint8Array {
  const names = ['', ...syms.map((_, i) => `f${i}`)];
  const strtab = Buffer.from(names.join('\0') + '\0', 'latin1');
  const nameOff: number[] = [];
  for (let i = 0, o = 0; i < names.length; o += names[i].length + 1, i++) nameOff.push(o);
  const shnames = ['', '.text', '.symtab', '.strtab', '.shstrtab'];
  const shstrtab = Buffer.from(shnames.join('\0') + '\0', 'latin1');
  const shName = (k: number): number => shnames.slice(0, k).reduce((a, s) => a + s.length + 1, 0);
  const align = (n: number, a: number): number => (n + a - 1) & -a;
  const textOff = 64;
  const symOff = align(textOff + text.length, 8);
  const nsym = 2 + syms.length; // null, section symbol, functions
  const strOff = symOff + nsym * 24;
  const shstrOff = strOff + strtab.length;
  const shOff = align(shstrOff + shstrtab.length, 8);
  const buf = Buffer.alloc(shOff + 5 * 64);
  buf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0); // ELF64, little-endian, version 1
  buf.writeUInt16LE(1, 16); // ET_REL
  buf.writeUInt16LE(62, 18); // EM_X86_64
  buf.writeUInt32LE(1, 20);
  buf.writeBigUInt64LE(BigInt(shOff), 40);
  buf.writeUInt16LE(64, 52);
  buf.writeUInt16LE(64, 58);
  buf.writeUInt16LE(5, 60);
  buf.writeUInt16LE(4, 62);
  buf.set(text, textOff);
  // Symbols: [1] the section (STT_SECTION, local), then the functions (STT_FUNC, global).
  buf.writeUInt8(3, symOff + 24 + 4);
  buf.writeUInt16LE(1, symOff + 24 + 6);
  syms.forEach((at, i) => {
    const o = symOff + (2 + i) * 24;
    buf.writeUInt32LE(nameOff[1 + i], o);
    buf.writeUInt8(0x12, o + 4);
    buf.writeUInt16LE(1, o + 6);
    buf.writeBigUInt64LE(BigInt(at), o + 8);
    buf.writeBigUInt64LE(BigInt((syms[i + 1] ?? text.length) - at), o + 16);
  });
  buf.set(strtab, strOff);
  buf.set(shstrtab, shstrOff);
  const sh = (k: number, type: number, flags: number, off: number, size: number, link: number, info: number, alignment: number, entsize: number): void => {
    const o = shOff + k * 64;
    buf.writeUInt32LE(shName(k), o);
    buf.writeUInt32LE(type, o + 4);
    buf.writeBigUInt64LE(BigInt(flags), o + 8);
    buf.writeBigUInt64LE(BigInt(off), o + 24);
    buf.writeBigUInt64LE(BigInt(size), o + 32);
    buf.writeUInt32LE(link, o + 40);
    buf.writeUInt32LE(info, o + 44);
    buf.writeBigUInt64LE(BigInt(alignment), o + 48);
    buf.writeBigUInt64LE(BigInt(entsize), o + 56);
  };
  sh(1, 1, 6, textOff, text.length, 0, 0, 16, 0); // .text PROGBITS, AX
  sh(2, 2, 0, symOff, nsym * 24, 3, 2, 8, 24); // .symtab, first global at 2
  sh(3, 3, 0, strOff, strtab.length, 0, 0, 1, 0);
  sh(4, 3, 0, shstrOff, shstrtab.length, 0, 0, 1, 0);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

function largeObject(): { path: string; codeBytes: number } {
  const insns = agreedInstructions();
  const parts: Uint8Array[] = [];
  const syms: number[] = [];
  let at = 0;
  for (let r = 0; r < REPEAT; r++) {
    insns.forEach((b, i) => {
      if (i % 64 === 0) syms.push(at);
      parts.push(b);
      at += b.length;
    });
  }
  const text = Buffer.concat(parts);
  const path = join(mkdtempSync(join(tmpdir(), 'x86lab-dis-large-')), 'large.o');
  writeFileSync(path, elfObject(text, syms));
  return { path, codeBytes: text.length };
}

/** The CLI's output for argv, and how many writes it took. */
async function listing(argv: string[]): Promise<{ out: string; writes: number; code: number }> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (chunks.push(String(s)), true));
  const code = await run(argv);
  vi.restoreAllMocks();
  return { out: chunks.join(''), writes: chunks.length, code };
}

/** The file name objdump prints on its second line, made neutral so the hash does not depend on the temp folder. */
const neutral = (text: string, path: string): string => text.split(path).join('FILE');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

afterEach(() => vi.restoreAllMocks());

const FLAGS: Record<string, string[]> = { att: ['-d'], 'intel-wide': ['-d', '-w', '-M', 'intel'] };

describe('x86lab dis: a listing of many output chunks', () => {
  const { path, codeBytes } = largeObject();
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, { sha256: string; bytes: number }>;

  for (const [name, flags] of Object.entries(FLAGS)) {
    it(`${name}: equals objdump ${flags.join(' ')} (${REPEAT} copies of real64.txt's code)`, async () => {
      expect(codeBytes).toBeGreaterThan(256 * 1024);
      const r = await listing([...flags, path]);
      expect(r.code).toBe(0);
      expect(r.out.length).toBeGreaterThan(20 * 65536);
      expect(r.writes).toBeGreaterThan(20);
      const ours = neutral(r.out, path);
      expect({ sha256: sha256(ours), bytes: ours.length }).toEqual(golden[name]);
    }, 120_000);

    it.skipIf(!haveObjdump())(`${name}: live objdump ${flags.join(' ')} agrees, and with the committed hash`, async () => {
      const theirs = execFileSync('objdump', [...flags, path], { maxBuffer: 1 << 30 }).toString('latin1');
      const r = await listing([...flags, path]);
      // Compare line by line first, so that a failure names the line.
      const a = r.out.split('\n');
      const b = theirs.split('\n');
      const first = a.findIndex((l, i) => l !== b[i]);
      expect(first === -1 ? null : { line: first + 1, x86lab: a[first], objdump: b[first] }).toBeNull();
      expect(r.out).toBe(theirs);
      const t = neutral(theirs, path);
      expect({ sha256: sha256(t), bytes: t.length }).toEqual(golden[name]);
    }, 120_000);
  }
});

/** Writes the golden from objdump (run by hand: X86LAB_DIS_LARGE_GOLDEN=1 npx vitest run test/decode/dis-large.test.ts). */
describe.skipIf(!process.env.X86LAB_DIS_LARGE_GOLDEN || !haveObjdump())('dis-large golden', () => {
  it('writes test/golden/dis/large.json from objdump', () => {
    const { path } = largeObject();
    const out: Record<string, { sha256: string; bytes: number }> = {};
    for (const [name, flags] of Object.entries(FLAGS)) {
      const t = neutral(execFileSync('objdump', [...flags, path], { maxBuffer: 1 << 30 }).toString('latin1'), path);
      out[name] = { sha256: sha256(t), bytes: t.length };
    }
    writeFileSync(GOLDEN, JSON.stringify(out, null, 2) + '\n');
  });
});
