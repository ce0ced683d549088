// Measures which x86 ISA level and feature bits GNU as 2.40 records with -mx86-used-note=yes for
// each mnemonic x86lab assembles, per encoding class (legacy, VEX, XOP: `bextr` is BMI1 as VEX
// and TBM as XOP) — up to four sample lines each from the encoder corpus,
// test/golden/asm/corpus{32,64}.txt, plus EXTRA below, each assembled on its own — and writes
// src/asm/used-note-data.ts. Run: npx vite-node scripts/gen-used-note.ts (needs `as`, `readelf`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ISA: Record<string, number> = { 'x86-64-baseline': 1, 'x86-64-v2': 2, 'x86-64-v3': 4, 'x86-64-v4': 8 };
const FEATURE: Record<string, number> = { x86: 1, x87: 2, MMX: 4, XMM: 8, YMM: 16, ZMM: 32, FXSR: 64, XSAVE: 128, XSAVEOPT: 256, XSAVEC: 512, TMM: 1024, MASK: 2048 };
const PREFIX = /^(rep|repe|repz|repne|repnz|lock|data16|data32|addr16|addr32|[c-gs]s|rex[.\w]*|rex64|notrack|bnd|xacquire|xrelease|\{)/;

/** Lines outside the corpus (instructions being added to x86lab), as GNU encodes them. */
const EXTRA: readonly string[] = ['crc32b %al,%ebx', 'crc32w %ax,%ebx', 'crc32l %eax,%ebx', 'crc32 %eax,%ebx', 'crc32 %al,%ebx', 'emms'];
const EXTRA64: readonly string[] = ['crc32q %rax,%rbx', 'crc32b %al,%rbx'];

/** Encoding class from the instruction bytes: after legacy and REX prefixes, C4/C5 VEX, 8F XOP, 62 EVEX. */
export function encodingClass(hex: string, mode: number): string {
  const b = hex.match(/../g) ?? [];
  let i = 0;
  while (i < b.length && (/^(66|67|f0|f2|f3|2e|36|3e|26|64|65)$/.test(b[i]) || (mode === 64 && /^4[0-9a-f]$/.test(b[i])))) i++;
  return b[i] === 'c4' || b[i] === 'c5' ? 'vex' : b[i] === '8f' && (parseInt(b[i + 1] ?? '0', 16) & 0x18) === 0x08 ? 'xop' : b[i] === '62' && mode === 64 ? 'evex' : 'legacy';
}

const bits = (text: string, names: Record<string, number>): number =>
  text.split(',').map((s) => s.trim()).filter(Boolean).reduce((b, s) => {
    if (names[s] === undefined) throw new Error(`unknown name ${s}`);
    return b | names[s];
  }, 0);

const dir = mkdtempSync(join(tmpdir(), 'x86lab-used-note-'));
const out: Record<number, Map<string, string[]>> = {};
try {
  for (const mode of [32, 64] as const) {
    const samples = new Map<string, string[]>();
    const lines = readFileSync(join(repo, `test/golden/asm/corpus${mode}.txt`), 'utf8').split('\n')
      .filter((l) => l && !l.startsWith('#') && !l.includes('\tERROR')).map((l) => { const f = l.split('\t'); return [f[0], f[f.length - 1]]; });
    for (const s of [...EXTRA, ...(mode === 64 ? EXTRA64 : [])]) {
      writeFileSync(join(dir, 'a.s'), `${s}\n`);
      if (spawnSync('as', [`--${mode}`, '-o', join(dir, 'a.o'), join(dir, 'a.s')]).status !== 0) continue;
      const hex = spawnSync('objcopy', ['-O', 'binary', '-j', '.text', join(dir, 'a.o'), join(dir, 'a.bin')]).status === 0 ? readFileSync(join(dir, 'a.bin')).toString('hex') : '';
      lines.push([s, hex]);
    }
    for (const [src, hex] of lines) {
      const mn = src.trim().split(/\s+/)[0].toLowerCase();
      if (PREFIX.test(mn)) continue;
      // 32-bit 8F/62 are pop/bound unless VEX-like: classify those as legacy (as encodingClass does).
      // Legacy SIMD forms are keyed apart (`movsd/simd` is SSE2's, `movsd` the string move).
      const cls = encodingClass(hex.replace(/x/g, '0'), mode);
      const key = `${mn}/${cls === 'legacy' && /%x?mm\d/.test(src) ? 'simd' : cls}`;
      const a = samples.get(key) ?? [];
      if (a.length < 4) a.push(src);
      samples.set(key, a);
    }
    const groups = new Map<string, string[]>();
    for (const [mn, srcs] of samples) {
      const seen = new Set<string>();
      let simdExtra = 0;
      for (const s of srcs) {
        writeFileSync(join(dir, 'a.s'), `${s}\n`);
        if (spawnSync('as', [`--${mode}`, '-mx86-used-note=yes', '-o', join(dir, 'a.o'), join(dir, 'a.s')]).status !== 0) continue;
        const n = spawnSync('readelf', ['-n', join(dir, 'a.o')], { encoding: 'utf8' }).stdout;
        const isa = bits(/ISA used: ([^\n]*)/.exec(n)?.[1] ?? '', ISA);
        let feature = bits(/feature used: ([^\n]*)/.exec(n)?.[1] ?? '', FEATURE) & ~1;
        if (mn.endsWith('/simd')) {
          // Legacy SIMD: the MMX/XMM bits of the registers written are added when assembling
          // (src/asm/used-note.ts); what the template adds besides (cvtpi2ps (%eax),%xmm0 is MMX
          // too) is the union over the samples.
          const regs = (/%mm\d/.test(s) ? FEATURE.MMX : 0) | (/%xmm\d/.test(s) ? FEATURE.XMM : 0);
          simdExtra |= feature & (FEATURE.MMX | FEATURE.XMM) & ~regs;
          feature &= ~(FEATURE.MMX | FEATURE.XMM);
        }
        seen.add(`${isa},${feature}`);
      }
      if (seen.size > 1) throw new Error(`${mn} (${mode}-bit): samples disagree: ${[...seen].join(' / ')}`);
      // Keys are mnemonic/class; legacy is the default and written without its class.
      const [isa0, f0] = ([...seen][0] ?? '0,0').split(',').map(Number);
      const key = seen.size ? `${isa0},${f0 | simdExtra}` : undefined;
      if (!key || key === '0,0') continue;
      groups.set(key, [...(groups.get(key) ?? []), mn.replace(/\/legacy$/, '')]);
    }
    out[mode] = groups;
    process.stdout.write(`${mode}-bit: ${samples.size} mnemonic/encodings, ${[...groups.values()].reduce((s, g) => s + g.length, 0)} with bits\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const table = (g: Map<string, string[]>): string => [...g].map(([k, mns]) => {
  const [isa, feature] = k.split(',');
  return `    { isa: ${isa}, feature: ${feature}, mnemonics: '${mns.join(' ')}' },`;
}).join('\n');
writeFileSync(join(repo, 'src/asm/used-note-data.ts'), `// Measured, not written by hand: \`npx vite-node scripts/gen-used-note.ts\` assembles sample lines of
// every mnemonic x86lab knows with GNU as 2.40 -mx86-used-note=yes and records the ISA level bits
// (GNU_PROPERTY_X86_ISA_1_USED: 1 baseline, 2 v2, 4 v3, 8 v4) and feature bits
// (GNU_PROPERTY_X86_FEATURE_2_USED, besides x86: 2 x87, 4 MMX, 8 XMM, 64 FXSR, 128 XSAVE, ...)
// it gives, by mnemonic (legacy encoding) or mnemonic/vex, /xop, /evex. Those not listed set nothing.

export interface UsedBits { readonly isa: number; readonly feature: number; readonly mnemonics: string }

export const USED_BITS: Readonly<Record<32 | 64, readonly UsedBits[]>> = {
  32: [
${table(out[32])}
  ],
  64: [
${table(out[64])}
  ],
};
`);
