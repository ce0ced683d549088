// Regenerates the generated case files (cases/gen-*.s) and the GNU as goldens (golden/*.json)
// for test/asm/golden.test.ts. Run: npx vite-node test/asm/gen-goldens.ts  (needs GNU as 2.40).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gnuAssemble, gnuListing, HAVE_AS } from './oracle.js';
import { CASE_MODES, generatedCases, LISTED } from './cases.js';

const here = import.meta.dirname;
if (!HAVE_AS) throw new Error('GNU as is needed to regenerate goldens');
for (const [name, text] of Object.entries(generatedCases())) writeFileSync(join(here, 'cases', name), text);
for (const f of readdirSync(join(here, 'cases')).filter((n) => n.endsWith('.s')).sort()) {
  const src = readFileSync(join(here, 'cases', f), 'utf8');
  for (const mode of CASE_MODES(f, src)) {
    const g = gnuAssemble(src, mode, f);
    writeFileSync(join(here, 'golden', `${f}.${mode}.json`), JSON.stringify(g, null, 1) + '\n');
    if (g.ok && LISTED.includes(f)) {
      writeFileSync(join(here, 'golden', `${f}.${mode}.listing.json`), JSON.stringify(gnuListing(src, mode, f)) + '\n');
    }
    console.log(`${f} --${mode}: ${g.ok ? 'ok' : 'errors'} ${g.messages.length} messages`);
  }
}
