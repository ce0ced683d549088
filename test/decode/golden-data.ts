// Reads the committed objdump golden files (test/golden/dis/*.txt) and checks x86lab against them.

import { readFileSync } from 'node:fs';
import type { Mode } from '../../src/isa/types.js';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded, formatPrefixesOnly } from '../../src/decode/att.js';
import { newDecoded, NONE } from '../../src/decode/types.js';

export interface GoldenRow {
  readonly addr: bigint;
  readonly hex: string;
  readonly text: string;
}

export function readGolden(path: string): GoldenRow[] {
  const rows: GoldenRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [a, hex, text] = line.split('\t');
    rows.push({ addr: BigInt('0x' + a), hex, text });
  }
  return rows;
}

export interface GoldenCheck {
  total: number;
  covered: number;
  agree: number;
  mismatches: string[];
}

/** Decode each row's bytes at its address and compare the text with objdump's. */
export function checkGolden(rows: readonly GoldenRow[], mode: Mode): GoldenCheck {
  const d = newDecoded();
  const r: GoldenCheck = { total: 0, covered: 0, agree: 0, mismatches: [] };
  for (const row of rows) {
    const bytes = Uint8Array.from(Buffer.from(row.hex, 'hex'));
    const lo = Number(row.addr & 0xffffffffn);
    const hi = Number(row.addr >> 32n);
    decodeInto(d, bytes, 0, mode, lo, hi);
    r.total++;
    if (d.ignoredRexEnd > 0) {
      // objdump shows a REX followed by another prefix as a line of its own.
      const t = formatPrefixesOnly(bytes, 0, d.ignoredRexEnd, mode);
      if (d.ignoredRexEnd === bytes.length) {
        r.covered++;
        if (t === row.text) r.agree++;
        else r.mismatches.push(`${row.addr.toString(16)} ${row.hex}: objdump '${row.text}' x86lab '${t}'`);
      }
      continue;
    }
    if (d.form === NONE) continue;
    r.covered++;
    const text = formatDecoded(d, bytes, 0, lo, hi);
    if (d.length === bytes.length && text === row.text) r.agree++;
    else r.mismatches.push(`${row.addr.toString(16)} ${row.hex}: objdump '${row.text}' x86lab '${text}' (length ${d.length})`);
  }
  return r;
}
