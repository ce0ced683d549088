// Idioms of the Linux arch/x86 sources, one small self-written .S file each (kernel-idioms/):
// registers as values, .fill strides in .rept, SYM_FUNC_ALIAS, __stringify spacing with -include,
// system instructions, 32-bit DWARF/GOT idioms, .code32 in an --64 object, Intel string-op spellings.
// GNU as's warnings count too (golden NAME.warnings where it warns). x86lab's object must
// equal gcc -c's in every section, relocation and symbol (type, size, binding): against committed
// goldens (test/golden/asm/kernel-idioms/, `npx vite-node test/asm/gen-kernel-idioms.ts`) and,
// where gcc is installed, live.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_GCC, IDIOMS_DIR, IDIOMS_GOLDEN, gccIdiomRun, goldenWarnings, x86labIdiom } from './kernel-idioms-lib.js';
import type { ObjectView } from './object-view.js';

const files = readdirSync(IDIOMS_DIR).filter((f) => f.endsWith('.S')).sort();

describe('kernel idioms match gcc -c (golden)', () => {
  it('has a case per idiom', () => expect(files.length).toBeGreaterThanOrEqual(7));
  for (const f of files) {
    it(f, () => {
      const golden = JSON.parse(readFileSync(join(IDIOMS_GOLDEN, f.replace(/\.S$/, '.json')), 'utf8')) as ObjectView;
      const ours = x86labIdiom(f);
      expect(ours.messages).toEqual(goldenWarnings(f));
      expect(ours.view).toEqual(golden);
    });
  }
});

describe.runIf(HAVE_GCC)('kernel idioms match gcc -c (live)', () => {
  for (const f of files) {
    it(f, () => {
      const gnu = gccIdiomRun(f);
      const ours = x86labIdiom(f);
      expect(ours.view).toEqual(gnu.view);
      expect(ours.messages).toEqual(gnu.warnings);
    });
  }
});
