// examples/entry_64.S through x86lab (built-in cpp + assembler) and through gcc -c.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { assemble, type AssembleResult } from '../../src/asm/assemble.js';
import { preprocess } from '../../src/asm/cpp/index.js';
import { render } from '../../src/output/index.js';

export const ROOT = join(__dirname, '../..');
export const ENTRY = 'examples/entry_64.S';

const readRel = (p: string): string | undefined => {
  const f = join(ROOT, p);
  return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
};

/** cpp + assemble, as `x86lab as -I examples/include examples/entry_64.S` does. */
export function assembleEntry(): { result: AssembleResult; cppErrors: number } {
  const text = readFileSync(join(ROOT, ENTRY), 'utf8');
  const pp = preprocess(text, { file: ENTRY, includeDirs: ['examples/include'], defines: [], undefs: [], readFile: readRel });
  const result = assemble(pp.text, { mode: 64, file: ENTRY, readFile: readRel });
  return { result, cppErrors: pp.diagnostics.filter((d) => d.severity === 'error').length };
}

/** The `-f json` rendering of the example. */
export function entryJson(): string {
  return Buffer.from(render(assembleEntry().result, 'json', { file: ENTRY })).toString('utf8');
}

/** Non-empty progbits sections of an ELF object, as hex (readelf -x, so non-alloc ones too). */
export function gnuSectionsOf(obj: string): Record<string, string> {
  const out: Record<string, string> = {};
  const secs = spawnSync('readelf', ['-SW', obj], { encoding: 'utf8' }).stdout;
  for (const line of secs.split('\n')) {
    const m = /^\s*\[\s*\d+\]\s+(\S+)\s+PROGBITS\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(line);
    if (!m || parseInt(m[2], 16) === 0 || m[1] === '.comment' || m[1] === '.note.GNU-stack') continue;
    const dump = spawnSync('readelf', ['-x', m[1], obj], { encoding: 'utf8' }).stdout;
    let hex = '';
    // "  0x00000000 00000000 08000001 01000000          ............"
    for (const d of dump.split('\n')) if (/^\s+0x[0-9a-f]{8} /.test(d)) hex += d.slice(13, 48).replace(/ /g, '');
    out[m[1]] = hex;
  }
  return out;
}

/** gcc -c of a .S file (cwd = repository root); undefined when gcc fails. */
export function gccSections(file: string, args: readonly string[] = []): Record<string, string> | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-gcc-'));
  try {
    const obj = join(dir, 'out.o');
    const r = spawnSync('gcc', ['-c', ...args, file, '-o', obj], { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? gnuSectionsOf(obj) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** x86lab's non-empty progbits sections for a .S file: built-in cpp, then assemble(). */
export function x86labSections(file: string, includeDirs: string[], mode: 32 | 64 = 64): { sections: Record<string, string>; messages: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const pp = preprocess(text, { file, includeDirs, defines: [], undefs: [], readFile: readRel, mode });
  const r = assemble(pp.text, { mode, file, readFile: readRel });
  const sections: Record<string, string> = {};
  for (const s of r.sections) if (s.type !== 'nobits' && s.size > 0) sections[s.name] = Buffer.from(s.bytes).toString('hex');
  return { sections, messages: [...pp.diagnostics, ...r.diagnostics].map((d) => formatDiagnostic(d)) };
}

/** What `gcc -c` prints for a .S file (cwd = repository root), without the "Assembler messages:" header. */
export function gccMessages(file: string): string[] {
  const r = spawnSync('gcc', ['-c', file, '-o', '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
  return r.stderr.split('\n').filter((l) => l !== '' && !l.endsWith('Assembler messages:'));
}
