// Golden-file comparison for vitest: `expect.extend(goldenMatchers)`, then
// `expect(text).toMatchGolden('examples/int3-call.trace')`. With UPDATE_GOLDEN=1 in the
// environment the file is (re)written instead and the assertion passes. Paths are relative to
// the current directory (vitest runs from the package root). No vitest import here: the matcher
// is a plain function, so this module also works from scripts.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface MatchResult { pass: boolean; message: () => string }

/** First differing line, with a little context, for the failure message. */
function firstDiff(want: string, got: string): string {
  const a = want.split('\n'), b = got.split('\n');
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    if (a[k] !== b[k]) return `line ${k + 1}:\n  expected: ${a[k] ?? '<end of file>'}\n  received: ${b[k] ?? '<end of output>'}`;
  }
  return 'no difference';
}

export function toMatchGolden(received: unknown, path: string): MatchResult {
  const text = String(received);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return { pass: true, message: () => `wrote ${path}` };
  }
  if (!existsSync(path)) return { pass: false, message: () => `golden file ${path} does not exist (run with UPDATE_GOLDEN=1 to create it)` };
  const want = readFileSync(path, 'utf8');
  const pass = want === text;
  return { pass, message: () => (pass ? `matches ${path}` : `differs from ${path} (UPDATE_GOLDEN=1 rewrites it), ${firstDiff(want, text)}`) };
}

export const goldenMatchers = { toMatchGolden };
