// Turns source text into statements with positions: the unit the macro layer and the parser see.
// (Owner: preprocessor/macro work. This first version splits on newlines and ';' and drops '#' and
// /* */ comments, honouring strings; it also honours cpp linemarkers `# 12 "file"`.)

import type { SrcLoc } from './errors.js';

export interface SourceLine {
  /** One statement's text, comments removed (may be empty or label-only). */
  readonly text: string;
  readonly loc: SrcLoc;
}

/** A pull-based stream of statements. The assembler pulls one, assembles it, then pulls the next,
 *  so a conditional evaluated by the macro layer sees every symbol defined before it. */
export interface LineSource {
  next(): SourceLine | undefined;
}

/** Splits `text` (as from a file, or cpp output with linemarkers) into statements. */
export function splitStatements(text: string, file: string): SourceLine[] {
  const out: SourceLine[] = [];
  let curFile = file;
  let lineNo = 0;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    lineNo++;
    const marker = /^#\s*(?:line\s+)?(\d+)\s+"((?:[^"\\]|\\.)*)"/.exec(raw);
    if (!inBlock && marker) {
      curFile = marker[2];
      lineNo = Number(marker[1]) - 1;
      continue;
    }
    let stmt = '';
    let i = 0;
    const loc: SrcLoc = { file: curFile, line: lineNo };
    while (i < raw.length) {
      const c = raw[i];
      if (inBlock) {
        if (c === '*' && raw[i + 1] === '/') { inBlock = false; i += 2; stmt += ' '; } else i++;
        continue;
      }
      if (c === '"') {
        let j = i + 1;
        while (j < raw.length && raw[j] !== '"') j += raw[j] === '\\' ? 2 : 1;
        stmt += raw.slice(i, j + 1);
        i = j + 1;
      } else if (c === "'") {
        // character constant 'c or '\n (GNU also accepts a closing quote)
        const n = raw[i + 1] === '\\' ? 3 : 2;
        stmt += raw.slice(i, i + n);
        i += n;
      } else if (c === '/' && raw[i + 1] === '*') {
        inBlock = true;
        i += 2;
      } else if (c === '#') {
        break;
      } else if (c === ';') {
        out.push({ text: stmt, loc });
        stmt = '';
        i++;
      } else {
        stmt += c;
        i++;
      }
    }
    out.push({ text: stmt, loc });
  }
  return out;
}

/** A LineSource over an array. */
export function arraySource(lines: readonly SourceLine[]): LineSource {
  let i = 0;
  return { next: () => (i < lines.length ? lines[i++] : undefined) };
}
