// Golden-file comparison that follows vitest's snapshot conventions, for `x86lab/vitest`
// (`expect(text).toMatchGolden('int3-call.trace')`):
// - the path is resolved against the directory of the test file (like toMatchFileSnapshot);
// - `vitest -u` rewrites the file; a missing file is written unless vitest runs with --ci (its
//   'new' vs 'none' snapshot update state), and fails under CI; UPDATE_GOLDEN=1 rewrites too;
// - a mismatch hands vitest `expected`/`actual` so it prints its usual line diff, and the message
//   names the first differing line.
// No vitest import here: called as a plain function (no matcher context) the path is relative to
// the current directory and only UPDATE_GOLDEN=1 rewrites, so scripts can use it as well.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

export interface GoldenResult { pass: boolean; message: () => string; expected?: string; actual?: string }

/** The parts of vitest's matcher context this reads (all optional: plain calls have none). */
interface GoldenContext {
  testPath?: string;
  isNot?: boolean;
  /** vitest's SnapshotState: its `_updateSnapshot` is 'all' under -u, 'new' by default, 'none' under --ci. */
  snapshotState?: unknown;
}

type Update = 'all' | 'new' | 'none';

function updateMode(ctx: GoldenContext | undefined): Update {
  if (process.env.UPDATE_GOLDEN === '1') return 'all';
  const u = (ctx?.snapshotState as { _updateSnapshot?: unknown } | undefined)?._updateSnapshot;
  return u === 'all' || u === 'new' ? u : 'none';
}

/** First differing line, with a little context, for the failure message. */
function firstDiff(want: string, got: string): string {
  const a = want.split('\n'), b = got.split('\n');
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    if (a[k] !== b[k]) return `line ${k + 1}:\n  expected: ${a[k] ?? '<end of file>'}\n  received: ${b[k] ?? '<end of output>'}`;
  }
  return 'no difference';
}

export function toMatchGolden(this: GoldenContext | void, received: unknown, path: string): GoldenResult {
  const ctx = this ?? undefined;
  const text = String(received);
  const file = isAbsolute(path) || !ctx?.testPath ? resolve(path) : resolve(dirname(ctx.testPath), path);
  const update = updateMode(ctx);
  const exists = existsSync(file);
  if (update === 'all' || (update === 'new' && !exists)) {
    const same = exists && readFileSync(file, 'utf8') === text;
    if (!same) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return { pass: !ctx?.isNot, message: () => (same ? `matches ${path}` : `wrote ${path}`) };
  }
  if (!exists) {
    return { pass: false, message: () => `golden file ${file} does not exist (run vitest with -u, or UPDATE_GOLDEN=1, to write it)` };
  }
  const want = readFileSync(file, 'utf8');
  const pass = want === text;
  return {
    pass,
    message: () => (pass ? `matches ${path}` : `differs from ${path} (vitest -u rewrites it), ${firstDiff(want, text)}`),
    expected: want,
    actual: text,
  };
}

export const goldenMatchers = { toMatchGolden };
