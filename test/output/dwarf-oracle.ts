// Both sides of the DWARF line-information test: x86lab's object for a case under --gdwarf-N,
// and GNU's (as --gdwarf-N for .s, gcc -g -c for .S, which runs as --gdwarf-5), made in a given
// working directory, since DW_AT_comp_dir and directory 0 name it.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { preprocess } from '../../src/asm/cpp/index.js';
import { withDwarfLines, type DwarfVersion } from '../../src/output/dwarf-line.js';
import { toElf } from '../../src/output/elf.js';

export const CASES = join(__dirname, 'dwarf-cases');
export const GOLDEN = join(__dirname, '../golden/dwarf/objects.tsv');
/** The working directory the golden objects were made in (scripts/dwarf-golden.ts). */
export const GOLDEN_DIR = '/tmp/x86lab-dwarf-golden';
/** -I inc for include.s (it finds other.s there); the others run without -I. */
const includeDirs = (c: DwarfCase): string[] => (c.name === 'include.s' ? ['inc'] : []);

export const HAVE_AS = spawnSync('as', ['--version'], { encoding: 'utf8' }).status === 0;
export const HAVE_GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;

export const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

export interface DwarfCase { readonly name: string; readonly mode: 32 | 64; readonly version: DwarfVersion; readonly cpp: boolean }

/** Every case file: .s at DWARF 5, 4, 3 and 2; .S through the preprocessor at gcc -g's DWARF 5. */
export function dwarfCases(): DwarfCase[] {
  const out: DwarfCase[] = [];
  for (const name of readdirSync(CASES).sort()) {
    const cpp = name.endsWith('.S');
    if (!cpp && !name.endsWith('.s')) continue;
    const mode = name.includes('32') ? 32 : 64;
    for (const version of cpp ? [5] as const : [5, 4, 3, 2] as const) out.push({ name, mode, version, cpp });
  }
  return out;
}

/** The case's text and every file under inc/, for the golden's input hash. */
export function inputHash(c: DwarfCase): string {
  const inc = join(CASES, 'inc');
  const parts = [readFileSync(join(CASES, c.name), 'utf8'), ...(readdirSync(inc, { recursive: true }) as string[]).sort()
    .filter((f) => /\.[sSh]$/.test(f)).map((f) => readFileSync(join(inc, f), 'utf8'))];
  return sha256(parts.join('\0'));
}

/** x86lab's object, with `compDir` as the working directory it names. */
export function x86labDwarf(c: DwarfCase, compDir: string): Uint8Array {
  const readFile = (p: string): string | undefined => {
    const f = join(CASES, p.replace(/^(\.\/)+/, ''));
    return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
  };
  let text = readFileSync(join(CASES, c.name), 'utf8');
  if (c.cpp) {
    const pp = preprocess(text, { file: c.name, includeDirs: includeDirs(c), defines: [], undefs: [], mode: c.mode, readFile });
    if (pp.failed) throw new Error(`${c.name}: preprocessing failed`);
    text = pp.text;
  }
  const r = assemble(text, { mode: c.mode, file: c.name, includeDirs: includeDirs(c), readFile, debugLines: true });
  if (r.errors) throw new Error(`${c.name}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return toElf(withDwarfLines(r, { version: c.version, compDir }));
}

/** GNU's object, made in `cwd` (a copy of the cases folder). */
export function gnuDwarf(c: DwarfCase, cwd: string): Uint8Array {
  const out = join(cwd, `${c.name}.${c.version}.o`);
  const r = c.cpp
    ? spawnSync('gcc', [`-m${c.mode}`, '-g', ...includeDirs(c).flatMap((d) => ['-I', d]), '-c', '-o', out, c.name], { cwd, encoding: 'utf8' })
    : spawnSync('as', [`--${c.mode}`, `--gdwarf-${c.version}`, ...includeDirs(c).flatMap((d) => ['-I', d]), '-o', out, c.name], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`GNU failed on ${c.name}: ${r.stderr}`);
  return new Uint8Array(readFileSync(out));
}
