// ELF-only directives that act on the object's symbols and relocations rather than on section
// bytes (GNU as 2.40, obj-elf.c and read.c semantics, measured with readelf):
//
//   .reloc offset, type[, expr]   a relocation written as is; in the section's relocation list
//                                 GNU merges them, in source order, before the first fixup at or
//                                 past their offset (write.c write_relocs)
//   .symver name, alias@[@[@]]ver[, remove|local|hidden]
//                                 a defined name gains a versioned copy (appended to the symbols);
//                                 an undefined one, or `@@@`, renames it
//   .weakref alias, target        alias never reaches the object; target becomes weak unless named
//                                 directly or made global
//   .tls_common sym, size[, align]  a common STT_TLS symbol
//   .attach_to_group name         puts the current section in a section group

import type { DirArg, Expr } from './ast.js';
import { AsmError } from './errors.js';
import { evalExpr, parseString } from './expr.js';
import type { Tok } from './lexer.js';
import type { RelocOut, SectionOut, SymbolOut } from './result.js';
import type { Section } from './sections.js';
import type { Assembly } from './state.js';
import { displayName, type Val } from './symbols.js';
import { where } from './where.js';
import type { SrcLoc } from './errors.js';

interface RelocDir {
  readonly sec: Section;
  readonly offset: Val;
  readonly type: string;
  readonly value?: Val;
  readonly loc: SrcLoc;
}

interface Symver {
  readonly name: string;
  readonly versioned: string;
  readonly option?: 'remove' | 'local' | 'hidden';
  readonly loc: SrcLoc;
}

/** Per-assembly record of the directives above, applied when the symbols are written. */
export class ElfDirState {
  readonly relocs: RelocDir[] = [];
  readonly symvers: Symver[] = [];
  readonly weakrefs = new Map<string, string>();
  /** `.gnu_attribute tag, value`: the last value per tag (odd tags hold strings). */
  readonly gnuAttrs = new Map<number, bigint | readonly number[]>();
}

type Handler = (asm: Assembly, args: readonly DirArg[], toks: readonly Tok[]) => void;

function name(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): string {
  if (a && a.k === 'sym') return toks[a.t].value;
  if (a && a.k === 'str') return toks[a.t].value.slice(1, -1);
  throw new AsmError(asm.loc, 'expected symbol name');
}

function value(a: DirArg | undefined, asm: Assembly, toks: readonly Tok[]): Val {
  if (!a || a.k === 'empty') throw new AsmError(asm.loc, 'missing expression');
  if (a.k === 'str' || a.k === 'at' || a.k === 'regarg') throw new AsmError(asm.loc, 'bad expression');
  return evalExpr(a as Expr, toks, asm.ctx());
}

/** BFD's generic names GNU accepts in `.reloc` for x86 (bfd_reloc_name_lookup), per object class. */
function relocName(type: string, mode: 32 | 64): string | undefined {
  const bfd: Record<string, string> = mode === 64
    ? { NONE: 'R_X86_64_NONE', '8': 'R_X86_64_8', '16': 'R_X86_64_16', '32': 'R_X86_64_32', '64': 'R_X86_64_64',
        '8_PCREL': 'R_X86_64_PC8', '16_PCREL': 'R_X86_64_PC16', '32_PCREL': 'R_X86_64_PC32', '64_PCREL': 'R_X86_64_PC64',
        SIZE32: 'R_X86_64_SIZE32', SIZE64: 'R_X86_64_SIZE64' }
    : { NONE: 'R_386_NONE', '8': 'R_386_8', '16': 'R_386_16', '32': 'R_386_32',
        '8_PCREL': 'R_386_PC8', '16_PCREL': 'R_386_PC16', '32_PCREL': 'R_386_PC32', SIZE32: 'R_386_SIZE32' };
  const m = /^BFD_RELOC_(.+)$/.exec(type);
  if (m) return bfd[m[1]];
  if (mode === 64 ? /^R_X86_64_[A-Z0-9_]+$/.test(type) : /^R_386_[A-Z0-9_]+$/.test(type)) return type;
  return undefined;
}

export const ELF_HANDLERS: Record<string, Handler> = {
  '.reloc': (asm, args, toks) => {
    const offset = value(args[0], asm, toks);
    const t = args[1];
    if (!t || t.k !== 'sym') throw new AsmError(asm.loc, 'expected comma after name');
    const type = relocName(toks[t.t].value, asm.objMode);
    if (!type) throw new AsmError(asm.loc, 'unrecognized reloc type');
    const v = args[2] && args[2].k !== 'empty' ? value(args[2], asm, toks) : undefined;
    asm.elfDirs.relocs.push({ sec: asm.cur, offset, type, ...(v ? { value: v } : {}), loc: asm.loc });
  },
  '.weakref': (asm, args, toks) => {
    const alias = asm.symbols.ref(name(args[0], asm, toks));
    if (args.length < 2) throw new AsmError(asm.loc, 'expected comma after name');
    const target = asm.symbols.ref(name(args[1], asm, toks));
    asm.defineEqu(alias, { add: 0n, sym: target }, 'set');
    asm.elfDirs.weakrefs.set(alias.name, target.name);
  },
  '.tls_common': (asm, args, toks) => {
    const s = asm.symbols.ref(name(args[0], asm, toks));
    if (args.length < 2) throw new AsmError(asm.loc, 'expected comma after symbol-name: rest of line ignored.');
    const size = value(args[1], asm, toks).add;
    if (s.def) throw new AsmError(asm.loc, `symbol \`${s.name}' is already defined`);
    let al = 1n;
    while (al < size && al < 16n) al <<= 1n;
    s.common = { size, align: args[2] && args[2].k !== 'empty' ? value(args[2], asm, toks).add : al };
    if (s.binding === 'local') s.binding = 'global';
    s.type = 'tls_object';
  },
  '.gnu_attribute': (asm, args, toks) => {
    const tag = value(args[0], asm, toks);
    if (tag.sym || tag.add < 0n) throw new AsmError(asm.loc, 'bad or irreducible absolute expression');
    if (args.length < 2) throw new AsmError(asm.loc, 'expected comma after name');
    const t = Number(tag.add);
    const a = args[1];
    // GNU-vendor attributes: odd tags take a string, even ones a number (elf-attrs.c).
    if (t & 1) {
      if (a.k !== 'str') throw new AsmError(asm.loc, 'bad string constant');
      asm.elfDirs.gnuAttrs.set(t, parseString(toks[a.t].value));
    } else {
      const v = value(a, asm, toks);
      if (v.sym) throw new AsmError(asm.loc, 'expected numeric constant');
      asm.elfDirs.gnuAttrs.set(t, v.add);
    }
  },
  '.attach_to_group': (asm, args, toks) => {
    const g = name(args[0], asm, toks);
    const sec = asm.cur;
    if (sec.group) { asm.warn(`section is already in group ${sec.group.name}`); return; }
    sec.group = { name: g, comdat: false };
    if (!sec.flags.includes('G')) sec.flags += 'G';
  },
};

/** `.symver`, read raw: the versioned name holds `@`s the expression parser would take for specifiers. */
export function symverDirective(asm: Assembly, rest: string): void {
  const m = /^\s*("[^"]*"|[^\s,]+)\s*,\s*([^\s,]+)\s*(?:,\s*(\w+)\s*)?$/.exec(rest);
  if (!m) throw new AsmError(asm.loc, 'expected comma after name in .symver');
  const nm = m[1].replace(/^"|"$/g, '');
  if (!m[2].includes('@')) throw new AsmError(asm.loc, `missing version name in \`${m[2]}' for symbol \`${nm}'`);
  const opt = m[3];
  if (opt !== undefined && opt !== 'remove' && opt !== 'local' && opt !== 'hidden') throw new AsmError(asm.loc, `unknown visibility \`${opt}'`);
  asm.symbols.ref(nm);
  asm.elfDirs.symvers.push({ name: nm, versioned: m[2], ...(opt ? { option: opt } : {}), loc: asm.loc });
}

/** Relocations from `.reloc`, resolved once addresses are known. */
function relocDirs(asm: Assembly, bytes: ReadonlyMap<string, Uint8Array>): RelocOut[] {
  const out: RelocOut[] = [];
  for (const r of asm.elfDirs.relocs) {
    try {
      let sec = r.sec;
      let offset: bigint = r.offset.add;
      if (r.offset.sym) {
        const w = where(r.offset.sym);
        if (w.kind !== 'label' || r.offset.minus) throw new AsmError(r.loc, 'bad offset expression');
        sec = w.sec;
        offset += BigInt(w.addr) + w.add;
      }
      let symbol = '*ABS*';
      let addend = r.value?.add ?? 0n;
      if (r.value?.sym) {
        const w = where(r.value.sym);
        if (w.kind === 'abs') addend += w.value;
        else if (w.kind === 'label' && w.sym.binding === 'local' && (w.sym.temp || w.sym.name.startsWith('.L') || /[\x01\x02]/.test(w.sym.name))) {
          // A label the object does not list goes by its section.
          symbol = w.sec.name;
          addend += BigInt(w.addr) + w.add;
        } else {
          symbol = displayName(w.sym.name);
          addend += w.add;
        }
      }
      // The field's size (the howto's; NONE has none).
      const t = r.type.replace(/^R_(X86_64|386)_/, '');
      const size = t === 'NONE' ? 0 : /64$/.test(t) ? 8 : /^(PC)?16$/.test(t) ? 2 : /^(PC)?8$/.test(t) ? 1 : 4;
      // REL (i386) keeps a symbol's addend in the field, added to what is there (bfd_install_relocation).
      if (asm.objMode === 32 && symbol !== '*ABS*' && addend !== 0n && size > 0) {
        if (offset < 0n || offset + BigInt(size) > BigInt(sec.size)) throw new AsmError(r.loc, 'relocation out of range');
        const b = bytes.get(sec.name);
        if (b) {
          const o = Number(offset);
          let v = 0n;
          for (let k = size - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[o + k]);
          v += addend;
          for (let k = 0; k < size; k++) b[o + k] = Number(BigInt.asUintN(8, v >> BigInt(8 * k)));
        }
      }
      out.push({ section: sec.name, offset: Number(offset), type: r.type, symbol, addend, size, pcrel: false });
    } catch (e) {
      if (e instanceof AsmError) asm.error(e.message, e.loc); else throw e;
    }
  }
  return out;
}

/**
 * Applies `.reloc`, `.symver` and `.weakref` to the finished symbols and relocations (in place):
 * `relocations` must already be grouped by section in GNU's fixup order.
 */
export function finishElfDirectives(asm: Assembly, sections: readonly SectionOut[], symbols: SymbolOut[], relocations: RelocOut[]): void {
  const st = asm.elfDirs;
  if (st.relocs.length) {
    const extra = relocDirs(asm, new Map(sections.map((x) => [x.name, x.bytes])));
    const merged: RelocOut[] = [];
    const secs = [...new Set([...relocations.map((r) => r.section), ...extra.map((r) => r.section)])];
    const order = new Map(asm.sections.map((s) => [s.name, s.index]));
    secs.sort((a, b) => order.get(a)! - order.get(b)!);
    for (const s of secs) {
      const pend = extra.filter((r) => r.section === s);
      let k = 0;
      for (const f of relocations) {
        if (f.section !== s) continue;
        while (k < pend.length && pend[k].offset < f.offset) merged.push(pend[k++]);
        merged.push(f);
      }
      merged.push(...pend.slice(k));
    }
    relocations.splice(0, relocations.length, ...merged);
  }

  if (st.weakrefs.size) {
    // A target named directly (not through an alias) or declared global stays a plain reference.
    const aliases = new Set(st.weakrefs.keys());
    const targetOf = (n: string): string => {
      for (let i = 0; i < 64 && st.weakrefs.has(n); i++) n = st.weakrefs.get(n)!;
      return n;
    };
    const weak = new Set<string>();
    for (const t of new Set([...aliases].map(targetOf))) {
      const s = asm.symbols.get(t);
      if (s && !s.direct && !aliases.has(t) && s.binding === 'local' && !s.def) weak.add(t);
    }
    for (let i = symbols.length - 1; i >= 0; i--) {
      const s = symbols[i];
      if (aliases.has(s.name)) symbols.splice(i, 1);
      else if (weak.has(s.name)) symbols[i] = { ...s, binding: 'weak' };
    }
  }

  if (st.symvers.length) applySymvers(asm, symbols, relocations);

  // A group with COMDAT and plain members (`.attach_to_group`) is COMDAT throughout, with GNU's warning.
  const groups = new Map<string, boolean[]>();
  for (const sec of asm.sections) if (sec.group) groups.set(sec.group.name, [...groups.get(sec.group.name) ?? [], sec.group.comdat]);
  for (const [g, kinds] of groups) {
    if (!kinds.includes(true) || !kinds.includes(false)) continue;
    asm.warn(`assuming all members of group \`${g}' are COMDAT`, { file: asm.file, line: 0 });
    for (let i = 0; i < sections.length; i++) {
      const x = sections[i];
      if (x.group?.name === g && !x.group.comdat) (sections as SectionOut[])[i] = { ...x, group: { name: g, comdat: true } };
    }
  }
}

function applySymvers(asm: Assembly, symbols: SymbolOut[], relocations: RelocOut[]): void {
  const byName = new Map<string, Symver[]>();
  for (const v of asm.elfDirs.symvers) {
    const l = byName.get(v.name);
    if (l) l.push(v); else byName.set(v.name, [v]);
  }
  let seq = symbols.reduce((m, s) => Math.max(m, s.seq), 0) + 1;
  const added: SymbolOut[] = [];
  const removed = new Set<string>();
  const rename = (from: string, to: string): void => {
    for (let i = 0; i < relocations.length; i++) if (relocations[i].symbol === from) relocations[i] = { ...relocations[i], symbol: to };
  };
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i];
    const vs = byName.get(s.name);
    if (!vs) continue;
    if (s.section === '*UND*') {
      // An undefined symbol takes its versioned name (GNU allows one; `@@@` reads as `@`).
      if (vs.length > 1) { asm.error(`multiple versions [\`${vs[0].versioned}'|\`${vs[1].versioned}'] for symbol \`${s.name}'`, vs[1].loc); continue; }
      let to = vs[0].versioned;
      if (to.includes('@@@')) to = to.replace('@@@', '@');
      else if (to.includes('@@')) { asm.error(`invalid attempt to declare external version name as default in symbol \`${to}'`, vs[0].loc); continue; }
      symbols[i] = { ...s, name: to };
      rename(s.name, to);
      continue;
    }
    const renamed = vs.find((v) => v.versioned.includes('@@@'));
    if (renamed) {
      const to = renamed.versioned.replace('@@@', '@@');
      symbols[i] = { ...s, name: to };
      rename(s.name, to);
      continue;
    }
    // Each version is a copy of the symbol, the last `.symver` first (GNU prepends them).
    for (const v of [...vs].reverse()) {
      added.push({ ...s, name: v.versioned, seq: seq++ });
    }
    for (const v of vs) {
      if (v.option === 'remove') removed.add(s.name);
      else if (v.option === 'local') symbols[i] = { ...symbols[i], binding: 'local' };
      else if (v.option === 'hidden') symbols[i] = { ...symbols[i], visibility: 'hidden' };
    }
  }
  for (let i = symbols.length - 1; i >= 0; i--) if (removed.has(symbols[i].name)) symbols.splice(i, 1);
  symbols.push(...added);
}

/**
 * `.gnu.attributes` contents (SHT_GNU_ATTRIBUTES): format 'A', one "gnu" vendor subsection holding
 * one Tag_File list, tags ascending, each a ULEB128 tag and a ULEB128 number or NUL-ended string.
 */
export function gnuAttributes(asm: Assembly): Uint8Array | undefined {
  const attrs = asm.elfDirs.gnuAttrs;
  if (attrs.size === 0) return undefined;
  const body: number[] = [];
  for (const t of [...attrs.keys()].sort((a, b) => a - b)) {
    body.push(...uleb(BigInt(t)));
    const v = attrs.get(t)!;
    if (typeof v === 'bigint') body.push(...uleb(v)); else body.push(...v, 0);
  }
  const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
  const file = [1, ...u32(5 + body.length), ...body];
  const vendor = [...u32(8 + file.length), 0x67, 0x6e, 0x75, 0, ...file];
  return Uint8Array.from([0x41, ...vendor]);
}

function uleb(v: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x ? b | 0x80 : b);
  } while (x);
  return out;
}
