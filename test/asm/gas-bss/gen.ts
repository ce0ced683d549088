// Regenerates golden.json from GNU as and objdump: `npx vite-node test/asm/gas-bss/gen.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gnuOutcome } from '../gas-options/lib.js';
import { gnuObjdump } from '../gas-insn/lib.js';
import { CASES } from './cases.js';

const GOLDEN = join(import.meta.dirname, 'golden.json');
const out: Record<string, unknown> = {};
for (const c of CASES) out[c.name] = { outcome: gnuOutcome(c), objdump: gnuObjdump(c) ?? null };
writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
process.stdout.write(`${CASES.length} cases -> ${GOLDEN}\n`);
