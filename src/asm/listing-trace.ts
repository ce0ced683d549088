// The lines the assembler read, in order, with the bytes each produced: what a GNU listing with
// macro expansions (`-alm`) and included files shows. Built after layout from the pulls the
// Listing recorded (state.ts): the statements recorded between one pull and the next are that line's.

import type { SrcLoc } from './errors.js';
import type { Listing } from './state.js';
import { subsectionSwitch } from './subsections.js';

export interface TraceLineOut {
  readonly loc: SrcLoc;
  /** Statement text as read (comments removed). */
  readonly text: string;
  /** Macro/.rept nesting depth: 0 for a line of a file. */
  readonly depth: number;
  /** The line's first bytes: section, offset and size of the first contiguous run. */
  readonly section?: string;
  readonly offset: number;
  readonly size: number;
  /** Skipped in a false conditional. */
  readonly skipped: boolean;
  /** The current section once the line was assembled. */
  readonly after: string;
}

export function buildTrace(L: Listing, finalSection: string): TraceLineOut[] {
  const out: TraceLineOut[] = [];
  const p = L.pulls;
  for (let k = 0; k < p.length; k++) {
    const end = k + 1 < p.length ? p[k + 1].at : L.loc.length;
    let section: string | undefined;
    let offset = 0;
    let size = 0;
    for (let i = p[k].at; i < end; i++) {
      const start = L.startFrag[i].addr + L.startOff[i];
      const stop = L.endFrag[i].addr + L.endOff[i];
      if (stop <= start || subsectionSwitch(L.startFrag[i], L.endFrag[i], L.endOff[i])) continue;
      if (section === undefined) { section = L.sec[i].name; offset = start; size = stop - start; }
      else if (L.sec[i].name === section && start === offset + size) size += stop - start;
    }
    out.push({
      loc: p[k].loc, text: p[k].text, depth: p[k].depth, ...(section !== undefined ? { section } : {}), offset, size,
      skipped: !!p[k].skipped, after: k + 1 < p.length ? p[k + 1].sec : finalSection,
    });
  }
  return out;
}
