// DWARF line information (-g / --gdwarf-N) against GNU as 2.40, byte for byte (`cmp`): live in a
// scratch copy of test/output/dwarf-cases where GNU as (and gcc, for .S) exist, and everywhere
// against the SHA-256 of GNU's objects made in a fixed working directory, recorded in
// test/golden/dwarf/objects.tsv (npm run golden:dwarf).

import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, GOLDEN, GOLDEN_DIR, HAVE_AS, HAVE_GCC, dwarfCases, gnuDwarf, inputHash, sha256, x86labDwarf } from './dwarf-oracle.js';

const golden = new Map<string, { input: string; obj: string }>();
for (const line of readFileSync(GOLDEN, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [key, input, obj] = line.split('\t');
  golden.set(key, { input, obj });
}

const cases = dwarfCases();

describe('DWARF line info: recorded GNU objects', () => {
  for (const c of cases) {
    const key = `${c.name} v${c.version}`;
    it(key, () => {
      const g = golden.get(key);
      expect(g, `no recorded GNU object for ${key}: run npm run golden:dwarf`).toBeDefined();
      expect(g!.input, `${c.name} changed since its GNU object was recorded: run npm run golden:dwarf`).toBe(inputHash(c));
      expect(sha256(x86labDwarf(c, GOLDEN_DIR)), `${key}: object differs from GNU's (readelf --debug-dump)`).toBe(g!.obj);
    });
  }
});

describe.runIf(HAVE_AS)('DWARF line info: live against GNU as / gcc -g', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'x86lab-dwarf-')));
  cpSync(CASES, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const c of cases) {
    it.runIf(!c.cpp || HAVE_GCC)(`${c.name} v${c.version}`, () => {
      const gnu = Buffer.from(gnuDwarf(c, dir));
      const ours = Buffer.from(x86labDwarf(c, dir));
      expect(ours.equals(gnu), `${c.name} --gdwarf-${c.version}: object differs from GNU's`).toBe(true);
    });
  }
});
