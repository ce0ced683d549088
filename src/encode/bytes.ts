// A reusable output buffer for one instruction's bytes. emit() writes into it and copies the result
// out once (an instruction is at most 15 bytes; the buffer has room for any prefix sequence).
// Building a Uint8Array from a JS array of numbers was a quarter of emit()'s time.

/** Bytes written so far into `buf` (`n` of them). */
export class ByteBuf {
  buf = new Uint8Array(64);
  n = 0;

  push(b: number): void {
    this.buf[this.n++] = b;
  }

  /** `n` bytes of the little-endian two's complement of an integer (|v| < 2^53, or n <= 4). */
  pushNum(v: number, n: number): void {
    const buf = this.buf;
    let p = this.n;
    if (n <= 4) {
      // An int32: bytes by shifts (ToInt32 keeps the low 32 bits of an exact integer).
      for (let i = 0, x = v | 0; i < n; i++, x >>= 8) buf[p++] = x & 255;
    } else {
      for (let i = 0, x = v; i < n; i++) {
        buf[p++] = ((x % 256) + 256) % 256;
        x = Math.floor(x / 256);
      }
    }
    this.n = p;
  }

  /** A copy of the bytes written (the buffer itself is reused by the next instruction). */
  take(): Uint8Array {
    // (A loop into a new array beats slice() for a handful of bytes.)
    const n = this.n;
    const out = new Uint8Array(n);
    const buf = this.buf;
    for (let i = 0; i < n; i++) out[i] = buf[i];
    return out;
  }
}
