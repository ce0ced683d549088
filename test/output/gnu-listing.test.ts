// GNU's assembly listing (`as -al`): x86lab's text against GNU as 2.40's, live where GNU as exists,
// else against the listings GNU wrote, committed in test/golden/listing (each is
// `as --64|--32 -al -o /dev/null FILE` run from the repository root; the live run checks they are current).
// Inputs: the assembler, macro and ELF cases whose listing x86lab reproduces today (46 of 48; see docs/elf.md).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { gnuListing } from '../../src/output/gnu-listing.js';
import { ROOT } from './elf-inputs.js';
import { HAVE_AS } from './elf-oracle.js';

const LISTED = [
  'test/asm/cases/bnd-notrack64.s', 'test/asm/cases/comm.s', 'test/asm/cases/directives.s',
  'test/asm/cases/expressions.s', 'test/asm/cases/forward-space.s', 'test/asm/cases/gen-expr.s',
  'test/asm/cases/gen-relax.s', 'test/asm/cases/kernel-syntax.s', 'test/asm/cases/labels.s', 'test/asm/cases/late.s',
  'test/asm/cases/location.s', 'test/asm/cases/neg-label.s', 'test/asm/cases/nops-code16.s',
  'test/asm/cases/operands32.s', 'test/asm/cases/operands64.s', 'test/asm/cases/previous.s',
  'test/asm/cases/reloc-plt-data.s', 'test/asm/cases/reloc-specs32.s', 'test/asm/cases/reloc-specs64.s',
  'test/asm/cases/relocs.s', 'test/asm/cases/relocs64.s', 'test/asm/cases/repeated.s', 'test/asm/cases/sections.s',
  'test/macro/cases/alt.s', 'test/macro/cases/basic.s', 'test/macro/cases/cond.s', 'test/macro/cases/rept.s',
  'test/output/elf-cases/cfi32.s', 'test/output/elf-cases/cfi64.s', 'test/output/elf-cases/debug-frame32.s',
  'test/output/elf-cases/debug-frame64.s', 'test/output/elf-cases/frames-both64.s',
  'test/output/elf-cases/gcc-a-O064.s', 'test/output/elf-cases/gcc-a-O264-fPIC.s',
  'test/output/elf-cases/gcc-a-O264.s', 'test/output/elf-cases/gcc-b-O232-fPIC.s',
  'test/output/elf-cases/gcc-b-O232.s', 'test/output/elf-cases/gcc-b-Os64.s', 'test/output/elf-cases/gxx-c-O032.s',
  'test/output/elf-cases/gxx-c-O264.s', 'test/output/elf-cases/gxx-cx-O264.s', 'test/output/elf-cases/sections64.s',
  'test/output/elf-cases/symbols32.s', 'test/output/elf-cases/symbols64.s', 'test/output/link/start32.s',
  'test/output/link/sum64.s',
];

/** Plain `-a` (= -ahls: the listing and the symbol table) matches on these. */
const LISTED_A = [
  'test/asm/cases/bnd-notrack64.s', 'test/asm/cases/comm.s', 'test/asm/cases/directives.s',
  'test/asm/cases/expressions.s', 'test/asm/cases/gen-expr.s', 'test/asm/cases/gen-relax.s',
  'test/asm/cases/kernel-syntax.s', 'test/asm/cases/late.s', 'test/asm/cases/location.s',
  'test/asm/cases/neg-label.s', 'test/asm/cases/previous.s', 'test/asm/cases/reloc-plt-data.s',
  'test/asm/cases/reloc-specs32.s', 'test/asm/cases/reloc-specs64.s', 'test/asm/cases/relocs.s',
  'test/asm/cases/relocs64.s', 'test/asm/cases/sections.s', 'test/macro/cases/alt.s',
  'test/output/elf-cases/cfi32.s', 'test/output/elf-cases/cfi64.s', 'test/output/elf-cases/debug-frame32.s',
  'test/output/elf-cases/debug-frame64.s', 'test/output/elf-cases/frames-both64.s',
  'test/output/elf-cases/gcc-a-O064.s', 'test/output/elf-cases/gcc-b-O232-fPIC.s',
  'test/output/elf-cases/gcc-b-O232.s', 'test/output/elf-cases/gcc-b-Os64.s', 'test/output/elf-cases/gxx-c-O032.s',
  'test/output/elf-cases/gxx-c-O264.s', 'test/output/elf-cases/gxx-cx-O264.s', 'test/output/link/start32.s',
  'test/output/link/sum64.s',
];

const golden = (f: string, a = false): string => join(ROOT, 'test/golden/listing', f.replace(/\//g, '_') + (a ? '.a.lst' : '.lst'));

describe(`GNU -al listings (${HAVE_AS ? 'live' : 'recorded'})`, () => {
  for (const f of LISTED) {
    it(f, () => {
      const mode = /32/.test(f.replace(/^.*\//, '')) ? 32 : 64;
      const gnu = HAVE_AS
        ? spawnSync('as', [`--${mode}`, '-al', '-o', '/dev/null', f], { cwd: ROOT, encoding: 'utf8' }).stdout
        : readFileSync(golden(f), 'utf8');
      const text = readFileSync(join(ROOT, f), 'utf8');
      const r = assemble(text, { mode, file: f });
      expect(gnuListing(r, { file: f, source: text })).toBe(gnu);
      if (HAVE_AS) expect(readFileSync(golden(f), 'utf8'), `stale ${golden(f)}`).toBe(gnu);
    });
  }
});

describe(`GNU -a listings with symbol tables (${HAVE_AS ? 'live' : 'recorded'})`, () => {
  for (const f of LISTED_A) {
    it(f, () => {
      const mode = /32/.test(f.replace(/^.*\//, '')) ? 32 : 64;
      const gnu = HAVE_AS
        ? spawnSync('as', [`--${mode}`, '-a', '-o', '/dev/null', f], { cwd: ROOT, encoding: 'utf8' }).stdout
        : readFileSync(golden(f, true), 'utf8');
      const text = readFileSync(join(ROOT, f), 'utf8');
      const r = assemble(text, { mode, file: f });
      expect(gnuListing(r, { file: f, source: text, symbols: true })).toBe(gnu);
      if (HAVE_AS) expect(readFileSync(golden(f, true), 'utf8'), `stale ${golden(f, true)}`).toBe(gnu);
    });
  }
});
