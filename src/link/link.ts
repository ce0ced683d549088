// A static linker for the harness: several inputs (x86lab listings, ELF relocatable objects) become
// one Image. The layout (docs/harness.md, "Linking several inputs"):
//   - output sections in order of first appearance across the inputs (inputs in command-line order);
//     same-named input sections merge into one, in input order, each piece at its own alignment;
//   - each output section starts at the next address aligned to max(4096, its alignment) from
//     LOAD_BASE; common symbols go at the end of .bss (created if needed), a GOT (when any
//     relocation needs one) in its own section .got after everything else: three reserved
//     words (_GLOBAL_OFFSET_TABLE_ points at the first), then one slot per symbol;
//   - only SHF_ALLOC sections of ELF objects are loaded (every section of a listing is, as before).
// Symbols resolve as ld resolves them: one strong definition per name, weak definitions yield to
// strong ones, commons merge (largest size, largest alignment) and yield to definitions, undefined
// weak references are 0; __start_SEC/__stop_SEC are provided as ld provides them. Relocations are
// computed in TypeScript (reloc.ts).

import { LinkError } from './errors.js';
import type { Image, LoadedSection } from './image.js';
import type { InSymbol, LinkInput } from './input.js';
import { codeFill } from './fill.js';
import { fits, relaxGot, relocKinds, relocName } from './reloc.js';

/** Where the first section goes (1 MiB, as a boot loader would put a kernel image). */
export const LOAD_BASE = 0x100000;
/** The most the harness loads (a limit that keeps corrupt size fields from exhausting memory). */
export const MAX_IMAGE = 1 << 28;

const alignUp = (a: number, n: number): number => Math.ceil(a / n) * n;

interface Piece { input: number; section: number; offset: number }
interface OutSection { name: string; pieces: Piece[]; align: number; size: number; nobits: boolean; exec: boolean; addr: number; bytes: Uint8Array; merged?: Uint8Array }
/** Where a piece went: at `offset` in `out`, or, for a merged section, wherever `map` sends an input offset. */
interface Placed { out: OutSection; offset: number; map?: (off: number) => number }

interface Definition { input: number; sym: number; strength: 'strong' | 'weak' | 'common' }

export interface LinkOptions {
  /** Diagnostics to carry into the image (assembler warnings). */
  diagnostics?: Image['diagnostics'];
}

const GOT_SYMBOL = '_GLOBAL_OFFSET_TABLE_';

export function linkInputs(inputs: readonly LinkInput[], opts: LinkOptions = {}): Image {
  if (inputs.length === 0) throw new LinkError(['no input files']);
  const mode = inputs[0].mode;
  const errors: string[] = [];
  for (const inp of inputs) {
    if (inp.mode !== mode) {
      errors.push(`${mode === 64 ? 'i386' : 'i386:x86-64'} architecture of input file \`${inp.file}' is incompatible with ${mode === 64 ? 'i386:x86-64' : 'i386'} output`);
    }
  }
  if (errors.length) throw new LinkError(errors);

  // COMDAT groups: the first group of a signature wins; later copies are dropped whole.
  const dropped = inputs.map(() => new Set<number>());
  const seenGroups = new Set<string>();
  inputs.forEach((inp, i) => {
    for (const g of inp.groups) {
      if (seenGroups.has(g.signature)) for (const s of g.sections) dropped[i].add(s);
      else seenGroups.add(g.signature);
    }
  });
  const live = (i: number, s: number): boolean => inputs[i].sections[s].alloc && !dropped[i].has(s);

  // Symbol resolution.
  const defs = new Map<string, Definition>();
  const refs = new Map<string, { input: number; weakOnly: boolean }>();
  const order: string[] = [];
  inputs.forEach((inp, i) => {
    inp.symbols.forEach((s, k) => {
      if (s.bind === 'local' || s.name === '') return;
      const inDropped = typeof s.place === 'number' && dropped[i].has(s.place);
      if (s.place === 'und' || inDropped) {
        const r = refs.get(s.name);
        const weak = s.bind === 'weak';
        if (!r) refs.set(s.name, { input: i, weakOnly: weak });
        else if (!weak) r.weakOnly = false;
        return;
      }
      const strength: Definition['strength'] = s.place === 'common' ? 'common' : s.bind === 'weak' ? 'weak' : 'strong';
      const old = defs.get(s.name);
      if (!old) { defs.set(s.name, { input: i, sym: k, strength }); order.push(s.name); return; }
      if (old.strength === 'strong' && strength === 'strong') {
        const first = inputs[old.input];
        const fs = first.symbols[old.sym];
        errors.push(`${placeText(inp, s.place, s.value)}: multiple definition of \`${s.name}'; ${first.file}:${placeText(first, fs.place, fs.value, false)}: first defined here`);
      } else if (strength === 'strong' || (strength === 'common' && old.strength === 'weak')) {
        defs.set(s.name, { input: i, sym: k, strength });
      } else if (strength === 'common' && old.strength === 'common') {
        // Two commons: the larger size wins, and the larger alignment is kept.
        const o = inputs[old.input].symbols[old.sym];
        if (s.size > o.size) defs.set(s.name, { input: i, sym: k, strength });
      }
    });
  });

  // Layout.
  const outs: OutSection[] = [];
  const byName = new Map<string, OutSection>();
  const pieceAt = inputs.map(() => new Map<number, Placed>());
  inputs.forEach((inp, i) => {
    inp.sections.forEach((s, k) => {
      if (!live(i, k)) return;
      let o = byName.get(s.name);
      if (!o) {
        o = { name: s.name, pieces: [], align: 1, size: 0, nobits: true, exec: false, addr: 0, bytes: new Uint8Array(0) };
        byName.set(s.name, o);
        outs.push(o);
      }
      const offset = alignUp(o.size, s.align);
      o.pieces.push({ input: i, section: k, offset });
      pieceAt[i].set(k, { out: o, offset });
      o.size = offset + s.size;
      o.align = Math.max(o.align, s.align);
      if (!s.nobits) o.nobits = false;
      if (s.exec) o.exec = true;
    });
  });
  for (const o of outs) mergeSection(o, inputs, pieceAt);
  // Commons at the end of .bss.
  // ld allocates each common in the COMMON section of the input whose definition won, inputs in
  // order: so by winning input, then by symbol table order.
  const commonAt = new Map<string, { out: OutSection; offset: number }>();
  const commons = order.filter((n) => defs.get(n)!.strength === 'common')
    .sort((a, b) => { const x = defs.get(a)!, y = defs.get(b)!; return x.input - y.input || x.sym - y.sym; });
  for (const name of commons) {
    const d = defs.get(name)!;
    const s = inputs[d.input].symbols[d.sym];
    const align = Math.max(1, Number(maxCommonAlign(inputs, name, s)));
    let bss = byName.get('.bss');
    if (!bss) {
      bss = { name: '.bss', pieces: [], align: 1, size: 0, nobits: true, exec: false, addr: 0, bytes: new Uint8Array(0) };
      byName.set('.bss', bss);
      outs.push(bss);
    }
    const offset = alignUp(bss.size, align);
    commonAt.set(name, { out: bss, offset });
    bss.size = offset + Number(s.size);
    bss.align = Math.max(bss.align, align);
  }

  // GOT slots: every symbol named by a GOT relocation that will not be relaxed away. Relaxation
  // only fails for an absolute symbol whose value does not fit the immediate (our sections all
  // sit far below 2 GiB), so that is decided before addresses are known, as ld decides it.
  const kinds = relocKinds(mode);
  const word = mode === 64 ? 8 : 4;
  // The GOT starts with the three reserved words of ld's .got.plt (_DYNAMIC, 0, 0: all zero in a
  // static link); _GLOBAL_OFFSET_TABLE_ names its start, the slots follow.
  const GOT_RESERVED = 3 * word;
  const gotSlots = new Map<string, number>();
  /** The input symbol each slot was made for (its value goes in the slot). */
  const gotOwner = new Map<string, { i: number; k: number }>();
  let needGot = false;
  const symKey = (i: number, k: number): string => {
    const s = inputs[i].symbols[k];
    return s.bind === 'local' ? `${i}:${k}` : s.name;
  };
  inputs.forEach((inp, i) => {
    for (const r of inp.relocs) {
      if (!live(i, r.section)) continue;
      const kind = kinds.get(r.type);
      if (!kind) continue;
      const s = inp.symbols[r.sym];
      if (s.name === GOT_SYMBOL) needGot = true;
      if (kind.calc === 'GOT+A-P' || kind.calc === 'S+A-GOT') needGot = true;
      let slot = kind.calc === 'G+A-P' || kind.calc === 'G+A-GOT';
      if (kind.calc === 'GOTX') {
        const d = s.bind === 'local' ? undefined : defs.get(s.name);
        const ds = d ? inputs[d.input].symbols[d.sym] : s;
        if (ds.place === 'abs' && (mode === 64 ? ds.value >= 1n << 31n : ds.value >= 1n << 32n)) slot = true;
      }
      if (slot) { needGot = true; const key = symKey(i, r.sym); if (!gotSlots.has(key)) { gotSlots.set(key, GOT_RESERVED + gotSlots.size * word); gotOwner.set(key, { i, k: r.sym }); } }
    }
  });
  let got: OutSection | undefined;
  if (needGot) {
    got = { name: '.got', pieces: [], align: word, size: GOT_RESERVED + gotSlots.size * word, nobits: false, exec: false, addr: 0, bytes: new Uint8Array(0) };
    outs.push(got);
  }

  // Addresses and contents.
  let at = LOAD_BASE;
  for (const o of outs) {
    at = alignUp(at, Math.max(4096, o.align));
    if (at + o.size > LOAD_BASE + MAX_IMAGE) throw new LinkError([`the image is larger than ${MAX_IMAGE >> 20} MiB (section ${o.name})`]);
    o.addr = at;
    o.bytes = new Uint8Array(o.size);
    let end = 0;
    for (const p of o.pieces) {
      const s = inputs[p.input].sections[p.section];
      // Alignment padding between pieces of code is NOPs, as ld writes it.
      if (o.exec && p.offset > end) codeFill(o.bytes, end, p.offset - end, mode);
      if (!s.nobits && !o.merged) o.bytes.set(s.bytes.subarray(0, s.size), p.offset);
      end = p.offset + s.size;
    }
    if (o.merged) o.bytes.set(o.merged);
    at += Math.max(o.size, 1);
  }
  const gotAddr = got ? got.addr : 0;

  /** The address of input i's symbol k, or undefined when it is undefined (and not weak). */
  const addrOf = (i: number, k: number): bigint | undefined => {
    const s = inputs[i].symbols[k];
    if (s.bind !== 'local') {
      const d = defs.get(s.name);
      if (d) return placeOf(d.input, d.sym);
      if (s.name === GOT_SYMBOL && got) return BigInt(gotAddr);
      return linkerDefined(s.name);
    }
    return placeOf(i, k);
  };
  /**
   * Symbols ld provides when they are referenced and not defined: __start_SEC / __stop_SEC for an
   * output section whose name is a C identifier (how kernel-style code finds a table the linker
   * gathered from every input).
   */
  const linkerDefined = (name: string): bigint | undefined => {
    const m = /^__(start|stop)_([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
    const o = m ? byName.get(m[2]) : undefined;
    if (!m || !o) return undefined;
    return BigInt(m[1] === 'start' ? o.addr : o.addr + o.size);
  };
  const placeOf = (i: number, k: number): bigint | undefined => {
    const s = inputs[i].symbols[k];
    if (s.place === 'abs') return s.value;
    if (s.place === 'common') { const c = commonAt.get(s.name); return c ? BigInt(c.out.addr + c.offset) : undefined; }
    if (s.place === 'und') return undefined;
    const p = pieceAt[i].get(s.place);
    if (!p) return 0n; // a section that is not loaded (debug info): nothing in memory refers to it
    if (p.map) return BigInt(p.out.addr + p.map(Number(BigInt.asIntN(64, s.value))));
    return BigInt(p.out.addr + p.offset) + BigInt.asIntN(64, s.value);
  };

  // GOT contents.
  if (got) {
    for (const [key, off] of gotSlots) {
      const o = gotOwner.get(key)!;
      writeLE(got.bytes, off, BigInt.asUintN(word * 8, addrOf(o.i, o.k) ?? 0n), word);
    }
  }

  // Relocations.
  inputs.forEach((inp, i) => {
    for (const r of inp.relocs) {
      const p = pieceAt[i].get(r.section);
      if (!p || dropped[i].has(r.section)) continue;
      const sec = inp.sections[r.section];
      const where = (): string => placeText(inp, r.section, BigInt(r.offset));
      const kind = kinds.get(r.type);
      if (!kind) { errors.push(`${where()}: unsupported relocation type ${relocName(r.type, mode)}`); continue; }
      if (r.offset + kind.size > sec.size) { errors.push(`${where()}: ${kind.name} runs past the end of its section`); continue; }
      const s = inp.symbols[r.sym];
      let S = addrOf(i, r.sym);
      if (S === undefined) {
        const ref = refs.get(s.name);
        const weak = s.bind === 'weak' || (ref?.weakOnly ?? false);
        if (!weak && !(s.name === GOT_SYMBOL)) {
          errors.push(`${placeText(inp, r.section, BigInt(r.offset))}: undefined reference to \`${s.name}'`);
          continue;
        }
        S = 0n;
      }
      const b = p.out.bytes;
      const off = p.map ? p.map(r.offset) : p.offset + r.offset;
      let A = r.addend ?? readLE(b, off, kind.size, true);
      // A section symbol of a merged section names an entry by its addend: map symbol + addend (as ld does).
      const sp = s.kind === 'section' && typeof s.place === 'number' ? pieceAt[i].get(s.place) : undefined;
      if (sp?.map && s.value + A >= 0n) {
        S = BigInt(sp.out.addr + sp.map(Number(BigInt.asIntN(64, s.value + A))));
        A = 0n;
      }
      const P = BigInt(p.out.addr + off);
      const Z = s.bind === 'local' ? s.size : (() => { const d = defs.get(s.name); return d ? inputs[d.input].symbols[d.sym].size : 0n; })();
      const G = (): bigint => BigInt(gotAddr + (gotSlots.get(symKey(i, r.sym)) ?? 0));
      let v: bigint;
      let fieldOff = off;
      let check = kind.check;
      switch (kind.calc) {
        case 'S+A': v = S + A; break;
        case 'S+A-P': v = S + A - P; break;
        case 'Z+A': v = Z + A; break;
        case 'G+A-P': v = G() + A - P; break;
        case 'GOT+A-P': v = BigInt(gotAddr) + A - P; break;
        case 'S+A-GOT': v = S + A - BigInt(gotAddr); break;
        case 'G+A-GOT': v = (b[off - 1] & 0xc7) === 0x05 ? G() + A : G() + A - BigInt(gotAddr); break;
        case 'GOTX': {
          const relaxed = gotSlots.has(symKey(i, r.sym)) ? undefined : relaxGot(b, off, mode, r.type === 42, S);
          if (!relaxed) {
            // Still a GOT load: RIP-relative on x86-64, GOT-relative (or absolute) on i386.
            v = mode === 64 ? G() + A - P : (b[off - 1] & 0xc7) === 0x05 ? G() + A : G() + A - BigInt(gotAddr);
          } else if (relaxed.kind === 'imm') {
            v = S + (mode === 64 ? 0n : A);
            check = relaxed.signed ? 'signed' : 'unsigned';
          } else {
            fieldOff = off + relaxed.at;
            // i386 REL: the field held A relative to the GOT entry; the direct branch is relative to its end.
            v = S + (mode === 64 ? A : A - 4n) - BigInt(p.out.addr + fieldOff);
            check = 'signed';
          }
          break;
        }
      }
      if (!fits(v, kind.size, check)) {
        errors.push(`${where()}: relocation truncated to fit: ${kind.name} against \`${s.name}'`);
        continue;
      }
      writeLE(b, fieldOff, BigInt.asUintN(kind.size * 8, v), kind.size);
    }
  });
  if (errors.length) throw new LinkError(errors);

  // The image: sections and symbols (globals as resolved; locals of every input when their name is free).
  const sections: LoadedSection[] = outs.map((o) => ({ name: o.name, addr: o.addr, size: o.size, align: o.align, bytes: o.bytes, nobits: o.nobits }));
  const symbols = new Map<string, number>();
  inputs.forEach((inp, i) => {
    inp.symbols.forEach((s, k) => {
      if (!named(s) || symbols.has(s.name)) return;
      const a = addrOf(i, k);
      if (a === undefined || (typeof s.place === 'number' && !pieceAt[i].has(s.place))) return;
      symbols.set(s.name, Number(BigInt.asIntN(64, a)));
    });
  });
  if (got && !symbols.has(GOT_SYMBOL)) symbols.set(GOT_SYMBOL, gotAddr);
  for (const name of refs.keys()) {
    const a = defs.has(name) ? undefined : linkerDefined(name);
    if (a !== undefined && !symbols.has(name)) symbols.set(name, Number(a));
  }
  return { mode, file: inputs[0].file, sections, symbols, diagnostics: opts.diagnostics ?? [] };
}

/**
 * ld's SHF_MERGE handling for an output section whose pieces are all mergeable alike: identical
 * entries are kept once, in order of first appearance; a string that ends another kept string
 * (a suffix, "bar" of "foobar") points into it. Measured against ld 2.40 (test/link).
 */
function mergeSection(o: OutSection, inputs: readonly LinkInput[], pieceAt: Map<number, Placed>[]): void {
  if (o.pieces.length === 0) return;
  const first = inputs[o.pieces[0].input].sections[o.pieces[0].section].merge;
  if (!first) return;
  const e = first.entsize;
  for (const p of o.pieces) {
    const s = inputs[p.input].sections[p.section];
    if (!s.merge || s.merge.entsize !== e || s.merge.strings !== first.strings || s.align > e || s.nobits) return;
    if (first.strings && e !== 1) return; // wide strings: left as they are
    if (!first.strings && s.size % e !== 0) return;
  }
  // Entries per piece: [start, end) in the input section, and their text as a key.
  const key = (b: Uint8Array, a: number, z: number): string => { let t = ''; for (let k = a; k < z; k++) t += String.fromCharCode(b[k]); return t; };
  const uniq: string[] = [];
  const seen = new Set<string>();
  const entries = o.pieces.map((p) => {
    const s = inputs[p.input].sections[p.section];
    const list: { at: number; len: number; text: string }[] = [];
    for (let a = 0; a < s.size;) {
      let z = a + e;
      if (first.strings) { z = a; while (z < s.size && s.bytes[z] !== 0) z++; z = Math.min(z + 1, s.size); }
      const text = key(s.bytes, a, z);
      list.push({ at: a, len: z - a, text });
      if (!seen.has(text)) { seen.add(text); uniq.push(text); }
      a = z;
    }
    return list;
  });
  // Strings: drop those that are the tail of a longer kept one.
  const place = new Map<string, number>();
  const kept = first.strings ? uniq.filter((u) => !uniq.some((v) => v.length > u.length && v.endsWith(u))) : uniq;
  let size = 0;
  for (const k of kept) { place.set(k, size); size += k.length; }
  if (first.strings) for (const u of uniq) if (!place.has(u)) { const k = kept.find((v) => v.endsWith(u))!; place.set(u, place.get(k)! + k.length - u.length); }
  const merged = new Uint8Array(size);
  for (const k of kept) for (let j = 0; j < k.length; j++) merged[place.get(k)! + j] = k.charCodeAt(j);
  o.pieces.forEach((p, n) => {
    const list = entries[n];
    const starts = list.map((x) => x.at);
    pieceAt[p.input].set(p.section, {
      out: o, offset: 0,
      map: (off: number): number => {
        // The entry holding `off` (offsets past the end count from the last entry).
        let lo = 0, hi = starts.length - 1, best = 0;
        while (lo <= hi) { const m = (lo + hi) >> 1; if (starts[m] <= off) { best = m; lo = m + 1; } else hi = m - 1; }
        const ent = list[best];
        return ent ? place.get(ent.text)! + (off - ent.at) : off;
      },
    });
  });
  o.size = size;
  o.merged = merged;
}

/**
 * A place in an input as ld names it in messages: `FILE: in function \`f':` then `(SEC+0xOFF)` on
 * the next line when a function or untyped label precedes it in its section, else
 * `FILE:(SEC+0xOFF)`. With `withFile` false, just `(SEC+0xOFF)` (the "first defined here" part).
 */
function placeText(inp: LinkInput, place: InSymbol['place'], off: bigint, withFile = true): string {
  const sec = typeof place === 'number' ? inp.sections[place]?.name ?? '?' : place === 'abs' ? '*ABS*' : place === 'common' ? '*COM*' : '*UND*';
  const loc = `(${sec}+0x${BigInt.asUintN(64, off).toString(16)})`;
  if (!withFile) return loc;
  let fn: InSymbol | undefined;
  if (typeof place === 'number') {
    for (const s of inp.symbols) {
      if (s.place !== place || (s.kind !== 'func' && s.kind !== 'other') || s.name === '' || s.name.startsWith('.L') || s.value > off) continue;
      if (!fn || s.value >= fn.value) fn = s;
    }
  }
  // (Under "in function", ld names the source file from the object's STT_FILE symbol, if it has one.)
  const src = inp.symbols.find((s) => s.kind === 'file')?.name ?? '';
  return fn ? `${inp.file}: in function \`${fn.name}':\n${src ? `${src}:` : ''}${loc}` : `${inp.file}:${loc}`;
}

const named = (s: InSymbol): boolean => s.name !== '' && !s.name.startsWith('.L') && s.kind !== 'section' && s.kind !== 'file' && s.place !== 'und';

function maxCommonAlign(inputs: readonly LinkInput[], name: string, s: InSymbol): bigint {
  let a = s.value;
  for (const inp of inputs) for (const t of inp.symbols) if (t.name === name && t.place === 'common' && t.value > a) a = t.value;
  return a;
}

function readLE(b: Uint8Array, off: number, size: number, signed: boolean): bigint {
  let v = 0n;
  for (let k = size - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[off + k]);
  return signed ? BigInt.asIntN(size * 8, v) : v;
}

function writeLE(b: Uint8Array, off: number, v: bigint, size: number): void {
  for (let k = 0; k < size; k++) b[off + k] = Number((v >> BigInt(8 * k)) & 0xffn);
}
