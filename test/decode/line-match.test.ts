// The listing finds an instruction met before by its bytes, without decoding it (src/decode/line-cache.ts
// match). line-match/match64.s holds what must not be found so: a WAIT whose meaning the next bytes
// decide (fwait alone, or folded into fstsw), a (bad) whose length stops short of the bytes that
// made it one, bytes cut by a symbol's end (c4 e2: two .bytes there, a VEX instruction elsewhere),
// and instructions met again with relocations and second hex lines. match64.o is what GNU as made of
// it; objdump 2.40's listings of it are committed (line-match/golden.json, rewritten from objdump
// by UPDATE_GOLDEN=1) and, where objdump is installed, re-made live.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import '../harness/golden-setup.js';
import { run } from '../../src/cli/dis.js';
import { haveObjdump } from './objdump-diff.js';

const ROOT = join(__dirname, '..', '..');
const FILE = 'test/decode/line-match/match64.o';
const GOLDEN = join(__dirname, 'line-match', 'golden.json');
const FLAGS = [['-d'], ['-dr'], ['-drw'], ['-D', '-M', 'intel'], ['-d', '--no-show-raw-insn'], ['-dz']];
const key = (flags: string[]): string => flags.join(' ');

const golden: Record<string, string> = (() => {
  try {
    return JSON.parse(readFileSync(GOLDEN, 'utf8'));
  } catch {
    return {};
  }
})();

/** What `x86lab dis FLAGS match64.o` prints, the file named as objdump run from the repository names it. */
async function ours(flags: string[]): Promise<string> {
  let out = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  try {
    expect(await run([...flags, join(ROOT, FILE)])).toBe(0);
  } finally {
    o.mockRestore();
  }
  return out.split(`${join(ROOT, FILE)}:`).join(`${FILE}:`);
}

describe('instructions met again, listed without decoding, vs objdump 2.40', () => {
  it.each(FLAGS.map((f) => [key(f), f] as const))('%s', async (k, flags) => {
    expect(golden[k], `no golden for ${k} (UPDATE_GOLDEN=1 with objdump installed writes it)`).toBeDefined();
    expect(await ours(flags)).toBe(golden[k]);
  });

  it.runIf(haveObjdump())('objdump, run live, still prints the committed text', () => {
    const fresh: Record<string, string> = {};
    for (const f of FLAGS) fresh[key(f)] = execFileSync('objdump', [...f, FILE], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    expect(JSON.stringify(fresh, null, 1) + '\n').toMatchGolden(GOLDEN);
  });
});
