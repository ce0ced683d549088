// Assembles every input of the ELF differential test (repository sources: test cases, examples,
// ELF and listing cases, red-team kernel/system files; the encoder corpus in chunks) with GNU as
// 2.40 and with x86lab and reports how many objects are cmp-identical, per group and class.
// Run: npx vite-node scripts/elf-corpus.ts   (needs GNU as; docs/elf.md quotes the result)

import { corpusInputs, fileInputs } from '../test/output/elf-inputs.js';
import { gnuObject, HAVE_AS, x86labObject } from '../test/output/elf-oracle.js';

if (!HAVE_AS) throw new Error('GNU as is needed');
const groups = new Map<string, { same: number; both: number; total: number; diff: string[] }>();
for (const input of [...fileInputs(), ...corpusInputs()]) {
  const group = `${input.name.includes('#') ? 'encoder corpus' : input.name.split('/').slice(0, input.name.startsWith('examples/') ? 1 : 2).join('/')} (--${input.mode})`;
  const g = groups.get(group) ?? { same: 0, both: 0, total: 0, diff: [] };
  groups.set(group, g);
  g.total++;
  const gnu = gnuObject(input);
  const x = x86labObject(input);
  if (gnu === undefined && x === undefined) g.both++;
  else if (gnu !== undefined && x !== undefined && Buffer.compare(Buffer.from(gnu), Buffer.from(x)) === 0) g.same++;
  else g.diff.push(input.name);
}
let same = 0, both = 0, total = 0;
for (const [name, g] of [...groups].sort()) {
  console.log(`${name.padEnd(36)} ${g.same}/${g.total - g.both} identical${g.both ? `, ${g.both} rejected by both` : ''}${g.diff.length ? `; differ: ${g.diff.join(' ')}` : ''}`);
  same += g.same; both += g.both; total += g.total;
}
console.log(`${'all'.padEnd(36)} ${same}/${total - both} identical, ${both} rejected by both`);
