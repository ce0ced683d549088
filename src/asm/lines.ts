// Turns source text into statements with positions: the unit the macro layer and the parser see.
// GNU as (x86 ELF) rules: `#` starts a comment anywhere outside strings; a line whose first
// non-blank character is `/` is a comment; /* */ comments may span lines; `;` separates
// statements; "..." strings keep escapes; 'c is a character constant. A line `# 12 "file"`
// (optionally with flags, as cpp writes them) is a linemarker: the next line is line 12 of file.

import type { SrcLoc } from './errors.js';
import { lineHash } from './line-hash.js';

export interface SourceLine {
  /** One statement's text, comments removed (may be empty or label-only). */
  readonly text: string;
  readonly loc: SrcLoc;
  /** lineHash(text) when the splitter knows it (lines of a file), else 0 or absent. */
  readonly hash?: number;
}

/** A pull-based stream of statements. The assembler pulls one, assembles it, then pulls the next,
 *  so a conditional evaluated by the macro layer sees every symbol defined before it. */
export interface LineSource {
  next(): SourceLine | undefined;
}

const MARKER = /^#\s*(?:line\s+)?(\d+)\s+"((?:[^"\\]|\\.)*)"/;
// Characters that need the slow path: quotes, comment starts, separators.
const SPECIAL = /["'#;/]/;

/** charCodeAt, 0 past the end: optimized code deoptimizes on its first out-of-bounds read, then is compiled again. */
const at = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : 0);

function unescapeMarkerName(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Splits `text` (as from a file, or cpp output with linemarkers) into statements. */
export function splitStatements(text: string, file: string): SourceLine[] {
  const out: SourceLine[] = [];
  const s = new Splitter(text, file);
  let n = 0;
  while (s.more()) n = s.line(out, n);
  return out;
}

/**
 * The statements of `text` one at a time, split as they are pulled: on a large file the line
 * strings and their SourceLine objects then die young instead of all living to the end, which
 * the garbage collector would copy and promote (measured on bench/asm.bench.mjs's input).
 */
export function statementSource(text: string, file: string): LineSource {
  const s = new Splitter(text, file);
  // One raw line's statements, overwritten in place by the next line (setting `length` to empty the
  // array each line measured at a tenth of this function's time).
  const batch: SourceLine[] = [];
  let n = 0;
  let k = 0;
  return {
    next: () => {
      while (k >= n) {
        if (!s.more()) return undefined;
        k = 0;
        n = s.line(batch, 0);
      }
      return batch[k++];
    },
  };
}

/** The splitting state across lines: file, line number, inside a block comment. */
class Splitter {
  private curFile: string;
  private lineNo = 0;
  private inBlock = false;
  private pos = 0;
  private done = false;

  constructor(private readonly text: string, file: string) {
    this.curFile = file;
  }

  /** Another raw line to read? (A final newline ends the last line; it does not start another one.) */
  more(): boolean {
    if (this.done) return false;
    if (this.pos > 0 && this.pos === this.text.length) this.done = true;
    return !this.done;
  }

  /** Reads the next raw line and stores its statements (none for a linemarker) in `out` from index
   *  `m` on; returns the index after the last one stored. */
  line(out: SourceLine[], m: number): number {
    const text = this.text;
    const from = this.pos;
    const nl = text.indexOf('\n', from);
    let end = nl;
    if (nl < 0) {
      end = text.length;
      this.done = true;
    } else this.pos = nl + 1;
    // (A `\r` before the newline is no part of the line: read in the file's string, one slice.)
    if (end > from && text.charCodeAt(end - 1) === 13) end--;
    const raw = text.slice(from, end);
    this.lineNo++;
    let inBlock = this.inBlock;
    if (!inBlock && at(raw, 0) === 35 /* # */) {
      const marker = MARKER.exec(raw);
      if (marker) {
        this.curFile = unescapeMarkerName(marker[2]);
        this.lineNo = Number(marker[1]) - 1;
        return m;
      }
    }
    const loc: SrcLoc = { file: this.curFile, line: this.lineNo };
    if (!inBlock && !SPECIAL.test(raw)) {
      // (Hashed here, over the file's flat string, for the line cache: state.ts.)
      out[m] = { text: raw, loc, hash: lineHash(text, from, from + raw.length) };
      return m + 1;
    }
    let stmt = '';
    let i = 0;
    let start = 0; // start of the pending plain run
    const n = raw.length;
    if (!inBlock) {
      // `/` as the first non-blank character: the whole line is a comment.
      let k = 0;
      while (k < n && (raw[k] === ' ' || raw[k] === '\t')) k++;
      if (raw[k] === '/' && raw[k + 1] !== '*') {
        out[m] = { text: '', loc, hash: 0 };
        return m + 1;
      }
    }
    while (i < n) {
      if (inBlock) {
        const end = raw.indexOf('*/', i);
        if (end < 0) { i = n; start = n; break; }
        inBlock = false;
        i = end + 2;
        start = i;
        stmt += ' ';
        continue;
      }
      const c = raw.charCodeAt(i);
      if (c === 34 /* " */) {
        let j = i + 1;
        while (j < n && raw.charCodeAt(j) !== 34) j += raw.charCodeAt(j) === 92 ? 2 : 1;
        i = Math.min(j + 1, n);
      } else if (c === 39 /* ' */) {
        // character constant 'c or '\n (GNU also accepts a closing quote)
        i += at(raw, i + 1) === 92 ? 3 : 2;
        if (i > n) i = n;
      } else if (c === 47 /* / */ && at(raw, i + 1) === 42 /* * */) {
        stmt += raw.slice(start, i);
        inBlock = true;
        i += 2;
        start = i;
      } else if (c === 35 /* # */) {
        stmt += raw.slice(start, i);
        start = i = n;
      } else if (c === 59 /* ; */) {
        const t = stmt + raw.slice(start, i);
        out[m++] = { text: t, loc, hash: lineHash(t, 0, t.length) };
        stmt = '';
        i++;
        start = i;
      } else i++;
    }
    if (!inBlock) stmt += raw.slice(start, n);
    this.inBlock = inBlock;
    // (Hashed here too: a line the cache is asked about without a hash is hashed there, on a path
    // first taken late, at the first line with a comment or a string, which deoptimized the caller.)
    out[m] = { text: stmt, loc, hash: lineHash(stmt, 0, stmt.length) };
    return m + 1;
  }
}

/** A LineSource over an array. */
export function arraySource(lines: readonly SourceLine[]): LineSource {
  let i = 0;
  return { next: () => (i < lines.length ? lines[i++] : undefined) };
}
