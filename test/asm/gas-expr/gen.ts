// Regenerates golden.json from GNU as: `npx vite-node test/asm/gas-expr/gen.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES } from './cases.js';
import { gnuOutcome } from '../gas-options/lib.js';

const GOLDEN = join(import.meta.dirname, 'golden.json');
const out: Record<string, unknown> = {};
for (const c of CASES) out[c.name] = gnuOutcome(c);
writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${CASES.length} cases -> ${GOLDEN}\n`);
