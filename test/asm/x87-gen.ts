// Regenerates test/asm/x87/golden/ from GNU as 2.40 and objdump (run: npx vite-node test/asm/x87-gen.ts):
//   NAME.MODE.json  for x87.s, x87-errors.s, x87-intel.s: GNU's .text bytes and messages per mode
//   dis.MODE.txt    for dis.s: each instruction objdump -d shows, as address<TAB>hex<TAB>AT&T text<TAB>-M intel text
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X87_ASM_CASES, X87_DIR, gnuCase, gnuDis } from './x87-oracle.js';

for (const mode of [32, 64] as const) {
  for (const name of X87_ASM_CASES) writeFileSync(join(X87_DIR, 'golden', `${name}.${mode}.json`), JSON.stringify(gnuCase(name, mode), null, 1) + '\n');
  const rows = gnuDis(mode);
  writeFileSync(join(X87_DIR, 'golden', `dis.${mode}.txt`), rows.map((r) => r.join('\t')).join('\n') + '\n');
  console.log(`--${mode}: ${rows.length} instructions`);
}
