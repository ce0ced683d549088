// The sources the ELF differential test assembles with both GNU as and x86lab: every golden and
// example file in the repository (.S files through x86lab's preprocessor first, so both
// assemblers read the same text), the ELF cases in test/output/elf-cases, and the encoder corpus
// in chunks. Shared by the test and by the script that records GNU as's objects' hashes.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { preprocess } from '../../src/asm/cpp/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface ElfInput {
  /** Stable name: the repository path, or `corpus64#3` for a corpus chunk. */
  readonly name: string;
  readonly mode: 32 | 64;
  /** Assembler input text (preprocessed for .S). */
  readonly text: string;
}

/** Corpus lines per chunk: the encoder corpus is ~113,000 single-instruction lines. */
export const CHUNK = 4000;

const modeOf = (f: string): 32 | 64 => (/32/.test(f.replace(/^.*\//, '')) ? 32 : 64);

function files(dir: string, re: RegExp): string[] {
  try {
    return readdirSync(join(ROOT, dir)).filter((f) => re.test(f)).sort().map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
}

function source(path: string): ElfInput | undefined {
  const mode = modeOf(path);
  const text = readFileSync(join(ROOT, path), 'utf8');
  if (!path.endsWith('.S')) return { name: path, mode, text };
  const readRel = (p: string): string | undefined => {
    try { return readFileSync(join(ROOT, p), 'utf8'); } catch { return undefined; }
  };
  const kernel = path.startsWith('test/redteam/kernel/');
  const pp = preprocess(text, {
    file: path, mode, undefs: [], readFile: readRel,
    includeDirs: [dirname(path), `${dirname(path)}/include`, 'examples/include', 'test/redteam/kernel/include', 'test/cpp/kernel/include'],
    defines: kernel ? ['__ASSEMBLY__', mode === 64 ? 'CONFIG_X86_64=1' : 'CONFIG_X86_32=1'] : [],
  });
  return pp.failed ? undefined : { name: path, mode, text: pp.text };
}

/** Every repository source, in a fixed order. */
export function fileInputs(): ElfInput[] {
  const paths = [
    ...files('test/output/elf-cases', /\.[sS]$/),
    ...files('test/output/link', /\.s$/),
    ...files('test/asm/cases', /\.s$/),
    ...files('examples', /\.[sS]$/),
    ...files('test/macro/cases', /\.s$/),
    ...files('test/redteam/kernel', /\.S$/),
    ...files('test/redteam/system', /\.S$/),
    ...files('test/redteam/lines', /\.s$/),
    ...files('test/cpp/kernel', /\.S$/),
  ];
  return paths.map(source).filter((x): x is ElfInput => x !== undefined);
}

/** The encoder corpus (test/golden/asm/corpus*.txt) without error lines and known differences, in chunks. */
export function corpusInputs(): ElfInput[] {
  const out: ElfInput[] = [];
  for (const mode of [64, 32] as const) {
    const known = new Set(readFileSync(join(ROOT, `test/golden/asm/known-diffs-asm${mode}.txt`), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
    const lines = readFileSync(join(ROOT, `test/golden/asm/corpus${mode}.txt`), 'utf8').split('\n')
      .filter((l) => l && !l.startsWith('#') && !l.includes('\tERROR:'))
      .map((l) => l.split('\t')[0])
      .filter((l) => !known.has(l));
    for (let i = 0; i * CHUNK < lines.length; i++) {
      out.push({ name: `corpus${mode}#${i}`, mode, text: lines.slice(i * CHUNK, (i + 1) * CHUNK).join('\n') + '\n' });
    }
  }
  return out;
}
