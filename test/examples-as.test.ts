// The issue-6 examples assemble with x86lab exactly as with `gcc -c` (the live oracle runs when
// gcc and objcopy exist, as on CI). The committed golden traces pin the bytes without gcc.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFile } from '../src/harness/loader.js';
import { assemble } from '../src/asm/assemble.js';
import { preprocess } from '../src/asm/cpp/index.js';

const have = (t: string): boolean => spawnSync(t, ['--version'], { stdio: 'ignore' }).status === 0;
const HAVE_GCC = have('gcc') && have('objcopy');
const dir = mkdtempSync(join(tmpdir(), 'x86lab-ex-'));

const EXAMPLES: [string, 32 | 64, string[]][] = [
  ['examples/int3-call.S', 64, []],
  ['examples/int3-nogap.S', 64, []],
  ['examples/int3-call-32.S', 32, []],
  ['examples/popf-ret.S', 64, []],
  ['examples/popf-ret-32.S', 32, []],
  ['examples/nmi-in-int3.S', 64, []],
  ['examples/nmi-in-int3.S', 64, ['POPF_RET']],
  ['examples/nmi-in-int3-32.S', 32, []],
  ['examples/live-patch.S', 64, []],
  ['examples/nmi-in-int3-32.S', 32, ['POPF_RET']],
  ['examples/stack-switch-window.S', 64, []],
  ['examples/stack-switch-window.S', 64, ['USE_IST']],
];

function ours(file: string, mode: 32 | 64, defines: string[]): Map<string, string> {
  const pp = preprocess(readFileSync(file, 'utf8'), { file, includeDirs: [], defines, undefs: [], mode });
  expect(pp.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = assemble(pp.text, { mode, file });
  expect(r.errors).toBe(0);
  return new Map(r.sections.map((s) => [s.name, Buffer.from(s.bytes).toString('hex')]));
}

describe('examples assemble', () => {
  for (const [file, mode, defs] of EXAMPLES) {
    it(`${file} ${defs.join(' ')} loads and links with _start in .text`, () => {
      const img = loadFile(file, { mode, defines: defs });
      const text = img.sections.find((s) => s.name === '.text')!;
      expect(img.symbols.get('_start')).toBe(text.addr);
      expect(text.addr).toBe(0x100000);
      for (const s of img.sections) expect(s.addr % 4096).toBe(0);
    });
    it.runIf(HAVE_GCC)(`${file} ${defs.join(' ')}: .text and .data identical to gcc -c`, () => {
      const obj = join(dir, 'o.o');
      execFileSync('gcc', [...(mode === 32 ? ['-m32'] : []), ...defs.map((d) => `-D${d}`), '-c', file, '-o', obj]);
      const mine = ours(file, mode, defs);
      for (const sec of ['.text', '.data']) {
        const bin = join(dir, 'o.bin');
        execFileSync('objcopy', ['-O', 'binary', '-j', sec, obj, bin]);
        expect(mine.get(sec) ?? '').toBe(readFileSync(bin).toString('hex'));
      }
    });
  }
});
