// Compare every test/redteam/kernel/*.S with gcc -c; print differences. `--update` rewrites goldens.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gnuSummary, KDIR, modeOf, ROOT, x86labSummary } from '../test/redteam/kernel-lib.js';

const update = process.argv.includes('--update');
let ok = 0, total = 0;
for (const f of readdirSync(join(ROOT, KDIR)).filter((x) => x.endsWith('.S')).sort()) {
  total++;
  const file = `${KDIR}/${f}`, mode = modeOf(f);
  const g = gnuSummary(file, mode);
  if (!g) { console.log(`${f}: gcc rejects it`); continue; }
  if (update) writeFileSync(join(ROOT, KDIR, f.replace(/\.S$/, '.golden.json')), JSON.stringify({ sections: g.sections, relocs: g.relocs, symbols: g.symbols, messages: g.messages }, null, 1) + '\n');
  const x = x86labSummary(file, mode);
  const bad: string[] = [];
  if (JSON.stringify(x.messages) !== JSON.stringify(g.messages))
    bad.push(`messages:\n  gnu ${g.messages.slice(0, 8).join('\n      ')}\n  x86 ${[...new Set(x.messages)].slice(0, 8).join('\n      ')}`);
  for (const s of new Set([...Object.keys(g.sections), ...Object.keys(x.sections)]))
    if (g.sections[s] !== x.sections[s]) bad.push(`section ${s}:\n  gnu ${g.sections[s]}\n  x86 ${x.sections[s]}`);
  const diff = (a: string[], b: string[]): string[] => a.filter((e) => !b.includes(e));
  for (const [what, ga, xa] of [['reloc', g.relocs, x.relocs], ['symbol', g.symbols, x.symbols]] as const) {
    const mg = diff(ga, xa), mx = diff(xa, ga);
    if (mg.length || mx.length) bad.push(`${what}s: gnu-only ${JSON.stringify(mg)}\n  x86-only ${JSON.stringify(mx)}`);
  }
  if (bad.length) console.log(`${f}: DIFF\n${bad.join('\n')}`);
  else { ok++; console.log(`${f}: identical`); }
}
console.log(`${ok}/${total} identical`);
