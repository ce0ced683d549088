// `x86lab dis` with the objdump flags that change how a listing is printed: --no-show-raw-insn and
// --show-raw-insn, --no-addresses, -z/--disassemble-zeroes, --disassemble=SYMBOL, -M suffix, -f, alone and with
// -r, -w, -D, -M intel, 32- and 64-bit. objdump 2.40's text is committed (dis-flags/golden.json,
// rewritten from objdump by UPDATE_GOLDEN=1) so the comparison runs without binutils; where
// objdump is installed it is re-run on the same files, and on slices of libc and named libc
// functions, and must print what we print.
// Inputs: dis-flags/flags64.s and flags32.s, assembled by GNU as into the committed .o files,
// and objects and executables other tests use (flags64.s ends symbols mid-instruction: objdump -D
// decodes on into the next symbol's bytes, -d does not). Not covered: objdump's
// --disassemble=NAME@plt, which lists past the end of .plt.got.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import '../harness/golden-setup.js';
import { run } from '../../src/cli/dis.js';
import { haveObjdump } from './objdump-diff.js';

const ROOT = join(__dirname, '..', '..');
const HERE = 'test/decode/dis-flags';
const FILES = [
  `${HERE}/flags64.o`,
  `${HERE}/flags32.o`,
  'examples/int3-c/int3_emulate-64.o',
  'test/link/fixtures/int3-c-32.exe',
  'test/golden/dis/elf/p64.elf',
];
const FLAGS = [
  ['-d', '--no-show-raw-insn'], ['-dr', '--no-show-raw-insn'], ['-drw', '--no-show-raw-insn'],
  ['-d', '-M', 'intel', '--no-show-raw-insn'], ['-d', '--no-show-raw-insn', '--show-raw-insn'],
  ['-d', '--no-addresses'], ['-dr', '--no-addresses'], ['-drw', '--no-addresses'],
  ['-d', '--no-addresses', '--no-show-raw-insn', '-Mintel'],
  ['-d', '--no-addresses', '--start-address=0x10', '--stop-address=0x50'],
  ['-dz'], ['-drz'], ['-d', '--disassemble-zeroes', '-w'],
  ['-d', '-M', 'suffix'], ['-dr', '-Mintel,suffix'], ['-d', '-M', 'suffix', '--no-show-raw-insn', '--no-addresses'],
  ['-f'], ['-fd'], ['--file-headers', '-h'], ['-d', '-M', 'i386'], ['-dr', '-M', 'intel,x86-64'],
];
/** --disassemble=NAME on the two small objects (the names of flags64.s; f, inner and g are flags32.s's too). */
const SYM_FLAGS = [
  ['--disassemble=f'], ['--disassemble=inner'], ['--disassemble=nosize'], ['--disassemble=label'], ['--disassemble=g'],
  ['--disassemble=chooser'], ['--disassemble=late'], ['--disassemble=f2'], ['--disassemble=nosuch'],
  ['-r', '--disassemble=g'], ['-r', '--disassemble=inner'], ['--disassemble=f', '--no-addresses', '--no-show-raw-insn'],
  ['-D', '--disassemble=var'], ['-dz', '--disassemble=g'],
];
const D_FLAGS = [['-D', '--no-show-raw-insn'], ['-D', '--no-addresses'], ['-Dz'], ['-Dw'], ['-Drz']];
// The executables (larger listings) with a few of the flags.
const FEW = [['-d', '--no-show-raw-insn'], ['-dr', '--no-addresses'], ['-dz'], ['-d', '-M', 'intel', '--no-show-raw-insn', '--no-addresses'], ['-d', '-M', 'suffix'], ['-f'], ['-ft']];
const CASES = FILES.flatMap((f, i) => (i < 3 ? FLAGS : FEW).map((fl) => ({ file: f, flags: fl })));
for (const f of FILES.slice(0, 2)) for (const fl of SYM_FLAGS) CASES.push({ file: f, flags: fl });
for (const f of [FILES[0], FILES[1], FILES[2], FILES[4]]) for (const fl of D_FLAGS) CASES.push({ file: f, flags: fl });
for (const fl of [['--disassemble=int3_emulate'], ['-dr', '--disassemble=int3_emulate', '--no-show-raw-insn']]) CASES.push({ file: FILES[2], flags: fl });
for (const fl of [['--disassemble=main'], ['--disassemble=_start', '--no-addresses']]) CASES.push({ file: FILES[3], flags: fl });
const key = (c: { file: string; flags: string[] }): string => `${c.file} ${c.flags.join(' ')}`;

const GOLDEN = join(__dirname, 'dis-flags', 'golden.json');
const golden: Record<string, string> = (() => {
  try {
    return JSON.parse(readFileSync(GOLDEN, 'utf8'));
  } catch {
    return {};
  }
})();

/** What `x86lab dis ARGS` prints and its exit status; `file` (absolute) is named `name` as objdump, run beside it, names it. */
async function ours(args: string[], file?: string, name?: string): Promise<{ out: string; err: string; status: number }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    const status = await run(file === undefined ? args : [...args, file]);
    if (file !== undefined && name !== undefined) out = out.split(`${file}:`).join(`${name}:`);
    return { out, err, status };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const objdump = (args: string[]): string => execFileSync('objdump', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 28 });

describe('x86lab dis --no-show-raw-insn, --no-addresses, -z, --disassemble=SYMBOL vs objdump 2.40', () => {
  it.each(CASES.map((c) => [key(c), c] as const))('%s', async (k, c) => {
    expect(golden[k], `no golden for ${k} (UPDATE_GOLDEN=1 with objdump installed writes it)`).toBeDefined();
    const r = await ours(c.flags, join(ROOT, c.file), c.file);
    expect(r.status).toBe(0);
    expect(r.out).toBe(golden[k]);
  });

  it.runIf(haveObjdump())('objdump, run live, still prints the committed text', () => {
    const fresh: Record<string, string> = {};
    for (const c of CASES) fresh[key(c)] = objdump([...c.flags, c.file]);
    expect(JSON.stringify(fresh, null, 1) + '\n').toMatchGolden(GOLDEN);
  });
});

const LIBC = '/lib/x86_64-linux-gnu/libc.so.6';

describe.runIf(haveObjdump() && existsSync(LIBC))('live: the new flags on libc against objdump', () => {
  // 0x27280: __libc_start_main and what follows, some 5,000 lines.
  const slice = ['--start-address=0x27280', '--stop-address=0x2c000'];
  const flagSets = [
    ['-d', '--no-show-raw-insn'], ['-dw', '--no-show-raw-insn', '--no-addresses'], ['-d', '--no-addresses'],
    ['-d', '-M', 'intel', '--no-show-raw-insn'], ['-dz'], ['-d', '-M', 'suffix'], ['-dw', '-M', 'intel,suffix'],
  ];
  it.each(flagSets.map((f) => [f.join(' '), f] as const))('%s on a slice of .text', async (_k, flags) => {
    const want = objdump([...flags, ...slice, LIBC]);
    expect(want.split('\n').length).toBeGreaterThan(3000);
    expect((await ours([...flags, ...slice], LIBC)).out).toBe(want);
  }, 30_000);

  // A function with a size, IFUNCs (listed to the next symbol: BFD does not flag them functions),
  // a name that two versions share (memcpy@@GLIBC_2.14 and memcpy@GLIBC_2.2.5 both list), an alias (lists nothing).
  it.each(['__libc_start_main', 'strspn', 'memcpy', 'printf', '_IO_printf'])('--disassemble=%s', async (name) => {
    expect((await ours([`--disassemble=${name}`], LIBC)).out).toBe(objdump([`--disassemble=${name}`, LIBC]));
  }, 30_000);
});

describe('usage', () => {
  it('--help lists the new flags; unknown options are usage errors (exit 2)', async () => {
    const help = await ours(['--help']);
    expect(help.status).toBe(0);
    for (const f of ['--no-show-raw-insn', '--show-raw-insn', '--no-addresses', '-z, --disassemble-zeroes', '--disassemble=SYMBOL', 'att|intel|suffix']) expect(help.out).toContain(f);
    const file = join(ROOT, FILES[0]);
    for (const bad of [['--no-show-raw'], ['--bogus'], ['-dq']]) {
      const r = await ours(bad, file);
      expect(r.status).toBe(2);
      expect(r.err).toMatch(/^x86lab dis: unknown option/);
    }
    // -f bin|elf stays the input format; -f before anything else is objdump's -f.
    const raw = await ours(['-f', 'bin', '--start', '0x1000'], file);
    expect(raw.status).toBe(0);
    expect(raw.out).toContain('file format binary');
    expect((await ours(['-f'], file)).out).toContain('architecture: i386:x86-64, flags 0x00000011:\nHAS_RELOC, HAS_SYMS\n');
    const m = await ours(['-M', 'intel,sufix'], file);
    expect(m.status).toBe(2);
    expect(m.err).toMatch(/^x86lab dis: unrecognised disassembler option: sufix/);
  });
});
