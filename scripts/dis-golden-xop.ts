// Regenerates test/golden/dis/xop{64,32}.txt: objdump -D (binutils 2.40) on byte sequences around the
// XOP prefix, TBM/LWP and 8F `pop` (test/decode/xop-cases.ts), one case per 32-byte slot.
// Line format: address<TAB>case hex<TAB>length objdump decoded<TAB>objdump text.
// Usage: npx vite-node scripts/dis-golden-xop.ts
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLOT, objdumpFirstLines, xopCases } from '../test/decode/xop-cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const mode of [64, 32] as const) {
  const cases = xopCases(mode, 0x8f00 + mode, 3000);
  const ref = objdumpFirstLines(cases, mode);
  const rows = cases.map((h, i) => (ref[i] ? `${(i * SLOT).toString(16)}\t${h}\t${ref[i]![0]}\t${ref[i]![1]}` : '')).filter((r) => r);
  writeFileSync(join(root, `test/golden/dis/xop${mode}.txt`), `# objdump -D -w -z -b binary -m ${mode === 64 ? 'i386:x86-64' : 'i386'} on XOP/TBM/LWP byte sequences at ${SLOT}-byte slots (NOP padded); regenerate: npx vite-node scripts/dis-golden-xop.ts\n` + rows.join('\n') + '\n');
  console.log(`xop${mode}.txt: ${rows.length} rows`);
}
