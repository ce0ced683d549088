// Check golden (or freshly generated) native vectors against the executor and print agreement.
//   npx vite-node scripts/cpu-check-vectors.ts [FILE.jsonl.gz] [--show N]
import { readCompact, checkVectors } from '../test/cpu/vectors.js';

const args = process.argv.slice(2);
const file = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--show') ?? 'test/golden/cpu/amd/vectors.jsonl.gz';
const k = args.indexOf('--show');
const show = k >= 0 ? Number(args[k + 1]) : 20;
const rep = checkVectors(readCompact(file));
const groups = new Map<string, number>();
for (const f of rep.failures) groups.set(f.name, (groups.get(f.name) ?? 0) + 1);
for (const [n, c] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${n}: ${c} failing`);
for (const f of rep.failures.slice(0, show)) console.log(f.name, JSON.stringify((f.input as { memory: { hex: string }[] }).memory[0].hex), JSON.stringify((f.input as { regs: unknown }).regs), '\n   ', f.diffs.join('\n    '));
console.log(`${rep.pass}/${rep.total} vectors agree (${((100 * rep.pass) / Math.max(1, rep.total)).toFixed(2)}%)`);
process.exitCode = rep.pass === rep.total ? 0 : 1;
