// Regenerates golden.json from GNU as and objdump: `npx vite-node test/asm/gas-insn/gen.ts`.
import { writeFileSync } from 'node:fs';
import { gnuOutcome } from '../gas-options/lib.js';
import { CASES } from './cases.js';
import { GOLDEN, gnuObjdump } from './lib.js';

const out: Record<string, unknown> = {};
for (const c of CASES) out[c.name] = { outcome: gnuOutcome(c), objdump: gnuObjdump(c) ?? null };
writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${CASES.length} cases -> ${GOLDEN}\n`);
