// Records, for every input of the ELF differential test, the SHA-256 of the object GNU as 2.40
// writes for it (test/golden/elf/objects.tsv), so the test also runs where GNU as is missing.
// Run: npm run golden:elf   (needs GNU as 2.40)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusInputs, fileInputs, ROOT } from '../test/output/elf-inputs.js';
import { gnuObject, HAVE_AS, sha256 } from '../test/output/elf-oracle.js';

if (!HAVE_AS) throw new Error('GNU as is needed to regenerate the ELF golden hashes');
const rows = ['# GNU as 2.40 objects: name<TAB>mode<TAB>sha256(input text)<TAB>sha256(object) or "error". Regenerate: npm run golden:elf'];
for (const input of [...fileInputs(), ...corpusInputs()]) {
  const obj = gnuObject(input);
  rows.push([input.name, input.mode, sha256(input.text), obj ? sha256(obj) : 'error'].join('\t'));
}
writeFileSync(join(ROOT, 'test/golden/elf/objects.tsv'), rows.join('\n') + '\n');
console.log(`${rows.length - 1} objects recorded`);
