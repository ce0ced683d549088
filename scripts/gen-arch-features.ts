// Measures which CPUs and extensions GNU as 2.40 requires for each mnemonic x86lab assembles and
// writes src/isa/features.ts. One sample line per mnemonic and encoding class (legacy, VEX, XOP,
// EVEX) from the encoder corpus, test/golden/asm/corpus{32,64}.txt, is assembled under
//   `.arch CPU` for every CPU name (32-bit: all; 64-bit: those with long mode),
//   `.arch .noEXT` for every extension name,
//   `.arch BASE` + `.arch .EXT` (BASE: i386, 64-bit generic64) for every extension name,
// and GNU's "`MN' is not supported on `NAME'" messages say which lines each setting refuses.
// Run: npx vite-node scripts/gen-arch-features.ts (needs `as`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPUS, EXTENSIONS } from '../src/asm/arch.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = /^(rep|repe|repz|repne|repnz|lock|data16|data32|addr16|addr32|[c-gs]s|rex[.\w]*|rex64|notrack|bnd(?![a-z])|xacquire|xrelease|\{)/;
/** GNU's refusals for a lacking CPU: "not supported on", "unsupported instruction" (a template
 *  for another CPU exists) or "operand type mismatch" (another encoding's template was tried);
 *  "bad register name `%xmm0'" where the spelling is also a string instruction's (movss = movs +
 *  the x87 `s' suffix) and the CPU has no SSE registers. */
const MSG = /^[^:]*:(\d+): (Error|Warning): (?:`[^']*' is not supported on `[^']*'|(unsupported instruction) `|operand type mismatch for `|bad register name `%x?mm)/;
/** The mnemonic GNU names in its refusal. */
const NAMED = /^[^:]*:(\d+): Error: (?:`([^']*)' is not supported on|unsupported instruction `([^']*)'|operand type mismatch for `([^']*)')/;
/** Per mode: sample key -> the name GNU's messages give it, where not the mnemonic as written. */
const reportedAs: Record<number, Map<string, string>> = { 32: new Map(), 64: new Map() };
let curKeys: readonly string[] = [];
let curMode: 32 | 64 = 32;

/** Encoding class from the bytes: after legacy and REX prefixes, C4/C5 VEX, 8F XOP, 62 EVEX (as used-note.ts reads it). */
function encodingClass(hex: string, mode: number): string {
  const b = hex.match(/../g) ?? [];
  let i = 0;
  while (i < b.length && (/^(66|67|f0|f2|f3|2e|36|3e|26|64|65)$/.test(b[i]) || (mode === 64 && /^4[0-9a-f]$/.test(b[i])))) i++;
  return b[i] === 'c4' || b[i] === 'c5' ? 'vex' : b[i] === '8f' && (parseInt(b[i + 1] ?? '0', 16) & 0x18) === 0x08 ? 'xop' : b[i] === '62' && mode === 64 ? 'evex' : 'legacy';
}

/** Encodings x86lab lacks whose presence changes GNU's message for one it has (TBM's bextr: a
 *  VEX bextr under .nobmi is then an operand mismatch). */
const EXTRA: readonly string[] = ['bextr $1,%eax,%ebx'];

const dir = mkdtempSync(join(tmpdir(), 'x86lab-arch-features-'));

/** Line numbers (1-based, of the sample lines) GNU refuses after `head`. */
function refused(mode: 32 | 64, head: string, lines: readonly string[]): { errors: Set<number>; warnings: Set<number>; unsupported: Set<number> } {
  const hl = head.split('\n').length;
  writeFileSync(join(dir, 'a.s'), `${head}\n${lines.join('\n')}\n`);
  const r = spawnSync('as', [`--${mode}`, '-o', join(dir, 'a.o'), join(dir, 'a.s')], { encoding: 'utf8' });
  const errors = new Set<number>();
  const warnings = new Set<number>();
  const unsupported = new Set<number>();
  for (const l of r.stderr.split('\n')) {
    const m = MSG.exec(l);
    if (m && Number(m[1]) > hl) {
      (m[2] === 'Error' ? errors : warnings).add(Number(m[1]) - hl - 1);
      if (m[3]) unsupported.add(Number(m[1]) - hl - 1);
      const n = NAMED.exec(l);
      const key = curKeys[Number(m[1]) - hl - 1];
      const named = n?.[2] ?? n?.[3] ?? n?.[4];
      if (named && key && named !== key.split('/')[0]) reportedAs[curMode].set(key.split('/')[0], named);
    }
    else if (m) throw new Error(`${head}: ${l}`);
  }
  return { errors, warnings, unsupported };
}

interface Group { cpus: string[]; nos: string[]; ens: string[]; unsupported: boolean; mnemonics: string[] }
const out: Record<number, Group[]> = {};
try {
  for (const mode of [32, 64] as const) {
    const samples = new Map<string, string>();
    for (const l of readFileSync(join(repo, `test/golden/asm/corpus${mode}.txt`), 'utf8').split('\n')) {
      if (!l || l.startsWith('#') || l.includes('\tERROR')) continue;
      const f = l.split('\t');
      const mn = f[0].trim().split(/\s+/)[0].toLowerCase();
      if (PREFIX.test(mn)) continue;
      const cls = encodingClass(f[f.length - 1].replace(/x/g, '0'), mode);
      const key = cls === 'legacy' ? mn : `${mn}/${cls}`;
      if (!samples.has(key)) samples.set(key, f[0]);
    }
    for (const line of EXTRA) {
      writeFileSync(join(dir, 'a.s'), `${line}\n`);
      if (spawnSync('as', [`--${mode}`, '-o', join(dir, 'a.o'), join(dir, 'a.s')]).status !== 0) continue;
      spawnSync('objcopy', ['-O', 'binary', '-j', '.text', join(dir, 'a.o'), join(dir, 'a.bin')]);
      const cls = encodingClass(readFileSync(join(dir, 'a.bin')).toString('hex'), mode);
      const mn = line.split(' ')[0];
      const key = cls === 'legacy' ? mn : `${mn}/${cls}`;
      if (!samples.has(key)) samples.set(key, line);
    }
    const keys = [...samples.keys()];
    const lines = keys.map((k) => samples.get(k)!);
    curKeys = keys;
    curMode = mode;
    const sig = keys.map(() => ({ cpus: [] as string[], nos: [] as string[], ens: [] as string[], unsupported: false }));
    for (const [name, c] of CPUS) {
      if ((mode === 64 && !c.lm) || name === 'iamcu') continue; // iamcu: refused for an i386 ELF target
      const { errors, warnings, unsupported } = refused(mode, `.arch ${name}`, lines);
      if (warnings.size) throw new Error(`.arch ${name}: GNU warns (not modelled)`);
      for (const i of errors) sig[i].cpus.push(name);
      for (const i of unsupported) sig[i].unsupported = true;
    }
    const base = mode === 32 ? 'i386' : 'generic64';
    const baseRefused = refused(mode, `.arch ${base}`, lines).errors;
    for (const e of EXTENSIONS) {
      const { errors, warnings } = refused(mode, `.arch .no${e}`, lines);
      if (warnings.size) throw new Error(`.arch .no${e}: GNU warns (not modelled)`);
      for (const i of errors) sig[i].nos.push(e);
      const after = refused(mode, `.arch ${base}\n.arch .${e}`, lines).errors;
      for (const i of baseRefused) if (!after.has(i)) sig[i].ens.push(e);
    }
    const groups = new Map<string, Group>();
    keys.forEach((k, i) => {
      const s = sig[i];
      if (!s.cpus.length && !s.nos.length) return;
      const id = `${s.cpus.join(' ')}|${s.nos.join(' ')}|${s.ens.join(' ')}|${s.unsupported}`;
      const g = groups.get(id) ?? { ...s, mnemonics: [] };
      g.mnemonics.push(k);
      groups.set(id, g);
    });
    out[mode] = [...groups.values()];
    process.stdout.write(`${mode}-bit: ${keys.length} mnemonic/encodings, ${out[mode].reduce((n, g) => n + g.mnemonics.length, 0)} need a feature, ${out[mode].length} groups\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const record = (m: ReadonlyMap<string, string>): string => {
  const items = [...m].map(([k, v]) => `${k}: '${v}',`);
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += 8) rows.push(`    ${items.slice(i, i + 8).join(' ')}`);
  return rows.join('\n');
};
const table = (gs: readonly Group[]): string => gs.map((g) =>
  `    { cpus: '${g.cpus.join(' ')}', nos: '${g.nos.join(' ')}', ens: '${g.ens.join(' ')}',${g.unsupported ? ' unsupported: true,' : ''}\n      mnemonics: '${g.mnemonics.join(' ')}' },`).join('\n');
writeFileSync(join(repo, 'src/isa/features.ts'), `// Measured, not written by hand: \`npx vite-node scripts/gen-arch-features.ts\` assembles one
// sample line of every mnemonic x86lab knows (per encoding class: a key is the mnemonic, or
// mnemonic/vex, /xop, /evex) with GNU as 2.40 under each \`.arch\` setting, and records which settings
// refuse it with "\`MN' is not supported on \`NAME'":
//   cpus: the CPUs (\`.arch CPU\`, -march=CPU) that lack it;
//   nos:  the extensions whose \`.arch .noEXT\` (or -march=+noEXT) takes it away;
//   ens:  the extensions whose \`.arch .EXT\` gives it back on top of the most basic CPU
//         (i386 for 32-bit code, generic64 for 64-bit code);
//   unsupported: a CPU that lacks it gets "unsupported instruction \`MN'" instead (GNU has a
//         template of it for some CPU, e.g. sysenter's 64-bit one, and fails it later).
// Mnemonics not listed are accepted everywhere (GNU's pre-386 CPUs are not measured here).

export interface FeatureGroup {
  readonly cpus: string; readonly nos: string; readonly ens: string; readonly unsupported?: boolean; readonly mnemonics: string;
}

/** Mnemonics GNU's refusals name otherwise (a size suffix its table has no entry for). */
export const REPORTED_AS: Readonly<Record<32 | 64, Readonly<Record<string, string>>>> = {
  32: {
${record(reportedAs[32])}
  },
  64: {
${record(reportedAs[64])}
  },
};

export const FEATURE_GROUPS: Readonly<Record<32 | 64, readonly FeatureGroup[]>> = {
  32: [
${table(out[32])}
  ],
  64: [
${table(out[64])}
  ],
};
`);
