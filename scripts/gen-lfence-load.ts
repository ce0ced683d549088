// Measures where GNU as 2.40 -mlfence-after-load=yes puts an lfence (0f ae e8) after an
// instruction: every line of the encoder corpus, test/golden/asm/corpus{32,64}.txt, is assembled
// with the option and the listing compared with the line's own bytes. Keyed by mnemonic and operand
// shape (AT&T order; i immediate, r register, m memory), written to src/asm/lfence-load-data.ts.
// Run: npx vite-node scripts/gen-lfence-load.ts (needs `as`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operandShape } from '../src/asm/lfence-load.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = /^(rep|repe|repz|repne|repnz|lock|data16|data32|addr16|addr32|[c-gs]s|rex[.\w]*|rex64|notrack|bnd|xacquire|xrelease|\{)/;
const dir = mkdtempSync(join(tmpdir(), 'x86lab-lfence-load-'));

/** Splits the operand text at top-level commas. */
function operands(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
const kind = (o: string): 'i' | 'r' | 'm' => (o.startsWith('$') ? 'i' : /^\*?%[\w()]+$/.test(o) && !o.includes('(%') ? 'r' : 'm');

const out: Record<number, string[]> = {};
try {
  for (const mode of [32, 64] as const) {
    const lines: { src: string; hex: string; key: string }[] = [];
    for (const l of readFileSync(join(repo, `test/golden/asm/corpus${mode}.txt`), 'utf8').split('\n')) {
      if (!l || l.startsWith('#') || l.includes('\tERROR')) continue;
      const f = l.split('\t');
      const src = f[0].trim();
      const [mn, ...rest] = src.split(/\s+/);
      if (PREFIX.test(mn) || src.includes(';')) continue;
      lines.push({ src, hex: f[f.length - 1], key: operandShape(mn.toLowerCase(), operands(rest.join(' ')).map(kind)) });
    }
    writeFileSync(join(dir, 'a.s'), lines.map((x) => x.src).join('\n') + '\n');
    const r = spawnSync('as', [`--${mode}`, '-mlfence-after-load=yes', `-aln=${join(dir, 'a.lst')}`, '-o', join(dir, 'a.o'), join(dir, 'a.s')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) process.stdout.write(r.stderr.split('\n').filter((x) => x.includes('Error')).slice(0, 5).join('\n') + '\n');
    // Listing: "  N ADDR HEXHEX  \tsource", continued on lines "  N      HEX".
    const bytes = new Map<number, string>();
    for (const l of readFileSync(join(dir, 'a.lst'), 'latin1').split('\n')) {
      // A line's first row has its address and a tab before the source; continuation rows have neither.
      const tab = l.indexOf('\t');
      const t = (tab >= 0 ? l.slice(0, tab) : l).trim().split(/\s+/);
      if (!/^\d+$/.test(t[0] ?? '')) continue;
      const hex = tab >= 0 ? t[2] : t[1];
      if (hex && /^[0-9A-F]+$/.test(hex)) bytes.set(Number(t[0]), (bytes.get(Number(t[0])) ?? '') + hex.toLowerCase());
    }
    const verdict = new Map<string, Set<boolean>>();
    lines.forEach((x, i) => {
      const b = bytes.get(i + 1);
      if (b === undefined || x.hex.includes('x')) return;
      const yes = b === x.hex + '0faee8';
      if (!yes && b !== x.hex) return; // something else changed: not this rule's business
      const v = verdict.get(x.key) ?? new Set<boolean>();
      v.add(yes);
      verdict.set(x.key, v);
    });
    const mixed = [...verdict].filter(([, v]) => v.size > 1).map(([k]) => k);
    if (mixed.length) process.stdout.write(`${mode}-bit: shapes with both outcomes (left out): ${mixed.join(' ')}\n`);
    out[mode] = [...verdict].filter(([, v]) => v.size === 1 && v.has(true)).map(([k]) => k).sort();
    process.stdout.write(`${mode}-bit: ${verdict.size} shapes, ${out[mode].length} get an lfence\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const list = (keys: readonly string[]): string => {
  const rows: string[] = [];
  for (let i = 0; i < keys.length; i += 10) rows.push(`    '${keys.slice(i, i + 10).join(' ')}',`);
  return rows.join('\n');
};
writeFileSync(join(repo, 'src/asm/lfence-load-data.ts'), `// Measured, not written by hand: \`npx vite-node scripts/gen-lfence-load.ts\` assembles the encoder
// corpus with GNU as 2.40 -mlfence-after-load=yes; these mnemonic:shape keys (operands in AT&T
// order: i immediate, r register, m memory) are the instructions GNU follows with an lfence.

export const LFENCE_AFTER: Readonly<Record<32 | 64, readonly string[]>> = {
  32: [
${list(out[32])}
  ],
  64: [
${list(out[64])}
  ],
};
`);
