// The x87 instruction set against GNU as 2.40 and objdump: the case files in x87/ (every x87 row in
// AT&T spellings, the rejected and warned-about ones, the Intel-syntax ones) assemble to GNU's bytes
// and messages in --32 and --64, and every ESC opcode/ModRM class of x87/dis.s disassembles to
// objdump's AT&T and Intel text. Goldens in x87/golden/ come from x87-gen.ts; where the tools are
// installed they are re-checked live.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded } from '../../src/decode/att.js';
import { defaultTables } from '../../src/decode/default.js';
import { newDecoded } from '../../src/decode/types.js';
import { HAVE_AS } from './oracle.js';
import { X87_ASM_CASES, X87_DIR, gnuCase, gnuDis, type CaseResult } from './x87-oracle.js';

const golden = (f: string): string => readFileSync(join(X87_DIR, 'golden', f), 'utf8');

function x86lab(name: string, mode: 32 | 64): CaseResult {
  const r = assemble(readFileSync(join(X87_DIR, `${name}.s`), 'utf8'), { mode, file: `${name}.s` });
  const text = r.sections.find((s) => s.name === '.text');
  return { ok: r.errors === 0, messages: r.diagnostics.map(formatDiagnostic), text: r.errors === 0 && text ? Buffer.from(text.bytes).toString('hex') : '' };
}

function readDis(mode: 32 | 64): [string, string, string, string][] {
  return golden(`dis.${mode}.txt`).split('\n').filter((l) => l).map((l) => l.split('\t') as [string, string, string, string]);
}

for (const mode of [32, 64] as const) {
  describe(`x87 --${mode}`, () => {
    for (const name of X87_ASM_CASES) {
      it(`${name}.s assembles as GNU as does (bytes and messages)`, () => {
        const want = JSON.parse(golden(`${name}.${mode}.json`)) as CaseResult;
        expect(x86lab(name, mode)).toEqual(want);
      });
    }

    it('every x87 opcode disassembles as objdump -d and -M intel print it', () => {
      const rows = readDis(mode);
      expect(rows.length).toBeGreaterThan(700);
      const d = newDecoded();
      const bad: string[] = [];
      for (const [addr, hex, att, intel] of rows) {
        const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
        const at = parseInt(addr, 16);
        decodeInto(d, bytes, 0, mode, at, 0);
        const a = formatDecoded(d, bytes, 0, at, 0);
        const i = formatDecoded(d, bytes, 0, at, 0, undefined, defaultTables(), 'intel');
        if (d.length !== bytes.length || a !== att || i !== intel) bad.push(`${hex}: '${att}' / '${intel}' vs '${a}' / '${i}' (length ${d.length})`);
      }
      expect(bad).toEqual([]);
    });

    it.runIf(HAVE_AS)('the goldens are what GNU as and objdump give here (live)', () => {
      for (const name of X87_ASM_CASES) expect(gnuCase(name, mode), name).toEqual(JSON.parse(golden(`${name}.${mode}.json`)));
      expect(gnuDis(mode)).toEqual(readDis(mode));
    });
  });
}
