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

export class LineCache {
  private readonly keys: Uint8Array;
  private readonly offs: Int32Array;
  private readonly lens: Int32Array;
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
    this.mask = slots - 1;
    this.limit = (slots * 5) >> 3;
  }

  /**
   * The slot holding bytes [p, p+len) (>= 0), or the bitwise complement of the free slot where
   * they would go (< 0).
   */
  find(b: Uint8Array, p: number, len: number): number {
    let h = Math.imul(len, 0x9e3779b1);
    for (let i = 0; i < len; i++) h = Math.imul(h ^ b[p + i], 0x01000193);
    h ^= h >>> 15;
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
