// The input of dis-large.test.ts and of its golden writer (scripts/dis-large-golden.ts): an ELF
// object of REPEAT copies of the real64.txt instructions x86lab and objdump name alike, and the
// objdump flag sets it is listed with.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded } from '../../src/decode/att.js';
import { newDecoded, NONE } from '../../src/decode/types.js';
import { readGolden } from './golden-data.js';

export const GOLDEN = join(__dirname, '..', 'golden', 'dis', 'large.json');
export const REPEAT = 24;
export const FLAGS: Record<string, string[]> = { att: ['-d'], 'intel-wide': ['-d', '-w', '-M', 'intel'] };

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

export function largeObject(): { path: string; codeBytes: number } {
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

/** The file name objdump prints on its second line, made neutral so the hash does not depend on the temp folder. */
export const neutral = (text: string, path: string): string => text.split(path).join('FILE');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

