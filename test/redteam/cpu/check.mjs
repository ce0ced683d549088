#!/usr/bin/env node
// Runs red-team vectors through `x86lab exec --batch` and reports agreement by family.
//   node test/redteam/cpu/check.mjs VECTORS.jsonl [--show N] [--fam NAME]
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { expand, compare } from './vectors-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const opt = (n, d) => { const k = args.indexOf(n); return k >= 0 ? args[k + 1] : d; };
const file = args[0];
const SHOW = Number(opt('--show', '20')), FAM = opt('--fam', null);
let text = readFileSync(file); if (file.endsWith('.gz')) text = gunzipSync(text);
let recs = text.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
if (FAM) recs = recs.filter((r) => r.fam === FAM);
const pairs = recs.map(expand);
const inF = join(tmpdir(), 'rt-in.jsonl'), outF = join(tmpdir(), 'rt-out.jsonl');
writeFileSync(inF, pairs.map(([s]) => JSON.stringify(s)).join('\n') + '\n');
try { execFileSync('node', [join(root, 'bin/x86lab.js'), 'exec', '--batch', inF, outF], { stdio: 'inherit' }); } catch { /* reported per line */ }
const outs = readFileSync(outF, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const fam = {};
let shown = 0, bad = 0;
recs.forEach((r, k) => {
  const f = (fam[r.fam] ??= { n: 0, ok: 0 });
  f.n++;
  const d = compare(outs[k], pairs[k][1]);
  if (d.length === 0) { f.ok++; return; }
  bad++;
  if (shown++ < SHOW) console.log(`[${r.fam}/${r.mode}] ${r.asm}\n   in ${JSON.stringify(r.regs)}\n   ${d.join('; ')}`);
});
for (const [k, f] of Object.entries(fam).sort()) console.log(`${k.padEnd(8)} ${f.ok}/${f.n}`);
console.log(`total ${recs.length - bad}/${recs.length}`);
