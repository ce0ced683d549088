// Records GNU's objects for test/output/dwarf-cases (as --gdwarf-N, gcc -g for .S), made in a
// fixed working directory so that their DW_AT_comp_dir is the same on every host, as SHA-256
// in test/golden/dwarf/objects.tsv.
//
//   npm run golden:dwarf

import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { CASES, GOLDEN, GOLDEN_DIR, dwarfCases, gnuDwarf, inputHash, sha256 } from '../test/output/dwarf-oracle.js';

rmSync(GOLDEN_DIR, { recursive: true, force: true });
mkdirSync(GOLDEN_DIR, { recursive: true });
cpSync(CASES, GOLDEN_DIR, { recursive: true });
const lines = ['# case and DWARF version, SHA-256 of its input (with inc/), SHA-256 of GNU as 2.40\'s object made in ' + GOLDEN_DIR];
for (const c of dwarfCases()) lines.push(`${c.name} v${c.version}\t${inputHash(c)}\t${sha256(gnuDwarf(c, GOLDEN_DIR))}`);
writeFileSync(GOLDEN, lines.join('\n') + '\n');
rmSync(GOLDEN_DIR, { recursive: true, force: true });
process.stdout.write(`${lines.length - 1} objects recorded in ${GOLDEN}\n`);
