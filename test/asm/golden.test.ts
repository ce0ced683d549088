// Differential tests against GNU as 2.40: every case file in cases/ is assembled by x86lab and
// compared with GNU's committed output (golden/): section bytes, sizes, flags and alignment,
// relocations left to the linker, and the exact diagnostics (text and line).
// When `as` is installed, the goldens are also checked against a live run, so they cannot go stale.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { CASE_MODES, generatedCases, LISTED } from './cases.js';
import { gnuAssemble, gnuListing, HAVE_AS, type GnuListingLine, type GnuResult } from './oracle.js';

const dir = import.meta.dirname;
const files = readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.s')).sort();
const sortFlags = (f: string): string => [...f.toLowerCase()].sort().join('');

function x86labView(src: string, name: string, mode: 32 | 64): GnuResult {
  const r = assemble(src, { mode, file: name });
  return {
    ok: r.errors === 0,
    messages: r.diagnostics.map(formatDiagnostic),
    sections: r.sections
      .filter((s) => !(s.size === 0 && ['.text', '.data', '.bss'].includes(s.name) === false))
      .map((s) => ({
        name: s.name, type: s.type, flags: sortFlags(s.flags), align: s.align, size: s.size,
        hex: s.type === 'nobits' ? '' : Buffer.from(s.bytes).toString('hex'),
      })),
    relocs: r.relocations.map((x) => ({
      section: x.section, offset: x.offset, type: x.type, symbol: x.symbol,
      ...(mode === 64 ? { addend: Number(x.addend) } : {}),
    })),
  };
}

function normalise(g: GnuResult): GnuResult {
  return {
    ...g,
    sections: g.sections.map((s) => ({ ...s, flags: sortFlags(s.flags) })).sort((a, b) => a.name.localeCompare(b.name)),
    relocs: [...g.relocs].sort((a, b) => a.section.localeCompare(b.section) || a.offset - b.offset),
  };
}

describe('generated case files are up to date', () => {
  for (const [name, text] of Object.entries(generatedCases())) {
    it(name, () => expect(readFileSync(join(dir, 'cases', name), 'utf8')).toBe(text));
  }
});

for (const f of files) {
  const src = readFileSync(join(dir, 'cases', f), 'utf8');
  for (const mode of CASE_MODES(f, src)) {
    describe(`${f} --${mode}`, () => {
      const golden = JSON.parse(readFileSync(join(dir, 'golden', `${f}.${mode}.json`), 'utf8')) as GnuResult;
      it('matches GNU as (committed golden)', () => {
        const mine = normalise(x86labView(src, f, mode));
        const gnu = normalise(golden);
        expect(mine.messages).toEqual(gnu.messages);
        expect(mine.ok).toBe(gnu.ok);
        if (!gnu.ok) return; // GNU writes no object for a file with errors
        // GNU drops empty sections it did not need; compare every section GNU has, and require ours to be empty otherwise.
        for (const s of gnu.sections) {
          const m = mine.sections.find((x) => x.name === s.name);
          expect(m, `section ${s.name}`).toBeDefined();
          expect({ name: s.name, hex: m!.hex, size: m!.size, align: m!.align, flags: m!.flags, type: m!.type })
            .toEqual({ name: s.name, hex: s.hex, size: s.size, align: s.align, flags: s.flags, type: s.type });
        }
        for (const m of mine.sections) if (!gnu.sections.some((s) => s.name === m.name)) expect(m.size, m.name).toBe(0);
        expect(mine.relocs).toEqual(gnu.relocs.map((r) => (mode === 64 ? r : { section: r.section, offset: r.offset, type: r.type, symbol: r.symbol })));
      });
      it.runIf(HAVE_AS)('golden equals a live GNU as run', () => {
        expect(gnuAssemble(src, mode, f)).toEqual(golden);
      });
      if (LISTED.includes(f)) {
        const listPath = join(dir, 'golden', `${f}.${mode}.listing.json`);
        const gnuList = JSON.parse(readFileSync(listPath, 'utf8')) as GnuListingLine[];
        it('listing: every line GNU lists has the same offset and bytes', () => {
          const r = assemble(src, { mode, file: f });
          const bytes = new Map(r.sections.map((s) => [s.name, s.type === 'nobits' ? '00'.repeat(s.size) : Buffer.from(s.bytes).toString('hex')]));  // (nobits: no bytes kept)
          const mine = r.listing.map((l) => ({ line: l.line, offset: l.offset, hex: bytes.get(l.section)!.slice(l.offset * 2, (l.offset + l.size) * 2) }));
          expect(gnuList.length).toBeGreaterThan(5);
          expect(mine.map((m) => m.line)).toEqual(gnuList.map((g) => g.line));
          // GNU's listing shows at most a few rows of a long data line: compare what it shows.
          expect(mine.map((m, i) => ({ line: m.line, offset: m.offset, hex: m.hex.slice(0, gnuList[i].hex.length) }))).toEqual(gnuList);
        });
        it.runIf(HAVE_AS)('listing golden equals a live GNU as run', () => {
          expect(gnuListing(src, mode, f)).toEqual(gnuList);
        });
      }
    });
  }
}
