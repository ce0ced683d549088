// `x86lab dis` on a listing many times the size of its output buffer (64 KiB chunks,
// listing-writer.ts) and of the warm-up threshold (256 KiB of code, listing.ts): the text written
// in pieces, with line-cache.ts's memo and warm-up.ts's warm-up in play, must be objdump's. The
// code is real libc/node instructions (test/golden/dis/real64.txt, those objdump and x86lab name
// alike), repeated, in an ELF object with a function symbol every 64 instructions. objdump -d
// checks it live where installed; the committed SHA-256 of objdump's text checks it everywhere.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/dis.js';
import { FLAGS, GOLDEN, largeObject, neutral, REPEAT, sha256 } from './dis-large-input.js';
import { haveObjdump } from './objdump-diff.js';

/** The CLI's output for argv, and how many writes it took. */
async function listing(argv: string[]): Promise<{ out: string; writes: number; code: number }> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (chunks.push(String(s)), true));
  const code = await run(argv);
  vi.restoreAllMocks();
  return { out: chunks.join(''), writes: chunks.length, code };
}

afterEach(() => vi.restoreAllMocks());

describe('x86lab dis: a listing of many output chunks', () => {
  const { path, codeBytes } = largeObject();
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, { sha256: string; bytes: number }>;

  for (const [name, flags] of Object.entries(FLAGS)) {
    it(`${name}: equals objdump ${flags.join(' ')} (${REPEAT} copies of real64.txt's code)`, async () => {
      expect(codeBytes).toBeGreaterThan(256 * 1024);
      const r = await listing([...flags, path]);
      expect(r.code).toBe(0);
      expect(r.out.length).toBeGreaterThan(20 * 65536);
      expect(r.writes).toBeGreaterThan(20);
      const ours = neutral(r.out, path);
      expect({ sha256: sha256(ours), bytes: ours.length }).toEqual(golden[name]);
    }, 120_000);

    it.skipIf(!haveObjdump())(`${name}: live objdump ${flags.join(' ')} agrees, and with the committed hash`, async () => {
      const theirs = execFileSync('objdump', [...flags, path], { maxBuffer: 1 << 30 }).toString('latin1');
      const r = await listing([...flags, path]);
      // Compare line by line first, so that a failure names the line.
      const a = r.out.split('\n');
      const b = theirs.split('\n');
      const first = a.findIndex((l, i) => l !== b[i]);
      expect(first === -1 ? null : { line: first + 1, x86lab: a[first], objdump: b[first] }).toBeNull();
      expect(r.out).toBe(theirs);
      const t = neutral(theirs, path);
      expect({ sha256: sha256(t), bytes: t.length }).toEqual(golden[name]);
    }, 120_000);
  }
});
