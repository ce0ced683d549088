// Runs golden corpus lines through the encoder (via the test-only line parser) and compares with GNU as.
import { readFileSync } from 'node:fs';
import { encodeInstruction } from '../../src/encode/index.js';
import type { Mode } from '../../src/isa/types.js';
import { parseLine } from './line-parser.js';

export interface CorpusLine { readonly line: string; readonly expect: string }

export function readCorpus(path: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    if (!l || l.startsWith('#')) continue;
    const tab = l.lastIndexOf('\t');
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
    return hex;
  } catch (err) {
    return `ERROR: ${(err as Error).message}`;
  }
}

/** Agreement: same bytes for accepted lines; any rejection for rejected lines (messages compared separately). */
export function agrees(expect: string, got: string): boolean {
  if (expect.startsWith('ERROR')) return got.startsWith('ERROR');
  return expect === got;
}
