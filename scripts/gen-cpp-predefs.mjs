// Writes src/asm/cpp/predefs.ts: the macros gcc predefines in assembler-with-cpp mode
// (`gcc [-m32] -dM -E -x assembler-with-cpp /dev/null`, which includes stdc-predef.h),
// so the built-in preprocessor sees the same names kernel headers test. The output is
// committed because gcc is not needed to build or use x86lab. Run: node scripts/gen-cpp-predefs.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const dump = (args) =>
  execFileSync('gcc', [...args, '-dM', '-E', '-x', 'assembler-with-cpp', '/dev/null'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.startsWith('#define '))
    .map((l) => l.slice('#define '.length))
    .sort();
const version = execFileSync('gcc', ['-dumpfullversion'], { encoding: 'utf8' }).trim();
const q = (a) => '[\n' + a.map((s) => `  ${JSON.stringify(s)},`).join('\n') + '\n]';
writeFileSync(
  new URL('../src/asm/cpp/predefs.ts', import.meta.url),
  `// Macros gcc ${version} predefines for assembler-with-cpp (gcc -dM -E), one \`NAME body\` per entry.
// Produced by scripts/gen-cpp-predefs.mjs from running gcc; committed data, do not edit by hand.

export const PREDEFS_64: readonly string[] = ${q(dump([]))};

export const PREDEFS_32: readonly string[] = ${q(dump(['-m32']))};
`,
);
console.log('wrote src/asm/cpp/predefs.ts');
