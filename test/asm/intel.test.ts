// Intel-syntax input (`.intel_syntax [no]prefix`, -msyntax=intel, -mnaked-reg) against GNU as 2.40:
// every case file in intel/ is assembled by x86lab and compared with GNU's committed output
// (intel/golden/, made by intel-gen.ts): section bytes, sizes, flags, relocations and the exact
// messages. Where `as` is installed the goldens are re-checked live, and the command-line options are
// run through both tools' CLIs, and GCC's -masm=intel output of intel/gcc-input.c is assembled by both.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { run as runAs } from '../../src/cli/as.js';
import { disassembleElf } from '../../src/cli/dis.js';
import { render } from '../../src/output/index.js';
import { gnuAssemble, HAVE_AS, type GnuResult } from './oracle.js';
import { CMDLINE_PRELUDE, dumpTail, gnuIntelDump, intelCaseMode, isCmdlineCase } from './intel-cases.js';

const dir = join(import.meta.dirname, 'intel');
const files = readdirSync(dir).filter((f) => f.endsWith('.s')).sort();
const sortFlags = (f: string): string => [...f.toLowerCase()].sort().join('');

function x86lab(src: string, f: string): GnuResult {
  const mode = intelCaseMode(f);
  const r = assemble(src, { mode, file: f, ...(isCmdlineCase(f) ? { syntax: 'intel' as const, nakedReg: true } : {}) });
  return {
    ok: r.errors === 0,
    messages: r.diagnostics.map(formatDiagnostic),
    sections: r.sections.map((s) => ({
      name: s.name, type: s.type, flags: sortFlags(s.flags), align: s.align, size: s.size,
      hex: s.type === 'nobits' ? '' : Buffer.from(s.bytes).toString('hex'),
    })),
    relocs: r.relocations.map((x) => ({
      section: x.section, offset: x.offset, type: x.type, symbol: x.symbol, ...(mode === 64 ? { addend: Number(x.addend) } : {}),
    })),
  };
}

describe('Intel syntax matches GNU as', () => {
  for (const f of files) {
    const src = readFileSync(join(dir, f), 'utf8');
    const golden = JSON.parse(readFileSync(join(dir, 'golden', `${f}.json`), 'utf8')) as GnuResult;
    it(`${f}: same bytes, relocations and messages as the committed golden`, () => {
      const mine = x86lab(src, f);
      expect(mine.messages).toEqual(golden.messages);
      expect(mine.ok).toBe(golden.ok);
      if (!golden.ok) return;
      for (const s of golden.sections) {
        const m = mine.sections.find((x) => x.name === s.name);
        expect(m, `section ${s.name}`).toBeDefined();
        expect({ name: s.name, hex: m!.hex, size: m!.size, flags: m!.flags, type: m!.type })
          .toEqual({ name: s.name, hex: s.hex, size: s.size, flags: sortFlags(s.flags), type: s.type });
      }
      const byPlace = (a: { section: string; offset: number }, b: { section: string; offset: number }) => a.section.localeCompare(b.section) || a.offset - b.offset;
      const strip = (r: GnuResult['relocs'][number]) => (intelCaseMode(f) === 64 ? r : { section: r.section, offset: r.offset, type: r.type, symbol: r.symbol });
      expect([...mine.relocs].sort(byPlace)).toEqual([...golden.relocs].map(strip).sort(byPlace));
    });
    it.runIf(HAVE_AS)(`${f}: golden equals a live GNU as run`, () => {
      expect(gnuAssemble(isCmdlineCase(f) ? CMDLINE_PRELUDE + src : src, intelCaseMode(f), f)).toEqual(golden);
    });
    const disGolden = join(dir, 'golden', `${f}.intel-dis.txt`);
    if (existsSync(disGolden)) {
      it(`${f}: dis -dr -M intel prints what objdump -dr -M intel prints`, () => {
        const mode = intelCaseMode(f);
        const r = assemble(src, { mode, file: f, ...(isCmdlineCase(f) ? { syntax: 'intel' as const, nakedReg: true } : {}) });
        const obj = render(r, 'elf', { file: f });
        const text = dumpTail(disassembleElf(obj, 'in.o', undefined, { disassemble: 'exec', relocs: true, syntax: 'intel' }));
        expect(text).toBe(readFileSync(disGolden, 'utf8'));
      });
      it.runIf(HAVE_AS)(`${f}: Intel disassembly golden equals a live objdump run`, () => {
        expect(gnuIntelDump(isCmdlineCase(f) ? CMDLINE_PRELUDE + src : src, intelCaseMode(f))).toBe(readFileSync(disGolden, 'utf8'));
      });
    }
  }
});

describe.runIf(HAVE_AS)('-msyntax=intel -mnaked-reg through both command lines', () => {
  it('gives the object GNU as gives', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'x86lab-intel-'));
    try {
      const src = join(dir, 'cmdline-64.s');
      const opts = ['--64', '-msyntax=intel', '-mnaked-reg', '-mintel64'];
      const g = spawnSync('as', [...opts, '-o', join(tmp, 'g.o'), src], { encoding: 'utf8' });
      expect(g.status, g.stderr).toBe(0);
      expect(await runAs([...opts, '-o', join(tmp, 'x.o'), src])).toBe(0);
      const dump = (o: string) => spawnSync('objdump', ['-dr', o], { encoding: 'utf8' }).stdout.split('\n').slice(2).join('\n');
      expect(dump(join(tmp, 'x.o'))).toBe(dump(join(tmp, 'g.o')));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

const HAVE_GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;

describe.runIf(HAVE_AS && HAVE_GCC)('GCC -masm=intel output assembles to GNU as\'s object', () => {
  for (const opt of ['-O0', '-O1', '-O2', '-Os']) {
    for (const pic of [[], ['-fPIC']]) {
      it(`gcc ${opt} ${pic.join(' ')}`.trim(), async () => {
        const tmp = mkdtempSync(join(tmpdir(), 'x86lab-intel-gcc-'));
        try {
          const s = join(tmp, 'in.s');
          const cc = spawnSync('gcc', ['-m64', opt, ...pic, '-S', '-masm=intel', '-fno-asynchronous-unwind-tables', '-fno-tree-vectorize', '-o', s, join(dir, 'gcc-input.c')], { encoding: 'utf8' });
          expect(cc.status, cc.stderr).toBe(0);
          const g = spawnSync('as', ['--64', '-o', join(tmp, 'g.o'), s], { encoding: 'utf8' });
          expect(g.status, g.stderr).toBe(0);
          expect(await runAs(['--64', '-o', join(tmp, 'x.o'), s])).toBe(0);
          expect(Buffer.compare(readFileSync(join(tmp, 'x.o')), readFileSync(join(tmp, 'g.o')))).toBe(0);
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      });
    }
  }
});
