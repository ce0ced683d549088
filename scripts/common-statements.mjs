// Writes grammar/common-statements.s: one example of each statement shape (token-type sequence)
// that is common in compiler output, from which scripts/build-grammar.mjs makes the parse trees
// shipped with the assembler (src/asm/common-shapes.ts explains why).
//
// Sources: the assembler benchmark's input (bench/gen-asm-input.mjs, two seeds) and `gcc -S` of the
// repository's C files at -O0 and -O2 (skipped where gcc is missing). Shapes seen at least
// MIN_COUNT times are kept, most frequent first. Needs `npm run build` (reads dist/).
//
// Usage: node scripts/common-statements.mjs

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAsm } from '../bench/gen-asm-input.mjs';
import { statementSource } from '../dist/asm/lines.js';
import { isParsed, parseStatement } from '../dist/asm/parse.js';
import { RAW_DIRECTIVES } from '../dist/asm/directives.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_COUNT = 3;
const MAX_SHAPES = 400;

/** C files of the repository (node_modules and build output aside). */
function cFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) cFiles(p, out);
    else if (name.endsWith('.c')) out.push(p);
  }
  return out;
}

const texts = [generateAsm({ lines: 50_000, seed: 1 }), generateAsm({ lines: 50_000, seed: 2 })];
for (const c of cFiles(root)) {
  for (const opt of ['-O0', '-O2']) {
    try {
      texts.push(execFileSync('gcc', ['-S', opt, '-w', '-o', '-', c], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    } catch { /* no gcc, or a file that needs other headers */ }
  }
}

const seen = new Map(); // key -> { count, example }
for (const text of texts) {
  const src = statementSource(text, 'x.s');
  for (let l = src.next(); l; l = src.next()) {
    const t = l.text.trim();
    if (!t) continue;
    const p = parseStatement(t);
    if (!isParsed(p)) continue;
    const toks = p.toks;
    // Raw directives never reach the grammar; flat lists (long .byte lines) are parsed without it.
    let h = 0;
    while (h + 1 < toks.length && (toks[h].type === 'ident' || toks[h].type === 'num') && toks[h + 1].type === 'colon') h += 2;
    if (toks[h]?.type === 'dname' && RAW_DIRECTIVES.has(toks[h].value.toLowerCase())) continue;
    if (toks.length > 24) continue;
    const key = toks.map((x) => x.type).join(' ');
    const e = seen.get(key);
    if (e) e.count++;
    else seen.set(key, { count: 1, example: t.replace(/\s+/g, ' ') });
  }
}
const kept = [...seen.values()].filter((e) => e.count >= MIN_COUNT).sort((a, b) => b.count - a.count).slice(0, MAX_SHAPES);
const head = `# One statement of each common shape (token-type sequence) in compiler output, most frequent first.
# scripts/build-grammar.mjs parses these with the grammar at build time and ships the trees
# (src/asm/common-shapes.ts); a shape missing here is parsed at run time as before.
# Made by scripts/common-statements.mjs (benchmark input, gcc -S of the repository's C files).
`;
writeFileSync(join(root, 'grammar', 'common-statements.s'), head + kept.map((e) => `\t${e.example}\n`).join(''));
console.log(`${kept.length} shapes of ${seen.size} (seen at least ${MIN_COUNT} times)`);
