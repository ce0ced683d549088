// Red-team check of issue 2: an independent corpus of real-code-like instruction lines
// (test/redteam/lines-gen.ts), compared with GNU as line by line through x86lab's json listing:
// rejected lines, bytes per line, relocations per line, warnings. Golden:
// test/redteam/lines/golden{64,32}.json (npx vite-node scripts/redteam-lines.ts --update);
// a fresh program is checked against the local `as` when it is installed.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveSeed } from '../seed.js';
import { genProgram, Rng, type Mode } from './lines-gen.js';
import { gnuLines, x86labLines, type LineResult } from './lines-lib.js';

const HAVE_AS = spawnSync('as', ['--version'], { encoding: 'utf8' }).status === 0;

interface GoldenProgram extends LineResult { seed: number; n: number; lines: string[] }
const golden = (mode: Mode): GoldenProgram[] =>
  JSON.parse(readFileSync(join(__dirname, 'lines', `golden${mode}.json`), 'utf8')) as GoldenProgram[];

function check(prog: readonly string[], mode: Mode, g: LineResult): void {
  const x = x86labLines(prog, mode, g.errors);
  expect(x.errors).toEqual(g.errors);
  expect(x.bytes).toEqual(g.bytes);
  expect(x.relocs).toEqual(g.relocs);
  expect(x.warnings).toEqual(g.warnings);
}

for (const mode of [64, 32] as Mode[]) {
  describe(`red-team instruction lines --${mode} (golden)`, () => {
    const progs = golden(mode);
    it('covers about 3,000 lines, some of them rejected', () => {
      const n = progs.reduce((a, p) => a + p.lines.length, 0);
      expect(n).toBeGreaterThan(3000);
      expect(progs.reduce((a, p) => a + p.errors.length, 0)).toBeGreaterThan(50);
    });
    for (const p of progs) {
      it(`program seed ${p.seed} (${p.lines.length} lines)`, () => {
        // The generator still makes the committed program from its seed (seed 0: hand-written extras).
        if (p.seed !== 0) expect(genProgram(new Rng(p.seed), mode, p.n)).toEqual(p.lines);
        check(p.lines, mode, p);
      });
    }
  });

  describe.runIf(HAVE_AS)(`red-team instruction lines --${mode} (live as)`, () => {
    const seed = liveSeed(4242 + mode);
    it(`fresh program, seed ${seed}`, () => {
      const prog = genProgram(new Rng(seed), mode, 400);
      check(prog, mode, gnuLines(prog, mode));
    });
  });
}
