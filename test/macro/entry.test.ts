// examples/entry_64.S, the kernel-style entry file: x86lab's `-f json` output is pinned in
// examples/entry_64.json, and its section bytes equal gcc -c's (examples/entry_64.gnu.hex).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_GCC } from '../cpp/gcc.js';
import { ENTRY, ROOT, assembleEntry, entryJson, gccSections } from './entry.js';

interface ListingEntry { file: string; line: number; section: string; offset: number; hex: string }
interface JsonOut { listing: ListingEntry[]; relocations: { section: string; offset: number }[]; [k: string]: unknown }

/** Independent of presentation choices: listing runs of one line merged, relocations in address order. */
function normalizeJson(j: JsonOut): JsonOut {
  const listing: ListingEntry[] = [];
  for (const e of j.listing) {
    const p = listing[listing.length - 1];
    if (p && p.file === e.file && p.line === e.line && p.section === e.section && p.offset + p.hex.length / 2 === e.offset) p.hex += e.hex;
    else listing.push({ ...e });
  }
  const relocations = [...j.relocations].sort((a, b) => (a.section < b.section ? -1 : a.section > b.section ? 1 : a.offset - b.offset));
  return { ...j, listing, relocations };
}

function oursSections(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of assembleEntry().result.sections)
    if (s.type !== 'nobits' && s.size > 0) out[s.name] = Buffer.from(s.bytes).toString('hex');
  return out;
}

describe('examples/entry_64.S', () => {
  it('assembles without diagnostics', () => {
    const { result, cppErrors } = assembleEntry();
    expect(cppErrors).toBe(0);
    expect(result.diagnostics).toEqual([]);
    // the idtentry stubs, exit path, irq stubs and the fault-tolerant copy all made it
    const names = result.symbols.map((s) => s.name);
    for (const n of ['asm_divide_error', 'asm_int3', 'asm_page_fault', 'exception_exit', 'irq_stub_32', 'irq_stub_39', 'copy_word_nofault', 'frame_layout'])
      expect(names).toContain(n);
  });

  it('matches the committed -f json output', () => {
    const ours = normalizeJson(JSON.parse(entryJson()) as JsonOut);
    const golden = normalizeJson(JSON.parse(readFileSync(join(ROOT, 'examples/entry_64.json'), 'utf8')) as JsonOut);
    expect(ours.listing.length).toBeGreaterThan(100);
    expect(ours).toEqual(golden);
  });

  it('has the same section bytes as GNU (golden)', () => {
    const golden: Record<string, string> = {};
    for (const line of readFileSync(join(ROOT, 'examples/entry_64.gnu.hex'), 'utf8').split('\n').filter(Boolean)) {
      const [name, hex] = line.split(' ');
      golden[name] = hex;
    }
    expect(Object.keys(golden)).toEqual(expect.arrayContaining(['.entry.text', '__ex_table', '.rodata.idt_stubs']));
    expect(oursSections()).toEqual(golden);
  });

  it.runIf(HAVE_GCC)('has the same section bytes as gcc -c (live)', () => {
    expect(oursSections()).toEqual(gccSections(ENTRY, ['-I', 'examples/include']));
  });
});
