// Red-team harness: a kernel-style .S file through gcc -c (GNU as) and through x86lab (built-in
// cpp + assemble + the json renderer, as `x86lab as -f json` does), reduced to the same shape:
// every non-empty progbits section's bytes, every relocation, every named symbol.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { preprocess } from '../../src/asm/cpp/index.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { render } from '../../src/output/index.js';

export const ROOT = join(__dirname, '../..');
export const KDIR = 'test/redteam/kernel';
export const KINC = `${KDIR}/include`;

/** Files named *-32.S are 32-bit; the kernel's build passes __ASSEMBLY__ and the CONFIG_ symbol. */
export const modeOf = (f: string): 32 | 64 => (f.endsWith('-32.S') ? 32 : 64);
export const definesOf = (mode: 32 | 64): string[] => ['__ASSEMBLY__', mode === 64 ? 'CONFIG_X86_64=1' : 'CONFIG_X86_32=1'];

export interface ObjSummary {
  sections: Record<string, string>;
  /** "section+offset type symbol[+addend]" (addend only for RELA, i.e. 64-bit). */
  relocs: string[];
  /** "name section value binding", .L and section/file symbols left out. */
  symbols: string[];
  messages: string[];
}

const keepSym = (name: string): boolean => name !== '' && !name.startsWith('.L');
const addendStr = (a: number): string => (a === 0 ? '' : a > 0 ? `+${a}` : `${a}`);

/** gcc -c FILE (cwd = repository root); undefined when gcc rejects it. */
export function gnuSummary(file: string, mode: 32 | 64): ObjSummary | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-rt-'));
  try {
    const obj = join(dir, 'out.o');
    const args = ['-c', `-m${mode}`, ...definesOf(mode).map((d) => `-D${d}`), '-I', KINC, file, '-o', obj];
    const r = spawnSync('gcc', args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    const secNames: string[] = [];
    const sections: Record<string, string> = {};
    for (const line of spawnSync('readelf', ['-SW', obj], { encoding: 'utf8' }).stdout.split('\n')) {
      const m = /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(line);
      if (!m) continue;
      secNames[Number(m[1])] = m[2];
      if (m[3] !== 'PROGBITS' || parseInt(m[4], 16) === 0 || m[2] === '.comment' || m[2] === '.note.GNU-stack') continue;
      let hex = '';
      for (const d of spawnSync('readelf', ['-x', m[2], obj], { encoding: 'utf8' }).stdout.split('\n'))
        if (/^\s+0x[0-9a-f]{8} /.test(d)) hex += d.slice(13, 48).replace(/ /g, '');
      sections[m[2]] = hex;
    }
    const relocs: string[] = [];
    let cur = '';
    for (const line of spawnSync('readelf', ['-rW', obj], { encoding: 'utf8' }).stdout.split('\n')) {
      const h = /^Relocation section '\.rela?(\S+)'/.exec(line);
      if (h) { cur = h[1]; continue; }
      const m = /^([0-9a-f]+)\s+[0-9a-f]+\s+(R_\S+)\s+[0-9a-f]+\s+(\S+)(?:\s+([+-])\s+([0-9a-f]+))?/.exec(line);
      if (!m) continue;
      const add = m[4] ? (m[4] === '-' ? -1 : 1) * parseInt(m[5], 16) : 0;
      relocs.push(`${cur}+${parseInt(m[1], 16)} ${m[2]} ${m[3]}${mode === 64 ? addendStr(add) : ''}`);
    }
    const symbols: string[] = [];
    for (const line of spawnSync('readelf', ['-sW', obj], { encoding: 'utf8' }).stdout.split('\n')) {
      const m = /^\s*\d+:\s+([0-9a-f]+)\s+\d+\s+(\S+)\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)$/.exec(line);
      if (!m || m[2] === 'SECTION' || m[2] === 'FILE' || !keepSym(m[5])) continue;
      const sec = m[4] === 'UND' ? '*UND*' : m[4] === 'ABS' ? '*ABS*' : secNames[Number(m[4])];
      symbols.push(`${m[5]} ${sec} ${parseInt(m[1], 16)} ${m[3].toLowerCase()}`);
    }
    return { sections, relocs: relocs.sort(), symbols: symbols.sort(), messages: r.stderr.split('\n').filter((l) => l !== '' && !l.endsWith('Assembler messages:')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface JsonOut {
  sections: { name: string; type: string; size: number; hex: string }[];
  symbols: { name: string; section: string; value: number; binding: string }[];
  relocations: { section: string; offset: number; type: string; symbol: string; addend: number }[];
}

/** x86lab: cpp with the same -D/-I as gcc, then assemble and the json renderer. */
export function x86labSummary(file: string, mode: 32 | 64): ObjSummary {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const readRel = (p: string): string | undefined => {
    try { return readFileSync(join(ROOT, p), 'utf8'); } catch { return undefined; }
  };
  const pp = preprocess(text, { file, includeDirs: [KINC], defines: definesOf(mode), undefs: [], readFile: readRel, mode });
  const r = assemble(pp.text, { mode, file, readFile: readRel });
  const messages = [...pp.diagnostics, ...r.diagnostics].map((d) => formatDiagnostic(d));
  if (pp.failed || r.diagnostics.some((d) => d.severity === 'error')) return { sections: {}, relocs: [], symbols: [], messages };
  const j = JSON.parse(Buffer.from(render(r, 'json', { file })).toString('utf8')) as JsonOut;
  const sections: Record<string, string> = {};
  for (const s of j.sections) if (s.type === 'progbits' && s.size > 0) sections[s.name] = s.hex;
  const relocs = j.relocations.map((x) => `${x.section}+${x.offset} ${x.type} ${x.symbol}${mode === 64 ? addendStr(x.addend) : ''}`).sort();
  const symbols = j.symbols.filter((s) => keepSym(s.name)).map((s) => `${s.name} ${s.section} ${s.value} ${s.binding}`).sort();
  return { sections, relocs, symbols, messages };
}
