// x86lab's ELF objects against GNU as 2.40's, byte for byte (`cmp`), for every golden and example
// source in the repository and the encoder corpus in chunks. Live where GNU as exists; elsewhere
// against the SHA-256 of GNU's objects recorded in test/golden/elf/objects.tsv (npm run golden:elf).
// `npm test` takes a fixed sample of the corpus chunks; `npm run test:elf-all` takes them all.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusInputs, fileInputs, ROOT, type ElfInput } from './elf-inputs.js';
import { gnuObject, HAVE_AS, sha256, x86labObject } from './elf-oracle.js';

interface Golden { mode: number; text: string; obj: string }

const golden = new Map<string, Golden>();
for (const line of readFileSync(join(ROOT, 'test/golden/elf/objects.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [name, mode, text, obj] = line.split('\t');
  golden.set(name, { mode: Number(mode), text, obj });
}

/** Inputs whose objects still differ from GNU's (with the reason in docs/elf.md). Keep exact. */
const KNOWN_DIFFS = new Set(
  readFileSync(join(ROOT, 'test/golden/elf/known-diffs.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')),
);

const ALL = process.env.X86LAB_ELF_ALL === '1';
const corpus = corpusInputs();
// A fixed sample (every 7th chunk, both modes) keeps `npm test` short; the whole corpus is test:elf-all.
const inputs: ElfInput[] = [...fileInputs(), ...(ALL ? corpus : corpus.filter((_, i) => i % 7 === 3))];

let same = 0;
let compared = 0;

describe(`ELF objects cmp-identical to GNU as 2.40 (${HAVE_AS ? 'live' : 'recorded hashes'})`, () => {
  for (const input of inputs) {
    it(input.name, () => {
      let gnu: string | undefined;
      if (HAVE_AS) {
        const o = gnuObject(input);
        gnu = o ? sha256(o) : 'error';
      } else {
        const g = golden.get(input.name);
        expect(g, `no recorded GNU object for ${input.name}: run npm run golden:elf`).toBeDefined();
        expect(g!.text, `${input.name} changed since its GNU object was recorded: run npm run golden:elf`).toBe(sha256(input.text));
        gnu = g!.obj;
      }
      const ours = x86labObject(input);
      if (gnu === 'error') {
        // GNU rejects it (an error case): x86lab must reject it too.
        expect(ours).toBeUndefined();
        return;
      }
      expect(ours, `x86lab rejected ${input.name}`).toBeDefined();
      compared++;
      const identical = sha256(ours!) === gnu;
      if (identical) same++;
      if (KNOWN_DIFFS.has(input.name)) expect(identical, `${input.name} is listed as differing but is now identical: remove it from known-diffs.txt`).toBe(false);
      else expect(identical, `${input.name}: object differs from GNU as's (compare readelf -aW)`).toBe(true);
    });
  }
  afterAll(() => {
    console.log(`ELF objects cmp-identical to GNU as: ${same}/${compared} (${inputs.length} inputs${ALL ? '' : ', corpus sampled'})`);
  });
});

describe('the recorded hashes cover every input', () => {
  it('each input has a golden row, and the golden rows name current inputs', () => {
    const names = new Set([...fileInputs(), ...corpus].map((i) => i.name));
    for (const n of names) expect(golden.has(n), n).toBe(true);
    for (const n of golden.keys()) expect(names.has(n), `stale golden row ${n}`).toBe(true);
  });
});
