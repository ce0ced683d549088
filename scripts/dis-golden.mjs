#!/usr/bin/env node
// Regenerates the disassembler's golden data from GNU objdump (binutils 2.40) on this machine:
//   test/golden/dis/real64.txt, real32.txt   fixed windows of real code (libc, node, a 32-bit binary)
//   test/golden/dis/asm64.txt, asm32.txt     every byte sequence of the assembler's golden corpus
// Line format: address<TAB>hex<TAB>objdump text (symbol names reduced to addresses).
// Usage: node scripts/dis-golden.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = 'test/golden/dis';
const norm = (t) => t.replace(/\b([0-9a-f]+) <[^>]*>/g, '0x$1').trimEnd();
const re = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$/;

function objdump(args) {
  return execFileSync('objdump', args, { maxBuffer: 1 << 30 }).toString();
}

function parse(out) {
  const res = [];
  for (const line of out.split('\n')) {
    const m = re.exec(line);
    if (m) res.push([m[1], m[2].replace(/ /g, ''), norm(m[3])]);
  }
  return res;
}

/** Windows of `count` instructions each from evenly spread places of the file's .text. */
function windows(file, nwin, perWin) {
  const hdr = objdump(['-h', '-w', file]);
  const m = / \.text\s+([0-9a-f]+)\s+([0-9a-f]+)/.exec(hdr);
  if (!m) return [];
  const size = parseInt(m[1], 16);
  const vma = BigInt('0x' + m[2]);
  const rows = [];
  for (let i = 0; i < nwin; i++) {
    const start = vma + BigInt(Math.floor((size * i) / nwin));
    const stop = start + BigInt(perWin * 8);
    const ins = parse(objdump(['-d', '-w', '-z', `--start-address=0x${start.toString(16)}`, `--stop-address=0x${stop.toString(16)}`, file]));
    // Drop the first few (the window may start mid-instruction) and the last (may be cut at the stop address).
    rows.push(...ins.slice(4, Math.min(ins.length - 1, 4 + perWin)));
  }
  return rows;
}

function write(name, header, rows) {
  writeFileSync(join(OUT, name), `# ${header}\n` + rows.map((r) => r.join('\t')).join('\n') + '\n');
  console.log(`${name}: ${rows.length} instructions`);
}

const real64 = [];
for (const f of ['/lib/x86_64-linux-gnu/libc.so.6', '/usr/bin/node']) if (existsSync(f)) real64.push(...windows(f, 20, 120));
write('real64.txt', 'objdump -d -w on windows of libc.so.6 and node (x86-64); regenerate: node scripts/dis-golden.mjs', real64);
const real32 = [];
for (const f of ['/usr/libexec/valgrind/memcheck-x86-linux']) if (existsSync(f)) real32.push(...windows(f, 30, 120));
write('real32.txt', 'objdump -d -w on windows of valgrind memcheck-x86-linux (i386); regenerate: node scripts/dis-golden.mjs', real32);

// The assembler corpus: each distinct byte sequence (relocated bytes xx -> 00), placed in one blob at 16-byte slots.
for (const mode of [64, 32]) {
  const src = `test/golden/asm/corpus${mode}.txt`;
  if (!existsSync(src)) continue;
  const seqs = new Set();
  for (const line of readFileSync(src, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.includes('\t')) continue;
    const hex = line.slice(line.lastIndexOf('\t') + 1);
    if (hex.startsWith('ERROR') || hex === '') continue;
    seqs.add(hex.replace(/xx/g, '00'));
  }
  const list = [...seqs];
  const slot = 32;
  const blob = Buffer.alloc(list.length * slot, 0x90);
  list.forEach((h, i) => Buffer.from(h, 'hex').copy(blob, i * slot, 0, Math.min(slot, h.length / 2)));
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-dis-'));
  const bin = join(dir, 'corpus.bin');
  writeFileSync(bin, blob);
  const rows = parse(objdump(['-D', '-w', '-z', '-b', 'binary', '-m', mode === 64 ? 'i386:x86-64' : 'i386', bin]));
  const keep = [];
  let i = 0;
  for (let s = 0; s < list.length; s++) {
    const start = s * slot;
    const end = start + list[s].length / 2;
    const group = [];
    while (i < rows.length && parseInt(rows[i][0], 16) < start) i++;
    while (i < rows.length && parseInt(rows[i][0], 16) < end) group.push(rows[i++]);
    const last = group[group.length - 1];
    // Keep sequences objdump splits exactly at their end (others ran into the padding).
    if (group.length && parseInt(last[0], 16) + last[1].length / 2 === end) keep.push(...group);
  }
  write(`asm${mode}.txt`, `objdump -D -b binary of each byte sequence of ${src} at 32-byte slots; regenerate: node scripts/dis-golden.mjs`, keep);
}
