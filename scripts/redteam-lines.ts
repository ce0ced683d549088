// Independent line corpus vs GNU as: generate programs (test/redteam/lines-gen.ts), compare x86lab
// line by line, print the differences. `--update` rewrites test/redteam/lines/golden{64,32}.json.
// Options: --seed N (first seed), --programs N (per mode), --lines N (per program).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genProgram, Rng, type Mode } from '../test/redteam/lines-gen.js';
import { gnuLines, x86labLines } from '../test/redteam/lines-lib.js';

const arg = (name: string, d: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const update = process.argv.includes('--update');
const seed0 = arg('--seed', 1), programs = arg('--programs', 6), perProgram = arg('--lines', 500);

for (const mode of [64, 32] as Mode[]) {
  const golden: unknown[] = [];
  let lines = 0, agree = 0, errAgree = 0, errTotal = 0, wAgree = 0, wTotal = 0;
  const extra = readFileSync(join(__dirname, '../test/redteam/lines', `extra${mode}.s`), 'utf8').split('\n').filter((l) => l !== '');
  for (let p = 0; p <= programs; p++) {
    // Program 0 is the hand-written one (test/redteam/lines/extra{64,32}.s), seed 0.
    const seed = p === 0 ? 0 : seed0 + p * 7919 + mode;
    const prog = p === 0 ? extra : genProgram(new Rng(seed), mode, perProgram);
    const g = gnuLines(prog, mode);
    const x = x86labLines(prog, mode, g.errors);
    golden.push({ seed, n: p === 0 ? 0 : perProgram, lines: prog, ...g });
    for (const w of new Set([...g.warnings, ...x.warnings])) {
      wTotal++;
      if (g.warnings.includes(w) && x.warnings.includes(w)) wAgree++;
      else console.log(`--${mode} seed ${seed} warning only from ${g.warnings.includes(w) ? 'gnu' : 'x86lab'}: ${w}: ${prog[Number(w.split(':')[0]) - 1]}`);
    }
    const gErr = new Set(g.errors), xErr = new Set(x.errors);
    const xRel = new Map<string, string[]>(), gRel = new Map<string, string[]>();
    for (const [m, list] of [[gRel, g.relocs], [xRel, x.relocs]] as const)
      for (const r of list) { const k = r.split(':')[0]; m.set(k, [...(m.get(k) ?? []), r]); }
    prog.forEach((text, i) => {
      const n = String(i + 1);
      if (!/^\s*[a-z]/.test(text) || text.startsWith('.')) return; // instructions only
      lines++;
      if (gErr.has(i + 1) || xErr.has(i + 1)) {
        errTotal++;
        if (gErr.has(i + 1) && xErr.has(i + 1)) { errAgree++; agree++; }
        else console.log(`--${mode} seed ${seed} line ${n}: ${text}\n   gnu ${gErr.has(i + 1) ? 'rejects' : 'accepts ' + g.bytes[n]}; x86lab ${xErr.has(i + 1) ? 'rejects' : 'accepts ' + x.bytes[n]}`);
        return;
      }
      const gr = (gRel.get(n) ?? []).join(' '), xr = (xRel.get(n) ?? []).join(' ');
      if (g.bytes[n] === x.bytes[n] && gr === xr) agree++;
      else console.log(`--${mode} seed ${seed} line ${n}: ${text}\n   gnu ${g.bytes[n]} ${gr}\n   x86 ${x.bytes[n]} ${xr}`);
    });
  }
  console.log(`--${mode}: ${agree}/${lines} instruction lines agree (${errAgree}/${errTotal} rejected lines agreed); warnings ${wAgree}/${wTotal}`);
  if (update) writeFileSync(join(__dirname, '../test/redteam/lines', `golden${mode}.json`), JSON.stringify(golden) + '\n');
}
