// Fuzz cases for the four commands (issue 10): mutated sources and listings, mutated or truncated
// ELF objects and raw bytes, malformed snapshots, and hostile paths and options (an output that is
// an input or a link to one, a device, a missing folder, `-`). Everything is drawn from one seeded
// generator, so a case is reproduced by its seed and index alone.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Command = 'as' | 'dis' | 'exec' | 'run';

/** A file the case creates before running; `link` makes a symbolic link to another file instead. */
export interface CaseFile {
  readonly name: string;
  readonly data?: Uint8Array | string;
  readonly link?: string;
}

export interface FuzzCase {
  readonly cmd: Command;
  /** Arguments; `@name` stands for the absolute path of the case's file `name`. */
  readonly argv: readonly string[];
  readonly files: readonly CaseFile[];
  /** Files the command may legitimately create or replace (everything else must stay unchanged). */
  readonly outputs: readonly string[];
  /** What the case does, for the report. */
  readonly note: string;
}

/** mulberry32: small, fast, good enough to drive mutations reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];

const ROOT = join(import.meta.dirname, '..', '..');

function readSeeds(dir: string, re: RegExp, max = 64 << 10): string[] {
  let names: string[] = [];
  try { names = readdirSync(join(ROOT, dir)); } catch { return []; }
  return names.filter((n) => re.test(n)).map((n) => join(ROOT, dir, n))
    .filter((p) => { try { return statSync(p).size <= max; } catch { return false; } })
    .map((p) => readFileSync(p, 'utf8'));
}

let seedCache: { asm: string[]; listings: string[]; elf: Uint8Array[]; snapshot: string } | undefined;
function seeds(): NonNullable<typeof seedCache> {
  seedCache ??= {
    asm: [...readSeeds('test/asm/cases', /\.s$/, 16 << 10), ...readSeeds('examples', /\.s$/)],
    listings: readSeeds('examples', /\.S$/, 32 << 10),
    elf: ['p64.elf', 'p32.elf'].map((n) => new Uint8Array(readFileSync(join(ROOT, 'test/golden/dis/elf', n)))),
    snapshot: readFileSync(join(ROOT, 'test/fixtures/readme-snapshot.json'), 'utf8'),
  };
  return seedCache;
}

/** Statements that once cost memory, time or a crash (issue 10), and their relatives. */
export const HOSTILE_LINES: readonly string[] = [
  '.p2align 31,0x90', '.p2align 30', '.balign 1<<30', '.balign 0x40000000,0xcc', '.org 1<<40', '.org 0x7fffffff',
  '.fill cnt', 'cnt = 1<<31', '.fill 0x7fffffff,8,0', '.fill 1<<31', '.skip 1<<40', '.space 0x7fffffff', '.zero 1<<33',
  '.nops 0x80000000', '.nops 1<<31, 15', '.uleb128 -1', '.sleb128 -1<<63', '.uleb128 0xffffffffffffffffffff',
  '.lcomm x,-1', '.lcomm y,1<<40', '.comm z,1<<62', '.incbin "/dev/zero",0,16', '.incbin "/dev/zero"', '.incbin "."',
  '.include "/dev/zero"', '.include "."', '.include "/dev/null"', '.rept 1<<30', '.rept -1', '.irp x,1,2,3',
  '.octa 1<<200', '.quad 99999999999999999999999', '.long ' + '-'.repeat(5000) + '1', '.long ' + '('.repeat(3000) + '1' + ')'.repeat(3000),
  '.long a' + '+a'.repeat(5000), '.byte ' + Array.from({ length: 3000 }, (_, i) => i & 255).join(','), '.section .s1', '.section .s2,"ax"',
  '.org . - 1', '. = . + 1<<35', '.align 1<<31', '.p2align 64', '.fill -1,8,1', '.fill 3,-1,5', '.dc.b 1',
  '.macro m a\n.byte \\a\nm \\a\\a\n.endm\nm x', '.error "x"', '.print "p"', '.end', '#line 5 "a\\qb"', '.file "x"',
  'jmp .+0x7fffffff', 'movabs $0xffffffffffffffff,%rax', 'lea 0x7fffffff(%rip),%rax', 'call *%rax', 'int3', 'hlt',
];

/** Preprocessor lines for .S inputs. */
export const HOSTILE_CPP: readonly string[] = [
  '#define F(x) x', 'F(' .repeat(2000) + '1' + ')'.repeat(2000), '#if ' + '('.repeat(3000) + '1' + ')'.repeat(3000) + '\n#endif',
  '#if ' + '- '.repeat(3000) + '1\n#endif', '#include "/dev/zero"', '#include "."', '#include <x86lab/harness.h>',
  '#line 5 "a\\qb"', '#define A A B\nA', '#define S(x) #x\nS(")', '#if 1/0\n#endif', '#error boom', '#include', '#if',
];

const EXTREMES = ['-1', '0', '1<<31', '0x7fffffff', '0x80000000', '1<<40', '0xffffffffffffffff', '-0x8000000000000000', '99999999999999999999', '1<<63', '-(1<<62)'];
const JUNK = ['(', ')', ',', '"', '\\', ':', ';', '#', '%', '$', '*', '@', '.', '\n', ' ', '\t', '\0', '\u00ff', '{', '`'];

function mutateText(r: Rand, text: string, extraLines: readonly string[]): string {
  let s = text;
  const rounds = 1 + int(r, 4);
  for (let k = 0; k < rounds; k++) {
    const lines = s.split('\n');
    switch (int(r, 8)) {
      case 0: lines.splice(int(r, lines.length + 1), 0, pick(r, extraLines)); s = lines.join('\n'); break;
      case 1: s = s.replace(/\b(0x[0-9a-f]+|\d+)\b/gi, (m) => (r() < 0.08 ? pick(r, EXTREMES) : m)); break;
      case 2: {
        const a = s.split('');
        for (let i = 0, n = 1 + int(r, 8); i < n && a.length; i++) a[int(r, a.length)] = pick(r, JUNK);
        s = a.join('');
        break;
      }
      case 3: s = s.slice(0, int(r, s.length + 1)); break;
      case 4: {
        const i = int(r, lines.length), n = 1 + int(r, 5);
        const chunk = lines.slice(i, i + n);
        for (let t = int(r, 20); t > 0; t--) lines.splice(i, 0, ...chunk);
        s = lines.join('\n');
        break;
      }
      case 5: {
        const i = int(r, lines.length), n = 1 + int(r, 5);
        const wrap = pick(r, [['.rept 3', '.endr'], ['.irp q,1,2', '.endr'], ['.macro mm', '.endm\nmm\nmm'], ['.if 1', '.endif'], ['.rept 1000', '.endr']]);
        lines.splice(i + n, 0, wrap[1]);
        lines.splice(i, 0, wrap[0]);
        s = lines.join('\n');
        break;
      }
      case 6: lines.splice(int(r, lines.length), 1 + int(r, 3)); s = lines.join('\n'); break;
      default: s = s + '\n' + pick(r, extraLines) + '\n';
    }
  }
  return s;
}

function mutateBytes(r: Rand, b: Uint8Array): Uint8Array {
  let out = b.slice();
  const rounds = 1 + int(r, 4);
  for (let k = 0; k < rounds; k++) {
    const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
    switch (int(r, 5)) {
      case 0: for (let i = 0, n = 1 + int(r, 16); i < n && out.length; i++) out[int(r, out.length)] = int(r, 256); break;
      case 1: out = out.slice(0, int(r, out.length + 1)); break;
      case 2: {
        // Header and section-table fields to extremes: offsets, counts, sizes, string indices.
        const at = pick(r, [0x04, 0x05, 0x10, 0x12, 0x18, 0x20, 0x28, 0x30, 0x34, 0x36, 0x38, 0x3a, 0x3c, 0x3e, ...Array.from({ length: 8 }, () => int(r, Math.max(1, out.length - 8)))]);
        const v = pick(r, [0, 1, 0xff, 0xffff, 0x7fffffff, 0xffffffff]);
        if (at + 4 <= out.length) dv.setUint32(at, v, true);
        else if (at + 2 <= out.length) dv.setUint16(at, v & 0xffff, true);
        break;
      }
      case 3: {
        const extra = new Uint8Array(int(r, 4096));
        for (let i = 0; i < extra.length; i++) extra[i] = int(r, 256);
        const n = new Uint8Array(out.length + extra.length);
        n.set(out);
        n.set(extra, out.length);
        out = n;
        break;
      }
      default: {
        const i = int(r, out.length + 1), j = int(r, out.length + 1);
        out = new Uint8Array([...out.subarray(0, Math.min(i, j)), ...out.subarray(Math.max(i, j))]);
      }
    }
  }
  return out;
}

function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function mutateSnapshot(r: Rand, text: string): string {
  let j: Record<string, unknown>;
  try { j = JSON.parse(text) as Record<string, unknown>; } catch { return text; }
  const hostile: unknown[] = [
    null, true, -1, 1e308, '0x' + 'f'.repeat(40), 'zz', '', [], {}, 'x'.repeat(100000), 0x7fffffff,
    '0xfffffffffffff000', '-0x1', [{ addr: '0xfffffffffffffff0', hex: 'ff'.repeat(64), perm: 'rwx' }],
    [{ addr: '0x0', hex: '00'.repeat(1 << 16), perm: 'rwx' }], [{ addr: '0x1000', hex: 'f4', perm: 'q' }],
  ];
  const keys = ['mode', 'cpl', 'regs', 'memory', 'until', 'steps', 'rip', 'rflags', 'rsp'];
  for (let k = 1 + int(r, 3); k > 0; k--) {
    const key = pick(r, keys);
    if (['rip', 'rflags', 'rsp'].includes(key) && typeof j.regs === 'object' && j.regs) (j.regs as Record<string, unknown>)[key] = pick(r, hostile);
    else j[key] = pick(r, hostile);
  }
  let s = JSON.stringify(j);
  if (r() < 0.15) s = s.replace(/\]\}$/, `,${deepJson(1000 + int(r, 100000))}]}`);
  if (r() < 0.2) s = mutateText(r, s, ['{', '}', '"', '[']);
  return s;
}

/** Output choices shared by every command that writes a file. */
function outputChoice(r: Rand, input: string): { arg: string; files: CaseFile[]; outputs: string[]; note: string } {
  switch (int(r, 9)) {
    case 0: return { arg: `@${input}`, files: [], outputs: [], note: 'output is the input' };
    case 1: return { arg: '@lnk', files: [{ name: 'lnk', link: input }], outputs: [], note: 'output is a link to the input' };
    case 2: return { arg: '@old.out', files: [{ name: 'old.out', data: 'previous contents\n' }], outputs: ['old.out'], note: 'output replaces a file' };
    case 3: return { arg: '@outlink', files: [{ name: 'target.out', data: 'x' }, { name: 'outlink', link: 'target.out' }], outputs: ['target.out'], note: 'output through a link' };
    case 4: return { arg: '@nodir/x/out', files: [], outputs: [], note: 'output in a missing folder' };
    case 5: return { arg: '/dev/null', files: [], outputs: [], note: 'output is /dev/null' };
    case 6: return { arg: '-', files: [], outputs: [], note: 'output is -' };
    case 7: return { arg: '@.', files: [], outputs: [], note: 'output is a directory' };
    default: return { arg: '@new.out', files: [], outputs: ['new.out'], note: 'output is a new file' };
  }
}

/** Input paths that are not regular files. */
const HOSTILE_INPUTS = ['/dev/zero', '/dev/null', '@.', '@missing.file'];

export interface CaseOptions {
  /** Let inputs be devices (/dev/zero); off where a command's reader is known to lack the limit. */
  readonly deviceInputs?: (cmd: Command) => boolean;
}

export function makeCase(seed: number, index: number, opts: CaseOptions = {}): FuzzCase {
  const c = draw(seed, index, opts);
  // With a device or missing path as the input, the case's own "input" file is just a file an
  // output may legitimately go to (through a link to it, say).
  if (!c.argv.some((a) => HOSTILE_INPUTS.includes(a))) return c;
  return { ...c, outputs: [...c.outputs, ...c.files.filter((f) => f.link === undefined).map((f) => f.name)] };
}

function draw(seed: number, index: number, opts: CaseOptions): FuzzCase {
  const r = rng((seed * 0x9e3779b1 + index * 0x85ebca77) >>> 0);
  const cmd = pick(r, ['as', 'dis', 'exec', 'run'] as const);
  const S = seeds();
  const devices = opts.deviceInputs?.(cmd) ?? true;
  const hostileInput = devices && r() < 0.05 ? pick(r, HOSTILE_INPUTS) : undefined;
  switch (cmd) {
    case 'as': {
      const cpp = r() < 0.35;
      const name = cpp ? 'in.S' : 'in.s';
      const text = mutateText(r, pick(r, cpp && S.listings.length ? [...S.asm, ...S.listings] : S.asm), cpp ? [...HOSTILE_LINES, ...HOSTILE_CPP] : HOSTILE_LINES);
      const argv: string[] = [];
      if (r() < 0.3) argv.push('--32');
      if (r() < 0.2) argv.push('-f', 'bin');
      else if (r() < 0.15) argv.push('--dis');
      const files: CaseFile[] = [{ name, data: text }];
      const outputs: string[] = [];
      let note = 'mutated source';
      if (r() < 0.6) {
        const o = outputChoice(r, name);
        argv.push('-o', o.arg);
        files.push(...o.files);
        outputs.push(...o.outputs);
        note += `; ${o.note}`;
      }
      argv.push(hostileInput ?? `@${name}`);
      return { cmd, argv, files, outputs, note };
    }
    case 'dis': {
      const raw = r() < 0.25;
      const base = raw ? Uint8Array.from({ length: int(r, 2048) }, () => int(r, 256)) : pick(r, S.elf);
      const data = mutateBytes(r, base);
      const argv: string[] = [];
      if (r() < 0.3) argv.push(pick(r, ['--32', '--64']));
      if (r() < 0.3) argv.push('-f', pick(r, ['bin', 'elf']));
      if (r() < 0.1) argv.push('--start', pick(r, ['0xffffffffffffff00', '0', '0x7fffffff']));
      argv.push(hostileInput ?? '@in.o');
      return { cmd, argv, files: [{ name: 'in.o', data }], outputs: [], note: raw ? 'random bytes' : 'mutated ELF' };
    }
    case 'exec': {
      const batch = r() < 0.4;
      const snap = mutateSnapshot(r, S.snapshot);
      const argv: string[] = [];
      if (r() < 0.2) argv.push('--steps', String(int(r, 100000)));
      if (batch) {
        const lines = Array.from({ length: 1 + int(r, 4) }, () => (r() < 0.5 ? S.snapshot.replace(/\n/g, '') : mutateSnapshot(r, S.snapshot).replace(/\n/g, ' ')));
        const o = outputChoice(r, 'in.jsonl');
        return { cmd, argv: [...argv, '--batch', hostileInput ?? '@in.jsonl', o.arg], files: [{ name: 'in.jsonl', data: lines.join('\n') + '\n' }, ...o.files], outputs: o.outputs, note: `batch; ${o.note}` };
      }
      const files: CaseFile[] = [{ name: 'in.json', data: snap }];
      const outputs: string[] = [];
      argv.push('--state', hostileInput ?? '@in.json');
      let note = 'malformed snapshot';
      if (r() < 0.5) {
        const o = outputChoice(r, 'in.json');
        argv.push('--dump', o.arg);
        files.push(...o.files);
        outputs.push(...o.outputs);
        note += `; ${o.note}`;
      }
      return { cmd, argv, files, outputs, note };
    }
    case 'run': {
      const text = mutateText(r, pick(r, S.listings.length ? S.listings : S.asm), [...HOSTILE_LINES, ...HOSTILE_CPP]);
      const argv = ['--max-steps', String(int(r, 200000))];
      if (r() < 0.3) argv.push('--trace');
      if (r() < 0.3) argv.push('-q');
      if (r() < 0.3) argv.push('--nmi-at', pick(r, ['do_int3', 'asm_exc_int3:2', '5', 'nosuch', '99999999999', '+', 'x+0x7fffffff']));
      if (r() < 0.2) argv.push('--irq-at', pick(r, ['0x20@10', '300@1', '32@nosuch', '@', '255@0']));
      if (r() < 0.1) argv.push('--32');
      const files: CaseFile[] = [{ name: 'in.S', data: text }];
      const outputs: string[] = [];
      let note = 'mutated listing';
      if (r() < 0.4) {
        const o = outputChoice(r, 'in.S');
        argv.push('--dump', o.arg);
        files.push(...o.files);
        outputs.push(...o.outputs);
        note += `; ${o.note}`;
      }
      argv.push(hostileInput ?? '@in.S');
      return { cmd, argv, files, outputs, note };
    }
  }
}
