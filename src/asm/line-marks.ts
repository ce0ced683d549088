// Where each instruction starts and which source line it came from, for the DWARF line table GNU
// as writes under --gdwarf-N (src/output/dwarf-line.ts). Kept as parallel arrays, like the
// listing, and only when asked for: an ordinary assembly records nothing.

import type { SrcLoc } from './errors.js';
import type { LineOut } from './result.js';
import type { Frag, Section } from './sections.js';

export class LineMarks {
  enabled = false;
  private readonly loc: SrcLoc[] = [];
  private readonly sec: Section[] = [];
  private readonly frag: Frag[] = [];
  private readonly off: number[] = [];

  /** An instruction about to be placed at (frag, off) of sec. */
  add(loc: SrcLoc, sec: Section, frag: Frag, off: number): void {
    if (!this.enabled) return;
    this.loc.push(loc);
    this.sec.push(sec);
    this.frag.push(frag);
    this.off.push(off);
  }

  /** After layout: one record per instruction, in source order. */
  resolve(): LineOut[] {
    const out: LineOut[] = [];
    for (let i = 0; i < this.loc.length; i++) {
      const at = lineOf(this.loc[i]);
      out.push({ section: this.sec[i].name, offset: this.frag[i].addr + this.off[i], file: at.file, line: at.line });
    }
    return out;
  }
}

/**
 * The line GNU as gives an instruction: inside a macro expansion (at any depth) the line of the
 * outermost macro invocation, since a macro body does not advance the logical line; inside a
 * .rept/.irp body alone, the body line itself.
 */
export function lineOf(loc: SrcLoc): SrcLoc {
  let m: SrcLoc | undefined;
  for (let v = loc.via; v; v = v.via) if (!v.silent) m = v;
  return m ?? loc;
}
