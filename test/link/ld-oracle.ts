// GNU ld as the linker's oracle: link the same objects with a linker script that spells out the
// layout x86lab documents (output sections by name at x86lab's addresses, input pieces in command
// line order, commons at the end of .bss, the GOT after everything), then compare what ld wrote
// with x86lab's image section by section and symbol by symbol.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readElf, sectionBytes, SHF_ALLOC } from '../../src/elf/read.js';
import type { Image } from '../../src/link/image.js';

export interface LinkSummary {
  sections: { name: string; addr: string; size: number; hex: string }[];
  /** Global symbols (and locals whose name is unique), sorted by name. */
  symbols: Record<string, string>;
}

export function haveLd(): boolean {
  try { execFileSync('ld', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

const hx = (n: number | bigint): string => '0x' + n.toString(16);
const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** What x86lab's linker produced, in the summary's shape (symbols limited to `names`). */
export function summarizeImage(img: Image, names: readonly string[]): LinkSummary {
  const symbols: Record<string, string> = {};
  for (const n of [...names].sort()) { const a = img.symbols.get(n); if (a !== undefined) symbols[n] = hx(a); }
  return {
    // ld leaves empty output sections out; so does the comparison.
    sections: img.sections.filter((s) => s.size > 0).map((s) => ({ name: s.name, addr: hx(s.addr), size: s.size, hex: s.nobits ? '' : hexOf(s.bytes) })),
    symbols,
  };
}

/** Link `objects` with ld into the layout of `img`; summarize ld's executable the same way. */
export function ldLink(objects: readonly string[], img: Image, names: readonly string[]): LinkSummary {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-ld-'));
  try {
    const local = objects.map((o) => { const b = basename(o); copyFileSync(o, join(dir, b)); return b; });
    const lines = ['ENTRY(_start)', 'SECTIONS {'];
    for (const s of img.sections) {
      if (s.name === '.got') { lines.push(`  .got ${hx(s.addr)} : { *(.got.plt) *(.got) }`); continue; }
      const pieces = local.map((f) => `${f}(${s.name})`).join(' ');
      lines.push(`  ${s.name} ${hx(s.addr)} : { ${pieces}${s.name === '.bss' ? ' *(COMMON)' : ''} }`);
    }
    lines.push('  /DISCARD/ : { *(.note.GNU-stack) *(.comment) *(.note.gnu.property) }', '}');
    writeFileSync(join(dir, 'link.ld'), lines.join('\n') + '\n');
    const is32 = readElf(new Uint8Array(readFileSync(objects[0])))?.bits === 32;
    execFileSync('ld', ['-m', is32 ? 'elf_i386' : 'elf_x86_64', '-static', '-nostdlib', '--no-warn-rwx-segments', '-z', 'noexecstack', '-T', 'link.ld', '-o', 'out', ...local], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const bytes = new Uint8Array(readFileSync(join(dir, 'out')));
    const elf = readElf(bytes);
    const sections = img.sections.filter((s) => s.size > 0).map((want) => {
      const s = elf.sections.find((x) => x.name === want.name && (x.flags & SHF_ALLOC) !== 0);
      if (!s) return { name: want.name, addr: 'missing', size: 0, hex: '' };
      return { name: s.name, addr: hx(s.addr), size: s.size, hex: s.type === 8 ? '' : hexOf(sectionBytes(bytes, s)) };
    });
    const symbols: Record<string, string> = {};
    for (const n of [...names].sort()) {
      const s = elf.symbols.find((x) => x.name === n && x.shndx !== 0);
      if (s) symbols[n] = hx(s.value);
    }
    return { sections, symbols };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
