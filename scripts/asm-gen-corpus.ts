// Regenerates the committed golden corpus test/golden/asm/corpus{64,32}.txt from GNU as.
// Run: npx vite-node scripts/asm-gen-corpus.ts
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLines, runGnuAs } from './asm-corpus-lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'test', 'golden', 'asm');
mkdirSync(outDir, { recursive: true });
for (const mode of [64, 32] as const) {
  const lines = generateLines(mode);
  const res = runGnuAs(lines, mode);
  const body = lines.map((l, i) => `${l}\t${res[i]}`).join('\n') + '\n';
  writeFileSync(join(outDir, `corpus${mode}.txt`), `# GNU as 2.40 --${mode}: line<TAB>[TYPE@offset,...<TAB>]hex (xx = relocated byte) | line<TAB>ERROR: message. Regenerate: npx vite-node scripts/asm-gen-corpus.ts\n` + body);
  const errs = res.filter((r) => r.startsWith('ERROR')).length;
  console.log(`--${mode}: ${lines.length} lines, ${lines.length - errs} accepted, ${errs} rejected`);
}
