// `x86lab as --dis`: the assembled .text listed as `objdump -d` lists GNU as's object, from the
// "Disassembly of section .text:" line on. Golden text below came from GNU as 2.40 + objdump 2.40;
// when both tools are here, the examples are also compared live.

import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'x86lab-as-dis-'));
});

function x86lab(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'as', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function src(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

// Global and local labels, a call left to the linker, a local .L label (not in GNU's symbol table),
// a numeric label, and a symbol after the end of a sized function.
const S64 = `	.text
	.globl f
	.type f, @function
f:	push %rbp
	call g
	call f
1:	jmp 1b
	jne .Lx
	nop
.Lx:	ret
	.size f, .-f
h:	movl $1, %eax
	.data
d:	.long 1
`;
const S64_DIS = `Disassembly of section .text:

0000000000000000 <f>:
   0:	55                   	push   %rbp
   1:	e8 00 00 00 00       	call   6 <f+0x6>
   6:	e8 00 00 00 00       	call   b <f+0xb>
   b:	eb fe                	jmp    b <f+0xb>
   d:	75 01                	jne    10 <f+0x10>
   f:	90                   	nop
  10:	c3                   	ret

0000000000000011 <h>:
  11:	b8 01 00 00 00       	mov    $0x1,%eax
`;

// 32-bit: 8-digit headers, a run of zeros shown as `...`, REL addend in the bytes.
const S32 = `	.text
	.globl start
start:	pushl %ebp
	movl %esp, %ebp
	call ext
	call local
	jmp 1f
	.byte 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
1:	leave
local:	ret
	.data
	.long local
`;
const S32_DIS = `Disassembly of section .text:

00000000 <start>:
   0:	55                   	push   %ebp
   1:	89 e5                	mov    %esp,%ebp
   3:	e8 fc ff ff ff       	call   4 <start+0x4>
   8:	e8 0d 00 00 00       	call   1a <local>
   d:	eb 0a                	jmp    19 <start+0x19>
	...
  17:	00 00                	add    %al,(%eax)
  19:	c9                   	leave

0000001a <local>:
  1a:	c3                   	ret
`;

// No symbol at 0 but a relocation against .text (so GNU emits the section symbol): objdump opens
// with `<h-0x1>`, not `<.text>`.
const SSEC = 'nop\n.data\n.long h\n.text\nh: ret\n';
const SSEC_DIS = `Disassembly of section .text:

0000000000000000 <h-0x1>:
   0:	90                   	nop

0000000000000001 <h>:
   1:	c3                   	ret
`;

function hasTools(): boolean {
  return ['as', 'objdump'].every((t) => spawnSync(t, ['--version']).status === 0);
}

describe('x86lab as --dis', () => {
  it('is documented in --help', () => {
    expect(x86lab(['--help']).stdout).toMatch(/^\s+--dis\s+print the disassembly/m);
  });
  it('64-bit: symbols, calls to be relocated, local labels hidden as in GNU\'s object', () => {
    const r = x86lab(['--dis', src('a64.s', S64)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(S64_DIS);
  });
  it('32-bit: 8-digit addresses, zero runs, REL addends', () => {
    const r = x86lab(['--32', '--dis', src('a32.s', S32)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(S32_DIS);
  });
  it('a block not starting at a symbol is named after the next symbol', () => {
    expect(x86lab(['--dis', src('sec.s', SSEC)]).stdout).toBe(SSEC_DIS);
  });
  it('-o writes the listing to a file; an empty .text prints nothing', () => {
    const out = join(dir, 'a.dis');
    expect(x86lab(['--dis', '-o', out, src('b64.s', S64)]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(S64_DIS);
    const r = x86lab(['--dis', src('empty.s', '.data\n.byte 1\n')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
  it('errors are reported as without --dis, with no listing', () => {
    const r = x86lab(['--dis', src('bad.s', 'nop\nfrob %eax\n')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("bad.s:2: Error: no such instruction: `frob %eax'");
  });
  it.skipIf(!hasTools())('matches objdump -d of GNU as\'s object (live)', () => {
    const cases: [string, string][] = [
      [src('l64.s', S64), '--64'], [src('l32.s', S32), '--32'], [src('lsec.s', SSEC), '--64'],
      [join(root, 'examples', 'hello.s'), '--64'],
    ];
    for (const [file, mode] of cases) {
      const obj = join(dir, 'live.o');
      expect(spawnSync('as', [mode, '-o', obj, file]).status).toBe(0);
      const ref = spawnSync('objdump', ['-d', obj], { encoding: 'utf8' }).stdout;
      const want = ref.slice(ref.indexOf('Disassembly of section .text:'));
      expect(x86lab([mode, '--dis', file]).stdout, file).toBe(want);
    }
  });
});
