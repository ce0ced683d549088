#!/usr/bin/env node
// Differential test vectors for the executor, produced by the real CPU.
//
//   node scripts/cpu-gen-vectors.mjs [--out FILE.jsonl.gz] [--seed N] [--scale K] [--only REGEX] [--family base|bmi]
//
// --family bmi makes only the BMI1/BMI2/ADX templates (written after the base ones below; the base
// family's vectors at a given seed do not change) into test/golden/cpu/bmi-<vendor>.jsonl.gz, where
// <vendor> is this machine's (intel/amd, from /proc/cpuinfo). It needs a CPU with bmi1, bmi2, adx.
//
// Instantiates instruction templates (every user-mode instruction, every operand size, random and
// boundary operands), assembles the snippets with GNU as, runs each on this machine's CPU with the
// native harness (test/native/harness.c, built with gcc into test/native/build/) and writes one
// compact vector per line (see test/cpu/vectors.ts for the format and the expansion to snapshots).

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => { const k = args.indexOf(n); return k >= 0 ? args[k + 1] : d; };
/** This machine's CPU vendor and feature flags (Linux /proc/cpuinfo; unknown elsewhere). */
export function hostCpu() {
  let info = '';
  try { info = readFileSync('/proc/cpuinfo', 'utf8'); } catch { /* not Linux */ }
  const vendor = /vendor_id\s*:\s*GenuineIntel/.test(info) ? 'intel' : /vendor_id\s*:\s*AuthenticAMD/.test(info) ? 'amd' : 'unknown';
  const flags = new Set((/^flags\s*:(.*)$/m.exec(info)?.[1] ?? '').trim().split(/\s+/));
  return { vendor, flags };
}
// The native results belong to this machine's vendor: the default output is that vendor's golden.
const VENDOR = hostCpu().vendor === 'amd' ? 'amd' : 'intel';
const OUT = opt('--out', join(root, args.includes('--family') && opt('--family') === 'bmi' ? `test/golden/cpu/bmi-${VENDOR}.jsonl.gz` : `test/golden/cpu/${VENDOR}/vectors.jsonl.gz`));
const SEED = Number(opt('--seed', '1'));
const SCALE = Number(opt('--scale', '1'));
const ONLY = opt('--only', null);
const FAMILY = opt('--family', 'base');
if (FAMILY !== 'base' && FAMILY !== 'bmi') throw new Error(`--family: base or bmi, not ${FAMILY}`);

export const CODE = 0x10000000, DATA = 0x20000000, WIN = 128, MID = 0x40;

// ---- seeded random ----
let s = SEED >>> 0 || 1;
function rnd() { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];
const r32 = () => BigInt(ri(0x10000) * 0x10000 + ri(0x10000));
const r64 = () => (r32() << 32n) | r32();
const M64 = (1n << 64n) - 1n;
function boundary(size) {
  const b = BigInt(size), m = (1n << b) - 1n, h = 1n << (b - 1n);
  const c = [0n, 1n, m, h, h - 1n, h + 1n, m - 1n, 2n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 0xffffn, 0x7fffffffn, 0x80000000n, 0xffffffffn];
  return c[ri(c.length)] & m;
}
/** A register value: the low `size` bits boundary or random, upper bits random. */
function val(size = 64) {
  const r = r64();
  const k = ri(10);
  if (k < 4) return r;
  const m = (1n << BigInt(size)) - 1n;
  const low = k < 8 ? boundary(size) : r & m;
  const up = ri(3) === 0 ? 0n : ri(2) ? M64 & ~m : r & ~m;
  return (up | low) & M64;
}
const hex = (v) => v.toString(16);
const imm = (size) => { const v = ri(3) ? boundary(size) : r64() & ((1n << BigInt(size)) - 1n); return v; };
const simm = (size) => { const v = imm(size); const h = 1n << BigInt(size - 1); return v >= h ? v - (h << 1n) : v; };

// ---- registers ----
const R = {
  64: ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'],
  32: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'],
  16: ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w'],
  8: ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b'],
};
const HIGH8 = ['ah', 'ch', 'dh', 'bh'];
const SUF = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };

/**
 * A vector under construction: regs (BigInt[16]), flags, data window, asm text.
 * `mode` 64 or 32. Registers are set by `reg()` picks; memory bases point into the window.
 */
class V {
  constructor(name, mode = 64) {
    this.name = name; this.mode = mode;
    this.regs = Array.from({ length: 16 }, () => (mode === 32 ? val(32) & 0xffffffffn : val()));
    this.regs[4] = BigInt(DATA + MID + 8 * ri(4));
    this.flags = 0x202n | BigInt(pick([0, 1, 4, 0x10, 0x40, 0x80, 0x800, 0x8d5, ri(0x1000) & 0x8d5, ri(0x1000) & 0x8d5]));
    this.data = null;
    this.used = new Set();
    this.nregs = mode === 64 ? 16 : 8;
  }
  /** Pick a register name of `size`, avoiding rsp unless allowed; remembers numbers used. */
  reg(size, { sp = false, avoid = [] } = {}) {
    for (;;) {
      if (size === 8 && this.mode === 64 && ri(5) === 0 && !this.noHigh) {
        const n = ri(4);
        if (!avoid.includes(n)) { this.usesHigh = true; return { name: HIGH8[n], num: n }; }
      }
      if (size === 8 && this.mode === 32) {
        const n = ri(8);
        if (!avoid.includes(n & 3)) return { name: ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'][n], num: n & 3 };
        continue;
      }
      const n = ri(this.nregs);
      if (n === 4 && !sp) continue;
      if (avoid.includes(n)) continue;
      if (size === 8 && this.usesHigh && n >= 4) continue;
      this.used.add(n);
      return { name: R[size][n], num: n };
    }
  }
  /** A memory operand inside the data window: base register set to the window plus an offset. */
  mem(width = 8, { avoid = [] } = {}) {
    if (!this.data) this.data = randBytes(WIN);
    const base = this.reg(this.mode === 64 ? 64 : 32, { avoid: [...avoid] });
    const off = ri(WIN - width - 16) ;
    const disp = ri(3) === 0 ? 0 : ri(32) - 16;
    this.regs[base.num] = BigInt(DATA + off - disp);
    if (ri(4) === 0) {
      const idx = this.reg(this.mode === 64 ? 64 : 32, { avoid: [...avoid, base.num] });
      const sc = pick([1, 2, 4, 8]);
      const iv = ri(4);
      this.regs[idx.num] = BigInt(iv);
      this.regs[base.num] = BigInt(DATA + off - disp - iv * sc);
      return { text: `${disp || ''}(%${base.name},%${idx.name},${sc})`, regs: [base.num, idx.num], addr: DATA + off };
    }
    return { text: `${disp || ''}(%${base.name})`, regs: [base.num], addr: DATA + off };
  }
  stack() { if (!this.data) this.data = randBytes(WIN); }
}
function randBytes(n) { const b = new Uint8Array(n); for (let k = 0; k < n; k++) b[k] = ri(256); return b; }

// ---- templates ----
const T = [];
const push = (name, n, f, mode) => { if (!ONLY || new RegExp(ONLY).test(name)) T.push({ name, n: Math.max(1, Math.round(n * SCALE)), f, mode }); };
const add = (name, n, f, mode = 64) => { if (FAMILY === 'base') push(name, n, f, mode); };
const addBmi = (name, n, f, mode = 64) => { if (FAMILY === 'bmi') push(name, n, f, mode); };
const SIZES = [8, 16, 32, 64];
const SIZES32 = [8, 16, 32];
const CCS = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];

function immText(size, sx8 = false) {
  if (sx8) return `$${simm(8)}`;
  const v = simm(Math.min(size, 32));
  return `$${v}`;
}

for (const mode of [64, 32]) {
  const sizes = mode === 64 ? SIZES : SIZES32;
  const p = mode === 32 ? '32:' : '';
  const W = mode === 64 ? 64 : 32;
  for (const op of ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp', 'test']) {
    for (const sz of sizes) {
      const sf = SUF[sz];
      add(`${p}${op}${sf}_rr`, 60, (v) => { const a = v.reg(sz), b = v.reg(sz); return `${op}${sf} %${a.name},%${b.name}`; }, mode);
      add(`${p}${op}${sf}_ir`, 40, (v) => { const b = v.reg(sz); return `${op}${sf} ${immText(sz, ri(2) === 0)},%${b.name}`; }, mode);
      add(`${p}${op}${sf}_ia`, 15, (v) => `${op}${sf} ${immText(sz)},%${R[sz][0]}`, mode);
      add(`${p}${op}${sf}_rm`, 25, (v) => { const m = v.mem(sz / 8); const a = v.reg(sz, { avoid: m.regs }); return `${op}${sf} %${a.name},${m.text}`; }, mode);
      if (op !== 'test') add(`${p}${op}${sf}_mr`, 25, (v) => { const m = v.mem(sz / 8); const a = v.reg(sz, { avoid: m.regs }); return `${op}${sf} ${m.text},%${a.name}`; }, mode);
      add(`${p}${op}${sf}_im`, 15, (v) => { const m = v.mem(sz / 8); return `${op}${sf} ${immText(sz, ri(2) === 0)},${m.text}`; }, mode);
    }
  }
  for (const op of ['inc', 'dec', 'not', 'neg']) for (const sz of sizes) {
    add(`${p}${op}${SUF[sz]}_r`, 40, (v) => `${op}${SUF[sz]} %${v.reg(sz).name}`, mode);
    add(`${p}${op}${SUF[sz]}_m`, 15, (v) => `${op}${SUF[sz]} ${v.mem(sz / 8).text}`, mode);
  }
  for (const op of ['mul', 'imul', 'div', 'idiv']) for (const sz of sizes) {
    const sf = SUF[sz];
    add(`${p}${op}${sf}_r`, 60, (v) => {
      const r = v.reg(sz);
      if (op.includes('div') && ri(3)) { // mostly non-overflowing: small high half
        v.regs[2] = ri(2) ? 0n : (op === 'idiv' ? M64 : 0n) & (W === 32 ? 0xffffffffn : M64);
        if (sz === 8) v.regs[0] = (v.regs[0] & ~0xff00n) | BigInt(ri(2) ? 0 : ri(256)) << 8n;
      }
      return `${op}${sf} %${r.name}`;
    }, mode);
    add(`${p}${op}${sf}_m`, 20, (v) => { const m = v.mem(sz / 8, { avoid: [0, 2] }); if (op.includes('div') && ri(2)) v.regs[2] = 0n; return `${op}${sf} ${m.text}`; }, mode);
  }
  for (const sz of sizes.filter((x) => x > 8)) {
    const sf = SUF[sz];
    add(`${p}imul${sf}_rr`, 40, (v) => `imul${sf} %${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}imul${sf}_irr`, 40, (v) => `imul${sf} ${immText(sz, ri(2) === 0)},%${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}imul${sf}_mr`, 15, (v) => { const m = v.mem(sz / 8); return `imul${sf} ${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
  }
  const counts = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 200, 255];
  for (const op of ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'sar']) for (const sz of sizes) {
    const sf = SUF[sz];
    add(`${p}${op}${sf}_1`, 20, (v) => `${op}${sf} %${v.reg(sz).name}`, mode);
    add(`${p}${op}${sf}_i`, 50, (v) => `${op}${sf} $${ri(2) ? pick(counts) : ri(256)},%${v.reg(sz).name}`, mode);
    add(`${p}${op}${sf}_cl`, 50, (v) => { const r = v.reg(sz, { avoid: [1] }); v.regs[1] = (v.regs[1] & ~0xffn) | BigInt(ri(2) ? pick(counts) : ri(256)); return `${op}${sf} %cl,%${r.name}`; }, mode);
    add(`${p}${op}${sf}_m`, 15, (v) => { const m = v.mem(sz / 8, { avoid: [1] }); return `${op}${sf} $${pick(counts)},${m.text}`; }, mode);
  }
  for (const op of ['shld', 'shrd']) for (const sz of sizes.filter((x) => x > 8)) {
    const sf = SUF[sz];
    add(`${p}${op}${sf}_i`, 50, (v) => `${op}${sf} $${ri(2) ? pick(counts) : ri(256)},%${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}${op}${sf}_cl`, 50, (v) => { const a = v.reg(sz, { avoid: [1] }), b = v.reg(sz, { avoid: [1] }); v.regs[1] = BigInt(ri(2) ? pick(counts) : ri(256)); return `${op}${sf} %cl,%${a.name},%${b.name}`; }, mode);
    add(`${p}${op}${sf}_m`, 15, (v) => { const m = v.mem(sz / 8); return `${op}${sf} $${pick(counts)},%${v.reg(sz, { avoid: m.regs }).name},${m.text}`; }, mode);
  }
  for (const op of ['bt', 'bts', 'btr', 'btc']) for (const sz of sizes.filter((x) => x > 8)) {
    const sf = SUF[sz];
    add(`${p}${op}${sf}_rr`, 30, (v) => `${op}${sf} %${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}${op}${sf}_ir`, 30, (v) => `${op}${sf} $${ri(256)},%${v.reg(sz).name}`, mode);
    add(`${p}${op}${sf}_im`, 15, (v) => `${op}${sf} $${ri(256)},${v.mem(sz / 8).text}`, mode);
    add(`${p}${op}${sf}_rm`, 20, (v) => {
      const m = v.mem(sz / 8); const r = v.reg(sz, { avoid: m.regs });
      // keep the addressed unit inside the window: offset within +-32 bytes
      // keep the addressed unit inside the window
      const w = sz / 8, lo = Math.ceil((DATA - m.addr) / w), hi = Math.floor((DATA + WIN - w - m.addr) / w);
      const unit = lo + ri(hi - lo + 1);
      const bits = BigInt(unit * sz + ri(sz));
      v.regs[r.num] = (v.regs[r.num] & ~((1n << BigInt(sz)) - 1n)) | (bits & ((1n << BigInt(sz)) - 1n));
      v.offsetTest = true;
      return `${op}${sf} %${r.name},${m.text}`;
    }, mode);
  }
  for (const op of ['bsf', 'bsr', 'tzcnt', 'lzcnt', 'popcnt']) for (const sz of sizes.filter((x) => x > 8)) {
    const sf = SUF[sz];
    add(`${p}${op}${sf}_rr`, 40, (v) => { const a = v.reg(sz), b = v.reg(sz); if (ri(4) === 0) v.regs[a.num] &= ~((1n << BigInt(sz)) - 1n); return `${op}${sf} %${a.name},%${b.name}`; }, mode);
    add(`${p}${op}${sf}_mr`, 10, (v) => { const m = v.mem(sz / 8); return `${op}${sf} ${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
  }
  for (const sz of sizes) {
    const sf = SUF[sz];
    add(`${p}mov${sf}_rr`, 20, (v) => `mov${sf} %${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}mov${sf}_ir`, 20, (v) => `mov${sf} $${sz === 64 && ri(2) ? hex(r64()).replace(/^/, '0x') : simm(Math.min(32, sz))},%${v.reg(sz).name}`, mode);
    add(`${p}mov${sf}_rm`, 15, (v) => { const m = v.mem(sz / 8); return `mov${sf} %${v.reg(sz, { avoid: m.regs }).name},${m.text}`; }, mode);
    add(`${p}mov${sf}_mr`, 15, (v) => { const m = v.mem(sz / 8); return `mov${sf} ${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
    add(`${p}mov${sf}_im`, 10, (v) => { const m = v.mem(sz / 8); return `mov${sf} ${immText(sz)},${m.text}`; }, mode);
    add(`${p}xchg${sf}_rr`, 20, (v) => `xchg${sf} %${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}xchg${sf}_rm`, 10, (v) => { const m = v.mem(sz / 8); return `xchg${sf} %${v.reg(sz, { avoid: m.regs }).name},${m.text}`; }, mode);
    add(`${p}xadd${sf}_rr`, 20, (v) => `xadd${sf} %${v.reg(sz).name},%${v.reg(sz).name}`, mode);
    add(`${p}xadd${sf}_rm`, 10, (v) => { const m = v.mem(sz / 8); return `xadd${sf} %${v.reg(sz, { avoid: m.regs }).name},${m.text}`; }, mode);
    add(`${p}cmpxchg${sf}_rr`, 30, (v) => { const a = v.reg(sz, { avoid: [0] }), b = v.reg(sz); if (ri(2)) v.regs[0] = v.regs[b.num]; return `cmpxchg${sf} %${a.name},%${b.name}`; }, mode);
    add(`${p}cmpxchg${sf}_rm`, 20, (v) => { const m = v.mem(sz / 8, { avoid: [0] }); return `cmpxchg${sf} %${v.reg(sz, { avoid: [...m.regs] }).name},${m.text}`; }, mode);
    for (const cc of CCS) {
      if (sz === 8) add(`${p}set${cc}`, 12, (v) => `set${cc} %${v.reg(8).name}`, mode);
      if (sz === 8) add(`${p}set${cc}_m`, 4, (v) => `set${cc} ${v.mem(1).text}`, mode);
      if (sz > 8) add(`${p}cmov${cc}${sf}`, 8, (v) => `cmov${cc}${sf} %${v.reg(sz).name},%${v.reg(sz).name}`, mode);
      if (sz > 8) add(`${p}cmov${cc}${sf}_m`, 3, (v) => { const m = v.mem(sz / 8); return `cmov${cc}${sf} ${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
    }
  }
  for (const [a, b] of [[8, 16], [8, 32], [16, 32], [8, 64], [16, 64]]) {
    if (b > W) continue;
    for (const k of ['movz', 'movs']) {
      add(`${p}${k}${SUF[a]}${SUF[b]}`, 20, (v) => `${k}${SUF[a]}${SUF[b]} %${v.reg(a).name},%${v.reg(b).name}`, mode);
      add(`${p}${k}${SUF[a]}${SUF[b]}_m`, 8, (v) => { const m = v.mem(a / 8); return `${k}${SUF[a]}${SUF[b]} ${m.text},%${v.reg(b, { avoid: m.regs }).name}`; }, mode);
    }
  }
  if (mode === 64) {
    add('movslq', 20, (v) => `movslq %${v.reg(32).name},%${v.reg(64).name}`);
    add('movslq_m', 8, (v) => { const m = v.mem(4); return `movslq ${m.text},%${v.reg(64, { avoid: m.regs }).name}`; });
    add('cltq', 10, () => 'cltq'); add('cqto', 10, () => 'cqto');
    add('bswapq', 10, (v) => `bswap %${v.reg(64).name}`);
  }
  add(`${p}cbtw`, 10, () => 'cbtw', mode); add(`${p}cwtl`, 10, () => 'cwtl', mode);
  add(`${p}cwtd`, 10, () => 'cwtd', mode); add(`${p}cltd`, 10, () => 'cltd', mode);
  add(`${p}bswapl`, 10, (v) => `bswap %${v.reg(32).name}`, mode);
  for (const sz of sizes.filter((x) => x > 8)) {
    add(`${p}movbe${SUF[sz]}_mr`, 10, (v) => { const m = v.mem(sz / 8); return `movbe${SUF[sz]} ${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
    add(`${p}movbe${SUF[sz]}_rm`, 10, (v) => { const m = v.mem(sz / 8); return `movbe${SUF[sz]} %${v.reg(sz, { avoid: m.regs }).name},${m.text}`; }, mode);
    add(`${p}lea${SUF[sz]}`, 20, (v) => {
      const b = v.reg(W), x = v.reg(W, { avoid: [4] });
      return `lea${SUF[sz]} ${simm(ri(2) ? 8 : 32)}(%${b.name},%${x.name},${pick([1, 2, 4, 8])}),%${v.reg(sz).name}`;
    }, mode);
  }
  // stack and control flow
  const S = mode === 64 ? 64 : 32;
  add(`${p}push_r`, 20, (v) => { v.stack(); return `push %${v.reg(S, { sp: true }).name}`; }, mode);
  add(`${p}pushw_r`, 5, (v) => { v.stack(); return `pushw %${v.reg(16, { sp: true }).name}`; }, mode);
  add(`${p}pop_r`, 20, (v) => { v.stack(); return `pop %${v.reg(S, { sp: true }).name}`; }, mode);
  add(`${p}push_i`, 10, (v) => { v.stack(); return `push $${simm(ri(2) ? 8 : 32)}`; }, mode);
  add(`${p}push_m`, 10, (v) => { const m = v.mem(S / 8); return `push${SUF[S]} ${m.text}`; }, mode);
  add(`${p}pop_m`, 10, (v) => { const m = v.mem(S / 8); return `pop${SUF[S]} ${m.text}`; }, mode);
  add(`${p}pushf`, 10, (v) => { v.stack(); return 'pushf'; }, mode);
  add(`${p}popf`, 20, (v) => { v.stack(); return `push $${ri(0x1000) & 0xcd5 | (ri(4) === 0 ? 0x200000 : 0)}\npopf`; }, mode);
  add(`${p}leave`, 10, (v) => { v.stack(); v.regs[5] = BigInt(DATA + MID + 8 * ri(6)); return 'leave'; }, mode);
  add(`${p}enter`, 15, (v) => { v.stack(); v.regs[5] = BigInt(DATA + MID + 8 * ri(6)); return `enter $${ri(64)},$${ri(4)}`; }, mode);
  add(`${p}call_ret`, 10, (v) => { v.stack(); return 'call 1f\nhlt\n1: add $8,%rsp\n'.replace('%rsp', mode === 64 ? '%rsp' : '%esp').replace('$8', mode === 64 ? '$8' : '$4'); }, mode);
  add(`${p}call_ret2`, 10, (v) => { v.stack(); return `call 1f\njmp 2f\n1: ret\n2: nop`; }, mode);
  add(`${p}ret_n`, 10, (v) => { v.stack(); return `call 1f\njmp 2f\n1: ret $${8 * ri(4)}\n2: nop`; }, mode);
  add(`${p}call_ind`, 10, (v) => { v.stack(); const r = v.reg(S, { avoid: [4] }); return `lea 1f${mode === 64 ? '(%rip)' : ''},%${r.name}\ncall *%${r.name}\njmp 2f\n1: ret\n2: nop`; }, mode);
  for (const cc of CCS) add(`${p}j${cc}`, 12, () => `j${cc} 1f\nnop\n1: nop`, mode);
  for (const l of ['loop', 'loope', 'loopne']) add(`${p}${l}`, 20, (v) => { v.regs[1] = BigInt(ri(3)) | (ri(2) ? 0n : v.regs[1] & ~0xffffffffn); return `1: ${l} 2f\njmp 3f\n2: nop\n3: nop`; }, mode);
  add(`${p}jecxz`, 10, (v) => { v.regs[1] = ri(2) ? 0n : v.regs[1]; return 'jecxz 1f\nnop\n1: nop'; }, mode);
  if (mode === 64) add('jrcxz', 10, (v) => { v.regs[1] = ri(2) ? 0n : v.regs[1]; return 'jrcxz 1f\nnop\n1: nop'; });
  add(`${p}loop_sum`, 10, (v) => { v.regs[1] = BigInt(ri(20)); v.regs[0] = 0n; return '1: add %ecx,%eax\nloop 1b'; }, mode);
  // strings
  for (const op of ['movs', 'stos', 'lods', 'cmps', 'scas']) for (const sz of sizes) {
    for (const rep of ['', 'rep ', 'repne ']) {
      if (rep === 'repne ' && op !== 'cmps' && op !== 'scas') continue;
      add(`${p}${rep.trim() || 'once'}_${op}${SUF[sz]}`, 15, (v) => {
        v.stack();
        const df = ri(2);
        v.flags = df ? v.flags | 0x400n : v.flags;
        const n = ri(6);
        v.regs[1] = BigInt(rep ? n : ri(4));
        const st = sz / 8;
        const lo = df ? DATA + (n + 1) * st + 8 : DATA + 8;
        v.regs[6] = BigInt(lo + ri(8));
        v.regs[7] = BigInt(lo + 40 + ri(8));
        if (op === 'cmps' || op === 'scas') for (let k = 0; k < 30; k++) if (ri(2)) v.data[48 + k] = v.data[8 + k];
        return `${rep}${op}${SUF[sz]}`;
      }, mode);
    }
  }
  add(`${p}xlat`, 10, (v) => { v.stack(); v.regs[3] = BigInt(DATA); v.regs[0] = (v.regs[0] & ~0xffn) | BigInt(ri(WIN)); return 'xlat'; }, mode);
  for (const f of ['clc', 'stc', 'cmc', 'cld', 'std', 'lahf', 'sahf']) add(`${p}${f}`, 10, () => f, mode);
  // more shapes: exchange forms, moffs, 16-bit stack ops, indirect branches, rep faults, sequences
  add(`${p}xchg_acc`, 10, (v) => `xchg %${R[W][0]},%${v.reg(W).name}`, mode);
  add(`${p}xchgw_acc`, 5, (v) => `xchg %ax,%${v.reg(16).name}`, mode);
  add(`${p}bswapw`, 5, (v) => `.byte 0x66\nbswap %${v.reg(32, { avoid: mode === 64 ? [8, 9, 10, 11, 12, 13, 14, 15] : [] }).name}`, mode);
  add(`${p}cmpxchg8b`, 15, (v) => { const m = v.mem(8, { avoid: [0, 1, 2, 3] }); if (ri(2)) { v.regs[0] = 0n; v.regs[2] = 0n; } return `cmpxchg8b ${m.text}`; }, mode);
  if (mode === 64) add('cmpxchg16b', 15, (v) => { v.stack(); v.regs[6] = BigInt(DATA + 16 * ri(6)); return 'cmpxchg16b (%rsi)'; });
  add(`${p}pushw_popw`, 10, (v) => { v.stack(); return `pushw $${simm(16)}\npopw %${v.reg(16).name}`; }, mode);
  add(`${p}pop_rsp_mem`, 5, (v) => { v.stack(); return `pop${SUF[S]} 8(%${mode === 64 ? 'rsp' : 'esp'})`; }, mode);
  add(`${p}push_rsp`, 5, (v) => { v.stack(); return `push %${mode === 64 ? 'rsp' : 'esp'}`; }, mode);
  add(`${p}jmp_ind`, 10, (v) => { const r = v.reg(S, { avoid: [4] }); return `lea 1f${mode === 64 ? '(%rip)' : ''},%${r.name}\njmp *%${r.name}\nnop\n1: nop`; }, mode);
  add(`${p}call_mem`, 10, (v) => { v.stack(); const r = v.reg(S, { avoid: [4, 3] }); return `lea 1f${mode === 64 ? '(%rip)' : ''},%${r.name}\nmov %${r.name},(%${mode === 64 ? 'rsp' : 'esp'})\ncall *(%${mode === 64 ? 'rsp' : 'esp'})\njmp 2f\n1: ret\n2: nop`; }, mode);
  if (mode === 64) add('ret_noncanon', 5, (v) => { v.stack(); v.regs[3] = 0x0000900000000000n; return 'push %rbx\nret'; });
  add(`${p}rep_movs_long`, 5, (v) => { v.stack(); v.regs[1] = BigInt(ri(40)); v.regs[6] = BigInt(DATA); v.regs[7] = BigInt(DATA + 64); v.flags &= ~0x400n; return 'rep movsb'; }, mode);
  add(`${p}nopw`, 5, () => 'nopw 0x0(%rax,%rax,1)', mode);
  add(`${p}lea_addr32`, 10, (v) => `lea ${simm(8)}(%${R[32][v.reg(32).num]},%${R[32][v.reg(32, { avoid: [4] }).num]},2),%${v.reg(mode === 64 ? 64 : 32).name}`, mode);
  if (mode === 64) add('movabs', 10, (v) => { v.stack(); return ri(2) ? `movabs $0x${hex(r64())},%${v.reg(64).name}` : `movabs 0x${hex(BigInt(DATA + ri(WIN - 8)))},%${pick(['al', 'ax', 'eax', 'rax'])}`; });
  if (mode === 64) add('movabs_st', 5, (v) => { v.stack(); return `movabs %${pick(['al', 'ax', 'eax', 'rax'])},0x${hex(BigInt(DATA + ri(WIN - 8)))}`; });
  const SEQ = ['add', 'sub', 'adc', 'sbb', 'and', 'or', 'xor', 'cmp', 'test'];
  add(`${p}seq`, 150, (v) => {
    const lines = [];
    for (let k = 0; k < 4 + ri(6); k++) {
      const sz = pick(sizes);
      const kind = ri(8);
      if (kind < 4) lines.push(`${pick(SEQ)}${SUF[sz]} %${v.reg(sz).name},%${v.reg(sz).name}`);
      else if (kind === 4) lines.push(`${pick(['inc', 'dec', 'neg', 'not'])}${SUF[sz]} %${v.reg(sz).name}`);
      else if (kind === 5) lines.push(`${pick(['shl', 'shr', 'sar', 'rol', 'ror', 'rcl', 'rcr'])}${SUF[sz]} $${ri(70)},%${v.reg(sz).name}`);
      else if (kind === 6) lines.push(`set${pick(CCS)} %${v.reg(8).name}`);
      else lines.push(sz > 8 ? `cmov${pick(CCS)}${SUF[sz]} %${v.reg(sz).name},%${v.reg(sz).name}` : 'cmc');
    }
    return lines.join('\n');
  }, mode);
  // far returns and iret to the same ring, segment loads, cache-line flushes
  const CS = mode === 64 ? '0x33' : '0x23';
  add(`${p}lret`, 8, (v) => { v.stack(); return mode === 64 ? `pushq $${CS}\nlea 1f(%rip),%rax\npush %rax\nlretq\nnop\n1: nop` : `push $${CS}\npush $1f\nlret\nnop\n1: nop`; }, mode);
  add(`${p}lret_bad`, 4, (v) => { v.stack(); return mode === 64 ? `pushq $0x10\nlea 1f(%rip),%rax\npush %rax\nlretq\n1: nop` : `push $0x10\npush $1f\nlret\n1: nop`; }, mode);
  add(`${p}iret`, 10, (v) => {
    v.stack();
    const f = ri(0x1000) & 0xcd5;
    return mode === 64
      ? `mov %rsp,%rax\npushq $0x2b\npush %rax\npushq $${f}\npushq $0x33\nlea 1f(%rip),%rax\npush %rax\niretq\nnop\n1: nop`
      : `pushl $${f}\npush $0x23\npush $1f\niret\nnop\n1: nop`;
  }, mode);
  add(`${p}mov_seg`, 8, (v) => { const r = v.reg(16); v.regs[r.num] = (v.regs[r.num] & ~0xffffn) | BigInt(pick([0, 0x2b, 0x28, 0x29, 0x2a, 0x33, 0x23, 0x18, 0x10, 0x63])); return `mov %${r.name},%${pick(['ds', 'es'])}\nmov %ds,%${r.name}`; }, mode);
  if (mode === 32) add('32:pop_ds', 6, (v) => { v.stack(); return `push $${pick([0x2b, 0x28, 0x18, 0, 0x2b])}\npop %ds\nmov %ds,%eax`; }, 32);
  add(`${p}clflush`, 5, (v) => `clflush ${v.mem(1).text}`, mode);
  if (mode === 32) add('32:bound', 10, (v) => { const m = v.mem(8); return `bound %${v.reg(32, { avoid: m.regs }).name},${m.text}`; }, 32);
  // 32-bit specifics: moffs forms, 16-bit addressing (67h), jcxz / loop with CX
  if (mode === 32) {
    add('32:mov_moffs', 10, (v) => { v.stack(); return ri(2) ? `mov 0x${hex(BigInt(DATA + ri(WIN - 8)))},%${pick(['al', 'ax', 'eax'])}` : `mov %${pick(['al', 'ax', 'eax'])},0x${hex(BigInt(DATA + ri(WIN - 8)))}`; }, 32);
    add('32:addr16', 10, (v) => { v.stack(); v.regs[3] = (v.regs[3] & ~0xffffn) | BigInt(ri(0x100)); v.regs[6] = (v.regs[6] & ~0xffffn) | BigInt(ri(0x100)); return `addr16 lea 0x${hex(BigInt(ri(0x10000)))}(%bx,%si),%${pick(['eax', 'ecx', 'edx'])}`; }, 32);
    add('32:jcxz', 10, (v) => { v.regs[1] = ri(2) ? (v.regs[1] & ~0xffffn) : v.regs[1]; return 'jcxz 1f\nnop\n1: nop'; }, 32);
    add('32:loopw', 10, (v) => { v.regs[1] = (v.regs[1] & ~0xffffn) | BigInt(ri(3)); return 'addr16 loop 1f\nnop\n1: nop'; }, 32);
  }
  // exceptions
  add(`${p}ud2`, 5, () => 'ud2', mode);
  add(`${p}int3`, 5, () => 'int3', mode);
  add(`${p}lock`, 12, (v) => { const m = v.mem(4); const r = v.reg(32, { avoid: m.regs }); return pick([`lock addl %${r.name},${m.text}`, `lock xchg %${r.name},${m.text}`, `.byte 0xf0\nadd %${r.name},%${v.reg(32).name}`, `.byte 0xf0\nmov %${r.name},${m.text}`, `lock incl ${m.text}`, `lock btsl $3,${m.text}`, `lock cmpxchg %${r.name},${m.text}`, `.byte 0xf0\nnop`]); }, mode);
  add(`${p}int_n`, 8, () => `int $${pick([3, 4, 1, 2, 0x21, 0xff, 0x40, 13, 14])}`, mode);
  add(`${p}pf_read`, 5, (v) => { const r = v.reg(W); v.regs[r.num] = BigInt(0x30000000 + ri(0x1000)); return `mov (%${r.name}),%eax`; }, mode);
  add(`${p}pf_write`, 5, (v) => { const r = v.reg(W); v.regs[r.num] = BigInt(0x30000000 + ri(0x1000)); return `movb $1,(%${r.name})`; }, mode);
  if (mode === 64) add('gp_noncanon', 5, (v) => { const r = v.reg(64); v.regs[r.num] = 0x0000800000000000n + BigInt(ri(100)); return `mov (%${r.name}),%eax`; });
  if (mode === 32) {
    for (const op of ['daa', 'das', 'aaa', 'aas']) add(`32:${op}`, 30, () => op, 32);
    add('32:aam', 20, () => `aam $${1 + ri(255)}`, 32);
    add('32:aad', 20, () => `aad $${ri(256)}`, 32);
    add('32:pusha', 10, (v) => { v.stack(); return 'pusha'; }, 32);
    add('32:popa', 10, (v) => { v.stack(); return 'popa'; }, 32);
    add('32:inc_short', 20, (v) => `inc %${v.reg(32).name}`, 32);
    add('32:into', 10, () => 'into', 32);
  }
}

// ---- BMI1 / BMI2 / ADX (--family bmi) ----
for (const mode of FAMILY === 'bmi' ? [64, 32] : []) {
  const p = mode === 32 ? '32:' : '';
  const sizes = mode === 64 ? [32, 64] : [32];
  /** A value for a BMI source: often zero, a single bit, a low mask or a random value. */
  const bv = (sz) => { const k = ri(8); const m = (1n << BigInt(sz)) - 1n; return (k === 0 ? 0n : k === 1 ? 1n << BigInt(ri(sz)) : k === 2 ? m >> BigInt(ri(sz)) : k === 3 ? m : val(sz)) | (ri(2) ? r64() & ~m : 0n); };
  /** Control/count values: interesting low 16 bits (start/length or index), random bits above. */
  const ctl = () => (ri(3) ? BigInt(ri(72)) | (BigInt(ri(72)) << 8n) : BigInt(ri(0x10000))) | (ri(2) ? r64() & ~0xffffn : 0n);
  for (const sz of sizes) {
    const sf = SUF[sz];
    const M = mode === 64 ? M64 : 0xffffffffn;
    const set = (v, r, x) => { v.regs[r.num] = x & M; };
    // [rm, vvvv, reg] forms: andn pdep pext mulx.
    for (const op of ['andn', 'pdep', 'pext', 'mulx']) {
      addBmi(`${p}${op}${sf}_rr`, 60, (v) => { const a = v.reg(sz), b = v.reg(sz), d = v.reg(sz); set(v, a, bv(sz)); set(v, b, bv(sz)); return `${op} %${a.name},%${b.name},%${d.name}`; }, mode);
      addBmi(`${p}${op}${sf}_mr`, 20, (v) => { const m = v.mem(sz / 8); const b = v.reg(sz, { avoid: m.regs }), d = v.reg(sz, { avoid: m.regs }); set(v, b, bv(sz)); return `${op}${ri(2) ? sf : ''} ${m.text},%${b.name},%${d.name}`; }, mode);
    }
    // [vvvv, rm, reg] forms: bextr bzhi sarx shlx shrx (vvvv is the control/index/count).
    for (const op of ['bextr', 'bzhi', 'sarx', 'shlx', 'shrx']) {
      addBmi(`${p}${op}${sf}_rr`, 60, (v) => { const c = v.reg(sz), a = v.reg(sz), d = v.reg(sz); set(v, a, bv(sz)); set(v, c, ctl()); return `${op} %${c.name},%${a.name},%${d.name}`; }, mode);
      addBmi(`${p}${op}${sf}_mr`, 20, (v) => { const m = v.mem(sz / 8); const c = v.reg(sz, { avoid: m.regs }), d = v.reg(sz, { avoid: m.regs }); set(v, c, ctl()); return `${op}${ri(2) ? sf : ''} %${c.name},${m.text},%${d.name}`; }, mode);
    }
    for (const op of ['blsi', 'blsmsk', 'blsr']) {
      addBmi(`${p}${op}${sf}_rr`, 60, (v) => { const a = v.reg(sz), d = v.reg(sz); set(v, a, bv(sz)); return `${op} %${a.name},%${d.name}`; }, mode);
      addBmi(`${p}${op}${sf}_mr`, 20, (v) => { const m = v.mem(sz / 8); const d = v.reg(sz, { avoid: m.regs }); return `${op}${ri(2) ? sf : ''} ${m.text},%${d.name}`; }, mode);
    }
    addBmi(`${p}rorx${sf}_rr`, 50, (v) => { const a = v.reg(sz), d = v.reg(sz); set(v, a, bv(sz)); return `rorx $${ri(2) ? ri(256) : ri(sz + 1)},%${a.name},%${d.name}`; }, mode);
    addBmi(`${p}rorx${sf}_mr`, 20, (v) => { const m = v.mem(sz / 8); return `rorx $${ri(256)},${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
    for (const op of ['adcx', 'adox']) {
      addBmi(`${p}${op}${sf}_rr`, 60, (v) => { const a = v.reg(sz), d = v.reg(sz); set(v, a, bv(sz)); set(v, d, bv(sz)); return `${op} %${a.name},%${d.name}`; }, mode);
      addBmi(`${p}${op}${sf}_mr`, 20, (v) => { const m = v.mem(sz / 8); return `${op}${ri(2) ? sf : ''} ${m.text},%${v.reg(sz, { avoid: m.regs }).name}`; }, mode);
    }
    // Multi-precision chains: adcx/adox interleaved (the reason ADX exists), and mulx feeding them.
    addBmi(`${p}adx${sf}_chain`, 40, (v) => {
      const lines = [];
      for (let k = 0; k < 3 + ri(5); k++) lines.push(`${pick(['adcx', 'adox'])} %${v.reg(sz).name},%${v.reg(sz).name}`);
      if (ri(2)) lines.splice(ri(lines.length), 0, `mulx %${v.reg(sz).name},%${v.reg(sz).name},%${v.reg(sz).name}`);
      return lines.join('\n');
    }, mode);
    // Undefined flags consumed by later instructions (setcc, adc, pushf via the final flags).
    addBmi(`${p}bmi${sf}_flags`, 40, (v) => {
      const op = pick(['andn', 'bextr', 'bzhi', 'blsi', 'blsmsk', 'blsr']);
      const a = v.reg(sz), b = v.reg(sz), d = v.reg(sz);
      set(v, a, op === 'bextr' || op === 'bzhi' ? ctl() : bv(sz)); set(v, b, bv(sz));
      const insn = op.startsWith('bls') ? `${op} %${b.name},%${d.name}` : `${op} %${a.name},%${b.name},%${d.name}`;
      return `${insn}\n${pick([`setp %${v.reg(8).name}`, `seto %${v.reg(8).name}`, `sets %${v.reg(8).name}`, `adc %${v.reg(sz).name},%${v.reg(sz).name}`, 'lahf', `cmovp %${v.reg(sz).name},%${v.reg(sz).name}`])}`;
    }, mode);
  }
  // Encodings the CPU rejects or reads differently: a legacy prefix before VEX (#UD, SDM Vol. 2A
  // §2.3.2), VEX.L = 1 (#UD), VEX.W1 outside 64-bit mode (ignored), an unused vvvv != 1111b (#UD).
  const bytes = (...b) => '.byte ' + b.map((x) => '0x' + x.toString(16)).join(',');
  addBmi(`${p}vex_prefix`, 20, () => bytes(pick(mode === 64 ? [0x66, 0xf2, 0xf3, 0xf0, 0x48, 0x41] : [0x66, 0xf2, 0xf3, 0xf0]), 0xc4, 0xe2, 0x60, 0xf2, 0xc8), mode);
  addBmi(`${p}vex_l1`, 10, () => bytes(0xc4, 0xe2, pick([0x64, 0x66, 0x67]), pick([0xf2, 0xf5, 0xf7]), 0xc8), mode);
  addBmi(`${p}vex_w1`, 10, (v) => { v.regs[3] = bv(32); v.regs[0] = bv(32); return bytes(0xc4, 0xe2, 0xe0, 0xf2, 0xc8); }, mode);
  addBmi(`${p}rorx_vvvv`, 5, () => bytes(0xc4, 0xe3, 0x73, 0xf0, 0xd8, 0x03), mode);
  // VEX.vvvv[3] and VEX.B outside 64-bit mode (ignored there by the register choice).
  addBmi(`${p}vex_v3`, 10, (v) => { v.regs[3] = bv(32); v.regs[0] = bv(32); return bytes(0xc4, pick([0xe2, 0xc2]), pick([0x20, 0x60, 0x38]), 0xf2, 0xc8); }, mode);
  addBmi(`${p}rorx_v3`, 5, () => bytes(0xc4, 0xe3, 0x3b, 0xf0, 0xd8, 0x03), mode);
  addBmi(`${p}adx_66`, 10, (v) => { v.regs[3] = bv(32); v.regs[0] = bv(32); return bytes(pick([0x66, 0xf3]), 0x66, 0x0f, 0x38, 0xf6, 0xd8); }, mode);
}

// ---- build vectors ----
const vecs = [];
for (const t of T) for (let k = 0; k < t.n; k++) {
  const v = new V(t.name, t.mode);
  v.text = t.f(v);
  vecs.push(v);
}
process.stderr.write(`${T.length} templates, ${vecs.length} vectors\n`);

// Assemble: one file per mode, each snippet between labels; bytes from objcopy, offsets from nm.
const work = join(tmpdir(), `x86lab-vec-${process.pid}`);
mkdirSync(work, { recursive: true });
for (const mode of [64, 32]) {
  const list = vecs.filter((v) => v.mode === mode);
  if (!list.length) continue;
  let src = '.text\n';
  list.forEach((v, n) => { src += `.globl s${n}\ns${n}:\n${v.text}\nhlt\n.globl e${n}\ne${n}:\n`; });
  // Drop snippets GNU as rejects (e.g. %ah next to a register that needs REX), then assemble.
  for (let tries = 0; ; tries++) {
    writeFileSync(join(work, `v${mode}.s`), src);
    try { execFileSync('as', [`--${mode}`, '-o', join(work, `v${mode}.o`), join(work, `v${mode}.s`)], { stdio: 'pipe' }); break; }
    catch (e) {
      if (tries > 3) throw e;
      const bad = new Set();
      for (const m of String(e.stderr).matchAll(/:(\d+): Error/g)) bad.add(Number(m[1]));
      const lines = src.split('\n');
      // find the snippet index owning each bad line and blank its text
      let cur = -1;
      const owner = lines.map((l) => { const m = /^s(\d+):$/.exec(l); if (m) cur = Number(m[1]); return cur; });
      const dead = new Set([...bad].map((ln) => owner[ln - 1]));
      src = '.text\n';
      list.forEach((v, n) => { if (dead.has(n)) v.dead = true; src += `.globl s${n}\ns${n}:\n${v.dead ? '' : v.text}\nhlt\n.globl e${n}\ne${n}:\n`; });
    }
  }
  execFileSync('objcopy', ['-O', 'binary', '-j', '.text', join(work, `v${mode}.o`), join(work, `v${mode}.bin`)]);
  const bin = readFileSync(join(work, `v${mode}.bin`));
  const syms = new Map();
  for (const line of execFileSync('nm', [join(work, `v${mode}.o`)], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n')) {
    const m = /^([0-9a-f]+) T ([se]\d+)$/.exec(line);
    if (m) syms.set(m[2], parseInt(m[1], 16));
  }
  list.forEach((v, n) => { v.code = bin.subarray(syms.get(`s${n}`), syms.get(`e${n}`)); });
}

// Run natively.
const harness = join(root, 'test/native/build/harness');
mkdirSync(dirname(harness), { recursive: true });
if (!existsSync(harness) || statSync(harness).mtimeMs < statSync(join(root, 'test/native/harness.c')).mtimeMs) {
  execFileSync('gcc', ['-O1', '-o', harness, join(root, 'test/native/harness.c')]);
}
// One harness process per mode: a kernel without 32-bit segments (ia32_emulation off) cannot run
// compatibility-mode snippets, and then only the 64-bit vectors are kept.
let live = [];
let out = [];
for (const mode of [64, 32]) {
  const list = vecs.filter((v) => !v.dead && v.mode === mode);
  if (!list.length) continue;
  const input = list.map((v) => [v.mode, Buffer.from(v.code).toString('hex'), v.data ? Buffer.from(v.data).toString('hex') : '-', ...v.regs.map(hex), hex(v.flags)].join(' ')).join('\n') + '\n';
  let lines;
  try {
    lines = execFileSync(harness, { input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] }).trim().split('\n');
  } catch (e) {
    if (mode === 64) throw e;
    process.stderr.write(`the native harness cannot run 32-bit code here (${String(e.message).split('\n')[0]}): 32-bit vectors skipped\n`);
    continue;
  }
  if (lines.length !== list.length) throw new Error(`harness returned ${lines.length} lines for ${list.length} vectors`);
  live = live.concat(list);
  out = out.concat(lines);
}

// Compact golden line: [name, mode, code, dataIn, regsIn[16], flagsIn, trap, err, cr2, regsOut[16], ripOut, flagsOut, dataOut]
const lines = [];
let dropped = 0;
out.forEach((line, n) => {
  const v = live[n];
  const f = line.split(' ');
  if (f[0] === 'error' || f[0] === '-1' || f[f.length - 1] === '1') { dropped++; return; }
  const trap = Number(f[0]);
  const mask = v.mode === 32 ? 0xffffffffn : M64;
  const regsOut = f.slice(3, 19).map((x) => hex(BigInt('0x' + x) & mask));
  lines.push(JSON.stringify([v.name, v.mode, Buffer.from(v.code).toString('hex'), v.data ? Buffer.from(v.data).toString('hex') : '',
    v.regs.map((r) => hex(r & mask)), hex(v.flags), trap, Number('0x' + f[1]), f[2], regsOut, f[19], f[20], f[21] === '-' ? '' : f[21]]));
});
process.stderr.write(`${lines.length} vectors kept, ${dropped} dropped (timeout / wrote outside the window)\n`);
mkdirSync(dirname(OUT), { recursive: true });
const text = lines.join('\n') + '\n';
writeFileSync(OUT, OUT.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
process.stderr.write(`wrote ${OUT}\n`);
