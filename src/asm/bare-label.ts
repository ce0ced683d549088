// A statement that is one label and nothing else (`.L12:`, `f0:`): about 6% of the lines of
// compiled code, each of which the full path would lex and parse to learn just that. Only the
// plainest spelling is taken here; anything else (numbers, quotes, other blanks) goes the usual way.

// Identifier characters as the lexer (lexer.ts) has them: [A-Za-z_.] first, then also [0-9$].
const ID0 = new Uint8Array(128);
const ID = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_.]/.test(ch)) ID0[c] = ID[c] = 1;
  if (/[0-9$]/.test(ch)) ID[c] = 1;
}

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
