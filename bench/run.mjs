// `npm run bench`: runs every bench/*.bench.mjs in turn; each prints its own table.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
let failed = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.bench.mjs')).sort()) {
  if (only && !f.startsWith(only)) continue;
  console.log(`\n=== ${f}`);
  const r = spawnSync(process.execPath, [join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
