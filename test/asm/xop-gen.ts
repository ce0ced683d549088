// Regenerates test/asm/xop/golden/ from GNU as 2.40 and objdump (run: npx vite-node test/asm/xop-gen.ts):
//   NAME.MODE.json       each case: GNU's .text bytes and messages
//   NAME.MODE.note.json  NOTE_CASES under -mx86-used-note=yes: also the .note.gnu.property bytes
//   NAME.MODE.dis.txt    DIS_CASES: each instruction objdump -d shows, as address<TAB>hex<TAB>AT&T text<TAB>-M intel text
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIS_CASES, NOTE_CASES, XOP_CASES, XOP_DIR, gnuCase, gnuDis } from './xop-oracle.js';

const out = (f: string, s: string): void => writeFileSync(join(XOP_DIR, 'golden', f), s);
for (const { name, modes } of XOP_CASES) {
  for (const mode of modes) {
    out(`${name}.${mode}.json`, JSON.stringify(gnuCase(name, mode), null, 1) + '\n');
    if (NOTE_CASES.includes(name)) out(`${name}.${mode}.note.json`, JSON.stringify(gnuCase(name, mode, true), null, 1) + '\n');
    if (DIS_CASES.includes(name)) out(`${name}.${mode}.dis.txt`, gnuDis(name, mode).map((r) => r.join('\t')).join('\n') + '\n');
  }
}
console.log('test/asm/xop/golden regenerated');
