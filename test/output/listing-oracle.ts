// Both sides of the GNU listing differential test: x86lab's `-a...` listing for a source file and
// GNU as 2.40's (live), for a set of listing option strings. Shared by the test and by the script
// that records GNU's listings' hashes (scripts/listing-golden.ts).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { gnuListing, listingFlags } from '../../src/output/gnu-listing.js';
import { fileInputs, ROOT } from './elf-inputs.js';

/** The option strings compared (GNU as 2.40 spelling; `-a` alone is -ahls). */
export const LISTING_FLAGS = ['-al', '-alm', '-a', '-alc', '-ald', '-aln', '-als', '-alms', '-acdhlmns', '-ahlm'] as const;

export interface ListingInput {
  /** Repository path (also what both assemblers are given, from the repository root). */
  readonly path: string;
  readonly mode: 32 | 64;
}

/** Every plain `.s` source of the ELF differential test, and test/output/listing-cases. */
export function listingInputs(): ListingInput[] {
  const seen = new Set<string>();
  const out: ListingInput[] = [];
  for (const i of fileInputs()) {
    if (!i.name.endsWith('.s') || seen.has(i.name)) continue;
    seen.add(i.name);
    out.push({ path: i.name, mode: i.mode });
  }
  const dir = 'test/output/listing-cases';
  for (const f of ['include-macros64.s', 'nested-macros64.s', 'debug-sections64.s', 'long32.s', 'subsections64.s']) {
    out.push({ path: `${dir}/${f}`, mode: /32/.test(f) ? 32 : 64 });
  }
  return out;
}

const read = (p: string): string | undefined => {
  try { return readFileSync(join(ROOT, p), 'utf8'); } catch { return undefined; }
};

/** x86lab's listing, as `x86lab as --64|--32 FLAGS -I dir PATH` writes it; undefined on assembly errors. */
export function x86labListing(input: ListingInput, flags: string): string | undefined {
  const text = read(input.path)!;
  const r = assemble(text, { mode: input.mode, file: input.path, includeDirs: [dirname(input.path)], readFile: read, listingTrace: true });
  if (r.errors > 0) return undefined;
  return gnuListing(r, { file: input.path, source: text, ...listingFlags(flags.slice(2)), readFile: read });
}

/** GNU as's listing for the same file and options, or undefined when GNU as reports errors. */
export function gnuListingText(input: ListingInput, flags: string): string | undefined {
  const r = spawnSync('as', [`--${input.mode}`, flags, '-I', dirname(input.path), '-o', '/dev/null', input.path], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : undefined;
}
