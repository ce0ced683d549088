// Registers toMatchGolden with vitest (import this file from a test).
import { expect } from 'vitest';
import { goldenMatchers } from '../../src/harness/golden.js';

expect.extend(goldenMatchers);

declare module 'vitest' {
  interface Assertion<T> {
    toMatchGolden(path: string): T;
  }
}
