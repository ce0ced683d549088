// Subsections (`.subsection N`, `.text N`, `.data N`, `.bss N`): GNU as keeps a section's
// subsections as separate fragment chains and writes them in increasing number order (subsegs.c).
// x86lab parks the chains of the subsections not being filled and appends them in order at the
// end of assembly; labels keep pointing at their fragments, so nothing else needs to know.

import { AsmError } from './errors.js';
import type { DataFrag, Frag, Section } from './sections.js';

/** The subsection a section is being filled in (0 unless `.subsection` said otherwise). */
export function subsectionOf(sec: Section): number {
  return sec.subsections?.sub ?? 0;
}

/** Makes `n` the subsection `sec` is filled in: its own chain continues in a fresh data fragment. */
export function enterSubsection(sec: Section, n: number): void {
  if (subsectionOf(sec) === n) return;
  const s = sec.subsections ??= { sub: 0, chains: new Map<number, Frag[]>() };
  s.chains.set(s.sub, sec.frags.splice(0));
  sec.frags.push(...(s.chains.get(n) ?? []));
  s.chains.delete(n);
  const d: DataFrag = { kind: 'data', addr: 0, start: sec.used, size: 0, subStart: true };
  sec.frags.push(d);
  sec.cur = d;
  s.sub = n;
}

/** End of assembly: every section's subsections back to back, lowest number first. */
export function mergeSubsections(sections: readonly Section[]): void {
  for (const sec of sections) {
    const s = sec.subsections;
    if (!s) continue;
    s.chains.set(s.sub, sec.frags.splice(0));
    for (const n of [...s.chains.keys()].sort((a, b) => a - b)) sec.frags.push(...s.chains.get(n)!);
    sec.subsections = undefined;
  }
}

/** A subsection number as GNU reads it (an absolute expression; GNU allows 0..8191 and negatives wrap). */
export function subsectionNumber(v: bigint, loc: import('./errors.js').SrcLoc): number {
  if (v < -(1n << 31n) || v >= 1n << 31n) throw new AsmError(loc, 'subsection number out of range');
  return Number(v);
}

/** A listing record that only crossed into another subsection (its end opens a new chain). */
export function subsectionSwitch(start: Frag, end: Frag, endOff: number): boolean {
  return start !== end && endOff === 0 && end.kind === 'data' && end.subStart === true;
}
