// Writes test/golden/dis/large.json: the SHA-256 and length of objdump's text of dis-large.test.ts's
// object under each flag set (`npm run golden:dis-large`; needs objdump).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { FLAGS, GOLDEN, largeObject, neutral, sha256 } from '../test/decode/dis-large-input.js';

const { path } = largeObject();
const out: Record<string, { sha256: string; bytes: number }> = {};
for (const [name, flags] of Object.entries(FLAGS)) {
  const t = neutral(execFileSync('objdump', [...flags, path], { maxBuffer: 1 << 30 }).toString('latin1'), path);
  out[name] = { sha256: sha256(t), bytes: t.length };
}
writeFileSync(GOLDEN, JSON.stringify(out, null, 2) + '\n');
console.log(`${GOLDEN}: ${Object.keys(out).join(', ')}`);
