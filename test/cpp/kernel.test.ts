// Kernel-style .S files (idtentry macros, pt_regs frames, SYM_* linkage macros, ALTERNATIVE
// patch sites, exception tables, unwind hints) through x86lab's cpp + assembler: every
// section must equal gcc -c's bytes. Golden: test/golden/cpp/kernel-*.json; live with gcc.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gccSections, x86labSections } from '../macro/entry.js';
import { HAVE_GCC } from './gcc.js';

const DIR = 'test/cpp/kernel';
const INC = `${DIR}/include`;
const files = readdirSync(join(__dirname, 'kernel')).filter((f) => f.endsWith('.S')).sort();
/** Files named *-32.S are 32-bit (gcc -m32, x86lab --32). */
const mode = (f: string): 32 | 64 => (f.endsWith('-32.S') ? 32 : 64);
const golden = (f: string): Record<string, string> =>
  JSON.parse(readFileSync(join(__dirname, '../golden/cpp', `kernel-${f.replace(/\.S$/, '.json')}`), 'utf8')) as Record<string, string>;

describe('kernel-style .S files match gcc -c (golden)', () => {
  it('has cases', () => expect(files.length).toBeGreaterThanOrEqual(2));
  for (const f of files) {
    it(f, () => {
      const ours = x86labSections(`${DIR}/${f}`, [INC], mode(f));
      expect(ours.messages).toEqual([]);
      expect(Object.keys(ours.sections).length).toBeGreaterThanOrEqual(2);
      expect(ours.sections).toEqual(golden(f));
    });
  }
});

describe.runIf(HAVE_GCC)('kernel-style .S files match gcc -c (live)', () => {
  for (const f of files)
    it(f, () => expect(x86labSections(`${DIR}/${f}`, [INC], mode(f)).sections).toEqual(gccSections(`${DIR}/${f}`, [`-m${mode(f)}`, '-I', INC])));
});
