// Regenerates golden.json from GNU as: `npx vite-node test/asm/gas-directives/gen.ts`.
import { writeFileSync } from 'node:fs';
import { CASES } from './cases.js';
import { GOLDEN, gnuOutcome } from './lib.js';

const out: Record<string, unknown> = {};
for (const c of CASES) out[c.name] = gnuOutcome(c);
writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${CASES.length} cases -> ${GOLDEN}\n`);
