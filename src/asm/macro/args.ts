// How GNU as cuts macro arguments, .irp lists and .ifc operands out of a line. Rules observed
// on GNU as 2.40 (x86): its input scrubber first squeezes whitespace in operands — a blank
// survives (as one space) only between two "symbol" characters (letters, digits, _ . $ and the
// x86 extras % ( - * [ { }) — and turns 'c into the decimal code of c; then arguments end at a
// comma or an unbracketed blank, "..." quotes are stripped, and in .altmacro mode <...> and %expr work.

const SYM = /[A-Za-z0-9_.$%(\-*[{}"'\\]/;
const NAME_START = /[A-Za-z_.$]/;
const NAME_CHAR = /[A-Za-z0-9_.$]/;

export const isNameStart = (c: string | undefined): boolean => c !== undefined && NAME_START.test(c);
export const isNameChar = (c: string | undefined): boolean => c !== undefined && NAME_CHAR.test(c);

const CHAR_ESC: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '\\': 92, "'": 39, '"': 34 };

/** The whitespace/char-constant normalisation GNU as applies to an operand field. */
export function scrub(s: string, _alt = false): string {
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
  while (i < n) {
    const c = s[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "'" && i + 1 < n) {
      // 'c becomes its decimal value; '\n and friends too.
      if (s[i + 1] === '\\' && i + 2 < n) {
        const e = s[i + 2];
        if (e >= '0' && e <= '7') {
          let j = i + 2;
          let o = '';
          while (j < n && o.length < 3 && s[j] >= '0' && s[j] <= '7') o += s[j++];
          out += String(parseInt(o, 8) & 0xff);
          i = j;
        } else {
          out += String(CHAR_ESC[e] ?? e.charCodeAt(0));
          i += 3;
        }
      } else {
        out += String(s.charCodeAt(i + 1) & 0xff);
        i += 2;
      }
      if (s[i] === "'") i++; // GNU accepts an optional closing quote
      continue;
    }
    if (c === ' ' || c === '\t') {
      let j = i;
      while (j < n && (s[j] === ' ' || s[j] === '\t')) j++;
      if (j < n && out.length && SYM.test(out[out.length - 1]) && SYM.test(s[j])) out += ' ';
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export const skipWhite = (s: string, i: number): number => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
};

/** sb_skip_comma: blanks, an optional comma, blanks. */
export const skipComma = (s: string, i: number): number => {
  i = skipWhite(s, i);
  if (s[i] === ',') i = skipWhite(s, i + 1);
  return i;
};

/** A name (symbol characters) at i; returns [name, next index]. */
export function getToken(s: string, i: number, alt = false): [string, number] {
  if (!isNameStart(s[i])) return ['', i];
  let j = i + 1;
  while (j < s.length && isNameChar(s[j])) j++;
  const name = s.slice(i, j);
  if (alt && s[j] === '&') j++; // altmacro: a trailing & only ends the name
  return [name, j];
}

/** getstring: one or more "..." (or <...> / '...' in altmacro mode) pieces, quotes removed. */
function getString(s: string, i: number, alt: boolean): [string, number] {
  let acc = '';
  while (i < s.length && (s[i] === '"' || (s[i] === '<' && alt) || (s[i] === "'" && alt))) {
    if (s[i] === '<') {
      let nest = 0;
      i++;
      while (i < s.length && (s[i] !== '>' || nest)) {
        if (s[i] === '!') { i++; acc += s[i++] ?? ''; continue; }
        if (s[i] === '>') nest--;
        if (s[i] === '<') nest++;
        acc += s[i++];
      }
      i++;
    } else {
      const q = s[i];
      let escaped = false;
      i++;
      while (i < s.length) {
        escaped = s[i - 1] === '\\' ? !escaped : false;
        if (alt && s[i] === '!') { i++; acc += s[i++] ?? ''; continue; }
        if (escaped && s[i] === q) { acc += q; i++; continue; }
        if (s[i] === q) {
          i++;
          if (i >= s.length || s[i] !== q) break;
        }
        acc += s[i++];
      }
    }
  }
  return [acc, i];
}

export interface ArgEnv {
  readonly alt: boolean;
  /** %expr in altmacro mode: evaluates the expression text, returns its value (throws on error). */
  readonly evalPercent: (expr: string) => bigint;
}

/** Extent of an expression after % (altmacro): up to a comma or a blank between two operands. */
function exprEnd(s: string, i: number): number {
  let depth = 0;
  let j = i;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') { if (depth === 0) break; depth--; }
    else if (depth === 0 && (c === ',' || c === '<' || c === '"')) break;
    else if (depth === 0 && c === ' ') {
      const prev = s[j - 1] ?? '';
      const next = s[j + 1] ?? '';
      if (!/[-+*/%&|^~!<>=(]/.test(prev) && !/[-+*/%&|^!<>=)]/.test(next)) break;
    }
  }
  return j;
}

/** get_any_string: one macro argument starting at i. Returns [text, next index]. */
export function getAnyString(s: string, i: number, env: ArgEnv): [string, number] {
  if (i >= s.length) return ['', i];
  const c = s[i];
  if (c === '%' && env.alt) {
    const e = exprEnd(s, i + 1);
    return [String(env.evalPercent(s.slice(i + 1, e))), e];
  }
  if (c === '"' || (c === '<' && env.alt) || (c === "'" && env.alt)) {
    if (env.alt && c !== '<') {
      const [str, j] = getString(s, i, true);
      return ['"' + str + '"', j]; // altmacro keeps the quotes
    }
    return getString(s, i, env.alt);
  }
  let out = '';
  const br: string[] = [];
  while (i < s.length && (br.length || (s[i] !== ' ' && s[i] !== '\t')) && s[i] !== ',' && (s[i] !== '<' || !env.alt)) {
    const t = s[i];
    if (t === '"' || t === "'") {
      out += s[i++];
      while (i < s.length && s[i] !== t) out += s[i++];
      if (i >= s.length) return [out, i];
    } else if (t === '(' || t === '[') br.push(t);
    else if ((t === ')' && br[br.length - 1] === '(') || (t === ']' && br[br.length - 1] === '[')) br.pop();
    out += t;
    i++;
  }
  return [out, i];
}

/** get_mri_string as used by .ifc: up to the terminator, trailing blanks dropped. */
export function getCompareString(s: string, i: number, term: string): [string, number] {
  i = skipWhite(s, i);
  const start = i;
  if (s[i] === "'") {
    i++;
    while (i < s.length) {
      const ch = s[i++];
      if (ch === "'") {
        if (s[i] !== "'") break;
        i++;
      }
    }
    return [s.slice(start, i).replace(/[ \t]+$/, ''), i];
  }
  while (i < s.length && s[i] !== term) i++;
  return [s.slice(start, i).replace(/[ \t]+$/, ''), i];
}

/** demand_copy_C_string: a "..." string with C escapes; undefined when the text is not a string. */
export function cString(s: string): { value: string; rest: string } | undefined {
  let i = skipWhite(s, 0);
  if (s[i] !== '"') return undefined;
  i++;
  let v = '';
  while (i < s.length && s[i] !== '"') {
    if (s[i] !== '\\') { v += s[i++]; continue; }
    const e = s[i + 1];
    i += 2;
    if (e === undefined) break;
    if (e >= '0' && e <= '7') {
      let o = e;
      while (o.length < 3 && s[i] >= '0' && s[i] <= '7') o += s[i++];
      v += String.fromCharCode(parseInt(o, 8) & 0xff);
    } else if (e === 'x') {
      let h = '';
      while (/[0-9a-fA-F]/.test(s[i] ?? '')) h += s[i++];
      v += String.fromCharCode(parseInt(h || '0', 16) & 0xff);
    } else v += CHAR_ESC[e] !== undefined ? String.fromCharCode(CHAR_ESC[e]) : e;
  }
  if (s[i] !== '"') return undefined;
  return { value: v, rest: s.slice(i + 1) };
}
