// Golden explorer reports of examples/multi (UPDATE_GOLDEN=1 rewrites them): text_poke_bp's full
// sequence on 2 and 3 CPUs survives every explored schedule; each missing sync is found, with the
// torn instruction; the spin lock with and without lock. What the reports claim is checked
// independently in multi.test.ts (the repros replayed, the counters against the listing's own
// arithmetic); this pins the text.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import '../harness/golden-setup.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');

export const MULTI_REPORTS: { name: string; args: string[]; status: number }[] = [
  { name: 'text-poke-2', args: ['--cpus', '2', '--expect', 'int3_stray=0', 'examples/multi/text-poke.S'], status: 0 },
  // 3 CPUs with the default bounds is 18,406 trials (all pass, about a minute): the suite runs it
  // without the free switch after code writes.
  { name: 'text-poke-3', args: ['--cpus', '3', '--xmc-switches', '0', '--expect', 'int3_stray=0', 'examples/multi/text-poke.S'], status: 0 },
  { name: 'text-poke-no-sync1', args: ['--cpus', '2', '--xmc-switches', '0', '-D', 'NO_SYNC1', '--details', '3', 'examples/multi/text-poke.S'], status: 1 },
  { name: 'text-poke-no-sync2', args: ['--cpus', '2', '--xmc-switches', '0', '-D', 'NO_SYNC2', '--details', '3', 'examples/multi/text-poke.S'], status: 1 },
  { name: 'text-poke-no-sync3', args: ['--cpus', '2', '--xmc-switches', '0', '-D', 'NO_SYNC3', '--details', '3', 'examples/multi/text-poke.S'], status: 1 },
  // Executors in a tight loop (no work between calls): the torn call needs the switch right after
  // the code write.
  { name: 'text-poke-no-sync2-tight', args: ['--cpus', '2', '-D', 'NO_SYNC2', '-D', 'WORK=0', '--details', '3', 'examples/multi/text-poke.S'], status: 1 },
  { name: 'spinlock', args: ['--cpus', '2', '--expect', 'counter=6', 'examples/multi/spinlock.S'], status: 0 },
  { name: 'spinlock-no-lock', args: ['--cpus', '2', '--expect', 'counter=6', '-D', 'NO_LOCK', '--details', '3', 'examples/multi/spinlock.S'], status: 1 },
  { name: 'dekker-tso', args: ['--cpus', '2', '--tso', '--expect', 'violations=0', 'examples/multi/dekker.S'], status: 0 },
  { name: 'dekker-tso-no-mfence', args: ['--cpus', '2', '--tso', '--expect', 'violations=0', '-D', 'NO_MFENCE', '--details', '3', 'examples/multi/dekker.S'], status: 1 },
];

describe('explore --cpus: golden reports', () => {
  for (const g of MULTI_REPORTS) {
    it(g.name, () => {
      const r = spawnSync(process.execPath, [bin, 'explore', ...g.args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(g.status);
      expect(r.stdout).toMatchGolden(join(root, 'examples', 'multi', `${g.name}.txt`));
    }, 120_000);
  }
});
