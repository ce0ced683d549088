// Regenerates test/golden/dis/vex{64,32}.txt: objdump -D (binutils 2.40) on byte sequences around the
// VEX prefix and the BMI/ADX opcodes (test/decode/vex-cases.ts), one case per 32-byte slot.
// Line format: address<TAB>case hex<TAB>length objdump decoded<TAB>objdump text.
// Usage: npx vite-node scripts/dis-golden-vex.ts
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLOT, objdumpFirstLines, vexCases } from '../test/decode/vex-cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const mode of [64, 32] as const) {
  const cases = vexCases(mode, 0xbe11 + mode, 4000);
  const ref = objdumpFirstLines(cases, mode);
  const rows = cases.map((h, i) => (ref[i] ? `${(i * SLOT).toString(16)}\t${h}\t${ref[i]![0]}\t${ref[i]![1]}` : '')).filter((r) => r);
  writeFileSync(join(root, `test/golden/dis/vex${mode}.txt`), `# objdump -D -w -z -b binary -m ${mode === 64 ? 'i386:x86-64' : 'i386'} on VEX/BMI/ADX byte sequences at ${SLOT}-byte slots (NOP padded); regenerate: npx vite-node scripts/dis-golden-vex.ts\n` + rows.join('\n') + '\n');
  console.log(`vex${mode}.txt: ${rows.length} rows`);
}
