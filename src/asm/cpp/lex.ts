// Tokenizer for the C preprocessor in assembler-with-cpp mode (gcc -x assembler-with-cpp).
// Differences from C that matter for .S files, checked against gcc 12:
//  - a quote that does not close on its line is not an error: the quote and the rest of the
//    line become one opaque token (no macro expansion, no comment start inside it), so
//    `movl $'a, %eax` and `# it's a comment` pass through untouched;
//  - `$` is not an identifier character;
//  - comments (/* */ and //) are removed; a block comment counts as whitespace and may join lines.

export type TokKind = 'ident' | 'number' | 'string' | 'char' | 'punct' | 'other' | 'pad' | 'eof';

export interface Tok {
  readonly kind: TokKind;
  readonly text: string;
  /** Whitespace (or a comment, or a line start inside macro arguments) came before this token. */
  ws: boolean;
  readonly line: number;
  readonly col: number;
  /** The name of a macro that must never expand here again (C's "painted blue" rule). */
  noexp?: boolean;
  /** For 'pad' tokens: the token whose leading whitespace the next printed token inherits. */
  source?: Tok | null;
  /** Set on the left operand of `##` inside a macro body. */
  pasteLeft?: boolean;
  /** Parameter index for a body token that names a macro parameter. */
  param?: number;
  /** Token came from a stringified argument, a file name, or similar synthesized text. */
  synth?: boolean;
}

/** One logical line: its tokens and the physical line span it occupied (comments and splices may join lines). */
export interface LexLine {
  readonly tokens: Tok[];
  readonly first: number;
  readonly last: number;
  /** The line began with `#` (possible directive). */
  readonly hash: boolean;
}

// Multi-character punctuators of C in assembler mode: no C++ `::`/`.*`/`->*` and no digraphs
// (gcc -x assembler-with-cpp lexes `<:` as `<` `:`).
const PUNCTS = [
  '...', '<<=', '>>=',
  '##', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '->', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=',
];

export const isIdStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
export const isIdChar = (c: string): boolean => isIdStart(c) || (c >= '0' && c <= '9');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

const PUNCT3 = new Set(PUNCTS.filter((p) => p.length === 3));
const PUNCT2 = new Set(PUNCTS.filter((p) => p.length === 2));

/** Removes line splices (backslash, blanks, newline) and CRs; `lineOf[i]` is the physical line of text[i]. */
function splice(src: string): { text: string; lineOf: Int32Array } {
  if (src.includes('\r')) src = src.replace(/\r\n/g, '\n');
  const parts: string[] = [];
  const lineOf = new Int32Array(src.length + 1);
  let line = 1;
  let out = 0;
  let from = 0;
  const re = /\\[ \t]*\n/g;
  for (let m = re.exec(src); ; m = re.exec(src)) {
    const to = m ? m.index : src.length;
    for (let i = from; i < to; i++) {
      lineOf[out++] = line;
      if (src.charCodeAt(i) === 10) line++;
    }
    parts.push(src.slice(from, to));
    if (!m) break;
    line++;
    from = m.index + m[0].length;
  }
  lineOf[out] = line;
  return { text: parts.length === 1 ? parts[0] : parts.join(''), lineOf };
}

/** End (exclusive) of the quoted literal starting at `i` if it closes on its line, else 0. */
function closes(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== q && text[j] !== '\n') j += text[j] === '\\' && text[j + 1] !== '\n' ? 2 : 1;
  return j < text.length && text[j] === q ? j + 1 : 0;
}

/** Splits a file into logical lines of tokens. Line splices (backslash-newline) and comments are removed here. */
export function lexFile(src: string): LexLine[] {
  const { text, lineOf } = splice(src);
  const n = text.length;
  const lines: LexLine[] = [];
  let lineStart = 0; // position of the current physical line's first character (for columns)
  let pos = 0;
  while (pos < n) {
    const first = lineOf[pos];
    const toks: Tok[] = [];
    let ws = false;
    let atStart = true;
    let hash = false;
    lineStart = pos;
    while (pos < n) {
      const c = text[pos];
      if (c === '\n') break;
      if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\r') { ws = true; pos++; continue; }
      if (c === '/' && text[pos + 1] === '*') {
        const end = text.indexOf('*/', pos + 2);
        const stop = end < 0 ? n : end + 2;
        const nl = text.lastIndexOf('\n', stop - 1);
        if (nl >= pos) lineStart = nl + 1;
        pos = stop;
        ws = true;
        continue;
      }
      if (c === '/' && text[pos + 1] === '/') {
        const nl = text.indexOf('\n', pos);
        pos = nl < 0 ? n : nl;
        ws = true;
        continue;
      }
      const start = pos;
      let kind: TokKind;
      if (c === 'L' && (text[pos + 1] === '"' || text[pos + 1] === "'") && closes(text, pos + 1)) {
        // L"..." / L'.': a wide literal is one token (the only prefix gcc takes in this mode)
        const q = text[pos + 1];
        pos = closes(text, pos + 1);
        kind = q === '"' ? 'string' : 'char';
      } else if (isIdStart(c)) {
        pos++;
        while (pos < n && isIdChar(text[pos])) pos++;
        kind = 'ident';
      } else if (isDigit(c) || (c === '.' && isDigit(text[pos + 1] ?? ''))) {
        // pp-number: digits, letters, _, ., and e+ e- p+ p- sequences
        pos++;
        while (pos < n) {
          const d = text[pos];
          if ((d === '+' || d === '-') && 'eEpP'.includes(text[pos - 1])) pos++;
          else if (isIdChar(d) || d === '.') pos++;
          else break;
        }
        kind = 'number';
      } else if (c === '"' || c === "'") {
        let j = pos + 1;
        while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' && text[j + 1] !== '\n' ? 2 : 1;
        if (j < n && text[j] === c) {
          pos = j + 1;
          kind = c === '"' ? 'string' : 'char';
        } else {
          // Unterminated: gcc in assembler mode keeps the rest of the line as one token.
          const nl = text.indexOf('\n', pos);
          pos = nl < 0 ? n : nl;
          kind = 'other';
        }
      } else {
        if (PUNCT3.has(text.substr(pos, 3))) pos += 3;
        else if (PUNCT2.has(text.substr(pos, 2))) pos += 2;
        else pos++;
        kind = pos - start > 1 || '!#%&()*+,-./:;<=>?[]^{|}~'.includes(c) ? 'punct' : 'other';
      }
      const t: Tok = { kind, text: text.slice(start, pos), ws, line: lineOf[start], col: start - lineStart + 1 };
      if (atStart && t.text === '#') hash = true;
      atStart = false;
      toks.push(t);
      ws = false;
    }
    const last = lineOf[Math.min(pos, n - 1)];
    pos++; // the newline
    lines.push({ tokens: toks, first, last, hash });
  }
  return lines;
}

/** Re-lexes `s` and returns its single token, or undefined when it is not exactly one token (for `##`). */
export function lexOne(s: string): Tok | undefined {
  if (s === '') return undefined;
  const ls = lexFile(s);
  if (ls.length !== 1 || ls[0].tokens.length !== 1) return undefined;
  const t = ls[0].tokens[0];
  if (t.kind === 'other' && (t.text[0] === '"' || t.text[0] === "'") && t.text.length > 1) return undefined;
  if (t.text !== s) return undefined;
  return t;
}
