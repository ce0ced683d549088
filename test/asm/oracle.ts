// GNU as as an oracle: assemble a source with `as --64/--32`, read back every section's bytes,
// flags and alignment, and the relocations, in the shape x86lab's JSON output uses.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAVE_AS = spawnSync('as', ['--version'], { encoding: 'utf8' }).status === 0;

export interface GnuSection {
  name: string;
  type: string;
  flags: string;
  align: number;
  size: number;
  hex: string;
}

export interface GnuReloc {
  section: string;
  offset: number;
  type: string;
  symbol: string;
  /** RELA addend (x86-64); undefined on i386 where it sits in the section bytes. */
  addend?: number;
}

export interface GnuResult {
  ok: boolean;
  /** stderr with the `FILE: Assembler messages:` header removed. */
  messages: string[];
  sections: GnuSection[];
  relocs: GnuReloc[];
}

const SKIP = new Set(['', '.symtab', '.strtab', '.shstrtab', '.note.GNU-stack', '.comment']);

/** One listed source line: its offset in its section and the bytes GNU's `-al` listing shows (it may cut long data short). */
export interface GnuListingLine {
  line: number;
  offset: number;
  hex: string;
}

/** GNU as `-al` listing of a source: every line that shows bytes. */
export function gnuListing(source: string, mode: 32 | 64, name = 'input.s'): GnuListingLine[] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-gas-'));
  try {
    writeFileSync(join(dir, name), source);
    const r = spawnSync('as', [mode === 64 ? '--64' : '--32', '-al=list.txt', '-o', 'out.o', name], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) return [];
    const out: GnuListingLine[] = [];
    for (const l of readFileSync(join(dir, 'list.txt'), 'utf8').split('\n')) {
      const first = /^\s*(\d+) ([0-9a-f]{4}) ([0-9A-F]+)/.exec(l);
      const cont = /^\s*(\d+)      ([0-9A-F]+)\s*$/.exec(l);
      if (first) out.push({ line: Number(first[1]), offset: parseInt(first[2], 16), hex: first[3].toLowerCase() });
      else if (cont && out.length && out[out.length - 1].line === Number(cont[1])) out[out.length - 1].hex += cont[2].toLowerCase();
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function gnuAssemble(source: string, mode: 32 | 64, name = 'input.s'): GnuResult {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-gas-'));
  try {
    const src = join(dir, name);
    const obj = join(dir, 'out.o');
    writeFileSync(src, source);
    const r = spawnSync('as', [mode === 64 ? '--64' : '--32', '-o', obj, name], { cwd: dir, encoding: 'utf8' });
    const messages = r.stderr.split('\n').filter((l) => l !== '' && !l.endsWith('Assembler messages:'));
    if (r.status !== 0 || !existsSync(obj)) return { ok: false, messages, sections: [], relocs: [] };
    const secs = spawnSync('readelf', ['-SW', obj], { encoding: 'utf8' }).stdout;
    const sections: GnuSection[] = [];
    for (const line of secs.split('\n')) {
      const m = /^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([A-Za-z]*)\s+\d+\s+\d+\s+(\d+)\s*$/.exec(line);
      if (!m || SKIP.has(m[1]) || m[2] === 'RELA' || m[2] === 'REL' || m[2] === 'GROUP') continue;
      const size = parseInt(m[3], 16);
      let hex = '';
      if (m[2] !== 'NOBITS' && size > 0) {
        const bin = join(dir, 'sec.bin');
        // --dump-section works for every section with contents (-O binary skips non-allocated ones).
        spawnSync('objcopy', ['--dump-section', `${m[1]}=${bin}`, obj, join(dir, 'scratch.o')]);
        hex = existsSync(bin) ? readFileSync(bin).toString('hex') : '';
        rmSync(bin, { force: true });
      }
      sections.push({ name: m[1], type: m[2].toLowerCase(), flags: m[4].replace(/[^AWXMSGT]/g, '').toLowerCase(), align: Number(m[5]), size, hex });
    }
    const rel = spawnSync('readelf', ['-rW', obj], { encoding: 'utf8' }).stdout;
    const relocs: GnuReloc[] = [];
    let cur = '';
    for (const line of rel.split('\n')) {
      const h = /^Relocation section '\.rela?(\S+)'/.exec(line);
      if (h) { cur = h[1]; continue; }
      // An ifunc's value prints as `name()`.
      const m = /^([0-9a-f]+)\s+[0-9a-f]+\s+(R_\S+)\s+(?:[0-9a-f]+|\S+\(\))\s+(\S+)(?:\s+([+-])\s+([0-9a-f]+))?\s*$/.exec(line);
      const m0 = /^([0-9a-f]+)\s+[0-9a-f]+\s+(R_\S+)\s*$/.exec(line);
      // Against *ABS* (no symbol): readelf prints only the addend, with a '-' when it is negative.
      const abs = /^([0-9a-f]+)\s+[0-9a-f]+\s+(R_\S+)\s+(-?)([0-9a-f]+)\s*$/.exec(line);
      if (abs) {
        relocs.push({ section: cur, offset: parseInt(abs[1], 16), type: abs[2], symbol: '*ABS*', addend: parseInt(abs[4], 16) * (abs[3] ? -1 : 1) });
        continue;
      }
      if (m) {
        const r: GnuReloc = { section: cur, offset: parseInt(m[1], 16), type: m[2], symbol: m[3] };
        if (m[4]) r.addend = Number(BigInt('0x' + m[5])) * (m[4] === '-' ? -1 : 1);
        relocs.push(r);
      } else if (m0) relocs.push({ section: cur, offset: parseInt(m0[1], 16), type: m0[2], symbol: cur && /R_386/.test(m0[2]) ? '*ABS*' : '' });
    }
    return { ok: true, messages, sections, relocs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
