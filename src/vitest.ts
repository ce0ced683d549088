// `import 'x86lab/vitest'` in a test (or a vitest setupFiles entry) registers the golden-file
// matcher: `expect(text).toMatchGolden('int3-call.trace')`, resolved against the test file,
// rewritten by `vitest -u` (src/harness/golden.ts). vitest is a peer dependency of this entry only.

import { expect } from 'vitest';
import { goldenMatchers } from './harness/golden.js';

expect.extend(goldenMatchers);

export { toMatchGolden, goldenMatchers, type GoldenResult } from './harness/golden.js';

interface GoldenMatchers<R = unknown> {
  /** Compare with (or, under `vitest -u`, write) the file at `path`, relative to the test file. */
  toMatchGolden(path: string): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends GoldenMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends GoldenMatchers {}
}
