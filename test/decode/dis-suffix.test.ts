// -M suffix and -M intel,suffix against objdump 2.40: the committed rows (dis-flags/suffix64.txt and
// suffix32.txt, written by scripts/dis-suffix-golden.mjs from the decoder's golden corpora) are
// decoded at their addresses and formatted with FMT_SUFFIX; where objdump is installed, it is run on
// the same bytes again and must still print the committed text. The whole-file comparison on libc is
// in dis-flags.test.ts.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FMT_SUFFIX, formatDecoded } from '../../src/decode/att.js';
import { decodeInto } from '../../src/decode/decode.js';
import { defaultTables } from '../../src/decode/default.js';
import { newDecoded, NONE } from '../../src/decode/types.js';
import type { Mode } from '../../src/isa/types.js';
import { haveObjdump } from './objdump-diff.js';

interface Row { addr: number; hex: string; att: string; intel: string; plainAtt: string; plainIntel: string }

function rows(mode: Mode): Row[] {
  const out: Row[] = [];
  for (const line of readFileSync(join(__dirname, 'dis-flags', `suffix${mode}.txt`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [a, hex, att, intel, plainAtt, plainIntel] = line.split('\t');
    out.push({ addr: parseInt(a, 16), hex, att, intel, plainAtt, plainIntel });
  }
  return out;
}

/**
 * Our text of a row with and without -M suffix; undefined where our decoder leaves the bytes
 * undecoded (AVX-512 and the like).
 */
function ours(mode: Mode, r: Row): { att: string; intel: string; plainAtt: string; plainIntel: string } | undefined {
  const d = newDecoded();
  const b = Uint8Array.from(Buffer.from(r.hex, 'hex'));
  decodeInto(d, b, 0, mode, r.addr, 0);
  if (d.form === NONE || d.length !== b.length || d.ignoredRexEnd > 0) return undefined;
  const t = defaultTables();
  const text = (syntax: 'att' | 'intel', flags: number): string => formatDecoded(d, b, 0, r.addr, 0, undefined, t, syntax, flags);
  return { att: text('att', FMT_SUFFIX), intel: text('intel', FMT_SUFFIX), plainAtt: text('att', 0), plainIntel: text('intel', 0) };
}

describe.each([64, 32] as const)('-M suffix, %i-bit', (mode) => {
  const all = rows(mode);
  // Rows whose plain text already differs (a few Intel memory sizes) are counted, not compared.
  it('formats every row it formats as objdump does without suffix as objdump -M suffix does, AT&T and Intel', () => {
    const bad: string[] = [];
    let n = 0;
    for (const r of all) {
      const o = ours(mode, r);
      if (o === undefined) continue;
      if (o.plainAtt === r.plainAtt) {
        n++;
        if (o.att !== r.att) bad.push(`${r.hex}: objdump '${r.att}' x86lab '${o.att}'`);
      }
      if (o.plainIntel === r.plainIntel && o.intel !== r.intel) bad.push(`${r.hex}: objdump '${r.intel}' x86lab '${o.intel}'`);
    }
    expect(n).toBeGreaterThan(all.length * 0.8);
    expect(bad).toEqual([]);
  });

  it.runIf(haveObjdump())('objdump, run live on the same bytes, still prints the committed text', () => {
    const end = all[all.length - 1].addr + 32;
    const blob = Buffer.alloc(end, 0x90);
    for (const r of all) Buffer.from(r.hex, 'hex').copy(blob, r.addr);
    const file = join(mkdtempSync(join(tmpdir(), 'x86lab-suffix-')), 'blob.bin');
    writeFileSync(file, blob);
    const arch = mode === 64 ? 'i386:x86-64' : 'i386';
    const text = (m: string): Map<number, string> => {
      const out = execFileSync('objdump', ['-D', '-b', 'binary', '-m', arch, '-z', '-w', '-M', m, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const at = new Map<number, string>();
      for (const line of out.split('\n')) {
        const x = /^ *([0-9a-f]+):\t[0-9a-f ]+?\t(.*)$/.exec(line);
        if (x) at.set(parseInt(x[1], 16), x[2].trimEnd());
      }
      return at;
    };
    const att = text('suffix');
    const intel = text('intel,suffix');
    const plainAtt = text('att');
    const plainIntel = text('intel');
    for (const r of all) expect([att.get(r.addr), intel.get(r.addr), plainAtt.get(r.addr), plainIntel.get(r.addr)], r.hex).toEqual([r.att, r.intel, r.plainAtt, r.plainIntel]);
  });
});
