// Helpers for the differential check against `gcc -E -x assembler-with-cpp`: run gcc on a case,
// and reduce preprocessor output to what reaches the assembler — each non-blank line with the
// file:line that linemarkers assign to it, whitespace runs collapsed.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preprocess, type CppResult } from '../../src/asm/cpp/index.js';

export const HAVE_GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;
export const CASES_DIR = join(__dirname, 'cases');

export interface CaseOpts {
  readonly includeDirs: string[];
  readonly defines: string[];
  readonly undefs: string[];
  readonly commandLine: ['D' | 'U', string][];
  /** -include / -imacros FILE, in order. */
  readonly preincludes: ['include' | 'imacros', string][];
  /** gcc's argument list for the same options, in order. */
  readonly argv: string[];
}

/** Options from a first line like `// cpp-opts: -Isys -DFOO=3 -UBAR`. */
export function caseOpts(text: string): CaseOpts {
  const m = /^\/\/ cpp-opts:(.*)$/m.exec(text.split('\n')[0] ?? '');
  const argv = m ? m[1].trim().split(/\s+/) : [];
  const o: CaseOpts = { includeDirs: [], defines: [], undefs: [], commandLine: [], preincludes: [], argv };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-include' || a === '-imacros') o.preincludes.push([a.slice(1) as 'include' | 'imacros', argv[++i]]);
    else if (a.startsWith('-I')) o.includeDirs.push(a.slice(2));
    else if (a.startsWith('-D')) { o.defines.push(a.slice(2)); o.commandLine.push(['D', a.slice(2)]); }
    else if (a.startsWith('-U')) { o.undefs.push(a.slice(2)); o.commandLine.push(['U', a.slice(2)]); }
  }
  return o;
}

export function ourCpp(name: string): CppResult {
  const text = readFileSync(join(CASES_DIR, name), 'utf8');
  const o = caseOpts(text);
  return preprocess(text, {
    file: name,
    includeDirs: o.includeDirs,
    defines: o.defines,
    undefs: o.undefs,
    commandLine: o.commandLine,
    preincludes: o.preincludes,
    readFile: (p) => {
      try {
        return readFileSync(join(CASES_DIR, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
}

export function gccCpp(name: string): { ok: boolean; text: string; stderr: string } {
  const text = readFileSync(join(CASES_DIR, name), 'utf8');
  const o = caseOpts(text);
  const r = spawnSync('gcc', ['-E', '-x', 'assembler-with-cpp', ...o.argv, name], { cwd: CASES_DIR, encoding: 'utf8' });
  return { ok: r.status === 0, text: r.stdout, stderr: r.stderr };
}

/** `file:line: text` for every line that reaches the assembler. */
export function normalize(out: string): string[] {
  const res: string[] = [];
  let file = '';
  let line = 0;
  for (const raw of out.split('\n')) {
    const m = /^# (\d+) "((?:[^"\\]|\\.)*)"((?: \d)*)$/.exec(raw);
    if (m) {
      line = Number(m[1]);
      file = m[2];
      continue;
    }
    const t = raw.replace(/\s+/g, ' ').trim();
    if (t !== '') res.push(`${file}:${line}: ${t}`);
    line++;
  }
  return res;
}
