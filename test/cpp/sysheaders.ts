// Differential sweep of the built-in preprocessor over the system's C headers: each header is
// #included from a one-line .S file and the statements reaching the assembler (with positions)
// must equal gcc -E -x assembler-with-cpp's. Headers gcc itself rejects in assembler mode are skipped.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preprocess } from '../../src/asm/cpp/index.js';
import { normalize } from './gcc.js';

/** gcc's own search path for <...> in this configuration (gcc -v -E). */
export function gccSearchDirs(): string[] {
  const r = spawnSync('gcc', ['-v', '-E', '-x', 'assembler-with-cpp', '/dev/null'], { encoding: 'utf8' });
  const m = /#include <\.\.\.> search starts here:\n([\s\S]*?)End of search list/.exec(r.stderr);
  return m ? m[1].split('\n').map((s) => s.trim()).filter(Boolean) : [];
}

/** Headers directly in `dir` (relative names as `prefix/name.h`). */
export function headersIn(dir: string, prefix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.h')).sort().map((f) => (prefix ? `${prefix}/${f}` : f));
}

export interface SweepResult { same: string[]; differ: string[]; skipped: string[] }

export function sweep(headers: readonly string[]): SweepResult {
  const dirs = gccSearchDirs();
  const work = mkdtempSync(join(tmpdir(), 'x86lab-sys-'));
  const res: SweepResult = { same: [], differ: [], skipped: [] };
  try {
    for (const h of headers) {
      const src = `#include <${h}>\n`;
      writeFileSync(join(work, 'sys.S'), src);
      const g = spawnSync('gcc', ['-E', '-x', 'assembler-with-cpp', 'sys.S'], { cwd: work, encoding: 'utf8' });
      if (g.status !== 0) { res.skipped.push(h); continue; }
      const o = preprocess(src, { file: 'sys.S', includeDirs: dirs, defines: [], undefs: [] });
      const ours = normalize(o.text);
      const theirs = normalize(g.stdout).filter((l) => !l.startsWith('<'));
      const ok = !o.failed && ours.length === theirs.length && ours.every((l, i) => l === theirs[i]);
      (ok ? res.same : res.differ).push(h);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return res;
}
