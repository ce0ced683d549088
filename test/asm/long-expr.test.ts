// Long left-associative chains (`a+a+...+a`, 20,000 terms) are evaluated without recursion, as
// GNU as takes them. The expected .text bytes are GNU as 2.40's (long-expr/gnu.json, written by
// this test's live half when regenerated with X86LAB_REGEN=1), re-checked live where `as` exists.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { assemble } from '../../src/asm/assemble.js';

const GOLDEN = join(import.meta.dirname, 'long-expr', 'gnu.json');
const HAVE_AS = spawnSync('as', ['--version']).status === 0 && spawnSync('objcopy', ['--version']).status === 0;

const SRC = [
  'a = 1', 'x = 3',
  `.long ${Array(20000).fill('a').join('+')}`,
  `.long ${Array(20000).fill('x').join('-')}`,
  `.quad ${Array(5000).fill('1').join('*')}+2`,
  `.long ${Array(3000).fill('later').join('+')}`,
  'later = 7',
].join('\n') + '\n';

function gnuText(): string {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-long-'));
  writeFileSync(join(dir, 'l.s'), SRC);
  expect(spawnSync('as', ['--64', '-o', join(dir, 'l.o'), join(dir, 'l.s')]).status).toBe(0);
  expect(spawnSync('objcopy', ['-O', 'binary', '-j', '.text', join(dir, 'l.o'), join(dir, 'l.bin')]).status).toBe(0);
  return readFileSync(join(dir, 'l.bin')).toString('hex');
}

describe('long expression chains', () => {
  it('assemble like GNU as (committed golden)', () => {
    const r = assemble(SRC, { mode: 64, file: 'l.s' });
    expect(r.diagnostics).toEqual([]);
    const want = (JSON.parse(readFileSync(GOLDEN, 'utf8')) as { text: string }).text;
    expect(Buffer.from(r.sections.find((s) => s.name === '.text')!.bytes).toString('hex')).toBe(want);
  });
  it.runIf(HAVE_AS)('the golden equals a live GNU as run', () => {
    const text = gnuText();
    if (process.env.X86LAB_REGEN === '1') writeFileSync(GOLDEN, JSON.stringify({ text }) + '\n');
    expect((JSON.parse(readFileSync(GOLDEN, 'utf8')) as { text: string }).text).toBe(text);
  });
});
