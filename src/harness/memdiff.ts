// What an instruction (or an event) changed in memory, for traces: a copy of every mapped page,
// compared 32 bits at a time after each step (changed runs are reported in `word`-sized units).
// A write of the value already there is not visible.

import type { Memory } from '../cpu/memory.js';

export interface MemChange { addr: number; bytes: Uint8Array; old: Uint8Array }

interface Copy { bytes: Uint8Array; words: Int32Array }

export class MemWatch {
  private readonly copies = new Map<number, Copy>();
  private readonly views = new Map<number, Int32Array>();
  constructor(private readonly mem: Memory, private readonly word: number) { this.sync(); }

  private copyOf(data?: Uint8Array): Copy {
    const bytes = data ? Uint8Array.from(data) : new Uint8Array(4096);
    return { bytes, words: new Int32Array(bytes.buffer) };
  }

  /** Take a fresh copy of all pages. */
  sync(): void {
    for (const [n, p] of this.mem.pages) this.copies.set(n, this.copyOf(p.data));
  }

  /** Changed `word`-aligned words since the last call, merged into runs; the copies are updated. */
  diff(): MemChange[] {
    const out: MemChange[] = [];
    const step = this.word >> 2; // int32s per word
    for (const [n, p] of this.mem.pages) {
      let c = this.copies.get(n);
      if (c === undefined) { c = this.copyOf(); this.copies.set(n, c); }
      let v = this.views.get(n);
      if (v === undefined || v.buffer !== p.data.buffer) { v = new Int32Array(p.data.buffer, p.data.byteOffset, 1024); this.views.set(n, v); }
      const cw = c.words;
      let runStart = -1;
      for (let i = 0; i <= 1024; i += step) {
        let changed = false;
        if (i < 1024) {
          if (v[i] !== cw[i]) changed = true;
          else if (step === 2 && v[i + 1] !== cw[i + 1]) changed = true;
        }
        if (changed && runStart < 0) runStart = i * 4;
        if (!changed && runStart >= 0) {
          const end = i * 4;
          out.push({ addr: n * 4096 + runStart, bytes: p.data.slice(runStart, end), old: c.bytes.slice(runStart, end) });
          c.bytes.set(p.data.subarray(runStart, end), runStart);
          runStart = -1;
        }
      }
    }
    out.sort((a, b) => a.addr - b.addr);
    return out;
  }
}
