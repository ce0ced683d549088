// A sample of the system-header sweep runs live when gcc and the headers exist (the whole
// sweep: `npm run test:cpp-sysheaders`). No golden data: the headers belong to the machine.

import { describe, expect, it } from 'vitest';
import { HAVE_GCC } from './gcc.js';
import { headersIn, sweep } from './sysheaders.js';

const linux = headersIn('/usr/include/linux', 'linux');

describe.runIf(HAVE_GCC && linux.length > 0)('system headers preprocess like gcc -E (sample)', () => {
  it('every 25th <linux/*.h> header', () => {
    const sample = linux.filter((_, i) => i % 25 === 0);
    const r = sweep(sample);
    expect(r.differ).toEqual([]);
    expect(r.same.length).toBeGreaterThanOrEqual(Math.floor(sample.length * 0.9));
  });
});
