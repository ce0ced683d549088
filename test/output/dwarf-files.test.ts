// The DWARF file table and GNU's choice of DWARF sections (`.file N` without `.loc`, `.file 0`,
// directories, MD5s, a source's own .debug_info/.debug_line, and their errors) against GNU as
// 2.40: self-written cases (dwarf-files/cases.ts) under each of their option sets, against the
// messages and object hashes GNU made in a fixed directory (dwarf-files/golden.json, from
// `npx vite-node test/output/dwarf-files/gen.ts`) and, where `as` is installed, live in a
// scratch directory.

import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES } from './dwarf-files/cases.js';
import { GOLDEN, GOLDEN_DIR, gnuOutcome, key, x86labOutcome, type Outcome } from './dwarf-files/lib.js';
import { HAVE_AS } from './dwarf-oracle.js';

const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Outcome>;
const runs = CASES.flatMap((c) => c.opts.map((o) => ({ c, o, k: key(c, o) })));

describe('DWARF file table: recorded GNU outcomes', () => {
  it('has a golden per run', () => expect(Object.keys(golden).sort()).toEqual(runs.map((r) => r.k).sort()));
  for (const { c, o, k } of runs) it(k, () => expect(x86labOutcome(c, o, GOLDEN_DIR)).toEqual(golden[k]));
});

describe.runIf(HAVE_AS)('DWARF file table: live against GNU as', () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'x86lab-dwfiles-')));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  runs.forEach(({ c, o, k }, i) => {
    it(k, () => {
      const dir = join(base, String(i));
      expect(x86labOutcome(c, o, dir)).toEqual(gnuOutcome(c, o, dir));
    });
  });
});
