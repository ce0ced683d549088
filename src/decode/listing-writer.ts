// The bytes of a listing, written in place: objdump -d's lines are mostly fixed columns (address,
// hex bytes, tabs), and building each line as strings and joining them cost more than decoding and
// formatting the instruction. Text is UTF-8, the encoding process.stdout.write gave the strings.

const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]); // 0-9a-f
/** Each byte's two hex digits as one little-endian 16-bit value (written with DataView.setUint16). */
const HEX2 = new Uint16Array(256);
for (let x = 0; x < 256; x++) HEX2[x] = HEX[x >> 4] | (HEX[x & 15] << 8);
const SPACE = 32;
const CHUNK = 1 << 18;
const EMPTY = new Uint8Array(0);

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A string as UTF-8 bytes. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** UTF-8 bytes back to a string (the listing functions that return text). */
export function utf8Text(b: Uint8Array): string {
  return decoder.decode(b);
}

export class ListingWriter {
  buf: Uint8Array;
  /** `buf` as a DataView: copy moves 4 bytes a step. */
  private view: DataView;
  n = 0;

  /** A writer for the listing of about `codeBytes` bytes of code (the buffer grows as needed). */
  constructor(codeBytes = CHUNK) {
    this.buf = new Uint8Array(Math.min(CHUNK, codeBytes * 16) + 4096);
    this.view = new DataView(this.buf.buffer);
  }

  /** Whether a chunk's worth is written (the caller then takes it between lines). */
  get full(): boolean {
    return this.n >= CHUNK;
  }

  /** The bytes written so far, handed over; the writer starts over in a new buffer (none after the `last` take). */
  take(last = false): Uint8Array {
    const out = this.buf.subarray(0, this.n);
    this.buf = last ? EMPTY : new Uint8Array(this.buf.length);
    this.view = new DataView(this.buf.buffer);
    this.n = 0;
    return out;
  }

  /** Forgets what was written (the buffer is kept). */
  clear(): void {
    this.n = 0;
  }

  private room(k: number): void {
    if (this.n + k > this.buf.length) this.grow(k);
  }

  /** room's rare case, apart: the writers that inline room then hold its test alone. */
  private grow(k: number): void {
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.n++] = c;
  }

  str(s: string): void {
    const len = s.length;
    this.room(len * 3);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Rare (symbol names): the encoder writes the rest.
        n += encoder.encodeInto(s.slice(i), b.subarray(n)).written;
        break;
      }
      b[n++] = c;
    }
    this.n = n;
  }

  /**
   * Bytes [from, from+k) of `src`, read 4 at a time: `src` must have 3 bytes to spare after them
   * (line-cache.ts keeps them); the up to 3 bytes written past the copy are overwritten by what follows.
   */
  copy(src: DataView, from: number, k: number): void {
    this.room(k + 3);
    const v = this.view;
    const n = this.n;
    for (let i = 0; i < k; i += 4) v.setUint32(n + i, src.getUint32(from + i, true), true);
    this.n = n + k;
  }

  /** All of `src`. */
  bytes(src: Uint8Array): void {
    const k = src.length;
    this.room(k);
    const b = this.buf;
    const n = this.n;
    for (let i = 0; i < k; i++) b[n + i] = src[i];
    this.n = n + k;
  }

  spaces(k: number): void {
    if (k <= 0) return;
    this.room(k);
    this.buf.fill(SPACE, this.n, this.n + k);
    this.n += k;
  }

  /**
   * objdump's address column for the address hi:lo: its hex digits without leading zeros (hi only
   * where `digits` is 16), right-aligned in `width` columns (never cut).
   */
  addr(lo: number, hi: number, digits: 8 | 16, width: number): void {
    this.room(width + 16);
    if (width === 8 && (hi === 0 || digits === 8)) {
      // The usual column (an address below 4 GiB in 8 columns): all 8 digits two at a time, then
      // blanks over the leading zeros.
      const v = this.view;
      const n = this.n;
      lo >>>= 0;
      v.setUint16(n, HEX2[lo >>> 24], true);
      v.setUint16(n + 2, HEX2[(lo >>> 16) & 255], true);
      v.setUint16(n + 4, HEX2[(lo >>> 8) & 255], true);
      v.setUint16(n + 6, HEX2[lo & 255], true);
      const b = this.buf;
      for (let k = n + 8 - hexDigits(lo); k > n;) b[--k] = SPACE;
      this.n = n + 8;
      return;
    }
    const wide = digits === 16 && hi !== 0;
    let nd = wide ? 8 + hexDigits(hi) : hexDigits(lo);
    const b = this.buf;
    let n = this.n;
    for (let k = width - nd; k > 0; k--) b[n++] = SPACE;
    if (wide) {
      for (let s = (nd - 9) * 4; s >= 0; s -= 4) b[n++] = HEX[(hi >>> s) & 15];
      nd = 8;
    }
    for (let s = (nd - 1) * 4; s >= 0; s -= 4) b[n++] = HEX[(lo >>> s) & 15];
    this.n = n;
  }

  /** The 64-bit value hi:lo in hex without leading zeros (att.ts hex64). */
  hex64(lo: number, hi: number): void {
    this.room(16);
    const b = this.buf;
    let n = this.n;
    lo >>>= 0;
    hi >>>= 0;
    if (hi !== 0) {
      for (let s = (hexDigits(hi) - 1) * 4; s >= 0; s -= 4) b[n++] = HEX[(hi >>> s) & 15];
      for (let s = 28; s >= 0; s -= 4) b[n++] = HEX[(lo >>> s) & 15];
    } else for (let s = (hexDigits(lo) - 1) * 4; s >= 0; s -= 4) b[n++] = HEX[(lo >>> s) & 15];
    this.n = n;
  }

  /** Bytes [from, to) of `src` as `xx ` each, padded with blanks to `pad` columns. */
  hexBytes(src: Uint8Array, from: number, to: number, pad: number): void {
    const k = (to - from) * 3;
    this.room(Math.max(k, pad));
    const b = this.buf;
    let n = this.n;
    for (let i = from; i < to; i++) {
      const x = src[i];
      b[n++] = HEX[x >> 4];
      b[n++] = HEX[x & 15];
      b[n++] = SPACE;
    }
    for (let i = k; i < pad; i++) b[n++] = SPACE;
    this.n = n;
  }
}

/** Hex digits of a 32-bit value without leading zeros (0 has one). */
function hexDigits(v: number): number {
  return v === 0 ? 1 : 8 - (Math.clz32(v >>> 0) >> 2);
}
