// Regenerates test/golden/asm/kernel-idioms/*.json from gcc -c (GNU as 2.40) for
// test/asm/kernel-idioms.test.ts. Run: npx vite-node test/asm/gen-kernel-idioms.ts
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAVE_GCC, IDIOMS_DIR, IDIOMS_GOLDEN, gccIdiom } from './kernel-idioms-lib.js';

if (!HAVE_GCC) throw new Error('gcc is needed to regenerate the goldens');
mkdirSync(IDIOMS_GOLDEN, { recursive: true });
for (const f of readdirSync(IDIOMS_DIR).filter((x) => x.endsWith('.S')).sort()) {
  writeFileSync(join(IDIOMS_GOLDEN, f.replace(/\.S$/, '.json')), JSON.stringify(gccIdiom(f), null, 1) + '\n');
  console.log(f);
}
