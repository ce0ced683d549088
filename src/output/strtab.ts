// An ELF string table laid out as GNU as (BFD) lays it out: each distinct string once, in the
// order first added, except that a string which is the tail of a longer one is not stored on its
// own but points into that longer string (`.text` inside `.rela.text`). BFD finds tails by
// sorting the strings on their reversed bytes; every string that ends another, longer one shares
// the longest string of its run.

const enc = new TextEncoder();

export class StringTable {
  private readonly order: string[] = [];
  private readonly bytes = new Map<string, Uint8Array>();
  private offsets?: Map<string, number>;
  private data?: Uint8Array;

  add(s: string): void {
    if (s === '' || this.bytes.has(s)) return;
    this.bytes.set(s, enc.encode(s));
    this.order.push(s);
    this.offsets = undefined;
  }

  private finish(): void {
    if (this.offsets) return;
    const strs = this.order;
    const b = this.bytes;
    // Ascending by reversed bytes; a tail sorts right before the strings it ends.
    const sorted = [...strs].sort((x, y) => revCompare(b.get(x)!, b.get(y)!));
    const host = new Map<string, string>();
    if (sorted.length > 0) {
      let e = sorted[sorted.length - 1];
      for (let i = sorted.length - 2; i >= 0; i--) {
        const c = sorted[i];
        if (endsWith(b.get(e)!, b.get(c)!)) host.set(c, e);
        else e = c;
      }
    }
    const offsets = new Map<string, number>();
    let size = 1;
    for (const s of strs) {
      if (host.has(s)) continue;
      offsets.set(s, size);
      size += b.get(s)!.length + 1;
    }
    for (const [s, h] of host) offsets.set(s, offsets.get(h)! + b.get(h)!.length - b.get(s)!.length);
    const data = new Uint8Array(size);
    for (const s of strs) if (!host.has(s)) data.set(b.get(s)!, offsets.get(s)!);
    this.offsets = offsets;
    this.data = data;
  }

  offset(s: string): number {
    if (s === '') return 0;
    this.finish();
    const o = this.offsets!.get(s);
    if (o === undefined) throw new Error(`internal error: string '${s}' not in the string table`);
    return o;
  }

  contents(): Uint8Array {
    this.finish();
    return this.data!;
  }
}

function revCompare(a: Uint8Array, b: Uint8Array): number {
  let i = a.length - 1;
  let j = b.length - 1;
  while (i >= 0 && j >= 0) {
    if (a[i] !== b[j]) return a[i] - b[j];
    i--; j--;
  }
  return a.length - b.length;
}

function endsWith(long: Uint8Array, tail: Uint8Array): boolean {
  if (tail.length >= long.length) return false;
  const d = long.length - tail.length;
  for (let i = 0; i < tail.length; i++) if (long[d + i] !== tail[i]) return false;
  return true;
}
