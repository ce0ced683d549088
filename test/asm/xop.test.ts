// TBM and LWP (AMD's XOP encoding), Key Locker's general-register forms, vldmxcsr/vstmxcsr,
// vzeroall/vzeroupper and tilerelease against GNU as 2.40 and objdump: the self-written case files
// in xop/ assemble to GNU's bytes and messages (and, with -mx86-used-note=yes, to its
// .note.gnu.property bits), and GNU's objects disassemble to objdump's AT&T and Intel text. The
// executor stops at these instructions, naming them. Goldens in xop/golden/ come from xop-gen.ts;
// where the tools are installed they are re-checked live.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded } from '../../src/decode/att.js';
import { defaultTables } from '../../src/decode/default.js';
import { newDecoded } from '../../src/decode/types.js';
import { userHandlers } from '../../src/cpu/dispatch.js';
import { formById } from '../../src/isa/index.js';
import { HAVE_AS } from './oracle.js';
import { DIS_CASES, NOTE_CASES, XOP_CASES, XOP_DIR, gnuCase, gnuDis, type CaseResult } from './xop-oracle.js';

const golden = (f: string): string => readFileSync(join(XOP_DIR, 'golden', f), 'utf8');

function x86lab(name: string, mode: 32 | 64, usedNote = false): CaseResult {
  const r = assemble(readFileSync(join(XOP_DIR, `${name}.s`), 'utf8'), { mode, file: `${name}.s`, gas: { usedNote } });
  const hex = (s: string): string => {
    const sec = r.sections.find((x) => x.name === s);
    return r.errors === 0 && sec ? Buffer.from(sec.bytes).toString('hex') : '';
  };
  const res: CaseResult = { ok: r.errors === 0, messages: r.diagnostics.map(formatDiagnostic), text: hex('.text') };
  if (usedNote) res.note = hex('.note.gnu.property');
  return res;
}

function readDis(name: string, mode: 32 | 64): [string, string, string, string][] {
  return golden(`${name}.${mode}.dis.txt`).split('\n').filter((l) => l).map((l) => l.split('\t') as [string, string, string, string]);
}

for (const { name, modes } of XOP_CASES) {
  for (const mode of modes) {
    describe(`${name}.s --${mode}`, () => {
      it('assembles as GNU as does (bytes and messages)', () => {
        expect(x86lab(name, mode)).toEqual(JSON.parse(golden(`${name}.${mode}.json`)));
      });
      if (NOTE_CASES.includes(name)) it('sets the -mx86-used-note bits GNU sets', () => {
        expect(x86lab(name, mode, true)).toEqual(JSON.parse(golden(`${name}.${mode}.note.json`)));
      });
      if (DIS_CASES.includes(name)) it('GNU\'s object disassembles as objdump -d and -M intel print it', () => {
        const rows = readDis(name, mode);
        expect(rows.length).toBeGreaterThan(8);
        const d = newDecoded();
        const bad: string[] = [];
        // The whole .text, each instruction decoded at its address (a one-byte (bad) is followed by more bytes).
        const text = Uint8Array.from(Buffer.from(rows.map((r) => r[1]).join(''), 'hex'));
        for (const [addr, hex, att, intel] of rows) {
          const at = parseInt(addr, 16);
          decodeInto(d, text, at, mode, at, 0);
          const a = formatDecoded(d, text, at, at, 0);
          const i = formatDecoded(d, text, at, at, 0, undefined, defaultTables(), 'intel');
          if (d.length !== hex.length / 2 || a !== att || i !== intel) bad.push(`${hex}: '${att}' / '${intel}' vs '${a}' / '${i}' (length ${d.length})`);
        }
        expect(bad).toEqual([]);
      });
      it.runIf(HAVE_AS)('the goldens are what GNU as and objdump give here (live)', () => {
        expect(gnuCase(name, mode)).toEqual(JSON.parse(golden(`${name}.${mode}.json`)));
        if (NOTE_CASES.includes(name)) expect(gnuCase(name, mode, true)).toEqual(JSON.parse(golden(`${name}.${mode}.note.json`)));
        if (DIS_CASES.includes(name)) expect(gnuDis(name, mode)).toEqual(readDis(name, mode));
      });
    });
  }
}

describe('the executor', () => {
  it('stops at TBM, LWP and the SIMD-state forms, naming them (no semantics modelled)', () => {
    const h = userHandlers();
    for (const id of ['bextr_xop', 'blcfill', 'tzmsk', 'llwpcb', 'lwpins', 'aesencwide128kl', 'encodekey128', 'vzeroupper', 'vldmxcsr', 'tilerelease']) {
      const f = formById(id);
      expect(h.unhandled.has(f.sem), id).toBe(true);
      expect(() => h.fns[f.index](undefined as never, undefined as never), id).toThrow(`unsupported: instruction ${f.mnem} (${id}) is not modelled`);
    }
  });
});
