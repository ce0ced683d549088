// Whole-file differential run against objdump -d (see scripts/dis-diff.mjs).
import { readFileSync } from 'node:fs';
import { diffElf, emptyResult, summary } from '../test/decode/objdump-diff.js';
import { readElf } from '../src/decode/elf.js';

const files = process.argv.slice(2);
const CHUNK = 0x100000n; // objdump's output for node's 27 MiB .text would not fit in one string
for (const f of files) {
  const elf = readElf(new Uint8Array(readFileSync(f)));
  const r = emptyResult();
  for (const s of elf.sections) {
    if ((s.flags & 4) === 0 || s.type !== 1 || s.size === 0) continue;
    if (elf.type === 1) continue;
    for (let a = s.addr; a < s.addr + BigInt(s.size); a += CHUNK) {
      const stop = a + CHUNK < s.addr + BigInt(s.size) ? a + CHUNK : s.addr + BigInt(s.size);
      diffElf(f, { start: a, stop, result: r });
    }
  }
  if (elf.type === 1) diffElf(f, { result: r });
  console.log(`${f}\n  ${summary(r).replace('\n', '\n  ')}`);
  for (const m of r.mismatches.slice(0, 20)) console.log(`  ${m.addr.toString(16)} ${m.hex}\n    objdump: ${m.objdump}\n    x86lab:  ${m.ours}`);
}
