// objdump -d style listings: address column, 7 hex bytes per line, the AT&T text, symbol headers,
// `...` for runs of zero bytes, `<sym+0x10>` branch targets.

import type { Mode } from '../isa/types.js';
import { FMT_NO_ADDRESSES, FMT_SUFFIX, formatDecoded, formatPrefixesOnly, formShapes, targetText, TEXT_OTHER, TEXT_OWN, textShape, type Symbolizer, type SymbolTable, type Syntax } from './att.js';
import { defaultTables } from './default.js';
import { DECODE_REACH, sectionCaches, type LineCache, type ListingMemo } from './line-cache.js';
import { warmUpBytes } from './warm-up.js';
import { decodeInto } from './decode.js';
import { ListingWriter, utf8Bytes, utf8Text } from './listing-writer.js';
import { Bad, NONE, newDecoded } from './types.js';

export interface DisSymbol {
  readonly name: string;
  readonly addr: bigint;
  readonly global?: boolean;
  readonly func?: boolean;
  readonly object?: boolean;
  /** A section symbol (named after its section): objdump uses it only when nothing else is there. */
  readonly section?: boolean;
  /** Local binding (weak symbols are neither local nor global, as in BFD). */
  readonly local?: boolean;
  readonly size?: number;
  /** STT_GNU_IFUNC: BFD does not flag it a function, so --disassemble=NAME lists it as any other symbol. */
  readonly ifunc?: boolean;
  /** A dynamic symbol's name without the version `name` shows (BFD's name, what --disassemble=NAME matches). */
  readonly bare?: string;
}

export interface ListingOptions {
  /** Width of the address in headers: 16 for 64-bit files, 8 for 32-bit ones (objdump's bfd_vma width). */
  readonly addrDigits?: 8 | 16;
  /** Label used when no symbol starts the section (objdump prints the section name). */
  readonly sectionName?: string;
  /** Print branch targets as `addr <sym+off>` (ELF); raw binaries print `0xaddr`. */
  readonly symbolizeTargets?: boolean;
  /** Symbols used for targets only (e.g. all symbols of the file), default: `symbols`. */
  readonly targetSymbols?: readonly DisSymbol[];
  /** A ready symbolizer for targets (overrides targetSymbols). */
  readonly symbolizer?: Symbolizer;
  /**
   * Relocation lines to show (objdump -dr), sorted by section offset: each is printed after the
   * instruction (or `...` run) that covers its offset, as `\t\t\t<text>` (`\t<text>` with wide).
   */
  readonly relocs?: readonly { readonly offset: number; readonly text: string }[];
  /** Section offsets to list, [start, stop) (objdump --start-address/--stop-address). */
  readonly start?: number;
  readonly stop?: number;
  /** objdump -w: every byte of an instruction on its line. */
  readonly wide?: boolean;
  /** -M intel: Intel syntax. */
  readonly syntax?: Syntax;
  /** objdump --no-show-raw-insn: no hex bytes (and so no continuation lines). */
  readonly noRawInsn?: boolean;
  /** objdump --no-addresses: no address column, headers and targets without their address. */
  readonly noAddresses?: boolean;
  /** objdump -z: decode runs of zero bytes instead of printing `...`. */
  readonly zeroes?: boolean;
  /** objdump --disassemble=SYMBOL: only the code of the symbols of that name (objdump's rules in `symbolRegions`). */
  readonly onlySymbol?: string;
  /** -M suffix: mnemonics always with their size suffix. */
  readonly suffix?: boolean;
  /**
   * objdump -D: an instruction at the end of a symbol's bytes is decoded on into the next symbol's
   * (then shown with its own bytes only: a blank for each byte past them), not cut short.
   */
  readonly pastRegion?: boolean;
  /** Caches to share with other sections listed with the same memo (line-cache.ts); else the section's own. */
  readonly memo?: ListingMemo;
}

/** A symbol with what sorting compares, worked out once (a shared object has thousands, many at one address). */
interface SortKey {
  readonly s: DisSymbol;
  /** The address as 32-bit halves (numbers compare faster than BigInts). */
  readonly hi: number;
  readonly lo: number;
  /** The name without its version (`@...`), made when first needed. */
  bare?: string;
}

/**
 * objdump's order among symbols at one address (the first one names it): section symbols last, functions, then data
 * objects, then non-local before local, global before weak, larger size first, names starting
 * with '.' last, then by name.
 */
function better(ka: SortKey, kb: SortKey): number {
  const a = ka.s;
  const b = kb.s;
  if (!!a.section !== !!b.section) return a.section ? 1 : -1;
  if (!!a.func !== !!b.func) return a.func ? -1 : 1;
  if (!!a.object !== !!b.object) return a.object ? -1 : 1;
  if (!!a.local !== !!b.local) return a.local ? 1 : -1;
  if (!!a.global !== !!b.global) return a.global ? -1 : 1;
  const as = a.size ?? 0;
  const bs = b.size ?? 0;
  if (as !== bs) return as > bs ? -1 : 1;
  const ad = a.name.startsWith('.');
  if (ad !== b.name.startsWith('.')) return ad ? 1 : -1;
  // Versions of one dynamic symbol (name@V1, name@@V2) keep symbol-table order (stable sort).
  const an = (ka.bare ??= a.name.replace(/@.*/, ''));
  const bn = (kb.bare ??= b.name.replace(/@.*/, ''));
  return an < bn ? -1 : an > bn ? 1 : 0;
}

function sortSyms(syms: readonly DisSymbol[]): DisSymbol[] {
  let halves = true;
  const keys: SortKey[] = syms.map((s) => {
    if (s.addr < 0n || s.addr >= 1n << 64n) halves = false;
    const a = BigInt.asUintN(64, s.addr);
    return { s, hi: Number(a >> 32n), lo: Number(a & 0xffffffffn), bare: undefined };
  });
  // Addresses in [0, 2^64) (ELF's are) order as their 32-bit halves do.
  if (halves) keys.sort((a, b) => (a.hi !== b.hi ? a.hi - b.hi : a.lo !== b.lo ? a.lo - b.lo : better(a, b)));
  else keys.sort((a, b) => (a.s.addr < b.s.addr ? -1 : a.s.addr > b.s.addr ? 1 : better(a, b)));
  return keys.map((k) => k.s);
}

/** A symbolizer over sorted symbols: nearest symbol at or below the address. */
export function makeSymbolizer(symbols: readonly DisSymbol[]): Symbolizer {
  const sorted = sortSyms(symbols);
  // Keep the preferred symbol per address.
  const uniq: DisSymbol[] = [];
  for (const s of sorted) if (!uniq.length || uniq[uniq.length - 1].addr !== s.addr) uniq.push(s);
  const table = new SortedSymbols(uniq);
  const { his, los } = table;
  const fn = (lo: number, hi: number): string | undefined => {
    lo >>>= 0;
    hi >>>= 0;
    const best = table.at(lo, hi);
    if (best < 0) {
      // Before every symbol: objdump counts back from the first one.
      if (!uniq.length) return undefined;
      return `${uniq[0].name}-0x${(uniq[0].addr - ((BigInt(hi) << 32n) | BigInt(lo))).toString(16)}`;
    }
    const s = uniq[best];
    const dh = hi - his[best];
    if (dh === 0 && lo === los[best]) return s.name;
    // Exact while the distance fits in 53 bits (it always does but for a symbol 2^53 bytes away).
    const off = dh < 0x200000 ? (dh * 4294967296 + lo - los[best]).toString(16) : (((BigInt(hi) << 32n) | BigInt(lo)) - s.addr).toString(16);
    return s.name + '+0x' + off;
  };
  return Object.assign(fn, { table });
}

/** Symbols' addresses as 32-bit halves: a branch target is looked up without making a BigInt. */
class SortedSymbols implements SymbolTable {
  readonly names: string[];
  readonly his: Uint32Array;
  readonly los: Uint32Array;

  constructor(uniq: readonly DisSymbol[]) {
    this.names = uniq.map((s) => s.name);
    this.his = new Uint32Array(uniq.length);
    this.los = new Uint32Array(uniq.length);
    uniq.forEach((s, i) => {
      const a = BigInt.asUintN(64, s.addr);
      this.his[i] = Number(a >> 32n);
      this.los[i] = Number(a & 0xffffffffn);
    });
  }

  at(lo: number, hi: number): number {
    lo >>>= 0;
    hi >>>= 0;
    const { his, los } = this;
    let l = 0;
    let r = his.length - 1;
    let best = -1;
    while (l <= r) {
      const m = (l + r) >> 1;
      if (his[m] < hi || (his[m] === hi && los[m] <= lo)) {
        best = m;
        l = m + 1;
      } else r = m - 1;
    }
    return best;
  }
}

/** objdump's address column: how many leading hex digits all addresses of the section drop. */
export function addrSkip(endAddr: bigint, digits: number): number {
  const s = endAddr.toString(16).padStart(digits, '0');
  let z = 0;
  while (z < s.length && s[z] === '0') z++;
  if (z === s.length && endAddr !== 0n) z = 0;
  return z !== 0 ? (z - 1) & ~3 : 0;
}

/**
 * Disassemble one section's bytes as `objdump -d` prints its body (everything after the
 * "Disassembly of section" line). `symbols` are the labels inside this section.
 */
export function disassembleSection(
  bytes: Uint8Array, mode: Mode, baseAddr: bigint, symbols: readonly DisSymbol[] = [], opts: ListingOptions = {},
): string {
  let s = '';
  for (const chunk of disassembleSectionChunks(bytes, mode, baseAddr, symbols, opts)) s += chunk;
  return s;
}

/** The same listing in pieces of about 64 KiB, for large sections (a whole node binary is ~700 MB of text). */
export function* disassembleSectionChunks(
  bytes: Uint8Array, mode: Mode, baseAddr: bigint, symbols: readonly DisSymbol[] = [], opts: ListingOptions = {},
): Generator<string> {
  for (const chunk of disassembleSectionBytes(bytes, mode, baseAddr, symbols, opts)) yield utf8Text(chunk);
}

/** The same listing as UTF-8 bytes in pieces of about 64 KiB (what `x86lab dis` writes out). */
export function* disassembleSectionBytes(
  bytes: Uint8Array, mode: Mode, baseAddr: bigint, symbols: readonly DisSymbol[] = [], opts: ListingOptions = {},
): Generator<Uint8Array> {
  const digits = opts.addrDigits ?? 16;
  const end = baseAddr + BigInt(bytes.length);
  const skip = addrSkip(end, digits);
  const inSection = sortSyms(symbols.filter((s) => s.addr >= baseAddr && s.addr < end));
  const labels: Label[] = [];
  for (const s of inSection) {
    const off = Number(s.addr - baseAddr);
    if (!labels.length || labels[labels.length - 1].off !== off) labels.push({ off, name: s.name, sym: s });
  }
  // No symbol at the section start: objdump names it after the first symbol of the section with a
  // negative offset (<abort-0x1f>), or after the section when it has no symbols.
  if (!labels.length) labels.push({ off: 0, name: opts.sectionName ?? '.text' });
  else if (labels[0].off !== 0) labels.unshift({ off: 0, name: `${labels[0].name}-0x${labels[0].off.toString(16)}`, sym: labels[0].sym });
  const sym = opts.symbolizer ?? (opts.symbolizeTargets ? makeSymbolizer(opts.targetSymbols ?? symbols) : undefined);
  // An address range: listing starts at `start` (mid-symbol: named <sym+off>) and ends before `stop`.
  const lo = Math.max(0, opts.start ?? 0);
  const hi = Math.min(bytes.length, opts.stop ?? bytes.length);
  if (lo > 0 || hi < bytes.length) {
    const inRange = labels.filter((l) => l.off >= lo && l.off < hi);
    if (!inRange.length || inRange[0].off !== lo) {
      const before = [...labels].reverse().find((l) => l.off <= lo) ?? labels[0];
      inRange.unshift({ off: lo, name: lo === before.off ? before.name : `${before.name}+0x${(lo - before.off).toString(16)}`, sym: before.sym });
    }
    labels.length = 0;
    labels.push(...inRange);
  }
  const full = (1n << BigInt(digits * 4)) - 1n;
  if (opts.onlySymbol === undefined && (hi - lo >= WARM_UP_FROM || opts.memo?.warmUpDue)) {
    warmUp(mode, baseAddr, digits, digits - skip, sym, opts);
    if (opts.memo) opts.memo.warmUpDue = false;
  }
  const l = new SectionLister(bytes, mode, baseAddr, digits, digits - skip, sym, opts, lo);
  const only = opts.onlySymbol === undefined ? undefined : symbolRegions(labels, hi, opts.onlySymbol);
  for (let li = 0; li < labels.length; li++) {
    const start = labels[li].off;
    let stop = li + 1 < labels.length ? labels[li + 1].off : hi;
    if (only !== undefined) {
      if (only[li] < 0) continue;
      stop = only[li];
    }
    l.w.str(opts.noAddresses ? `\n<${labels[li].name}>:\n` : `\n${((baseAddr + BigInt(start)) & full).toString(16).padStart(digits, '0')} <${labels[li].name}>:\n`);
    // Decode within the region only, as objdump does (an instruction never runs into the next symbol's bytes).
    const view = stop < bytes.length && !opts.pastRegion ? bytes.subarray(0, stop) : bytes;
    for (let p = start; p < stop;) {
      p = l.lines(view, p, stop);
      if (l.w.full) yield l.w.take();
    }
  }
  yield l.w.take(true);
}

/** A region's first address (section offset), its header's name and the symbol objdump holds for it. */
interface Label {
  off: number;
  name: string;
  sym?: DisSymbol;
}

/**
 * objdump --disassemble=NAME, as objdump 2.40 does it (measured): a region whose symbol is named
 * NAME starts the output (the region before a section's first symbol holds that symbol, so
 * `<f-0x10>` is listed for f, and a name shared by several symbols lists each); then a function of
 * known size lists until its start plus its size, where the section ends; a function without a
 * size lists until the next function's region; any other symbol until the next region. Returns
 * each region's end, or -1 for a region not listed.
 */
function symbolRegions(labels: readonly Label[], hi: number, name: string): number[] {
  const stops = labels.map(() => -1);
  let printing = false;
  let until: 'next' | 'func' | 'size' = 'next';
  for (let li = 0; li < labels.length; li++) {
    const start = labels[li].off;
    if (start >= hi) break;
    const s = labels[li].sym;
    if (s !== undefined) {
      const func = !!s.func && !s.ifunc;
      if (printing) {
        if (until === 'next' || (until === 'func' && func)) printing = false;
      } else if ((s.bare ?? s.name) === name) {
        printing = true;
        until = func ? ((s.size ?? 0) > 0 ? 'size' : 'func') : 'next';
        if (until === 'size') hi = Math.min(hi, start + (s.size ?? 0));
      }
    }
    if (printing) stops[li] = Math.min(hi, li + 1 < labels.length ? labels[li + 1].off : hi);
  }
  return stops;
}

/**
 * Sections from this size on (bytes) are listed after a warm-up (warm-up.ts), which costs as much
 * as listing some 10,000 instructions cold; so are the sections of a memo that asks for one.
 */
export const WARM_UP_FROM = 1 << 18;

/** Lists warm-up.ts's made-up code with the same settings and throws the text away. */
function warmUp(mode: Mode, baseAddr: bigint, digits: 8 | 16, width: number, sym: Symbolizer | undefined, opts: ListingOptions): void {
  const code = warmUpBytes(mode);
  const l = new SectionLister(code, mode, baseAddr, digits, width, sym, { ...opts, relocs: undefined, memo: undefined }, 0);
  for (let p = 0; p < code.length;) {
    p = l.lines(code, p, code.length);
    l.w.clear();
  }
}

/**
 * The lines of one section. The loop is a method of its own, not the generator's: V8 optimizes a
 * plain function's loop while it runs, and a generator's only between resumptions.
 */
class SectionLister {
  readonly w: ListingWriter;
  private readonly d = newDecoded();
  /** Hex column and text of instructions met before, by their bytes (line-cache.ts). */
  private readonly cache: LineCache;
  /** A branch's text up to its target, by the bytes before its displacement. */
  private readonly heads: LineCache;
  private readonly shapes = formShapes(defaultTables());
  private readonly relocs: readonly { readonly offset: number; readonly text: string }[];
  private ri = 0;
  private readonly wide: boolean;
  private readonly syntax: Syntax | undefined;
  /** FMT_* bits for formatDecoded. */
  private readonly fmt: number;
  /** Whether hex bytes are shown (not --no-show-raw-insn), addresses (not --no-addresses), zeros as `...` (not -z). */
  private readonly raw: boolean;
  private readonly addresses: boolean;
  private readonly skipZeroes: boolean;
  /** The section's base as 32-bit halves: each line's address is then plain number arithmetic. */
  private readonly baseLo: number;
  private readonly baseHi: number;

  constructor(
    private readonly bytes: Uint8Array, private readonly mode: Mode, baseAddr: bigint, private readonly digits: 8 | 16,
    private readonly width: number, private readonly sym: Symbolizer | undefined, opts: ListingOptions, lo: number,
  ) {
    this.w = new ListingWriter(bytes.length);
    this.raw = !opts.noRawInsn;
    this.addresses = !opts.noAddresses;
    this.skipZeroes = !opts.zeroes;
    this.fmt = (opts.noAddresses ? FMT_NO_ADDRESSES : 0) | (opts.suffix ? FMT_SUFFIX : 0);
    // The cached text holds the hex column and any target: one set of caches per way of printing them.
    const variant = (this.raw ? '' : '/noraw') + (this.addresses ? '' : '/noaddr') + (opts.suffix ? '/suffix' : '');
    const caches = opts.memo ? opts.memo.caches(mode, (opts.syntax ?? 'att') + variant, !!opts.wide) : sectionCaches(bytes.length);
    this.cache = caches.own;
    this.heads = caches.heads;
    this.relocs = opts.relocs ?? [];
    while (this.ri < this.relocs.length && this.relocs[this.ri].offset < lo) this.ri++;
    this.wide = !!opts.wide;
    this.syntax = opts.syntax;
    this.baseLo = Number(baseAddr & 0xffffffffn);
    this.baseHi = Number((baseAddr >> 32n) & 0xffffffffn);
  }

  /** Relocation lines for every relocation below `end`. */
  private relocLines(end: number): void {
    const { relocs, w, wide } = this;
    for (; this.ri < relocs.length && relocs[this.ri].offset < end; this.ri++) {
      w.str(wide ? '\t' : '\t\t\t');
      // --no-addresses: without the `offset: ` before the type.
      const t = relocs[this.ri].text;
      w.str(this.addresses ? t : t.slice(t.indexOf(': ') + 2));
      if (!wide) w.byte(NL);
    }
  }

  /** `<` and a symbol's name as UTF-8, by the symbol's index in the symbolizer's table, made when first written. */
  private readonly nameBytes: (Uint8Array | undefined)[] = [];

  /** A branch target as formatDecoded writes it (att.ts targetText). */
  private target(lo: number, hi: number): void {
    const { sym } = this;
    const table = sym?.table;
    if (table !== undefined && (sym!.special === undefined || !sym!.special(lo, hi))) {
      // The symbol's name and offset written as they are, without building `name+0x10` first.
      const i = table.at(lo, hi);
      if (i >= 0 && table.his[i] === hi >>> 0) {
        const { w } = this;
        if (this.addresses) {
          w.hex64(lo, hi);
          w.byte(SPACE);
        }
        w.bytes(this.nameBytes[i] ??= utf8Bytes('<' + table.names[i]));
        const off = (lo >>> 0) - table.los[i];
        if (off !== 0) {
          w.byte(PLUS);
          w.byte(48);
          w.byte(120);
          w.hex64(off, 0);
        }
        w.byte(GT);
        return;
      }
    }
    const name = sym ? sym(lo, hi) : undefined;
    if (!this.addresses) {
      if (name !== undefined) this.w.str('<' + name + '>');
    } else if (name === undefined) {
      this.w.byte(48);
      this.w.byte(120);
      this.w.hex64(lo, hi);
    } else {
      this.w.hex64(lo, hi);
      this.w.byte(SPACE);
      this.w.byte(LT);
      this.w.str(name);
      this.w.byte(GT);
    }
  }

  /** The address column of section offset `off`, and the colon and tab after it. */
  private addrCol(off: number): void {
    if (!this.addresses) {
      this.w.byte(TAB);
      return;
    }
    const sum = this.baseLo + off;
    this.w.addr(sum >>> 0, (this.baseHi + Math.floor(sum / 4294967296)) >>> 0, this.digits, this.width);
    this.w.byte(COLON);
    this.w.byte(TAB);
  }

  /** The hex bytes of the instruction at `p` and the tab after them (none with --no-show-raw-insn). */
  private hexCol(p: number, len: number): void {
    if (!this.raw) return;
    if (p + len > this.stop) {
      this.pastHex(p, p + (this.wide ? len : Math.min(len, 7)), true);
      this.w.byte(TAB);
      return;
    }
    this.w.hexBytes(this.bytes, p, p + (this.wide ? len : Math.min(len, 7)), 21);
    this.w.byte(TAB);
  }

  /** Where the region being listed ends (an instruction may run past it with pastRegion). */
  private stop = 0;

  /**
   * Hex of bytes [from, to) of an instruction that runs past the region: its bytes inside, a blank
   * for each outside; `pad` fills the first line to 7 bytes' width.
   */
  private pastHex(from: number, to: number, pad: boolean): void {
    const { w } = this;
    for (let i = from; i < to; i++) {
      if (i < this.stop) w.hexBytes(this.bytes, i, i + 1, 0);
      else w.byte(SPACE);
    }
    if (pad) w.spaces(3 * (7 - (to - from)));
  }

  /** Lists from offset `p` until `stop` or a chunk's worth of text; returns where it stopped. */
  lines(view: Uint8Array, p: number, stop: number): number {
    const { bytes, w, d, mode, wide } = this;
    this.stop = stop;
    while (p < stop && !w.full) {
      // objdump skips runs of zeros: 8 or more, or fewer than 3 that end the region (padding);
      // before more code only a multiple of 4 is skipped.
      let z = p;
      while (z < stop && bytes[z] === 0) z++;
      if (this.skipZeroes && (z - p >= 8 || (z === stop && z > p && z - p < 3))) {
        if (z !== stop) z = p + ((z - p) & ~3);
        w.str('\t...');
        if (wide) {
          this.relocLines(z);
          w.byte(NL);
        } else {
          w.byte(NL);
          this.relocLines(z);
        }
        p = z;
        continue;
      }
      const { cache } = this;
      // An instruction met before is found by its bytes without decoding it (line-cache.ts match).
      let len = 0;
      const m = cache.match(bytes, p, stop);
      if (m >= 0) {
        len = cache.keyLength(m);
        this.addrCol(p);
        w.copy(cache.view, cache.offset(m), cache.length(m));
        this.lineEnd(p, len, stop);
        p += len;
        continue;
      }
      const sum = this.baseLo + p;
      const lo = sum >>> 0;
      const hi = (this.baseHi + Math.floor(sum / 4294967296)) >>> 0;
      decodeInto(d, view, p, mode, lo, hi);
      const shape = d.ignoredRexEnd === 0 && p + d.length <= stop ? textShape(d, this.shapes) : TEXT_OTHER;
      if (shape === TEXT_OWN) {
        // The first line's hex column and text, from the cache or made and then cached.
        len = d.length;
        let s = cache.find(bytes, p, len);
        this.addrCol(p);
        if (s >= 0) w.copy(cache.view, cache.offset(s), cache.length(s));
        else {
          const from = w.n;
          this.hexCol(p, len);
          w.str(formatDecoded(d, view, p, lo, hi, this.sym, undefined, this.syntax, this.fmt));
          s = cache.put(~s, bytes, p, len, w.buf, from, w.n) ? ~s : -1;
        }
        // Decoded with all the bytes the decoder may look at; not a WAIT the next bytes decide, nor
        // a (bad), whose length stops short of the bytes that made it one.
        if (s >= 0 && d.form !== NONE && p + DECODE_REACH <= view.length && bytes[p + len - 1] !== 0x9b) cache.matchable(s);
      } else if (shape !== TEXT_OTHER) {
        // A branch: its text up to the target is cached by the bytes before the displacement.
        len = d.length;
        const { heads } = this;
        const s = heads.find(bytes, p, len - shape);
        this.addrCol(p);
        this.hexCol(p, len);
        if (s >= 0) {
          w.copy(heads.view, heads.offset(s), heads.length(s));
          this.target(d.targetLo, d.targetHi);
        } else {
          const text = formatDecoded(d, view, p, lo, hi, this.sym, undefined, this.syntax, this.fmt);
          const t = targetText(d.targetLo, d.targetHi, this.sym, this.fmt);
          if (text.endsWith(t)) {
            const from = w.n;
            w.str(text.slice(0, text.length - t.length));
            heads.put(~s, bytes, p, len - shape, w.buf, from, w.n);
            w.str(t);
          } else w.str(text);
        }
      } else {
        let text: string;
        if (d.ignoredRexEnd > 0) {
          len = d.ignoredRexEnd;
          text = formatPrefixesOnly(bytes, p, len, mode);
        } else if (d.form === NONE && d.bad === Bad.TRUNCATED) {
          if (d.prefixLen > 0 || prefixCount(view, p, mode) > 0) {
            len = prefixCount(view, p, mode);
            text = formatPrefixesOnly(bytes, p, len, mode);
          } else {
            len = 1;
            text = '.byte 0x' + bytes[p].toString(16);
          }
        } else {
          len = d.length;
          text = formatDecoded(d, view, p, lo, hi, this.sym, undefined, this.syntax, this.fmt);
        }
        if (len <= 0) len = 1;
        // objdump -d: 7 bytes a line, the rest on lines of their own; -w: every byte on the first.
        this.addrCol(p);
        this.hexCol(p, len);
        w.str(text);
      }
      this.lineEnd(p, len, stop);
      p += len;
    }
    return p;
  }

  /** The end of the first line of the instruction [p, p+len), its other lines and relocations. */
  private lineEnd(p: number, len: number, stop: number): void {
    const { w, bytes } = this;
    if (this.wide) {
      this.relocLines(p + len);
      w.byte(NL);
    } else {
      w.byte(NL);
      for (let k = 7; k < len && this.raw; k += 7) {
        this.addrCol(p + k);
        if (p + len > stop) this.pastHex(p + k, p + Math.min(len, k + 7), false);
        else w.hexBytes(bytes, p + k, p + Math.min(len, k + 7), 0);
        w.byte(NL);
      }
      if (this.ri < this.relocs.length) this.relocLines(p + len);
    }
  }
}

const NL = 10, TAB = 9, COLON = 58, SPACE = 32, LT = 60, GT = 62, PLUS = 43;

function prefixCount(b: Uint8Array, p: number, mode: Mode): number {
  let n = 0;
  while (p + n < b.length) {
    const x = b[p + n];
    const legacy = x === 0xf0 || x === 0xf2 || x === 0xf3 || x === 0x66 || x === 0x67 || x === 0x26 || x === 0x2e || x === 0x36 || x === 0x3e || x === 0x64 || x === 0x65;
    if (!legacy && !(mode === 64 && (x & 0xf0) === 0x40)) break;
    n++;
  }
  return n;
}
