// Prints the agreement of the encoder with the golden corpus, and the first mismatches.
// Run: npx vite-node scripts/asm-corpus-report.ts [64|32] [maxShown]
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus, ourResult, agrees } from '../test/encode/corpus-check.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modes = process.argv[2] ? [Number(process.argv[2]) as 32 | 64] : [64, 32] as const;
const show = Number(process.argv[3] ?? 40);
for (const mode of modes) {
  const corpus = readCorpus(join(root, 'test', 'golden', 'asm', `corpus${mode}.txt`));
  let ok = 0, msgOk = 0, rej = 0;
  const bad: string[] = [];
  for (const { line, expect } of corpus) {
    const got = ourResult(line, mode);
    if (agrees(expect, got)) ok++;
    else bad.push(`${line}\n    gnu: ${expect}\n    us:  ${got}`);
    if (expect.startsWith('ERROR')) { rej++; if (got === expect) msgOk++; }
  }
  console.log(`--${mode}: ${ok}/${corpus.length} agree (${(100 * ok / corpus.length).toFixed(2)}%), error messages identical ${msgOk}/${rej}`);
  if (process.env.GROUP) {
    const groups = new Map<string, string[]>();
    for (const b of bad) { const k = b.split(/[ \n]/)[0]; (groups.get(k) ?? groups.set(k, []).get(k)!).push(b); }
    for (const [k, v] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`== ${k}: ${v.length}`);
      for (const b of v.slice(0, show)) console.log(b);
    }
  } else for (const b of bad.slice(0, show)) console.log(b);
}
