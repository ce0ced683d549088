// Regenerates golden.json from GNU as: `npx vite-node test/output/dwarf-files/gen.ts`.
import { writeFileSync } from 'node:fs';
import { CASES } from './cases.js';
import { GOLDEN, GOLDEN_DIR, gnuOutcome, key, type Outcome } from './lib.js';

const out: Record<string, Outcome> = {};
for (const c of CASES) for (const o of c.opts) out[key(c, o)] = gnuOutcome(c, o, GOLDEN_DIR);
writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${Object.keys(out).length} runs -> ${GOLDEN}\n`);
