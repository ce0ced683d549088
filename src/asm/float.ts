// Floating-point data directives as GNU as 2.40 writes them for x86 (little-endian):
//   .hfloat (IEEE half)  .bfloat16  .float/.single/.dc.s  .double/.dc.d  .tfloat/.dc.x (x87 80-bit)
//   .dcb.s/.dcb.d/.dcb.x COUNT[, VALUE]   .ds.s/.ds.d/.ds.x/.ds.p COUNT[, FILL]
// Each value: an optional `0<letter>` prefix that GNU skips unread (so `0f1.5`, `0d2` and even
// `0x10` read as decimals), `:HEX` for the bytes themselves (most significant nibble first,
// zero-padded), the names inf/infinity/nan/qnan/snan with an optional sign, or a decimal
// [+-]digits[.digits][e[+-]digits]. Measured rules of GNU's conversion (atof-ieee.c):
//   - the value is rounded to nearest from its exact binary expansion; an exact tie rounds away
//     from zero when the decimal is a whole number (computed exactly), towards zero when it has
//     a fractional part (GNU's reciprocal powers of ten leave it a hair below the tie):
//     `.float 16777217` is 16777218, `.bfloat16 1.00390625` is 1.0;
//   - a binary exponent above the format's largest is "cannot create floating-point number" (a
//     value that only rounds up past it becomes infinity); so is one too far below the smallest
//     denormal (the bound depends on the format's width, see tooSmall); smaller values round to 0;
//   - NaN is all mantissa bits set, SNaN all but the quiet bit, each with the sign given.

import { AsmError } from './errors.js';
import { emitBytes } from './sections.js';
import type { Assembly } from './state.js';

interface Format {
  /** Bytes in memory. */
  readonly size: number;
  readonly expBits: number;
  /** Significand bits stored, the leading one included where it is explicit (x87). */
  readonly fracBits: number;
  /** x87 extended: the integer bit is stored. */
  readonly explicit: boolean;
}

const HALF: Format = { size: 2, expBits: 5, fracBits: 10, explicit: false };
const BF16: Format = { size: 2, expBits: 8, fracBits: 7, explicit: false };
const SINGLE: Format = { size: 4, expBits: 8, fracBits: 23, explicit: false };
const DOUBLE: Format = { size: 8, expBits: 11, fracBits: 52, explicit: false };
const X87: Format = { size: 10, expBits: 15, fracBits: 64, explicit: true };

/** Directive to format and kind: values, COUNT copies of a value, or COUNT units of fill. */
const DIRECTIVES: Readonly<Record<string, { f: Format; kind: 'cons' | 'dcb' | 'ds' }>> = {
  '.hfloat': { f: HALF, kind: 'cons' }, '.bfloat16': { f: BF16, kind: 'cons' },
  '.float': { f: SINGLE, kind: 'cons' }, '.single': { f: SINGLE, kind: 'cons' }, '.dc.s': { f: SINGLE, kind: 'cons' },
  '.double': { f: DOUBLE, kind: 'cons' }, '.dc.d': { f: DOUBLE, kind: 'cons' },
  '.tfloat': { f: X87, kind: 'cons' }, '.dc.x': { f: X87, kind: 'cons' },
  '.dcb.s': { f: SINGLE, kind: 'dcb' }, '.dcb.d': { f: DOUBLE, kind: 'dcb' }, '.dcb.x': { f: X87, kind: 'dcb' },
  '.ds.s': { f: SINGLE, kind: 'ds' }, '.ds.d': { f: DOUBLE, kind: 'ds' }, '.ds.x': { f: X87, kind: 'ds' },
  // GNU's packed-decimal unit is as wide as the x87 one on x86 (measured: 10 bytes).
  '.ds.p': { f: X87, kind: 'ds' },
};

export const FLOAT_DIRECTIVES: ReadonlySet<string> = new Set(Object.keys(DIRECTIVES));

/** A value out of the format's range: reported, and the line goes on. */
class RangeFailure extends Error {
  constructor() { super('cannot create floating-point number'); }
}

/** A cursor over the directive's argument text. */
class Reader {
  pos = 0;
  constructor(readonly text: string, private readonly asm: Assembly) {}
  blanks(): void { while (this.pos < this.text.length && /[ \t\f\v\r]/.test(this.text[this.pos])) this.pos++; }
  atEnd(): boolean { this.blanks(); return this.pos >= this.text.length; }
  peek(): string { return this.text[this.pos] ?? ''; }
  junk(): AsmError { return new AsmError(this.asm.loc, `junk at end of line, first unrecognized character is \`${this.peek()}'`); }
  /** After a value: a comma (true), the end (false), or junk. */
  comma(): boolean {
    if (this.atEnd()) return false;
    if (this.peek() !== ',') throw this.junk();
    this.pos++;
    return true;
  }
}

export function floatDirective(asm: Assembly, name: string, rest: string): void {
  const d = DIRECTIVES[name];
  const r = new Reader(rest, asm);
  if (d.kind === 'cons') {
    if (r.atEnd()) return;
    do {
      r.blanks();
      let bytes: number[];
      try {
        bytes = floatValue(r, d.f, asm);
      } catch (e) {
        // GNU reports a number it cannot represent and goes on with the next one.
        if (!(e instanceof RangeFailure)) throw e;
        asm.error(e.message);
        bytes = new Array<number>(d.f.size).fill(0);
      }
      emitBytes(asm.cur, bytes);
    } while (r.comma());
    return;
  }
  // .dcb.X COUNT[, VALUE] and .ds.X COUNT[, FILL]: the count and fill are plain integers.
  const count = integer(r, asm);
  let unit: number[] = new Array<number>(d.f.size).fill(0);
  if (r.comma()) {
    r.blanks();
    if (d.kind === 'dcb') unit = floatValue(r, d.f, asm);
    else {
      // The fill is an integer, little-endian across the whole unit (-1: all ones).
      let v = integer(r, asm);
      unit = unit.map(() => { const b = Number(BigInt.asUintN(8, v)); v >>= 8n; return b; });
    }
  }
  if (!r.atEnd()) throw r.junk();
  if (count <= 0n) {
    if (d.kind === 'ds') asm.warn('.space repeat count is zero, ignored');
    return;
  }
  for (let i = 0n; i < count; i++) emitBytes(asm.cur, unit);
}

/** A decimal or 0x integer for the counts (GNU evaluates an absolute expression there). */
function integer(r: Reader, asm: Assembly): bigint {
  r.blanks();
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|\d+)/.exec(r.text.slice(r.pos));
  if (!m) throw new AsmError(asm.loc, 'bad or irreducible absolute expression');
  r.pos += m[0].length;
  const v = BigInt(m[2]);
  return m[1] === '-' ? -v : v;
}

/** One value's bytes, little-endian. */
function floatValue(r: Reader, f: Format, asm: Assembly): number[] {
  const t = r.text;
  // GNU skips `0` and any letter without looking at the letter.
  if (t[r.pos] === '0' && /[A-Za-z]/.test(t[r.pos + 1] ?? '')) r.pos += 2;
  if (t[r.pos] === ':') {
    r.pos++;
    const m = /^[0-9a-fA-F]*/.exec(t.slice(r.pos))![0];
    r.pos += m.length;
    if (m.length > f.size * 2) asm.warn('floating point constant too large');
    const be = new Array<number>(f.size).fill(0);
    for (let i = 0; i < Math.min(m.length, f.size * 2); i++) be[i >> 1] |= parseInt(m[i], 16) << (i & 1 ? 0 : 4);
    return be.reverse();
  }
  let neg = false;
  if (t[r.pos] === '+' || t[r.pos] === '-') { neg = t[r.pos] === '-'; r.pos++; }
  const word = /^(?:infinity|inf|qnan|snan|nan)(?![\w$])/i.exec(t.slice(r.pos));
  if (word) {
    r.pos += word[0].length;
    const w = word[0].toLowerCase();
    return special(f, neg, w.startsWith('inf') ? 'inf' : w === 'snan' ? 'snan' : 'nan');
  }
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?)(\d*))?/.exec(t.slice(r.pos))!;
  r.pos += m[0].length;
  const digits = (m[1] + (m[2] ?? '')).replace(/^0+/, '');
  let exp10 = -(m[2] ?? '').length + (m[4] ? (m[3] === '-' ? -1 : 1) * Number(m[4]) : 0);
  let mant = digits === '' ? 0n : BigInt(digits);
  if (mant === 0n) return encode(f, neg, 0, 0n);
  while (mant % 10n === 0n) { mant /= 10n; exp10++; }
  return fromRational(f, neg, exp10 >= 0 ? mant * 10n ** BigInt(exp10) : mant, exp10 >= 0 ? 1n : 10n ** BigInt(-exp10), exp10 >= 0, asm);
}

const bitLength = (v: bigint): number => v.toString(2).length;

/** num/den (> 0), rounded to the format; `whole`: the decimal was an integer (ties round up). */
function fromRational(f: Format, neg: boolean, num: bigint, den: bigint, whole: boolean, asm: Assembly): number[] {
  const bias = (1 << (f.expBits - 1)) - 1;
  const emax = bias;
  const emin = 1 - bias;
  // e: the binary exponent, 2^e <= num/den < 2^(e+1).
  let e = bitLength(num) - bitLength(den);
  if (e >= 0 ? num < den << BigInt(e) : num << BigInt(-e) < den) e--;
  if (e > emax || tooSmall(f, e, bias)) throw new RangeFailure();
  const p = f.explicit ? f.fracBits : f.fracBits + 1;
  // Significand bits kept: p for a normal number, fewer below the smallest normal exponent.
  const shift = (e < emin ? emin : e) - (p - 1);
  const [n, d] = shift >= 0 ? [num, den << BigInt(shift)] : [num << BigInt(-shift), den];
  let q = n / d;
  const rem2 = (n % d) * 2n;
  if (rem2 > d || (rem2 === d && whole)) q++;
  let biased = e < emin ? 0 : e + bias;
  if (biased === 0 && q >> BigInt(p - 1) === 1n) biased = 1; // a denormal rounded up to the smallest normal
  if (q >> BigInt(p) === 1n) { q >>= 1n; biased++; }
  if (biased >= 2 * bias + 1) return special(f, neg, 'inf');
  return encode(f, neg, biased, f.explicit ? q : q & ((1n << BigInt(f.fracBits)) - 1n));
}

/**
 * GNU refuses a number whose exponent lies more than the format's width below the smallest
 * normal (gen_to_words: measured `.float` limit 2^-157, `.bfloat16` 2^-141, `.double` 2^-1079,
 * `.hfloat` 2^-35, `.tfloat` 2^-16446).
 */
function tooSmall(f: Format, e: number, bias: number): boolean {
  const words = f.size / 2;
  const below = -(e + bias) + (f.explicit ? 1 : 0);
  return below > 16 * words + 14 - 2 * f.expBits;
}

function special(f: Format, neg: boolean, what: 'inf' | 'nan' | 'snan'): number[] {
  const top = (1 << f.expBits) - 1;
  const all = (1n << BigInt(f.fracBits)) - 1n;
  const quiet = 1n << BigInt(f.explicit ? f.fracBits - 2 : f.fracBits - 1);
  const integerBit = f.explicit ? 1n << BigInt(f.fracBits - 1) : 0n;
  const frac = what === 'inf' ? integerBit : what === 'nan' ? all : all & ~quiet;
  return encode(f, neg, top, frac);
}

/** Sign, biased exponent and stored significand, little-endian. */
function encode(f: Format, neg: boolean, biased: number, frac: bigint): number[] {
  let v = ((neg ? 1n : 0n) << BigInt(f.expBits + f.fracBits)) | (BigInt(biased) << BigInt(f.fracBits)) | frac;
  const out: number[] = [];
  for (let i = 0; i < f.size; i++) { out.push(Number(v & 0xffn)); v >>= 8n; }
  return out;
}
