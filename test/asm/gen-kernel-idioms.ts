// Regenerates test/golden/asm/kernel-idioms/*.json from gcc -c (GNU as 2.40) for
// test/asm/kernel-idioms.test.ts. Run: npx vite-node test/asm/gen-kernel-idioms.ts
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAVE_GCC, IDIOMS_DIR, IDIOMS_GOLDEN, gccIdiomRun } from './kernel-idioms-lib.js';

if (!HAVE_GCC) throw new Error('gcc is needed to regenerate the goldens');
mkdirSync(IDIOMS_GOLDEN, { recursive: true });
for (const f of readdirSync(IDIOMS_DIR).filter((x) => x.endsWith('.S')).sort()) {
  const g = gccIdiomRun(f);
  writeFileSync(join(IDIOMS_GOLDEN, f.replace(/\.S$/, '.json')), JSON.stringify(g.view, null, 1) + '\n');
  if (g.warnings.length) writeFileSync(join(IDIOMS_GOLDEN, f.replace(/\.S$/, '.warnings')), g.warnings.join('\n') + '\n');
  console.log(f);
}
