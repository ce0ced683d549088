// Random preprocessor programs in the shape of assembly: small object- and function-like macros
// (with #, ## and __VA_ARGS__) over asm punctuation, invoked back to back. gcc -E -P's output
// must equal ours exactly, spaces included (GNU as splits macro arguments at blanks), and the
// two must agree on whether the input is an error. Also the token-pair spacing table.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preprocess } from '../../src/asm/cpp/index.js';

const TOK = ['%', '$', '(', ')', ',', '1', '0x10', 'x', 'y', 'A', 'B', 'F', 'G', '-', '+', '*', '"s t"', "'c'", '.', ':', '\\', '@', 'rax', 'H', 'E'];
const BODY = [...TOK, '##', '#', 'a', 'b', '__VA_ARGS__'];

export function genCpp(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const toks = (n: number, set: readonly string[]): string => {
    let o = '';
    for (let i = 0; i < n; i++) o += (i && rnd(2) ? ' ' : '') + pick(set);
    return o;
  };
  const body = (b: string, fn: boolean): string => {
    b = b.replace(/^(\s*##\s*)+|(\s*##\s*)+$/g, '');
    if (!fn) b = b.replace(/__VA_ARGS__/g, 'v');
    return b.trim() || '1';
  };
  const L = [
    `#define A ${body(toks(1 + rnd(3), BODY.filter((t) => !['#', '__VA_ARGS__', 'a', 'b'].includes(t))), false)}`,
    `#define B ${body(toks(1 + rnd(3), TOK.filter((t) => !['B', 'F', 'G'].includes(t))), false)}`,
    `#define F(a, b) ${body(toks(1 + rnd(5), BODY.filter((t) => t !== '__VA_ARGS__')), true)}`,
    `#define G(a, ...) ${body(toks(1 + rnd(5), BODY), true)}`,
    '#define H(a) [a]',
    '#define E',
  ];
  for (let k = 0; k < 8; k++) {
    let line = '';
    const n = 1 + rnd(6);
    for (let i = 0; i < n; i++) {
      const r = rnd(6);
      const sp = rnd(2) ? ' ' : '';
      if (r === 0) line += sp + `F(${toks(rnd(3), TOK)}, ${toks(rnd(3), TOK)})`;
      else if (r === 1) line += sp + `G(${toks(rnd(3), TOK)}${rnd(2) ? ', ' + toks(rnd(3), TOK) : ''})`;
      else line += sp + pick(TOK);
    }
    L.push('\t' + line.replace(/\((\s*)\)/g, '(x)'));
  }
  return L.join('\n') + '\n';
}

/** Output lines without linemarkers, blank lines and indentation; `!error` when it failed. */
const lines = (t: string): string[] => t.split('\n').filter((l) => l.trim() && !/^# \d+ "/.test(l)).map((l) => l.replace(/^\s+/, ''));

export function gccOut(src: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-cf-'));
  try {
    writeFileSync(join(dir, 'cf.S'), src);
    const g = spawnSync('gcc', ['-E', '-P', '-x', 'assembler-with-cpp', 'cf.S'], { cwd: dir, encoding: 'utf8' });
    return g.status !== 0 || /error:/.test(g.stderr) ? ['!error'] : lines(g.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function ourOut(src: string): string[] {
  const r = preprocess(src, { file: 'cf.S', includeDirs: [], defines: [], undefs: [] });
  return r.failed ? ['!error'] : lines(r.text);
}

export const PASTE_TOKENS = ['%', '<', '>', ':', '.', '#', '+', '-', '*', '/', '&', '|', '=', '!', '^', '~', '?', '[', ']', ';', 'x', '1', '"s"', "'c'", '@', '$', '\\', '->', '<<', '>>', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '##', '...', '1.5', '.5'];

/** `P(a)P(b)` for every token pair: the source whose output shows where a space is inserted. */
export function pasteSource(): string {
  const out = ['#define P(x) x'];
  for (const a of PASTE_TOKENS) for (const b of PASTE_TOKENS) out.push(`P(${a})P(${b})`);
  return out.join('\n') + '\n';
}
