// Long directive lists: the tree flatlist.ts builds without the parser equals nearley's, long lists
// assemble to GNU's bytes, and every data directive's work grows linearly with its list — counted
// in parser steps (Earley states) and output bytes, never timed.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nearley from 'nearley';
import { assemble } from '../../src/asm/assemble.js';
import { flatDirectiveList, FLAT_LIST_MIN_TOKENS, splitDirectiveList } from '../../src/asm/flatlist.js';
import type { Tok } from '../../src/asm/lexer.js';
import { isParsed, parseStatement, parseStats, parseTokens } from '../../src/asm/parse.js';

/** Earley states nearley creates, summed over every parse (its chart is the parser's work). */
let earleyStates = 0;
const feed = nearley.Parser.prototype.feed;
nearley.Parser.prototype.feed = function (this: nearley.Parser, chunk: string) {
  // Keep every column (nearley drops finished ones) so that all of them are counted.
  (this as unknown as { options: { keepHistory: boolean } }).options.keepHistory = true;
  const r = feed.call(this, chunk);
  for (const col of (this as unknown as { table: { states: unknown[] }[] }).table) earleyStates += col.states.length;
  return r;
};

/** A small deterministic generator (xorshift32), so every run sees the same lists. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

const PLAIN = [(r: () => number) => String(Math.floor(r() * 300)), () => "'a", () => '0x7f', () => 'sym', () => 'foo@PLT', () => '-5', () => "-'b", () => '"st\\"r"'];
const OTHER = ['1+2', '(3)', '', '~1', 'x-y', '- -1', '%eax', '@object', 'a*2'];

describe('flat directive lists', () => {
  it('build the tree nearley builds, and refuse anything else', () => {
    const r = rng(16);
    let flat = 0;
    let refused = 0;
    for (let k = 0; k < 400; k++) {
      const n = 1 + Math.floor(r() * 12);
      const items = Array.from({ length: n }, () => PLAIN[Math.floor(r() * PLAIN.length)](r));
      if (r() < 0.4) items[Math.floor(r() * n)] = OTHER[Math.floor(r() * OTHER.length)];
      const dir = ['.byte', '.quad', '.ascii', '.long', '.globl'][k % 5];
      const text = `${r() < 0.1 ? 'lbl: ' : ''}${dir} ${items.join(', ')}`;
      const p = parseStatement(text); // short: nearley's parse
      expect(p.toks.length).toBeLessThan(FLAT_LIST_MIN_TOKENS);
      const f = flatDirectiveList(p.toks);
      if (f === undefined) {
        refused++;
        continue;
      }
      flat++;
      expect(isParsed(p), text).toBe(true);
      if (isParsed(p)) expect(f, text).toEqual(p.stmt);
    }
    expect(flat).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('split item by item: the tree nearley builds for the whole list', () => {
    const r = rng(23);
    const ITEMS = [...PLAIN.map((f) => f(r)), '1+2', '(3)', '~1', 'x-y', '- -1', '%eax', '@object', 'a*2', '(a+b)*c', 'foo@PLT+4', '[1+2]'];
    let split = 0;
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(r() * 10);
      const items = Array.from({ length: n }, () => ITEMS[Math.floor(r() * ITEMS.length)]);
      if (r() < 0.2) items[Math.floor(r() * n)] = '';
      const dir = ['.byte', '.quad', '.long', '.section', '.type'][k % 5];
      const p = parseStatement(`${r() < 0.2 ? 'lbl: 1: ' : ''}${dir} ${items.join(', ')}`); // short: nearley's parse of the whole list
      const s = splitDirectiveList(p.toks as Tok[], parseTokens);
      if (s === undefined) continue;
      split++;
      expect(isParsed(p), items.join(', ')).toBe(true);
      if (isParsed(p)) expect(s, items.join(', ')).toEqual(p.stmt);
    }
    expect(split).toBeGreaterThan(150);
  });

  it('a long expression list assembles like the same items in short statements', () => {
    const items = Array.from({ length: 5000 }, (_, i) => [`x+${i & 127}`, `(${i}-1)*2`, `y-x`, `-${i & 63}`][i & 3]);
    const long = assemble(`x: .byte 1\ny: .quad ${items.join(',')}\nz: .long ${items.join(',')}\n`, { mode: 64, file: 't.s' });
    let short = 'x: .byte 1\ny:\n';
    for (let i = 0; i < items.length; i += 4) short += `.quad ${items.slice(i, i + 4).join(',')}\n`;
    short += 'z:\n';
    for (let i = 0; i < items.length; i += 4) short += `.long ${items.slice(i, i + 4).join(',')}\n`;
    const s = assemble(short, { mode: 64, file: 't.s' });
    expect(long.diagnostics).toEqual([]);
    expect(long.sections).toEqual(s.sections);
    expect(long.relocations).toEqual(s.relocations);
  });

  it('a long list assembles like the same items split into short statements, and like GNU as', () => {
    const r = rng(7);
    const items = Array.from({ length: 3000 }, () => PLAIN[Math.floor(r() * 7)](r)); // no strings: .long
    const src = `sym: .long ${items.join(',')}\n`;
    let split = 'sym:\n';
    for (let i = 0; i < items.length; i += 8) split += `.long ${items.slice(i, i + 8).join(',')}\n`;
    const long = assemble(src, { mode: 64, file: 't.s', listing: false });
    const short = assemble(split, { mode: 64, file: 't.s', listing: false });
    expect(long.diagnostics).toEqual([]);
    expect(long.sections.find((s) => s.name === '.text')?.bytes).toEqual(short.sections.find((s) => s.name === '.text')?.bytes);
    expect(long.sections.find((s) => s.name === '.text')?.bytes.length).toBe(4 * items.length);
    if (spawnSync('as', ['--version']).status !== 0) return;
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-flatlist-'));
    writeFileSync(join(dir, 'l.s'), src);
    expect(spawnSync('as', ['--64', '-o', join(dir, 'l.o'), join(dir, 'l.s')]).status).toBe(0);
    expect(spawnSync('objcopy', ['-O', 'binary', '-j', '.text', join(dir, 'l.o'), join(dir, 'l.bin')]).status).toBe(0);
    expect(Buffer.from(long.sections.find((s) => s.name === '.text')!.bytes)).toEqual(readFileSync(join(dir, 'l.bin')));
  });

  // 5x the items must cost about 5x the parser steps (a quadratic list took 25x) and give 5x the bytes.
  const DIRECTIVES: [string, number, (i: number) => string][] = [
    ['.byte', 1, (i) => String(i & 127)], ['.short', 2, (i) => String(i)], ['.long', 4, (i) => `${i}*4+x`],
    ['.quad', 8, (i) => `x+${i}`], ['.octa', 16, (i) => String(i)], ['.ascii', 2, () => '"ab"'],
    ['.asciz', 3, () => '"ab"'], ['.string', 3, () => '"ab"'], ['.sleb128', 1, (i) => `-(${i & 63})`],
    ['.uleb128', 1, (i) => `${i & 127}`], ['.value', 2, (i) => `(${i})`], ['.4byte', 4, (i) => `~${i}`],
  ];
  for (const [dir, size, item] of DIRECTIVES) {
    it(`${dir}: parser steps and bytes grow linearly with the list`, () => {
      const cost = (n: number): { states: number; runs: number; bytes: number } => {
        const s0 = earleyStates;
        const r0 = parseStats.nearleyRuns;
        const r = assemble(`x = 1\n${dir} ${Array.from({ length: n }, (_, i) => item(i)).join(', ')}\n`, { mode: 64, file: 't.s', listing: false });
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        return { states: earleyStates - s0, runs: parseStats.nearleyRuns - r0, bytes: r.sections.reduce((a, s) => a + s.bytes.length, 0) };
      };
      const a = cost(400);
      const b = cost(2000);
      expect(a.bytes).toBe(400 * size);
      expect(b.bytes).toBe(2000 * size);
      // A plain list takes the flat path (no Earley parse at all); an expression list is parsed item
      // by item through the shape memo: at most one parse of one item, however long the list.
      expect(b.runs).toBeLessThanOrEqual(/^-?[\d"]/.test(item(1)) && !/[*+~(]/.test(item(1)) ? 0 : 1);
      expect(a.states).toBeLessThan(1000);
      expect(b.states).toBeLessThanOrEqual(a.states);
    });
  }
});
