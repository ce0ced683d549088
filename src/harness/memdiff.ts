// What an instruction (or an event) changed in memory, for traces: a copy of every mapped page,
// compared after each step (changed runs are reported in `word`-sized units). A native memcmp per
// page (Buffer.equals) finds the few pages a step wrote; only those are scanned word by word, which
// keeps a traced step near a microsecond however much memory is mapped. A write of the value
// already there is not visible.

import type { Memory } from '../cpu/memory.js';

export interface MemChange { addr: number; bytes: Uint8Array; old: Uint8Array }

/** One page under watch: its live bytes and the copy from the last diff, as words and as Buffers. */
interface Watched {
  readonly num: number;
  readonly data: Uint8Array;
  readonly live: Int32Array;
  readonly liveBuf: Buffer;
  readonly copy: Uint8Array;
  readonly copyWords: Int32Array;
  readonly copyBuf: Buffer;
}

export class MemWatch {
  private readonly byNum = new Map<number, Watched>();
  /** byNum's values as an array (pages are only ever added, so a size change means new pages). */
  private list: Watched[] = [];
  constructor(private readonly mem: Memory, private readonly word: number) { this.sync(); }

  private watch(num: number, data: Uint8Array, fill: boolean): Watched {
    const copy = fill ? Uint8Array.from(data) : new Uint8Array(4096);
    return {
      num, data,
      live: new Int32Array(data.buffer, data.byteOffset, 1024),
      liveBuf: Buffer.from(data.buffer, data.byteOffset, 4096),
      copy, copyWords: new Int32Array(copy.buffer), copyBuf: Buffer.from(copy.buffer, 0, 4096),
    };
  }

  /** Take a fresh copy of all pages. */
  sync(): void {
    for (const [n, p] of this.mem.pages) this.byNum.set(n, this.watch(n, p.data, true));
    this.list = [...this.byNum.values()];
  }

  /** Changed `word`-aligned words since the last call, merged into runs; the copies are updated. */
  diff(): MemChange[] {
    if (this.mem.pages.size !== this.list.length) {
      // Pages created since (mapped by the guest's harness or touched by a raw poke): their copy starts zeroed.
      for (const [n, p] of this.mem.pages) if (!this.byNum.has(n)) this.byNum.set(n, this.watch(n, p.data, false));
      this.list = [...this.byNum.values()];
    }
    const out: MemChange[] = [];
    const step = this.word >> 2; // int32s per word
    for (const w of this.list) {
      if (w.liveBuf.equals(w.copyBuf)) continue;
      const v = w.live, cw = w.copyWords, n = w.num, data = w.data, copy = w.copy;
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
          out.push({ addr: n * 4096 + runStart, bytes: data.slice(runStart, end), old: copy.slice(runStart, end) });
          copy.set(data.subarray(runStart, end), runStart);
          runStart = -1;
        }
      }
    }
    if (out.length > 1) out.sort((a, b) => a.addr - b.addr);
    return out;
  }
}
