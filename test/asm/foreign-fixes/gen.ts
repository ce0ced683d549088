// Regenerates golden.json from GNU as and objdump: `npx vite-node test/asm/foreign-fixes/gen.ts`.
import { writeFileSync } from 'node:fs';
import { gnuOutcome } from '../gas-options/lib.js';
import { gnuObjdump } from '../gas-insn/lib.js';
import { CASES } from './cases.js';
import { GOLDEN, gnuWarnings } from './lib.js';

const out: Record<string, unknown> = {};
for (const c of CASES) out[c.name] = { outcome: gnuOutcome(c), objdump: gnuObjdump(c) ?? null, warnings: gnuWarnings(c) };
writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${CASES.length} cases -> ${GOLDEN}\n`);
