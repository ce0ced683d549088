// A `.rept` of constant data (`.rept 0x40000*210` over `.byte 0`, GNU's rept.s: 55 million
// statements) as bytes rather than statements: the macro layer runs the first pass as usual, then
// asks here whether that pass did nothing but append bytes to the data fragment it started in (no
// new fragment, fixup, branch or diagnostic, same section). If so, the remaining passes would write
// the same bytes again, and they are copied in place of being assembled (the listing records them
// on the pass's last statement). Otherwise (or under an `-alm` listing or DWARF line marks, which
// want every statement) the passes run one by one.

import type { Assembly } from './state.js';
import { limitMessage, reserve, reserveZeros, SECTION_BYTES_LIMIT, type DataFrag, type Section } from './sections.js';

/** A body line the replay may concern: a data directive with constant operands only (no symbol,
 *  no `.`, so the bytes cannot depend on the pass or the position). */
const CONST_DATA = /^\s*\.(?:byte|2byte|4byte|8byte|short|hword|word|value|long|int|quad|octa|zero|skip|space|fill|ascii|asciz|string|dc(?:\.[bwlq])?)(?:\s+(?:0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+|"(?:[^"\\\n]|\\.)*"|[-+*/%()~<>&|^!,\s])*)?\s*(?:#.*)?$/;

export function isConstantDataBody(lines: readonly { readonly text: string }[]): boolean {
  return lines.length > 0 && lines.every((l) => CONST_DATA.test(l.text));
}

interface PassStart {
  readonly sec: Section;
  readonly frag: DataFrag;
  readonly size: number;
  readonly frags: number;
  readonly fixups: number;
  readonly branches: number;
  readonly diags: number;
  readonly listed: number;
}

export class ReptReplay {
  private start: PassStart | undefined;

  constructor(private readonly asm: Assembly) {}

  /** The first pass of a constant-data .rept begins. */
  begin(): void {
    const a = this.asm;
    const sec = a.cur;
    this.start = { sec, frag: sec.cur, size: sec.cur.size, frags: sec.frags.length, fixups: a.fixups.length, branches: a.branches.length, diags: a.diagnostics.length, listed: a.listing.loc.length };
  }

  /** The first pass ended: append `passes` more copies of its bytes. true: done; false: run the
   *  passes as statements; a string: the error to report (the section would outgrow its limit). */
  finish(passes: number): boolean | string {
    const s = this.start;
    this.start = undefined;
    const a = this.asm;
    if (!s || a.cur !== s.sec || s.sec.cur !== s.frag || s.sec.frags.length !== s.frags || a.fixups.length !== s.fixups ||
      a.branches.length !== s.branches || a.diagnostics.length !== s.diags) return false;
    const sec = s.sec;
    const n = s.frag.size - s.size;
    if (n === 0) return true;
    const total = n * passes;
    if (sec.type === 'nobits') {
      reserveZeros(sec, total);
    } else {
      if (!(sec.used + total <= SECTION_BYTES_LIMIT)) return limitMessage(sec);
      // The pass's bytes are the last n of the buffer (one fragment, appended to); double them up.
      const from = sec.used - n;
      reserve(sec, total);
      const buf = sec.buf;
      const end = from + n + total;
      for (let len = n; from + len < end;) {
        const c = Math.min(len, end - from - len);
        buf.copyWithin(from + len, from, from + c);
        len += c;
      }
    }
    const l = a.listing;
    if (l.loc.length > s.listed) l.add(l.loc[l.loc.length - 1], sec, s.frag, s.size + n, s.frag, s.frag.size);
    return true;
  }
}
