// Compares x86lab's ELF objects with GNU as's on a built Linux tree's assembly files: for each
// `.o` kbuild made from a `.S` (found by its `.*.o.cmd`), preprocess with kbuild's own gcc command
// (`-E -P` instead of `-c`), assemble the text with `as --64|--32` and with x86lab, and `cmp`.
// The kernel sources stay outside the repository.
//
//   npx vite-node scripts/elf-kernel-diff.ts BUILD_DIR 64|32 [-v]
//
// Prints one line per differing or rejected file and a summary (identical / differ / x86lab
// rejects / GNU rejects).

import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../src/asm/assemble.js';
import { toElf } from '../src/output/elf.js';

const [build, modeArg, verbose] = process.argv.slice(2);
if (!build || (modeArg !== '64' && modeArg !== '32')) {
  console.error('usage: elf-kernel-diff.ts BUILD_DIR 64|32 [-v]');
  process.exit(2);
}
const mode = Number(modeArg) as 32 | 64;

function cmdFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) cmdFiles(p, out);
    else if (/^\..*\.o\.cmd$/.test(e)) out.push(p);
  }
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'x86lab-kdiff-'));
const count = { same: 0, differ: 0, rejected: 0, gnuRejected: 0 };
try {
  for (const cmdFile of cmdFiles(build).sort()) {
    const line = readFileSync(cmdFile, 'utf8').split('\n').find((l) => l.startsWith('savedcmd_'));
    if (!line) continue;
    const cmd = line.replace(/^savedcmd_\S+ := /, '');
    if (!cmd.includes(' -D__ASSEMBLY__ ') || !/\.S\s*$/.test(cmd)) continue;
    const name = cmdFile.slice(build.length + 1).replace(/\/\./, '/').replace(/\.o\.cmd$/, '');
    const src = join(tmp, 'in.s');
    const pp = cmd.replace(/ -c -o \S+ /, ` -E -P -o ${src} `).replace(/-Wp,-MMD,\S+/, '');
    try { execSync(pp, { cwd: build, stdio: 'ignore' }); } catch { continue; }
    const gnuObj = join(tmp, 'gnu.o');
    rmSync(gnuObj, { force: true });
    if (spawnSync('as', [`--${mode}`, src, '-o', gnuObj]).status !== 0) { count.gnuRejected++; continue; }
    const r = assemble(readFileSync(src, 'utf8'), { mode, file: src, listing: false });
    if (r.errors > 0) {
      count.rejected++;
      if (verbose) console.log(`REJECTED ${name}: ${r.diagnostics.find((d) => d.severity === 'error')?.message}`);
      continue;
    }
    const ours = Buffer.from(toElf(r));
    if (ours.equals(readFileSync(gnuObj))) count.same++;
    else { count.differ++; console.log(`DIFFERS ${name}`); }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`--${mode}: ${count.same} identical, ${count.differ} differ, ${count.rejected} rejected by x86lab, ${count.gnuRejected} rejected by GNU as`);
