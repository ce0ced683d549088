// The warm path's shortcuts against the full path they stand for: a label alone (bare-label.ts)
// against the parser's reading of the same statement, the line cache's table (state.ts) with
// colliding hashes, and the file splitter's hashes (lines.ts) against line-hash.ts.

import { describe, expect, it } from 'vitest';
import { bareLabel } from '../../src/asm/bare-label.js';
import { lineHash } from '../../src/asm/line-hash.js';
import { statementSource } from '../../src/asm/lines.js';
import { isParsed, parseStatement } from '../../src/asm/parse.js';
import { Assembly } from '../../src/asm/state.js';
import type { InsnReplay } from '../../src/asm/insn.js';

const firstNonBlank = (t: string): number => t.search(/[^ \t\r]/);

describe('bareLabel', () => {
  const labels = ['.L12:', 'f0:', '  foo:', '\tbar$1 :', 'a.b.c:\t', '_x:  ', 'eax:', 'lock:', 'L:'];
  const others = ['.:', '1:', '1b:', 'x: nop', 'x:y:', 'x::', '"q":', 'x :\fy', 'mov %eax, %ebx', '.text', 'x', 'x: .long 1', '$x:', 'é:'];
  for (const t of labels) {
    it(`takes ${JSON.stringify(t)}, naming what the parser names`, () => {
      const name = bareLabel(t, firstNonBlank(t));
      expect(name).toBeDefined();
      const p = parseStatement(t);
      expect(isParsed(p)).toBe(true);
      if (!isParsed(p)) return;
      expect(p.stmt.body).toBeUndefined();
      expect(p.stmt.labels.map((i) => p.toks[i].value)).toEqual([name]);
      expect(p.toks[p.stmt.labels[0]].type).toBe('ident');
    });
  }
  for (const t of others) {
    it(`leaves ${JSON.stringify(t)} to the full path`, () => expect(bareLabel(t, Math.max(0, firstNonBlank(t)))).toBeUndefined());
  }
});

/** A plain instruction's replay record: its bytes, no fixups, no symbol. */
const plain = (...bytes: number[]): InsnReplay => ({ enc: { bytes: Uint8Array.from(bytes), fixups: [], form: 'nop' }, direct: false });

describe('line cache table', () => {
  it('keeps lines apart whose hashes collide, through growth', () => {
    const asm = new Assembly(64, 'x.s');
    const texts = Array.from({ length: 3000 }, (_, i) => `nop # ${i}`);
    // Every fourth line shares one hash; the rest spread over a few.
    const hashOf = (i: number): number => (i % 4 === 0 ? 77 : 1000 + (i % 7));
    texts.forEach((t, i) => asm.remember(t, plain(i & 0xff, (i >> 8) & 0xff), [], hashOf(i)));
    texts.forEach((t, i) => {
      const r = asm.recall(t, hashOf(i));
      expect(r?.len).toBe(2);
      expect(r?.off).toBe(2 * i);
    });
    expect(asm.recall('nop # 3000', 77)).toBeUndefined();
    expect(asm.recall('nop # 5', 77)).toBeUndefined();
  });

  it('replaces a line remembered again, and computes the hash when none is given', () => {
    const asm = new Assembly(64, 'x.s');
    asm.remember('ret', plain(0xc3), []);
    asm.remember('ret', plain(0xc2, 0, 0), []);
    expect(asm.recall('ret', lineHash('ret', 0, 3))?.len).toBe(3);
    expect(asm.recall('ret')?.len).toBe(3);
  });
});

describe('splitter hashes', () => {
  it('are lineHash of the text, for plain lines and lines that needed the slow path alike', () => {
    const src = 'nop\n\tmovl %eax, %ebx\r\nx: ret # c\n"a";b\n/* c */ nop\n\n';
    const s = statementSource(src, 'x.s');
    const seen: [string, number | undefined][] = [];
    for (let l = s.next(); l; l = s.next()) seen.push([l.text, l.hash]);
    for (const [text, hash] of seen) {
      if (hash) expect(hash).toBe(lineHash(text, 0, text.length));
    }
    expect(seen.filter(([, h]) => h).map(([t]) => t)).toEqual(seen.map(([t]) => t));
    expect(seen.map(([t]) => t)).toEqual(['nop', '\tmovl %eax, %ebx', 'x: ret ', '"a"', 'b', '  nop', '']);
  });
});
