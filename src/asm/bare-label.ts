// A statement that is one label and nothing else (`.L12:`, `f0:`): about 6% of the lines of
// compiled code, each of which the full path would lex and parse to learn just that. Only the
// plainest spelling is taken here; anything else (numbers, quotes, other blanks) goes the usual way.

import { ID, ID0 } from './ident-chars.js';

/** The label's name if `text` from `first` (its first non-blank) is `NAME:` with only blanks or tabs after; else undefined. */
export function bareLabel(text: string, first: number): string | undefined {
  const n = text.length;
  const c = text.charCodeAt(first);
  if (c >= 128 || ID0[c] === 0) return undefined;
  let j = first + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d >= 128 || ID[d] === 0) break;
    j++;
  }
  const k = spacesEnd(text, j, n);
  if (k === n || text.charCodeAt(k) !== 58 /* : */) return undefined;
  if (spacesEnd(text, k + 1, n) !== n) return undefined;
  // (`.` is the location counter, not a label name.)
  return j === first + 1 && c === 46 ? undefined : text.slice(first, j);
}

/** The end of the blanks and tabs from k. (One loop for both runs: the one after the colon, rarely
 *  there, had no type feedback of its own and deoptimized bareLabel when met.) */
function spacesEnd(text: string, k: number, n: number): number {
  while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k;
}
