// Compares x86lab's assembly of a file with GNU as: diagnostics, every section's bytes, flags and
// alignment, and the relocations. A development aid for the assembler front end.
// Usage: npx vite-node scripts/asm-vs-gnu.ts FILE.s [32|64]

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { assemble } from '../src/asm/assemble.js';
import { formatDiagnostic } from '../src/asm/errors.js';
import { gnuAssemble } from '../test/asm/oracle.js';

const [file, m] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: vite-node scripts/asm-vs-gnu.ts FILE.s [32|64]\n');
  process.exit(2);
}
const mode = (m === '32' ? 32 : 64) as 32 | 64;
const name = basename(file);
const src = readFileSync(file, 'utf8');
const g = gnuAssemble(src, mode, name);
const r = assemble(src, { mode, file: name });
const mine = r.diagnostics.map(formatDiagnostic);
const same = JSON.stringify(mine) === JSON.stringify(g.messages);
console.log(`diagnostics: ${same ? 'same' : 'DIFFERENT'}`);
if (!same) console.log(`  GNU:\n    ${g.messages.join('\n    ')}\n  x86lab:\n    ${mine.join('\n    ')}`);
const sort = (f: string): string => [...f.toLowerCase()].sort().join('');
for (const s of g.sections) {
  const x = r.sections.find((q) => q.name === s.name);
  const xh = x ? Buffer.from(x.bytes).toString('hex') : 'MISSING';
  const ok = (s.type === 'nobits' ? x?.size === s.size : xh === s.hex) && x?.align === s.align && sort(x?.flags ?? '') === sort(s.flags);
  console.log(`${s.name}: ${ok ? 'same' : 'DIFFERENT'} (flags ${s.flags}/${x?.flags}, align ${s.align}/${x?.align})`);
  if (!ok && s.type !== 'nobits') console.log(`  GNU    ${s.hex}\n  x86lab ${xh}`);
}
const key = (q: { section: string; offset: number; type: string; symbol: string; addend?: number | bigint }): string =>
  `${q.section}+${q.offset} ${q.type} ${q.symbol} ${mode === 64 ? Number(q.addend) : ''}`;
const gr = new Set(g.relocs.map(key));
const xr = new Set(r.relocations.map(key));
for (const q of gr) if (!xr.has(q)) console.log(`relocation only in GNU:    ${q}`);
for (const q of xr) if (!gr.has(q)) console.log(`relocation only in x86lab: ${q}`);
console.log(`relocations: GNU ${gr.size}, x86lab ${xr.size}`);
