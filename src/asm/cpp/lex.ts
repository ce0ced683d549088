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

// Longest-first multi-character punctuators (C and C++ operators, as gcc's lexer knows them).
const PUNCTS = [
  '%:%:', '...', '<<=', '>>=', '->*',
  '##', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '->', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '::', '.*', '<:', ':>', '<%', '%>', '%:',
];

export const isIdStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
export const isIdChar = (c: string): boolean => isIdStart(c) || (c >= '0' && c <= '9');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Splits a file into logical lines of tokens. Line splices (backslash-newline) and comments are removed here. */
export function lexFile(src: string): LexLine[] {
  // Remove line splices but remember where each character came from (physical line).
  const chars: string[] = [];
  const lineOf: number[] = [];
  let line = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      let j = i + 1;
      while (j < src.length && (src[j] === ' ' || src[j] === '\t')) j++;
      if (src[j] === '\n' || (src[j] === '\r' && src[j + 1] === '\n')) {
        i = src[j] === '\r' ? j + 1 : j;
        line++;
        continue;
      }
    }
    if (c === '\r' && src[i + 1] === '\n') continue;
    chars.push(c);
    lineOf.push(line);
    if (c === '\n') line++;
  }
  const text = chars.join('');
  const n = text.length;
  const lines: LexLine[] = [];
  const colOf = (p: number): number => {
    let q = p;
    while (q > 0 && text[q - 1] !== '\n') q--;
    return p - q + 1;
  };
  let pos = 0;
  while (pos < n) {
    const first = lineOf[pos];
    const toks: Tok[] = [];
    let ws = false;
    let atStart = true;
    let hash = false;
    while (pos < n && text[pos] !== '\n') {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\r') { ws = true; pos++; continue; }
      if (c === '/' && text[pos + 1] === '*') {
        const end = text.indexOf('*/', pos + 2);
        pos = end < 0 ? n : end + 2;
        ws = true;
        continue;
      }
      if (c === '/' && text[pos + 1] === '/') {
        while (pos < n && text[pos] !== '\n') pos++;
        ws = true;
        continue;
      }
      const start = pos;
      const tl = lineOf[pos];
      let kind: TokKind;
      if (isIdStart(c)) {
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
          while (pos < n && text[pos] !== '\n') pos++;
          kind = 'other';
        }
      } else {
        const p = PUNCTS.find((s) => text.startsWith(s, pos));
        pos += p ? p.length : 1;
        kind = p || '!#%&()*+,-./:;<=>?[]^{|}~'.includes(c) ? 'punct' : 'other';
      }
      const t: Tok = { kind, text: text.slice(start, pos), ws, line: tl, col: colOf(start) };
      if (atStart && (t.text === '#' || t.text === '%:')) hash = true;
      atStart = false;
      toks.push(t);
      ws = false;
    }
    const last = pos < n ? lineOf[pos] : lineOf[n - 1];
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
