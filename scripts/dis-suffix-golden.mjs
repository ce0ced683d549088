#!/usr/bin/env node
// Regenerates test/decode/dis-flags/suffix64.txt and suffix32.txt from GNU objdump (binutils 2.40):
// the decoder's golden instructions (test/golden/dis/*{64,32}.txt), each at a 32-byte slot of one
// raw file, as `objdump -D -b binary -M suffix` and `-M intel,suffix` print them. Kept: every row
// whose text the option changes, up to 4 per change of mnemonic (movl -> movl.s, call -> callq ...),
// and one in 40 of the others.
// Line format: address<TAB>hex<TAB>AT&T text<TAB>Intel text<TAB>both without -M suffix. Usage: node scripts/dis-suffix-golden.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SLOT = 32;
const re = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$/;

function texts(file, arch, opts) {
  const out = execFileSync('objdump', ['-D', '-b', 'binary', '-m', arch, '-z', '-w', ...(opts ? ['-M', opts] : []), file], { maxBuffer: 1 << 30 }).toString();
  const at = new Map();
  for (const line of out.split('\n')) {
    const m = re.exec(line);
    if (m) at.set(parseInt(m[1], 16), { hex: m[2].replace(/ /g, ''), text: m[3].trimEnd() });
  }
  return at;
}

const dir = mkdtempSync(join(tmpdir(), 'x86lab-suffix-'));

/** The four texts of each row of `rows` placed at 32-byte slots of one file (suffix, intel,suffix, plain, intel). */
function place(rows, mode) {
  const blob = Buffer.alloc(rows.length * SLOT, 0x90);
  rows.forEach((hex, i) => Buffer.from(hex, 'hex').copy(blob, i * SLOT));
  const file = join(dir, `blob${mode}.bin`);
  writeFileSync(file, blob);
  const arch = mode === 64 ? 'i386:x86-64' : 'i386';
  const all = [texts(file, arch, 'suffix'), texts(file, arch, 'intel,suffix'), texts(file, arch), texts(file, arch, 'intel')];
  // Only rows objdump decodes as one instruction of exactly these bytes.
  return rows.map((hex, i) => {
    const x = all.map((t) => t.get(i * SLOT));
    return x.some((t) => t === undefined || t.hex !== hex) ? undefined : x.map((t) => t.text);
  });
}

for (const mode of [64, 32]) {
  const rows = [];
  for (const kind of ['asm', 'real', 'vex', 'hint', 'xop']) {
    for (const line of readFileSync(`test/golden/dis/${kind}${mode}.txt`, 'utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      rows.push(line.split('\t')[1]);
    }
  }
  const perChange = new Map();
  const kept = [];
  place(rows, mode).forEach((x, i) => {
    if (x === undefined) return;
    const mn = (t) => t.split(' ')[0];
    const key = `${mn(x[2])}>${mn(x[0])}|${mn(x[3])}>${mn(x[1])}`;
    const changed = x[0] !== x[2] || x[1] !== x[3];
    const n = perChange.get(key) ?? 0;
    if (changed ? n >= 4 : i % 40 !== 0) return;
    perChange.set(key, n + 1);
    kept.push(rows[i]);
  });
  // The kept rows again, side by side (branch targets are then those of the committed addresses).
  const out = [];
  place(kept, mode).forEach((x, i) => {
    if (x !== undefined) out.push([(i * SLOT).toString(16), kept[i], ...x].join('\t'));
  });
  const name = `test/decode/dis-flags/suffix${mode}.txt`;
  writeFileSync(name, `# objdump -D -b binary -M suffix / -M intel,suffix (then without suffix) of the decoder's golden rows at 32-byte slots; regenerate: node scripts/dis-suffix-golden.mjs\n${out.join('\n')}\n`);
  console.log(`${name}: ${out.length} rows`);
}
