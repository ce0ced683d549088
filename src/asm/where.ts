// Where symbols ended up once sections are laid out: the view fixups, late expressions and the
// symbol listing share after relaxation.

import { AsmError, type SrcLoc } from './errors.js';
import type { Section } from './sections.js';
import { displayName, type Sym } from './symbols.js';

/** Where a symbol ended up after layout. `sym` is the symbol a relocation would name. */
export type Where =
  | { readonly kind: 'label'; readonly sec: Section; readonly addr: number; readonly sym: Sym; readonly add: bigint }
  | { readonly kind: 'abs'; readonly value: bigint }
  | { readonly kind: 'undef'; readonly sym: Sym; readonly add: bigint };

export function where(s: Sym, depth = 0): Where {
  const d = s.def;
  if (!d) return { kind: 'undef', sym: s, add: 0n };
  if (d.kind === 'label') return { kind: 'label', sec: d.sec, addr: d.mark.frag.addr + d.mark.off, sym: s, add: 0n };
  if (depth > 64) throw new AsmError(s.loc ?? { file: '', line: 0 }, `symbol definition loop encountered at \`${displayName(s.name)}'`);
  const v = d.value;
  if (v.minus) {
    const a = v.sym ? where(v.sym, depth + 1) : { kind: 'abs' as const, value: 0n };
    const b = where(v.minus, depth + 1);
    return { kind: 'abs', value: diff(a, b, s.loc ?? { file: '', line: 0 }) + v.add };
  }
  if (!v.sym) return { kind: 'abs', value: v.add };
  const w = where(v.sym, depth + 1);
  if (w.kind === 'abs') return { kind: 'abs', value: w.value + v.add };
  // A global or weak alias of a label is a symbol of its own at that address (GNU relocates
  // against it); a local one reads as the label it names.
  if (w.kind === 'label' && (s.binding !== 'local' || s.temp)) return { kind: 'label', sec: w.sec, addr: w.addr + Number(w.add + v.add), sym: s, add: 0n };
  if (w.kind === 'label') return { ...w, add: w.add + v.add };
  return { ...w, add: w.add + v.add };
}

/** The label an equated symbol chain ends at, and the offset from it (for relaxation, which
 *  needs the label's fragment); undefined if the chain does not end at a label. */
export function labelOf(s: Sym): { label: Sym; add: bigint } | undefined {
  let add = 0n;
  for (let depth = 0; depth <= 64; depth++) {
    const d = s.def;
    if (d?.kind === 'label') return { label: s, add };
    if (d?.kind !== 'equ' || !d.value.sym || d.value.minus) return undefined;
    add += d.value.add;
    s = d.value.sym;
  }
  return undefined;
}

export function secOf(w: Where): string {
  return w.kind === 'label' ? w.sec.name : w.kind === 'abs' ? '*ABS*' : '*UND*';
}

export function diff(a: Where, b: Where, loc: SrcLoc): bigint {
  if (a.kind === 'label' && b.kind === 'label' && a.sec === b.sec) return BigInt(a.addr - b.addr) + a.add - b.add;
  if (a.kind === 'abs' && b.kind === 'abs') return a.value - b.value;
  if (a.kind === 'label' && b.kind === 'label') {
    throw new AsmError(loc, `can't resolve \`${displayName(a.sym.name)}' {${secOf(a)} section} - \`${displayName(b.sym.name)}' {${secOf(b)} section}`);
  }
  const an = a.kind === 'abs' ? '0' : displayName(a.sym.name);
  const bn = b.kind === 'abs' ? '0' : displayName(b.sym.name);
  throw new AsmError(loc, `can't resolve \`${an}' {${secOf(a)} section} - \`${bn}' {${secOf(b)} section}`);
}

