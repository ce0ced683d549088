// Regenerates the golden data of the preprocessor and macro-layer tests from the real tools:
//   test/golden/cpp/*.txt       gcc -E -x assembler-with-cpp output, normalised (test/cpp/gcc.ts)
//   test/golden/cpp/fuzz.json, avoid-paste.txt   gcc -E -P output for test/cpp/fuzz-gen.ts
//   test/golden/cpp/e2e.json    gcc -c .text for test/cpp/e2e-gen.ts programs
//   test/golden/macro/*.json    GNU as messages and section bytes for test/macro/cases/*.s
//   test/golden/macro/fuzz*.json GNU as output for the random macro programs
//   test/golden/cpp/kernel-*.json  gcc -c section bytes of test/cpp/kernel/*.S
//   test/golden/cpp/diag-*.txt  gcc -c messages for test/cpp/diag/*.S
//   examples/entry_64.gnu.hex   gcc -c section bytes of examples/entry_64.S
//   examples/entry_64.json      x86lab as -f json output for the same file
// Run: npm run golden:cpp-macro   (needs gcc and binutils)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES_DIR, gccCpp, normalize } from '../test/cpp/gcc.js';
import { gccOut, genCpp, pasteSource } from '../test/cpp/fuzz-gen.js';
import { gccText, genS } from '../test/cpp/e2e-gen.js';
import { MACRO_CASES, gnu } from '../test/macro/gnu.js';
import { genCase, genCase2, genCase3, gnuRun } from '../test/macro/fuzz-gen.js';
import { entryJson, gccMessages, gccSections, gnuSectionsOf } from '../test/macro/entry.js';

const root = join(__dirname, '..');

for (const name of readdirSync(CASES_DIR).filter((f) => f.endsWith('.S')).sort()) {
  const g = gccCpp(name);
  if (!g.ok) throw new Error(`gcc failed on ${name}: ${g.stderr}`);
  writeFileSync(join(root, 'test/golden/cpp', name.replace(/\.S$/, '.txt')), normalize(g.text).join('\n') + '\n');
  console.log('cpp', name);
}

writeFileSync(join(root, 'test/golden/cpp/avoid-paste.txt'), gccOut(pasteSource()).join('\n') + '\n');
{
  const out: string[][] = [];
  for (let seed = 1; seed <= 200; seed++) out.push(gccOut(genCpp(seed)));
  writeFileSync(join(root, 'test/golden/cpp/fuzz.json'), JSON.stringify(out) + '\n');
  console.log('cpp fuzz 200 seeds, avoid-paste table');
}

{
  const out: string[] = [];
  for (let seed = 1; seed <= 60; seed++) out.push(gccText(genS(seed)));
  writeFileSync(join(root, 'test/golden/cpp/e2e.json'), JSON.stringify(out, null, 0) + '\n');
  console.log('cpp+macro e2e 60 seeds');
}

for (const name of readdirSync(MACRO_CASES).filter((f) => f.endsWith('.s')).sort()) {
  writeFileSync(join(root, 'test/golden/macro', name.replace(/\.s$/, '.json')), JSON.stringify(gnu(name), null, 1) + '\n');
  console.log('macro', name);
}

{
  const out: string[][] = [];
  for (let seed = 1; seed <= 300; seed++) out.push(gnuRun(genCase(seed)));
  writeFileSync(join(root, 'test/golden/macro/fuzz.json'), JSON.stringify(out) + '\n');
  const out2: string[][] = [];
  for (let seed = 1; seed <= 200; seed++) out2.push(gnuRun(genCase2(seed)));
  writeFileSync(join(root, 'test/golden/macro/fuzz2.json'), JSON.stringify(out2) + '\n');
  const out3: string[][] = [];
  for (let seed = 1; seed <= 300; seed++) out3.push(gnuRun(genCase3(seed)));
  writeFileSync(join(root, 'test/golden/macro/fuzz3.json'), JSON.stringify(out3) + '\n');
  console.log('macro fuzz 300 + 200 + 300 seeds');
}

for (const f of readdirSync(join(root, 'test/cpp/kernel')).filter((x) => x.endsWith('.S')).sort()) {
  const secs = gccSections(`test/cpp/kernel/${f}`, [f.endsWith('-32.S') ? '-m32' : '-m64', '-I', 'test/cpp/kernel/include']);
  if (!secs) throw new Error(`gcc -c failed on ${f}`);
  writeFileSync(join(root, 'test/golden/cpp', `kernel-${f.replace(/\.S$/, '.json')}`), JSON.stringify(secs, null, 1) + '\n');
  console.log('kernel', f);
}

for (const f of readdirSync(join(root, 'test/cpp/diag')).filter((x) => x.endsWith('.S')).sort()) {
  writeFileSync(join(root, 'test/golden/cpp', `diag-${f.replace(/\.S$/, '.txt')}`), gccMessages(`test/cpp/diag/${f}`).join('\n') + '\n');
  console.log('diag', f);
}

const dir = mkdtempSync(join(tmpdir(), 'x86lab-entry-'));
try {
  const obj = join(dir, 'entry_64.o');
  const r = spawnSync('gcc', ['-c', '-I', 'examples/include', 'examples/entry_64.S', '-o', obj], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const secs = gnuSectionsOf(obj);
  writeFileSync(join(root, 'examples/entry_64.gnu.hex'), Object.entries(secs).map(([n, h]) => `${n} ${h}`).join('\n') + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(join(root, 'examples/entry_64.json'), entryJson());
console.log('examples/entry_64');
