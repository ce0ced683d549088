// The live-oracle suites run only where the tools exist and otherwise fall back to committed golden
// data. On CI the tools are always installed, so there a missing tool is a failure, not a silent skip.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

const TOOLS = ['as', 'objdump', 'objcopy', 'gcc', 'readelf'] as const;
const have = (t: string): boolean => spawnSync(t, ['--version'], { encoding: 'utf8' }).status === 0;

describe('oracle tools', () => {
  it.runIf(!!process.env.CI)('are all present on CI, so every live-oracle suite runs', () => {
    expect(TOOLS.filter((t) => !have(t))).toEqual([]);
  });
  it.runIf(have('as'))('the local GNU as is 2.40, the version the golden data was made with', () => {
    const v = spawnSync('as', ['--version'], { encoding: 'utf8' }).stdout;
    expect(v).toMatch(/GNU assembler .* 2\.40\b/);
  });
});
