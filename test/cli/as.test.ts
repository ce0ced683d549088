// `x86lab as` as a command: options, output formats, exit codes, error reporting on stderr,
// and no output file left behind when assembly fails.

import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
let dir = '';

function x86lab(args: string[], input?: string): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'as', ...args], { cwd: dir, input, maxBuffer: 64 << 20 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString() };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'x86lab-as-cli-'));
});

// GNU as 2.40: `as --64 examples/hello.s && objcopy -O binary -j .text` (the lea's rip-relative
// field to .rodata is left as zeros for the linker, R_X86_64_PC32).
const HELLO_TEXT = 'b801000000bf01000000488d3500000000ba0d0000000f054885c0780431ffeb05bf01000000b83c0000000f05';

describe('x86lab as', () => {
  it('--help prints the options and exits 0', () => {
    const r = x86lab(['--help']);
    expect(r.status).toBe(0);
    for (const o of ['--64', '--32', '-o OUT', '-f elf|bin|json', '-I DIR', '--defsym SYM=VAL', '-D NAME', '-U NAME']) expect(r.stdout.toString()).toContain(o);
  });
  it('usage errors exit 2', () => {
    expect(x86lab(['--frobnicate', 'x.s']).status).toBe(2);
    expect(x86lab(['-f', 'coff', 'x.s']).status).toBe(2);
  });
  it('with no file, standard input is read (GNU as); several files are one stream; --version', () => {
    const none = x86lab(['-f', 'bin'], 'nop\n');
    expect(none.status).toBe(0);
    expect(none.stdout.toString('hex')).toBe('90');
    writeFileSync(join(dir, 'p1.s'), 'a: nop\n');
    writeFileSync(join(dir, 'p2.s'), 'jmp a\nbogus\n');
    const two = x86lab(['-f', 'bin', join(dir, 'p1.s'), join(dir, 'p2.s')]);
    expect(two.status).toBe(1);
    // GNU as 2.40 on the same two files: the error names the second file and its own line.
    expect(two.stderr).toBe(`${join(dir, 'p2.s')}: Assembler messages:\n${join(dir, 'p2.s')}:2: Error: no such instruction: \`bogus'\n`);
    writeFileSync(join(dir, 'p2.s'), 'jmp a\n');
    expect(x86lab(['-f', 'bin', join(dir, 'p1.s'), '-'], 'jmp a\n').stdout.toString('hex')).toBe('90ebfd');
    const v = x86lab(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.toString()).toMatch(/^x86lab assembler \d+\.\d+\.\d+ \(GNU assembler 2\.40 compatible\)\n$/);
  });
  it('a missing input file is an error, not a stack trace', () => {
    const r = x86lab(['nonexistent.s']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("can't open nonexistent.s for reading");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('-f bin writes exactly GNU as .text bytes', () => {
    const out = join(dir, 'hello.bin');
    const r = x86lab(['-f', 'bin', '-o', out, join(root, 'examples', 'hello.s')]);
    expect(r.status).toBe(0);
    expect(readFileSync(out).toString('hex')).toBe(HELLO_TEXT);
  });
  it('-f json goes to stdout without -o, with sections, symbols, relocations and a listing', () => {
    const r = x86lab(['-f', 'json', join(root, 'examples', 'hello.s')]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout.toString());
    expect(j.sections[0]).toMatchObject({ name: '.text', flags: 'ax', type: 'progbits', align: 1, hex: HELLO_TEXT });
    expect(j.sections.find((s: { name: string }) => s.name === '.rodata').hex).toBe(Buffer.from('Hello, world\n').toString('hex'));
    expect(j.symbols).toContainEqual({ name: '_start', section: '.text', value: 0, binding: 'global', type: 'function', size: 45 });
    expect(j.symbols).toContainEqual({ name: 'len', section: '*ABS*', value: 13, binding: 'local' });
    expect(j.relocations).toEqual([{ section: '.text', offset: 13, type: 'R_X86_64_PC32', symbol: '.rodata', addend: -4 }]);
    expect(j.listing[2]).toMatchObject({ line: 10, section: '.text', offset: 10, hex: '488d3500000000' });
    expect(j.listing.map((l: { hex: string }) => l.hex).filter((h: string, i: number) => j.listing[i].section === '.text').join('')).toBe(HELLO_TEXT);
  });
  it('without -f writes an ELF object, to a.out without -o (as GNU as does)', () => {
    const sub = mkdtempSync(join(dir, 'aout-'));
    const r = spawnSync(process.execPath, [bin, 'as', join(root, 'examples', 'hello.s')], { cwd: sub });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    const obj = readFileSync(join(sub, 'a.out'));
    // ELF64, little-endian, ET_REL, EM_X86_64.
    expect(obj.subarray(0, 6).toString('hex')).toBe('7f454c460201');
    expect(obj.readUInt16LE(16)).toBe(1);
    expect(obj.readUInt16LE(18)).toBe(62);
    const r32 = x86lab(['--32', '-o', join(sub, 'x.o'), '-'], 'nop\n');
    expect(r32.status).toBe(0);
    const o32 = readFileSync(join(sub, 'x.o'));
    expect([o32[4], o32.readUInt16LE(18)]).toEqual([1, 3]);
  });
  it('reads standard input with -, and --32 assembles 32-bit code', () => {
    const src = 'push %ebp\nmov %esp, %ebp\n';
    const r32 = x86lab(['--32', '-f', 'json', '-'], src);
    expect(r32.status).toBe(0);
    expect(JSON.parse(r32.stdout.toString()).sections[0].hex).toBe('5589e5');
    const r64 = x86lab(['-'], src);
    expect(r64.status).toBe(1);
    expect(r64.stderr).toContain("{standard input}:1: Error:");
  });
  it('--defsym defines an absolute symbol', () => {
    const r = x86lab(['-f', 'json', '--defsym', 'FOO=0x10', '--defsym=BAR=-2', '-'], '.long FOO, BAR\n');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.toString()).sections[0].hex).toBe('10000000feffffff');
  });
  it('reports every bad line as FILE:LINE: Error: and writes nothing', () => {
    const src = join(dir, 'bad.s');
    writeFileSync(src, 'nop\nfoo bar\n.long 1 2\nnop\n.foo\n');
    const out = join(dir, 'bad.bin');
    writeFileSync(out, 'stale');
    const r = x86lab(['-f', 'bin', '-o', out, src]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `${src}: Assembler messages:`,
      `${src}:2: Error: no such instruction: \`foo bar'`,
      `${src}:3: Error: junk at end of line, first unrecognized character is \`2'`,
      `${src}:5: Error: unknown pseudo-op: \`.foo'`,
      '',
    ]);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout.length).toBe(0);
  });
  it('warnings do not fail the assembly', () => {
    const r = x86lab(['-'], '.byte 300\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('{standard input}:1: Warning: value 0x12c truncated to 0x2c');
  });
  it('.S files go through the C preprocessor (-D)', () => {
    const src = join(dir, 'pp.S');
    writeFileSync(src, '#define VAL 7\n\t.long VAL, EXTRA\n');
    const r = x86lab(['-f', 'json', '-D', 'EXTRA=9', src]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.toString()).sections[0].hex).toBe('0700000009000000');
  });
});
