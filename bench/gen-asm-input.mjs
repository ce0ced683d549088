// Deterministic generator of the assembler benchmark input: a large AT&T file shaped like compiled
// kernel/user code — functions with prologues, ALU and moves over every addressing shape, local
// labels with short and long jumps in both directions (so relaxation has real work), calls between
// functions (global ones stay relocations, as GNU as leaves them), and data sections.
//
// The file is kept inside what @defasm/core accepts too (it has no numeric local labels `1:`/`1b`
// and no .align/.p2align), so the three assemblers time the same text.
//
// Usage: node bench/gen-asm-input.mjs [--lines N] [--seed S] [-o FILE]   (defaults: 200000, 1, bench/out/asm-200k.s)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_LINES = 200_000;
export const DEFAULT_SEED = 1;

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same file on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

const R64 = ['%rax', '%rbx', '%rcx', '%rdx', '%rsi', '%rdi', '%rbp', '%rsp', '%r8', '%r9', '%r10', '%r11', '%r12', '%r13', '%r14', '%r15'];
const R32 = ['%eax', '%ebx', '%ecx', '%edx', '%esi', '%edi', '%ebp', '%esp', '%r8d', '%r9d', '%r10d', '%r11d', '%r12d', '%r13d', '%r14d', '%r15d'];
const R16 = ['%ax', '%bx', '%cx', '%dx', '%si', '%di', '%bp', '%sp', '%r8w', '%r9w', '%r10w', '%r11w', '%r12w', '%r13w', '%r14w', '%r15w'];
const R8 = ['%al', '%bl', '%cl', '%dl', '%sil', '%dil', '%bpl', '%spl', '%r8b', '%r9b', '%r10b', '%r11b', '%r12b', '%r13b', '%r14b', '%r15b'];
// Data registers only (no %rsp/%rbp as destinations of ALU ops, like real code).
const D64 = R64.filter((r) => r !== '%rsp' && r !== '%rbp');
const IDX64 = R64.filter((r) => r !== '%rsp'); // %rsp cannot be an index
const BYSIZE = { q: R64, l: R32, w: R16, b: R8 };
const SUFFIXES = ['q', 'q', 'q', 'l', 'l', 'l', 'w', 'b'];
const IMMS = [0, 1, -1, 7, 127, 128, -128, -129, 255, 0x1000, 0x7fff, 0x7fffffff, -0x80000000, 42, 8, 16, 0xffff];
const DISPS = [0, 8, -8, 16, 0x18, 127, 128, -128, -129, 0x100, 0x1000, -0x1000, 0x7fffffff];
const JCC = ['je', 'jne', 'jl', 'jle', 'jg', 'jge', 'jb', 'jbe', 'ja', 'jae', 'js', 'jns', 'jz', 'jnz', 'jo', 'jp'];
const ALU = ['add', 'sub', 'cmp', 'and', 'or', 'xor', 'adc', 'sbb'];

function hex(n) {
  return n < 0 ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`;
}

function immFits(v, s) {
  if (s === 'b') return v >= -128 && v <= 255;
  if (s === 'w') return v >= -32768 && v <= 0xffff;
  return v >= -0x80000000 && v <= 0x7fffffff;
}

/** Generates the file text: exactly `lines` lines. */
export function generateAsm({ lines = DEFAULT_LINES, seed = DEFAULT_SEED } = {}) {
  const r = rng(seed);
  const out = [];
  const emit = (s) => out.push(s);
  const dataSyms = []; // labels in .data/.rodata, targets of rip-relative loads
  let consts = 0;
  let fn = 0;

  emit(`# x86lab assembler benchmark input (bench/gen-asm-input.mjs, seed ${seed}, ${lines} lines)`);
  emit('\t.text');

  // A memory operand in one of the shapes real code uses.
  const mem = () => {
    const k = r.int(12);
    const b = r.pick(R64);
    const i = r.pick(IDX64);
    const sc = r.pick([1, 2, 4, 8]);
    const d = r.pick(DISPS);
    switch (k) {
      case 0: return `(${b})`;
      case 1: return `${d}(${b})`;
      case 2: return `${r.pick([8, 16, -8, 24, 0x40])}(%rbp)`;
      case 3: return `${r.pick([0, 8, 16])}(%rsp)`;
      case 4: return `(${b},${i},${sc})`;
      case 5: return `${hex(d)}(${b},${i},${sc})`;
      case 6: return `${hex(r.pick([0x1000, 0x40, -8]))}(,${i},${sc})`;
      case 7: return dataSyms.length ? `${r.pick(dataSyms)}(%rip)` : `(${b})`;
      case 8: return dataSyms.length ? `${r.pick(dataSyms)}+${r.pick([4, 8, 16])}(%rip)` : `8(${b})`;
      case 9: return `${r.pick(['(%r12)', '(%r13)', '8(%r12)', '0(%r13)', '(%r13,%rax,2)'])}`;
      case 10: return r.pick(['%fs:0x28', '%gs:0x10', `%gs:(${b})`, `%fs:${d}(${b})`]);
      default: return r.pick([`(${r.pick(R32)})`, `${hex(r.pick(DISPS))}`, `8(%eax,%ecx,4)`]);
    }
  };

  // One ordinary (non-control-flow) instruction line.
  const plain = () => {
    const k = r.int(20);
    const s = r.pick(SUFFIXES);
    const regs = BYSIZE[s];
    const reg = () => r.pick(regs);
    const imm = () => {
      let v = r.pick(IMMS);
      while (!immFits(v, s)) v = r.pick(IMMS);
      return v;
    };
    switch (k) {
      case 0: case 1: return `\tmov${s}\t${reg()}, ${reg()}`;
      case 2: return `\tmov${s}\t${mem()}, ${reg()}`;
      case 3: return `\tmov${s}\t${reg()}, ${mem()}`;
      case 4: return `\tmov${s}\t$${imm()}, ${r.chance(0.5) ? reg() : mem()}`;
      case 5: case 6: return `\t${r.pick(ALU)}${s}\t$${imm()}, ${r.chance(0.6) ? reg() : mem()}`;
      case 7: return `\t${r.pick(ALU)}${s}\t${reg()}, ${r.chance(0.6) ? reg() : mem()}`;
      case 8: return `\t${r.pick(ALU)}${s}\t${mem()}, ${reg()}`;
      case 9: {
        const a = mem().replace(/^%[fg]s:/, '');
        return r.chance(0.25) ? `\tleal\t${a}, ${r.pick(R32)}` : `\tlea${r.pick(['q', ''])}\t${a}, ${r.pick(D64)}`;
      }
      case 10: return `\ttest${s}\t${reg()}, ${reg()}`;
      case 11: return `\tpush\t${r.pick(R64)}`;
      case 12: return `\tpop\t${r.pick(D64)}`;
      case 13: return `\tpushq\t$${r.pick([1, 127, 128, 0x1000, -1])}`;
      case 14: return `\tmovzbl\t${r.chance(0.5) ? mem() : r.pick(R8)}, ${r.pick(R32)}`;
      case 15: return `\tmovslq\t${r.chance(0.5) ? mem() : r.pick(R32)}, ${r.pick(D64)}`;
      case 16: return `\t${r.pick(['shl', 'shr', 'sar'])}${s}\t$${r.pick([1, 3, 4, 12])}, ${reg()}`;
      case 17: {
        const [sz, rr] = r.chance(0.5) ? ['q', D64] : ['l', R32];
        return `\timul${sz}\t$${r.pick([3, 100, 1000])}, ${r.pick(rr)}, ${r.pick(rr)}`;
      }
      case 18: return `\t${r.pick(['inc', 'dec', 'neg', 'not'])}${s}\t${r.chance(0.7) ? reg() : mem()}`;
      default: return `\tcmp${s}\t$${imm()}, ${mem()}`;
    }
  };

  const dataBlock = () => {
    const sec = r.pick(['\t.data', '\t.section\t.rodata']);
    emit(sec);
    const n = 2 + r.int(6);
    for (let i = 0; i < n; i++) {
      const name = `data_${dataSyms.length}`;
      dataSyms.push(name);
      const k = r.int(5);
      if (k === 0) emit(`${name}:\t.quad\t${fn > 0 ? `f${r.int(fn)}` : 0}, ${r.int(1 << 30)}`);
      else if (k === 1) emit(`${name}:\t.long\t${r.int(1 << 30)}, ${-r.int(1000)}, ${hex(r.int(1 << 20))}`);
      else if (k === 2) emit(`${name}:\t.byte\t${r.int(256)}, ${r.int(256)}, 0x7f`);
      else if (k === 3) emit(`${name}:\t.asciz\t"message ${i}: \\n"`);
      else emit(`${name}:\t.short\t${r.int(65536)}, 1`);
    }
    emit('\t.text');
  };

  // Functions until the line budget is nearly used; the last one is cut to land on `lines` exactly.
  const tail = 4; // lines of an epilogue: pop, ret, .size, blank
  while (out.length < lines) {
    if (r.chance(0.08) && out.length + 12 < lines - 20) dataBlock();
    if (r.chance(0.05) && out.length < lines - 20) emit(`\t.set\tK${consts++}, ${r.pick([1, 4, 64, 4096, 0x12345678])}`);
    const name = `f${fn++}`;
    const global = r.chance(0.4);
    if (global) emit(`\t.globl\t${name}`);
    emit(`\t.type\t${name}, @function`);
    emit(`${name}:`);
    emit('\tpush\t%rbp');
    emit('\tmovq\t%rsp, %rbp');
    const nLabels = 2 + r.int(8);
    const body = Math.max(0, Math.min(20 + r.int(160), lines - out.length - tail - nLabels));
    // Local labels spread over the body; jumps pick any of them (forward or backward).
    const at = new Set();
    while (at.size < Math.min(nLabels, body)) at.add(r.int(body + 1));
    const labels = [...at].map((_, i) => `.L${name}_${i}`);
    const positions = [...at].sort((a, b) => a - b);
    let li = 0;
    for (let i = 0; i < body && out.length < lines - tail; i++) {
      while (li < positions.length && positions[li] === i) emit(`${labels[li++]}:`);
      const k = r.int(100);
      if (k < 10) emit(`\t${r.pick(JCC)}\t${r.pick(labels)}`);
      else if (k < 13) emit(`\tjmp\t${r.pick(labels)}`);
      else if (k < 17) emit(`\tcall\t${fn > 1 && r.chance(0.9) ? `f${r.int(fn - 1)}` : 'external_fn'}`);
      else if (k < 18) emit(`\t${r.pick(['call\t*%rax', 'call\t*8(%rbx)', 'jmp\t*(%rax,%rcx,8)', 'call\t*%r11'])}`);
      else if (k < 19 && consts > 0) emit(`\tmovl\t$K${r.int(consts)}, ${r.pick(R32)}`);
      else if (k < 20) emit(r.pick(['\tnop', '\tcltq', '\tcqto', '\tleave', '\tpause', '\t# spill', '']));
      else emit(plain());
    }
    while (li < positions.length) emit(`${labels[li++]}:`);
    if (out.length < lines) emit('\tpopq\t%rbp');
    if (out.length < lines) emit('\tret');
    if (out.length < lines) emit(`\t.size\t${name}, .-${name}`);
    if (out.length < lines) emit('');
  }
  out.length = lines;
  return out.join('\n') + '\n';
}

/** Writes the benchmark input (default bench/out/asm-200k.s) and returns its path. */
export function writeAsmInput({ lines = DEFAULT_LINES, seed = DEFAULT_SEED, file } = {}) {
  const path = file ?? join(BENCH_DIR, 'out', lines === DEFAULT_LINES ? 'asm-200k.s' : `asm-${lines}.s`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateAsm({ lines, seed }));
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const a = process.argv.slice(2);
  const opt = (name) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const lines = Number(opt('--lines') ?? DEFAULT_LINES);
  const seed = Number(opt('--seed') ?? DEFAULT_SEED);
  const path = writeAsmInput({ lines, seed, file: opt('-o') });
  process.stdout.write(`${path}\n`);
}
