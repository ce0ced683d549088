// Static archives in `x86lab run` (src/link/archive.ts): members are linked as ld links them —
// only those defining a symbol still undefined — and errors name `lib.a(member.o)` as ld does.
// Fixtures in test/link/fixtures/archive (README.md there); ld and ar are the live oracles.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { toElf } from '../../src/output/elf.js';
import { LoadError, loadFiles } from '../../src/harness/loader.js';
import { Machine } from '../../src/harness/machine.js';
import { archiveChunks, archiveMembers } from '../../src/link/archive.js';
import { disassembleElfChunks } from '../../src/cli/dis.js';
import { LinkError } from '../../src/link/errors.js';
import { haveLd } from './ld-oracle.js';

const F = join(__dirname, 'fixtures', 'archive');
const LIB = join(F, 'libx.a');
const have = (tool: string): boolean => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;

describe('static archives', () => {
  it('reads GNU ar members, long names included', () => {
    const names = archiveMembers(new Uint8Array(readFileSync(LIB)), LIB).map((m) => m.name);
    expect(names).toEqual(['a.o', 'b.o', 'c.o', 'long_member_name_object.o']);
  });

  it.runIf(have('ar'))('the committed archive is what ar rcs makes of the committed objects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-ar-'));
    try {
      for (const f of ['a.o', 'b.o', 'c.o', 'long_member_name_object.o']) copyFileSync(join(F, f), join(dir, f));
      execFileSync('ar', ['rcs', 'libx.a', 'a.o', 'b.o', 'c.o', 'long_member_name_object.o'], { cwd: dir });
      expect(Buffer.compare(readFileSync(join(dir, 'libx.a')), readFileSync(LIB))).toBe(0);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('links only the members that define what is undefined, and runs', () => {
    const img = loadFiles([join(F, 'main.s'), LIB], { mode: 64 });
    for (const n of ['add3', 'twice', 'longfn', 'base']) expect(img.symbols.has(n), n).toBe(true);
    expect(img.symbols.has('never')).toBe(false);
    const m = Machine.fromFiles([join(F, 'main.s'), LIB], { mode: 64 });
    expect(m.run({ maxSteps: 1000 }).stop).toBe('hlt');
    // add3() = base + 3 = 13, twice() = 2 * base = 20, longfn() = 7 (the C in the fixtures).
    expect(m.reg('rbx')).toBe(40n);
  });

  it.runIf(haveLd())('ld picks the same members', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-ar-ld-'));
    try {
      const r = assemble(readFileSync(join(F, 'main.s'), 'utf8'), { mode: 64, file: 'main.s' });
      writeFileSync(join(dir, 'main.o'), toElf(r));
      execFileSync('ld', ['-e', '_start', '-o', join(dir, 'prog'), join(dir, 'main.o'), LIB], { stdio: 'ignore' });
      const prog = readFileSync(join(dir, 'prog'), 'latin1');
      for (const n of ['add3', 'twice', 'longfn']) expect(prog.includes(`\0${n}\0`), n).toBe(true);
      expect(prog.includes('\0never\0')).toBe(false);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('an undefined reference in a member is worded as ld words it', () => {
    const expected = 'libx.a(c.o): in function `never\':\nc.c:(.text+0x1): undefined reference to `undefined_thing\'';
    let msg = '';
    try { loadFiles([join(F, 'undef.s'), LIB], { mode: 64 }); } catch (e) { msg = (e as Error).message; }
    expect(msg.split(F + '/').join('')).toBe(expected);
    if (haveLd()) {
      const dir = mkdtempSync(join(tmpdir(), 'x86lab-ar-ld-'));
      try {
        const r = assemble(readFileSync(join(F, 'undef.s'), 'utf8'), { mode: 64, file: 'undef.s' });
        writeFileSync(join(dir, 'undef.o'), toElf(r));
        copyFileSync(LIB, join(dir, 'libx.a'));
        const ld = spawnSync('ld', ['-o', 'prog', 'undef.o', 'libx.a'], { cwd: dir, encoding: 'utf8' });
        const lines = ld.stderr.split('\n').filter((l) => l && !/GNU-stack|NOTE:/.test(l)).map((l) => l.replace(/^ld: /, ''));
        expect(lines.join('\n')).toBe(expected);
      } finally { rmSync(dir, { recursive: true, force: true }); }
    }
  });

  // `x86lab dis` prints an archive as objdump does (goldens: objdump -dr/-t/-h of libx.a, run in the fixture folder).
  for (const [flag, opts] of [['dr', { disassemble: 'exec', relocs: true }], ['t', { syms: true }], ['h', { headers: true }]] as const) {
    it(`dis -${flag} of an archive is objdump -${flag}'s text`, () => {
      let x = '';
      for (const c of archiveChunks(new Uint8Array(readFileSync(LIB)), 'libx.a', (b, name) => disassembleElfChunks(b, name, undefined, opts))) x += c;
      const gnu = have('objdump') ? execFileSync('objdump', [`-${flag}`, 'libx.a'], { cwd: F, encoding: 'utf8' }) : readFileSync(join(F, `libx.objdump-${flag}.txt`), 'utf8');
      expect(x).toBe(gnu);
      if (have('objdump')) expect(readFileSync(join(F, `libx.objdump-${flag}.txt`), 'utf8'), 'stale golden').toBe(gnu);
    });
  }

  it('a truncated or corrupted archive is a clear error, never a crash', () => {
    const bytes = new Uint8Array(readFileSync(LIB));
    let s = 12345;
    const rnd = (): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
    const tries: Uint8Array[] = [];
    for (let n = 0; n < bytes.length; n += 37) tries.push(bytes.slice(0, n));
    for (let k = 0; k < 200; k++) {
      const b = bytes.slice();
      for (let j = 0; j < 4; j++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      tries.push(b);
    }
    for (const b of tries) {
      try {
        loadFiles(['main.s', 'lib.a'], { mode: 64, readBytes: (p) => (p === 'lib.a' ? b : new Uint8Array(readFileSync(join(F, 'main.s')))) });
      } catch (e) {
        if (!(e instanceof LoadError || e instanceof LinkError)) throw e;
      }
    }
  });
});
