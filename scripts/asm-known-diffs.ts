// Rewrites test/golden/asm/known-diffs{64,32}.txt with the corpus lines where the encoder currently
// differs from GNU as. Run after an intentional change: npx vite-node scripts/asm-known-diffs.ts
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus, ourResult, agrees } from '../test/encode/corpus-check.js';
import { assembleLines } from '../test/encode/assemble-check.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'golden', 'asm');
for (const mode of [64, 32] as const) {
  const diffs = readCorpus(join(dir, `corpus${mode}.txt`)).filter((c) => !agrees(c.expect, ourResult(c.line, mode))).map((c) => c.line);
  writeFileSync(join(dir, `known-diffs${mode}.txt`), `# Corpus lines (--${mode}) where x86lab still differs from GNU as 2.40. Keep this list short and exact.\n` + diffs.map((l) => l + '\n').join(''));
  console.log(`--${mode}: ${diffs.length} known differences (encoder)`);
  const corpus = readCorpus(join(dir, `corpus${mode}.txt`));
  const got = assembleLines(corpus.map((c) => c.line), mode);
  const adiffs = corpus.filter((c, i) => !agrees(c.expect, got[i])).map((c) => c.line);
  writeFileSync(join(dir, `known-diffs-asm${mode}.txt`), `# Corpus lines (--${mode}) where assemble() still differs from GNU as 2.40. Keep this list short and exact.\n` + adiffs.map((l) => l + '\n').join(''));
  console.log(`--${mode}: ${adiffs.length} known differences (assemble)`);
}
