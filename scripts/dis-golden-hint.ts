// Regenerates test/golden/dis/hint{64,32}.txt: objdump -D (binutils 2.40), AT&T and -M intel, on byte
// sequences in the 0F 18-1F hint space (MPX, prefetch hints, nop; test/decode/hint-cases.ts), one case per slot.
// Line format: address<TAB>case hex<TAB>length<TAB>AT&T text<TAB>Intel text.
// Usage: npx vite-node scripts/dis-golden-hint.ts
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLOT, hintCases, objdumpFirstLines } from '../test/decode/hint-cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const mode of [64, 32] as const) {
  const cases = hintCases(mode, 0x1800 + mode, 3000);
  const att = objdumpFirstLines(cases, mode, []);
  const intel = objdumpFirstLines(cases, mode, ['-Mintel']);
  const rows = cases.map((h, i) => (att[i] && intel[i] ? `${(i * SLOT).toString(16)}\t${h}\t${att[i]![0]}\t${att[i]![1]}\t${intel[i]![1]}` : '')).filter((r) => r);
  writeFileSync(join(root, `test/golden/dis/hint${mode}.txt`), `# objdump -D -w -z [-M intel] -b binary -m ${mode === 64 ? 'i386:x86-64' : 'i386'} on 0F 18-1F hint-space byte sequences at ${SLOT}-byte slots (NOP padded); regenerate: npx vite-node scripts/dis-golden-hint.ts\n` + rows.join('\n') + '\n');
  console.log(`hint${mode}.txt: ${rows.length} rows`);
}
