// Expand the compact native vectors into exec snapshots, for `x86lab exec --batch`:
//   npx vite-node scripts/cpu-vectors-batch.ts [VECTORS.jsonl.gz] OUTDIR
// writes OUTDIR/in.jsonl (one input snapshot per line) and OUTDIR/expected.jsonl (the CPU's result),
// then, with --check, runs `node bin/x86lab.js exec --batch` on in.jsonl and reports agreement.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readCompact, expand, compare } from '../test/cpu/vectors.js';

const args = process.argv.slice(2).filter((a) => a !== '--check');
const check = process.argv.includes('--check');
const src = args.length > 1 ? args[0] : 'test/golden/cpu/amd/vectors.jsonl.gz';
const out = args.length > 1 ? args[1] : (args[0] ?? 'bench/out/cpu-vectors');
mkdirSync(out, { recursive: true });
const vs = readCompact(src).map(expand);
writeFileSync(join(out, 'in.jsonl'), vs.map((v) => JSON.stringify(v.input)).join('\n') + '\n');
writeFileSync(join(out, 'expected.jsonl'), vs.map((v) => JSON.stringify({ name: v.name, ...v.expected })).join('\n') + '\n');
console.log(`${vs.length} snapshots written to ${out}/in.jsonl and ${out}/expected.jsonl`);
if (check) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/x86lab.js', 'exec', '--batch', join(out, 'in.jsonl'), join(out, 'got.jsonl')], { stdio: 'inherit' });
  const ms = performance.now() - t0;
  const got = readFileSync(join(out, 'got.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  let ok = 0;
  const bad: string[] = [];
  got.forEach((g, k) => { const d = compare(g, vs[k].expected); if (d.length === 0) ok++; else if (bad.length < 10) bad.push(`${vs[k].name}: ${d.join('; ')}`); });
  for (const b of bad) console.log('  ' + b);
  console.log(`x86lab exec --batch: ${ok}/${got.length} agree (${((100 * ok) / got.length).toFixed(2)}%) in ${(ms / 1000).toFixed(1)} s`);
  process.exitCode = ok === got.length ? 0 : 1;
}
