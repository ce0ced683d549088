// What an instruction (or an event) changed in memory, for traces: a copy of every mapped page,
// compared word by word after each step. A write of the value already there is not visible.

import type { Memory } from '../cpu/memory.js';

export interface MemChange { addr: number; bytes: Uint8Array; old: Uint8Array }

export class MemWatch {
  private readonly copies = new Map<number, Uint8Array>();
  constructor(private readonly mem: Memory, private readonly word: number) { this.sync(); }

  /** Take a fresh copy of all pages. */
  sync(): void {
    for (const [n, p] of this.mem.pages) this.copies.set(n, Uint8Array.from(p.data));
  }

  /** Changed `word`-aligned words since the last call, merged into runs; the copies are updated. */
  diff(): MemChange[] {
    const out: MemChange[] = [];
    const w = this.word;
    for (const [n, p] of this.mem.pages) {
      let c = this.copies.get(n);
      if (c === undefined) { c = new Uint8Array(4096); this.copies.set(n, c); }
      const d = p.data;
      let runStart = -1;
      for (let off = 0; off <= 4096; off += w) {
        let changed = false;
        if (off < 4096) for (let k = 0; k < w; k++) if (d[off + k] !== c[off + k]) { changed = true; break; }
        if (changed && runStart < 0) runStart = off;
        if (!changed && runStart >= 0) {
          out.push({ addr: n * 4096 + runStart, bytes: d.slice(runStart, off), old: c.slice(runStart, off) });
          c.set(d.subarray(runStart, off), runStart);
          runStart = -1;
        }
      }
    }
    out.sort((a, b) => a.addr - b.addr);
    return out;
  }
}
