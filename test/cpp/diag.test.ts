// Diagnostics of .S files whose macros live in headers: after cpp, GNU as names the invoking
// file with the macro body's line, and indents "invoked from here" by expansion depth. Our
// messages must equal what `gcc -c` prints (golden: test/golden/cpp/diag-*.txt; live with gcc).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gccMessages, x86labSections } from '../macro/entry.js';
import { HAVE_GCC } from './gcc.js';

const files = readdirSync(join(__dirname, 'diag')).filter((f) => f.endsWith('.S')).sort();
const DIR = 'test/cpp/diag';


describe('diagnostics through cpp and macros match gcc -c', () => {
  it('has cases', () => expect(files.length).toBeGreaterThanOrEqual(1));
  for (const f of files) {
    it(`${f} (golden)`, () => {
      const golden = readFileSync(join(__dirname, '../golden/cpp', `diag-${f.replace(/\.S$/, '.txt')}`), 'utf8').split('\n').filter(Boolean);
      expect(golden.length).toBeGreaterThan(4);
      expect(x86labSections(`${DIR}/${f}`, []).messages.flatMap((m) => m.split('\n'))).toEqual(golden);
    });
    it.runIf(HAVE_GCC)(`${f} (live)`, () => {
      expect(x86labSections(`${DIR}/${f}`, []).messages.flatMap((m) => m.split('\n'))).toEqual(gccMessages(`${DIR}/${f}`));
    });
  }
});
