// The parse trees shipped for common statement shapes (src/asm/common-shapes.ts, made at build
// time from grammar/common-statements.s) must be exactly what the grammar gives at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeKey, shippedTree } from '../../src/asm/common-shapes.js';
import { statementSource } from '../../src/asm/lines.js';
import { isParsed, parseStatement, runNearley } from '../../src/asm/parse.js';

const file = join(__dirname, '..', '..', 'grammar', 'common-statements.s');

function statements(): string[] {
  const out: string[] = [];
  const src = statementSource(readFileSync(file, 'utf8'), file);
  for (let l = src.next(); l; l = src.next()) if (l.text.trim()) out.push(l.text);
  return out;
}

describe('shipped parse trees of common statement shapes', () => {
  const list = statements();

  it('covers a good number of shapes', () => {
    expect(list.length).toBeGreaterThan(50);
  });

  it('equal the grammar\'s tree for every listed statement, key order included', () => {
    for (const text of list) {
      const p = parseStatement(text);
      expect(isParsed(p), text).toBe(true);
      if (!isParsed(p)) continue;
      const shipped = shippedTree(p.toks);
      expect(shipped, `${text} (${shapeKey(p.toks)}) has no shipped tree: rebuild (npm run build:grammar)`).toBeDefined();
      expect(JSON.stringify(shipped), text).toBe(JSON.stringify(runNearley(p.toks)));
    }
  });

  it('are fresh objects, so no caller shares one with the table', () => {
    const p = parseStatement(list[0]);
    if (!isParsed(p)) throw new Error('unparsed');
    expect(shippedTree(p.toks)).not.toBe(shippedTree(p.toks));
  });

  it('leave shapes that are not listed to the grammar', () => {
    const p = parseStatement('vpternlogd $0x96, %zmm1, %zmm2, %zmm3{%k1}{z}');
    if (isParsed(p)) expect(shippedTree(p.toks)).toBeUndefined();
    const q = parseStatement('.long (1 << 3) | (2 ^ 7), ~5');
    expect(isParsed(q)).toBe(true);
    if (isParsed(q)) expect(shippedTree(q.toks)).toBeUndefined();
  });
});
