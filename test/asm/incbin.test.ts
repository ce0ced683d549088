// `.incbin "file"[, skip[, count]]`: raw bytes from a file found like `.include` (cwd, -I, the
// source's folder). Expected bytes follow GNU as 2.40 on the same input.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';

describe('.incbin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-incbin-'));
  writeFileSync(join(dir, 'blob.bin'), 'ABCDEFGH');
  const file = join(dir, 'i.s');
  it('includes the whole file, a tail, or a slice', () => {
    const r = assemble('\t.incbin "blob.bin"\n\t.incbin "blob.bin", 2\n\t.incbin "blob.bin", 1, 3\n', { mode: 64, file });
    expect(r.diagnostics).toEqual([]);
    expect(Buffer.from(r.sections[0].bytes).toString()).toBe('ABCDEFGHCDEFGHBCD');
  });
  it('searches -I directories', () => {
    const r = assemble('\t.incbin "blob.bin", 6\n', { mode: 64, file: 'elsewhere.s', includeDirs: [dir] });
    expect(Buffer.from(r.sections[0].bytes).toString()).toBe('GH');
  });
  it('reports a missing file as GNU does', () => {
    const r = assemble('\t.incbin "nope.bin"\n', { mode: 64, file });
    expect(r.diagnostics.map((d) => `${d.loc.line}: ${d.message}`)).toEqual(['1: file not found: nope.bin']);
  });
});
