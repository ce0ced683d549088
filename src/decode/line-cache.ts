// A memo of listing text by instruction bytes. Two thirds of the instructions of a large binary
// repeat an earlier one byte for byte (libc's .text: 336k instructions, 36k distinct among those
// whose text does not name an address), and an instruction's hex column and text depend on its
// bytes alone once the mode and syntax are fixed. A repeat then costs a hash and a copy instead
// of formatting: fewer calls into the formatter, so less work before V8 has optimized it too.
//
// Open addressing in typed arrays, nothing allocated per lookup. Keys are at most 15 bytes (SDM
// Vol. 2 §2.3.11); each slot holds [length, bytes...] in 16 bytes. The table stops taking new
// entries when 5/8 full: a file with more distinct instructions keeps the ones it met first.

const KEY = 16;

/**
 * More bytes after an instruction's start than the decoder looks at (15 bytes of instruction, and
 * peeks at VEX/XOP bytes after up to 14 prefixes): an instruction decoded with this many bytes
 * available decodes the same whatever follows it.
 */
export const DECODE_REACH = 20;

export class LineCache {
  private readonly keys: Uint8Array;
  private readonly offs: Int32Array;
  private readonly lens: Int32Array;
  /** 1 where a slot may be found by `match` (its bytes decode alike whatever follows them). */
  private readonly walk: Uint8Array;
  /** Bit sets over hashes of byte strings: matchable keys' (ends), and their proper prefixes' (prefixes). */
  private readonly ends: Int32Array;
  private readonly prefixes: Int32Array;
  private readonly bitShift: number;
  private readonly mask: number;
  private readonly limit: number;
  private count = 0;
  /** The cached texts, back to back, with 3 bytes to spare at the end (ListingWriter.copy reads 4 at a time). */
  private text: Uint8Array;
  /** `text` as a DataView (what ListingWriter.copy reads). */
  view: DataView;
  private used = 0;

  /** A table of 2^bits slots (a few times the instructions expected). */
  constructor(bits = 17) {
    const slots = 1 << bits;
    this.text = new Uint8Array(slots * 16);
    this.view = new DataView(this.text.buffer);
    this.keys = new Uint8Array(slots * KEY);
    this.offs = new Int32Array(slots);
    this.lens = new Int32Array(slots);
    this.walk = new Uint8Array(slots);
    // 8 bits a slot: few false leads for `match` to follow.
    this.ends = new Int32Array(slots >> 2);
    this.prefixes = new Int32Array(slots >> 2);
    this.bitShift = 32 - (bits + 3);
    this.mask = slots - 1;
    this.limit = (slots * 5) >> 3;
  }

  /**
   * The slot holding bytes [p, p+len) (>= 0), or the bitwise complement of the free slot where
   * they would go (< 0).
   */
  find(b: Uint8Array, p: number, len: number): number {
    let h = SEED;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ b[p + i], 0x01000193);
    return this.probe(b, p, len, mix(h, len));
  }

  private probe(b: Uint8Array, p: number, len: number, h: number): number {
    const keys = this.keys;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = s * KEY;
      const kl = keys[k];
      if (kl === 0) return ~s;
      if (kl !== len) continue;
      let i = 0;
      while (i < len && keys[k + 1 + i] === b[p + i]) i++;
      if (i === len) return s;
    }
  }

  /**
   * Without decoding: the slot of a matchable instruction the bytes at `p` start with, read no
   * further than `end`; -1 if none. x86 code is read byte by byte (SDM Vol. 2 §2.1), so bytes that
   * began one instruction begin it wherever they are met; `matchable` says which entries are free
   * of the exceptions (a region's end cut the decoder's look-ahead short; objdump's WAIT, which
   * the bytes after it decide).
   */
  match(b: Uint8Array, p: number, end: number): number {
    const lim = Math.min(end - p, 15);
    const { ends, prefixes, bitShift } = this;
    let h = SEED;
    for (let l = 1; l <= lim; l++) {
      h = Math.imul(h ^ b[p + l - 1], 0x01000193);
      const x = mix(h, l);
      const bit = x >>> bitShift;
      if ((ends[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        const s = this.probe(b, p, l, x);
        if (s >= 0 && this.walk[s] !== 0) return s;
      }
      if ((prefixes[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    }
    return -1;
  }

  /** The length of the bytes slot `s` is filed under. */
  keyLength(s: number): number {
    return this.keys[s * KEY];
  }

  /** Lets `match` find slot `s` (see there for which slots may be). */
  matchable(s: number): void {
    if (this.walk[s] !== 0) return;
    this.walk[s] = 1;
    const { keys, ends, prefixes, bitShift } = this;
    const k = s * KEY;
    const len = keys[k];
    let h = SEED;
    for (let l = 1; l <= len; l++) {
      h = Math.imul(h ^ keys[k + l], 0x01000193);
      const bit = mix(h, l) >>> bitShift;
      if (l === len) ends[bit >>> 5] |= 1 << (bit & 31);
      else prefixes[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** Where slot `s`'s text starts in `text`, and its length. */
  offset(s: number): number {
    return this.offs[s];
  }

  length(s: number): number {
    return this.lens[s];
  }

  /** Room for `n` more bytes of text (a function of its own: rare, and kept out of put's optimized code). */
  private grow(n: number): void {
    const t = new Uint8Array(Math.max(this.text.length * 2, this.used + n + 3));
    t.set(this.text.subarray(0, this.used));
    this.text = t;
    this.view = new DataView(t.buffer);
  }

  /** Files `src[from, to)` under bytes [p, p+len) in free slot `s` (from find); false once the table is full. */
  put(s: number, b: Uint8Array, p: number, len: number, src: Uint8Array, from: number, to: number): boolean {
    if (this.count >= this.limit) return false;
    const n = to - from;
    if (this.used + n + 3 > this.text.length) this.grow(n);
    const text = this.text;
    for (let i = 0, at = this.used; i < n; i++) text[at + i] = src[from + i];
    const k = s * KEY;
    this.keys[k] = len;
    for (let i = 0; i < len; i++) this.keys[k + 1 + i] = b[p + i];
    this.offs[s] = this.used;
    this.lens[s] = n;
    this.used += n;
    this.count++;
    return true;
  }
}

const SEED = 0x811c9dc5;

/** A hash of `len` bytes from the running hash `h` of them. */
function mix(h: number, len: number): number {
  const x = Math.imul(h ^ len, 0x9e3779b1);
  return x ^ (x >>> 15);
}

/** The caches of the listings made with the same settings (their text depends on nothing else). */
export interface ListingCaches {
  /** Hex column and text of whole instructions. */
  readonly own: LineCache;
  /** Branches' text up to the target. */
  readonly heads: LineCache;
}

/**
 * Caches shared by the sections of one run (an archive's many small members repeat each other's
 * instructions), one pair per mode, syntax and width.
 */
export class ListingMemo {
  private readonly byKey = new Map<string, ListingCaches>();
  /** Whether a listing warm-up (warm-up.ts) is due: set for a large input, cleared once done. */
  warmUpDue: boolean;

  /** `large`: the sections to be listed hold a lot of code between them (an archive of many small objects). */
  constructor(large = false) {
    this.warmUpDue = large;
  }

  caches(mode: number, syntax: string, wide: boolean): ListingCaches {
    const key = `${mode}/${syntax}/${wide ? 'w' : ''}`;
    let c = this.byKey.get(key);
    if (c === undefined) {
      c = { own: new LineCache(17), heads: new LineCache(12) };
      this.byKey.set(key, c);
    }
    return c;
  }
}

/** Caches for one section of `size` bytes listed on its own. */
export function sectionCaches(size: number): ListingCaches {
  const bits = Math.min(17, Math.max(8, 32 - Math.clz32(size >>> 2)));
  return { own: new LineCache(bits), heads: new LineCache(Math.min(12, bits)) };
}
