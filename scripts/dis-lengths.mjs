#!/usr/bin/env node
// Derives src/decode/foreign-lengths.ts from GNU objdump: for every opcode of the one-byte, 0F,
// 0F 38 and 0F 3A maps under each mandatory-prefix context (none, 66, F3, F2), whether objdump
// decodes it, whether it has a ModRM byte and whether an imm8 follows. The decoder uses this only
// for encodings outside the ISA table (SSE, x87, ...), to report them as unsupported with their
// real length so a listing stays in step with objdump instead of resynchronising byte by byte.
// Usage: node scripts/dis-lengths.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SLOT = 32;
const dir = mkdtempSync(join(tmpdir(), 'x86lab-len-'));
const MAPS = [[], [0x0f], [0x0f, 0x38], [0x0f, 0x3a]];
const PFX = [[], [0x66], [0xf3], [0xf2]];

function probe(seqs) {
  const blob = Buffer.alloc(seqs.length * SLOT, 0x90);
  seqs.forEach((s, i) => Buffer.from(s).copy(blob, i * SLOT));
  const bin = join(dir, 'p.bin');
  writeFileSync(bin, blob);
  const out = execFileSync('objdump', ['-D', '-w', '-b', 'binary', '-m', 'i386:x86-64', bin], { maxBuffer: 1 << 28 }).toString();
  const at = new Map();
  for (const line of out.split('\n')) {
    const m = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$/.exec(line);
    if (m) at.set(parseInt(m[1], 16), { len: m[2].split(' ').length, text: m[3] });
  }
  return seqs.map((_, i) => at.get(i * SLOT));
}

const tables = [];
for (let m = 0; m < MAPS.length; m++) {
  const row = [];
  for (let p = 0; p < PFX.length; p++) {
    // Probe every ModRM.reg value (groups such as 66 0F 73 /2 are defined only for some of them).
    const a = [];
    const b = [];
    for (let r = 0; r < 8; r++) {
      const mem = [];
      const reg = [];
      for (let op = 0; op < 256; op++) {
        const head = [...PFX[p], ...MAPS[m], op];
        mem.push([...head, 0x05 | (r << 3), 0x11, 0x22, 0x33, 0x44, 0x55, 0x55, 0x55, 0x55]);
        reg.push([...head, 0xc0 | (r << 3), 0x55, 0x55, 0x55, 0x55]);
      }
      a.push(probe(mem));
      b.push(probe(reg));
    }
    const good = (x) => x && !x.text.includes('(bad)') && !x.text.startsWith('.byte') && !/^(data16|repz|repnz)$/.test(x.text);
    let s = '';
    for (let op = 0; op < 256; op++) {
      const base = PFX[p].length + MAPS[m].length + 1;
      const A = a.map((x) => x[op]).find(good);
      const B = b.map((x) => x[op]).find(good);
      const okA = A !== undefined;
      const okB = B !== undefined;
      if (!okA && !okB) { s += '.'; continue; }
      // ModRM present: the mem probe is 4 bytes longer (its disp32). imm8: one more byte than that.
      const modrm = okA && okB ? A.len - B.len === 4 : okA ? A.len - base >= 5 : true;
      const ref = okB ? B.len - base - (modrm ? 1 : 0) : A.len - base - (modrm ? 5 : 0);
      const imm = ref === 1;
      if (ref !== 0 && ref !== 1) { s += '.'; continue; }
      let c = modrm ? (imm ? 'i' : 'm') : imm ? 'j' : 'n';
      if (modrm && okA && !okB) c = c.toUpperCase(); // memory forms only
      if (modrm && okB && !okA) c = imm ? '2' : '1'; // register forms only
      s += c;
    }
    row.push(s);
  }
  tables.push(row);
}

const names = ['one-byte', '0F', '0F 38', '0F 3A'];
let ts = `// Data derived from GNU objdump 2.40 by scripts/dis-lengths.mjs (regenerate there; do not edit).
// For opcodes outside the ISA table only: per map and mandatory-prefix context (none, 66, F3, F2),
// 256 codes, one per opcode byte:
//   '.' undefined   'm' ModRM   'i' ModRM + imm8   'n' no ModRM   'j' no ModRM + imm8
//   'M'/'I' ModRM, memory forms only   '1'/'2' ModRM, register forms only (1: no imm, 2: imm8)
export const FOREIGN: readonly (readonly string[])[] = [\n`;
tables.forEach((row, i) => {
  ts += `  // ${names[i]}\n  [\n${row.map((r) => `    '${r}',`).join('\n')}\n  ],\n`;
});
ts += '];\n';
writeFileSync('src/decode/foreign-lengths.ts', ts);
console.log('wrote src/decode/foreign-lengths.ts');
