// Runs golden corpus lines through the encoder (via the test-only line parser) and compares with GNU as.
import { readFileSync } from 'node:fs';
import { encodeInstruction } from '../../src/encode/index.js';
import type { Mode } from '../../src/isa/types.js';
import type { Fixup } from '../../src/encode/types.js';
import { FORMS } from '../../src/isa/index.js';
import { parseLine } from './line-parser.js';

export interface CorpusLine { readonly line: string; readonly expect: string }

export function readCorpus(path: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    if (!l || l.startsWith('#')) continue;
    const tab = l.indexOf('\t');
    out.push({ line: l.slice(0, tab), expect: l.slice(tab + 1) });
  }
  return out;
}

/** Our result for one line in the golden format: hex with fixup bytes as `xx`, or `ERROR: message`. */
export function ourResult(line: string, mode: Mode): string {
  try {
    const insn = parseLine(line);
    const e = encodeInstruction(insn, { mode, branch: 'near' });
    const mask = new Uint8Array(e.bytes.length);
    for (const f of e.fixups) for (let k = 0; k < f.size; k++) mask[f.offset + k] = 1;
    let hex = '';
    e.bytes.forEach((b, i) => { hex += mask[i] ? 'xx' : b.toString(16).padStart(2, '0'); });
    const branch = FORMS[formIndex(e.form)].operands.some((d) => d.kind === 'rel');
    const rel = [...e.fixups].sort((a, b) => a.offset - b.offset).map((f) => `${relocType(f, mode, branch)}@${f.offset}`);
    return rel.length ? `${rel.join(',')}\t${hex}` : hex;
  } catch (err) {
    return `ERROR: ${(err as Error).message}`;
  }
}

const byId = new Map(FORMS.map((f, i) => [f.id, i]));
function formIndex(id: string): number {
  return byId.get(id) ?? 0;
}

/** The ELF relocation GNU as emits for a fixup against an undefined symbol (what the flags must imply). */
export function relocType(f: Fixup, mode: Mode, branch: boolean): string {
  if (mode === 64) {
    // GNU uses PLT32 for a branch to a symbol itself, PC32 once an addend is involved.
    const plt = branch && f.value.sym !== undefined && f.value.addend === 0n;
    if (f.pcrel) return f.size === 4 ? (plt ? 'R_X86_64_PLT32' : 'R_X86_64_PC32') : `R_X86_64_PC${f.size * 8}`;
    if (f.size === 8) return 'R_X86_64_64';
    if (f.size === 4) return f.signed ? 'R_X86_64_32S' : 'R_X86_64_32';
    return `R_X86_64_${f.size * 8}`;
  }
  return f.pcrel ? `R_386_PC${f.size * 8}` : `R_386_${f.size * 8}`;
}

/** Agreement: same bytes (and relocations) for accepted lines; any rejection for rejected lines. */
export function agrees(expect: string, got: string): boolean {
  if (expect.startsWith('ERROR')) return got.startsWith('ERROR');
  return expect === got;
}
