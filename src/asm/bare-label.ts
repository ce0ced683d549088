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
  let k = j;
  while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k === n || text.charCodeAt(k) !== 58 /* : */) return undefined;
  for (k++; k < n; k++) {
    const d = text.charCodeAt(k);
    if (d !== 32 && d !== 9) return undefined;
  }
  // (`.` is the location counter, not a label name.)
  return j === first + 1 && c === 46 ? undefined : text.slice(first, j);
}
