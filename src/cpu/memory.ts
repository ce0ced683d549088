// Sparse physical memory: 4 KiB pages created on demand, each with r/w/x permissions.
//
// Regions are mapped at byte granularity (exec snapshots give exact ranges): a page whose bytes
// do not all share one permission keeps a per-byte permission array and takes the slow path.
// Pages remember which bytes hold cached decoded instructions (codeMask) so a write to those
// bytes drops the page's decode cache: self-modifying and cross-modifying code take effect.
// Addresses are canonical-signed numbers (see state.ts), so page numbers may be negative.

export const P_R = 1, P_W = 2, P_X = 4;
export const PAGE_SIZE = 4096;

export class Page {
  readonly data = new Uint8Array(PAGE_SIZE);
  readonly view = new DataView(this.data.buffer);
  /** Permission shared by every byte of the page, or 0 when bytePerm decides. */
  perm = 0;
  /** Per-byte permission (0 = unmapped), only for partially mapped / mixed pages. */
  bytePerm: Uint8Array | null = null;
  /** Decoded instructions cached by page offset (owned by exec.ts), and the bytes they cover. */
  icache: unknown[] | null = null;
  codeMask: Uint8Array | null = null;
  /** Compiled blocks / hotness counters by page offset (owned by jit.ts), dropped with icache. */
  jit: unknown[] | null = null;
  /**
   * Write tracking for snapshots (trackWrites): while armed, `perm` lacks P_W and `bytePerm` holds
   * the real permissions, so the first write leaves the fast path of access.ts for poke8, which
   * disarms the page and sets `dirty`. -1 when not armed, else the real uniform permission.
   */
  trapPerm = -1;
  /** Written since the last trackWrites (meaningful while tracking). */
  dirty = false;
  constructor(readonly num: number) {}
}

export function permFromString(s: string): number {
  let p = 0;
  for (const c of s) {
    if (c === 'r') p |= P_R;
    else if (c === 'w') p |= P_W;
    else if (c === 'x') p |= P_X;
    else if (c !== '-') throw new Error(`bad permission character '${c}' in "${s}" (use r, w, x or -)`);
  }
  return p;
}

export function permToString(p: number): string {
  return (p & P_R ? 'r' : '-') + (p & P_W ? 'w' : '-') + (p & P_X ? 'x' : '-');
}

/** Page number of an address (works for negative canonical addresses). */
export function pageOf(a: number): number { return Math.floor(a / PAGE_SIZE); }

export class Memory {
  readonly pages = new Map<number, Page>();
  private lastNum = NaN;
  private lastPage: Page | undefined = undefined;

  page(num: number): Page | undefined {
    if (num === this.lastNum) return this.lastPage;
    const p = this.pages.get(num);
    this.lastNum = num;
    this.lastPage = p;
    return p;
  }

  private ensure(num: number): Page {
    let p = this.pages.get(num);
    if (!p) {
      p = new Page(num);
      p.bytePerm = new Uint8Array(PAGE_SIZE);
      this.pages.set(num, p);
      this.lastNum = NaN;
    }
    return p;
  }

  /** Map [addr, addr+len) with permission `perm`, optionally filling it with `bytes`. */
  map(addr: number, len: number, perm: number, bytes?: Uint8Array): void {
    let a = addr;
    const end = addr + len;
    let i = 0;
    while (a < end) {
      const num = pageOf(a);
      const off = a - num * PAGE_SIZE;
      const n = Math.min(PAGE_SIZE - off, end - a);
      const p = this.ensure(num);
      if (p.trapPerm >= 0) this.untrap(p);
      if (!p.bytePerm) {
        // Was uniform: expand to per-byte before a partial change.
        p.bytePerm = new Uint8Array(PAGE_SIZE).fill(p.perm);
      }
      p.bytePerm.fill(perm, off, off + n);
      if (bytes) p.data.set(bytes.subarray(i, i + n), off);
      this.normalise(p);
      this.dropCode(p);
      a += n;
      i += n;
    }
  }

  /** Collapse a page's per-byte permissions to one value when they are all equal. */
  private normalise(p: Page): void {
    const bp = p.bytePerm;
    if (!bp) return;
    const first = bp[0];
    for (let k = 1; k < PAGE_SIZE; k++) if (bp[k] !== first) { p.perm = 0; return; }
    p.perm = first;
    p.bytePerm = first === 0 ? bp : null;
    if (first === 0) p.perm = 0;
  }

  /** Permission of one byte (0 when unmapped). */
  permAt(a: number): number {
    const p = this.page(pageOf(a));
    if (!p) return 0;
    return p.bytePerm ? p.bytePerm[a - p.num * PAGE_SIZE] : p.perm;
  }

  /**
   * Check that [a, a+n) is mapped with `need` (all within one page or not).
   * Returns -1 when fine, else the first failing address (the #PF linear address, CR2).
   */
  check(a: number, n: number, need: number): number {
    for (let k = 0; k < n; k++) {
      const pa = a + k;
      if ((this.permAt(pa) & need) !== need) return pa;
    }
    return -1;
  }

  /** Raw byte access without permission checks (loaders, dumps, the system model's table walks). */
  peek8(a: number): number {
    const p = this.page(pageOf(a));
    return p ? p.data[a - p.num * PAGE_SIZE] : 0;
  }
  poke8(a: number, v: number): void {
    const p = this.ensure(pageOf(a));
    if (p.trapPerm >= 0) this.untrap(p);
    p.dirty = true;
    const off = a - p.num * PAGE_SIZE;
    p.data[off] = v;
    if (p.codeMask !== null && p.codeMask[off] !== 0) this.dropCode(p);
  }
  readBytes(a: number, n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let k = 0; k < n; k++) out[k] = this.peek8(a + k);
    return out;
  }
  writeBytes(a: number, bytes: Uint8Array): void {
    for (let k = 0; k < bytes.length; k++) this.poke8(a + k, bytes[k]);
  }

  /** Forget the decoded instructions cached for a page (its code changed). */
  dropCode(p: Page): void {
    if (p.icache !== null) {
      p.icache = null;
      p.codeMask = null;
      p.jit = null;
    }
  }

  // ---- write tracking and page restore (snapshots: src/harness/snapshot.ts) ----

  /**
   * Clear every page's dirty bit and arrange for the next write to each page to set it again.
   * Uniform pages with write permission are write-trapped (see Page.trapPerm); pages with mixed
   * permissions already write through poke8. Costs nothing on reads.
   */
  trackWrites(): void {
    for (const p of this.pages.values()) {
      p.dirty = false;
      if (p.trapPerm >= 0 || p.bytePerm !== null || (p.perm & P_W) === 0) continue;
      p.trapPerm = p.perm;
      p.bytePerm = uniformPerm(p.perm);
      p.perm &= ~P_W;
    }
  }

  private untrap(p: Page): void {
    p.perm = p.trapPerm;
    p.bytePerm = null;
    p.trapPerm = -1;
  }

  /**
   * Overwrite a page's bytes with `bytes` (a snapshot copy), keeping its decoded-instruction cache
   * unless a byte it was decoded from changes. The page stays as tracked as it was.
   */
  restorePage(p: Page, bytes: Uint8Array): void {
    const m = p.codeMask;
    if (m !== null) {
      const d = p.data;
      for (let k = 0; k < PAGE_SIZE; k++) if (m[k] !== 0 && d[k] !== bytes[k]) { this.dropCode(p); break; }
    }
    p.data.set(bytes);
  }
}

/** Per-byte permission arrays for write-trapped uniform pages, one per permission; never modified. */
const uniformPerms: readonly Uint8Array[] = Array.from({ length: 8 }, (_, p) => new Uint8Array(PAGE_SIZE).fill(p));
function uniformPerm(perm: number): Uint8Array { return uniformPerms[perm]; }
