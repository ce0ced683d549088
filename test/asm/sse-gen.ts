// Regenerates test/asm/sse/golden/ from GNU as 2.40 and objdump (run: npx vite-node test/asm/sse-gen.ts):
//   lines.MODE.tsv  each generated line (every legacy SIMD row x operand shapes): GNU's bytes or its error
//   dis.MODE.tsv    objdump -d of GNU's bytes for the accepted lines and of the prefix cases:
//                   address<TAB>hex<TAB>AT&T text<TAB>-M intel text
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SSE_DIR, gnuAll } from './sse-oracle.js';

for (const mode of [32, 64] as const) {
  const { lines, results, dis } = gnuAll(mode);
  writeFileSync(join(SSE_DIR, 'golden', `lines.${mode}.tsv`), lines.map((l, i) => `${l}\t${results[i]}`).join('\n') + '\n');
  writeFileSync(join(SSE_DIR, 'golden', `dis.${mode}.tsv`), dis.map((r) => r.join('\t')).join('\n') + '\n');
  console.log(`--${mode}: ${lines.length} lines (${results.filter((r) => r.startsWith('ERROR')).length} rejected), ${dis.length} objdump rows`);
}
