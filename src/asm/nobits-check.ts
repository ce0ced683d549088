// GNU's errors for contents written to a NOBITS section (.bss, .tbss, @nobits), which keeps no
// bytes (sections.ts): what a statement writes there lands in a scratch area, checked here after
// the statement. A non-zero byte or a relocated field is GNU's error, worded by the directive.

import type { SourceLine } from './lines.js';
import type { Assembly } from './state.js';
import type { Section } from './sections.js';

/** Before a statement: the section and fixup count to compare with, or undefined outside NOBITS. */
/** A statement that is a directive (after any labels). */
const DIRECTIVE = /^\s*(?:[\w.$]+:\s*)*\./;

export function nobitsMark(asm: Assembly): { readonly sec: Section; readonly fixups: number } | undefined {
  return asm.cur.type === 'nobits' ? { sec: asm.cur, fixups: asm.fixups.length } : undefined;
}

export function nobitsCheck(asm: Assembly, line: SourceLine, mark: { readonly sec: Section; readonly fixups: number } | undefined): void {
  if (!mark) return;
  const sec = mark.sec;
  const n = sec.scratch ?? 0;
  sec.scratch = 0;
  // (An instruction there is no error to GNU 2.40: `nop` in .bss assembles silently, measured.)
  if (!DIRECTIVE.test(line.text)) return;
  let bad = false;
  for (let i = mark.fixups; i < asm.fixups.length; i++) if (asm.fixups[i].sec === sec) bad = true;
  const buf = sec.buf;
  for (let i = 0; i < n && !bad; i++) if (buf[i] !== 0) bad = true;
  if (!bad) return;
  buf.fill(0, 0, n);
  const what = /(?:^|[\s:])\.(?:ascii|asciz|string)\b/.test(line.text) ? `attempt to store non-empty string in section \`${sec.name}'`
    : /(?:^|[\s:])\.fill\b/.test(line.text) ? `attempt to fill section \`${sec.name}' with non-zero value`
    : `attempt to store non-zero value in section \`${sec.name}'`;
  asm.error(what, line.loc);
}
