// Records, for every input and option string of the GNU listing differential test, the SHA-256 of
// the listing GNU as 2.40 writes (test/golden/listing/flags.tsv), and which pairs x86lab does not
// reproduce yet (test/golden/listing/known-diffs.txt); prints the counts per option string.
// Run: npm run golden:listing   (needs GNU as 2.40)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/output/elf-inputs.js';
import { HAVE_AS, sha256 } from '../test/output/elf-oracle.js';
import { gnuListingText, LISTING_FLAGS, listingInputs, x86labListing } from '../test/output/listing-oracle.js';

if (!HAVE_AS) throw new Error('GNU as is needed to regenerate the listing golden hashes');
const rows = ['# GNU as 2.40 listings: path<TAB>flags<TAB>sha256(listing) or "error". Regenerate: npm run golden:listing'];
const diffs = ['# (path, flags) pairs whose x86lab listing differs from GNU as 2.40\'s. Regenerate: npm run golden:listing'];
const counts = new Map<string, [number, number]>();
for (const input of listingInputs()) {
  for (const flags of LISTING_FLAGS) {
    const gnu = gnuListingText(input, flags);
    rows.push([input.path, flags, gnu === undefined ? 'error' : sha256(gnu)].join('\t'));
    if (gnu === undefined) continue;
    const c = counts.get(flags) ?? [0, 0];
    c[1]++;
    if (x86labListing(input, flags) === gnu) c[0]++;
    else diffs.push(`${input.path}\t${flags}`);
    counts.set(flags, c);
  }
}
writeFileSync(join(ROOT, 'test/golden/listing/flags.tsv'), rows.join('\n') + '\n');
writeFileSync(join(ROOT, 'test/golden/listing/known-diffs.txt'), diffs.join('\n') + '\n');
for (const [f, [ok, n]] of counts) console.log(`${f.padEnd(10)} ${ok}/${n} identical`);
