// An ELF string table laid out as GNU as (BFD) lays it out: each distinct string once, in the
// order first added, except that a string which is the tail of a longer one is not stored on its
// own but points into that longer string (`.text` inside `.rela.text`). BFD finds tails by
// sorting the strings on their reversed bytes; every string that ends another, longer one shares
// the longest string of its run.

const enc = new TextEncoder();

export class StringTable {
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();
  private offsets?: Map<string, number>;
  private data?: Uint8Array;

  add(s: string): void {
    if (s === '' || this.seen.has(s)) return;
    this.seen.add(s);
    this.order.push(s);
    this.offsets = undefined;
  }

  private finish(): void {
    if (this.offsets) return;
    const strs = this.order;
    // ASCII names (nearly always) are their own bytes: sorted and measured as strings, without
    // an encoded copy of each (2,500 symbol names on bench/asm.bench.mjs's input).
    const ascii = /^[\x00-\x7f]*$/.test(strs.join(''));
    const b = ascii ? undefined : new Map(strs.map((s) => [s, enc.encode(s)]));
    const size = b ? (s: string): number => b.get(s)!.length : (s: string): number => s.length;
    // Ascending by reversed bytes; a tail sorts right before the strings it ends.
    const sorted = b ? [...strs].sort((x, y) => revCompare(b.get(x)!, b.get(y)!)) : [...strs].sort(revCompareAscii);
    const host = new Map<string, string>();
    if (sorted.length > 0) {
      let e = sorted[sorted.length - 1];
      for (let i = sorted.length - 2; i >= 0; i--) {
        const c = sorted[i];
        if (b ? endsWith(b.get(e)!, b.get(c)!) : e.length > c.length && e.endsWith(c)) host.set(c, e);
        else e = c;
      }
    }
    const offsets = new Map<string, number>();
    const kept: string[] = [];
    let at = 1;
    for (const s of strs) {
      if (host.has(s)) continue;
      offsets.set(s, at);
      kept.push(s);
      at += size(s) + 1;
    }
    for (const [s, h] of host) offsets.set(s, offsets.get(h)! + size(h) - size(s));
    // A leading NUL, then each kept string and its NUL: the UTF-8 of those strings joined by NULs.
    this.data = kept.length ? enc.encode(`\0${kept.join('\0')}\0`) : new Uint8Array(1);
    this.offsets = offsets;
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

/** revCompare of two ASCII strings' bytes, read from the strings. */
function revCompareAscii(a: string, b: string): number {
  let i = a.length - 1;
  let j = b.length - 1;
  while (i >= 0 && j >= 0) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
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
