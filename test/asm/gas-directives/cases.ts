// Self-written inputs for the directives, sections, options and error checks of
// src/asm/{float,bundle,code16gcc,pseudo-check,operand-chars}.ts and src/output/compress-debug.ts:
// each case is assembled by GNU as with `args` and by x86lab with the same options, and the
// objects (or the error messages) compared. Goldens (golden.json beside this file) come from GNU
// as 2.40: `npx vite-node test/asm/gas-directives/gen.ts`.

export interface DirCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly source: string;
}

/** Decimal strings from a fixed-seed generator: whole numbers, fractions, exponents, near ties. */
function floats(seed: number, n: number): string[] {
  let s = seed >>> 0;
  const next = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
  const digits = (k: number): string => Array.from({ length: k }, () => String(next() % 10)).join('').replace(/^0+(?=\d)/, '');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = next() % 5;
    if (r === 0) out.push(digits(1 + (next() % 24)));
    else if (r === 1) out.push(`${digits(1 + (next() % 4))}.${digits(1 + (next() % 20))}e${(next() % 60) - 30}`);
    else if (r === 2) out.push(`${next() % 2 ? '-' : ''}0.${digits(1 + (next() % 30))}`);
    else if (r === 3) out.push(`${digits(1 + (next() % 3))}.${digits(next() % 6)}E+${next() % 20}`);
    else out.push(`${(next() % 65536) / 256}`); // a binary fraction: exact ties for the narrow formats
  }
  return out;
}

const FLOAT_DIRS = ['.hfloat', '.bfloat16', '.float', '.double', '.tfloat'];

/** A few .debug_* sections of assorted sizes and compressibility, one with relocations. */
const DEBUG = `.text
f: nop
ret
.section .debug_info,"",@progbits
.long 0x20, f, .Ldl
.fill 40, 1, 7
.section .debug_abbrev,"",@progbits
.byte 1, 2, 3
.section .debug_line,"",@progbits
.Ldl: .rept 20
.long 0x12345678, 0
.endr
.section .debug_str,"MS",@progbits,1
.asciz "a fairly long producer string, a fairly long producer string"
.section .debug_ranges,"",@progbits
.quad 1, 2, 3, 4, 5, 6, 7, 8
.section .note.other,"",@progbits
.fill 64, 1, 0
`;

export const CASES: readonly DirCase[] = [
  // ---- floating-point data ----
  {
    name: 'float-basic', args: ['--32'],
    source: `.data\n.float 1, -2.5, .5, 1., 0f1.5, 0d2, 0x10, 0e5, 1e+2, 1.5e, -0, +.25\n.single 3.14159\n.double 0.1, 1e22, 1e23, 2.5e-310
.tfloat 0.1, 3.32192809488736218171, -1e4000, 1e-4940\n.hfloat 1, 65504, 65520, 6e-8, 2049\n.bfloat16 1, 3e38, 257, 1.00390625, 1.01171875\n`,
  },
  {
    name: 'float-special', args: ['--64'],
    source: `.data\n${FLOAT_DIRS.map((d) => `${d} inf, -Inf, +INFINITY, nan, -NaN, qnan, snan, -SNaN\n.p2align 4, 0x5a`).join('\n')}\n`,
  },
  {
    name: 'float-hex-dc', args: ['--32'],
    source: `.data\n.tfloat 0x:3ffe8\n.float 0x:3f8, 0x:12345\n.dc.x 0x:bffd80\n.dc.s 1\n.dc.d -1\n.dcb.x 2, 0x:03ff80\n.dcb.d 2, 1.5
.dcb.s 3\n.ds.x 2, 0x1234\n.ds.s 1, -1\n.ds.d 1\n.ds.p 1, 7\n.dcb.x 0, 1\n`,
  },
  { name: 'float-sample-32', args: ['--32'], source: `.data\n${FLOAT_DIRS.map((d, k) => `${d} ${floats(11 + k, 40).join(', ')}`).join('\n')}\n` },
  { name: 'float-sample-64', args: ['--64'], source: `.data\n${FLOAT_DIRS.map((d, k) => `${d} ${floats(97 + k, 40).join(', ')}`).join('\n')}\n` },
  { name: 'float-overflow', args: ['--32'], source: '.data\n.float 1e39\n' },
  { name: 'float-underflow', args: ['--32'], source: '.data\n.double 1e-330\n' },
  { name: 'float-hfloat-range', args: ['--32'], source: '.data\n.hfloat 70000\n' },
  { name: 'float-junk', args: ['--32'], source: '.data\n.float 1x\n' },
  { name: 'float-junk-2', args: ['--32'], source: '.data\n.double 1 2\n' },

  // ---- 32-bit wrap-around of late values ----
  {
    name: 'wrap32', args: ['--32'],
    source: `.data\n.long v + 0xffffff00, v - 0x100000000, w + 0xfffffff00\n.word v + 0xffff0000\n.byte v + 0xffffff00\n.quad v + 0xffffff00
.text\nmov $v + 0xffffff00, %eax\naddl $v + 0xffffff00, (%ecx)\nmov $v + 0xffffff00, %ax\n.equ v, 0x190\n.equ w, 0x90\n`,
  },
  { name: 'wrap32-too-big', args: ['--32'], source: '.data\n.word v + 0x10000\n.equ v, 0x90\n' },

  // ---- bundles ----
  {
    name: 'bundle-32', args: ['--32'],
    source: `.bundle_align_mode 4\n.text\nmovl $1, %eax\nmovl $2, 4(%esi)\nmovl $3, 4(%esi)\n.byte 1, 2, 3\nmovl $4, %ecx\nlock addl $5, 8(%esi)
jmp 1f\n.space 9, 0xf4\njz 1f\nnop\n1: .space 10, 0xcc\n.bundle_lock\nmovl $1, %eax\n.bundle_lock\nmovl $2, %eax\n.bundle_unlock\nmovl $3, %eax\n.bundle_unlock
.space 13, 0xf4\njmp 2f\n.rept 140\ninc %eax\n.endr\n2: ret\n.data\n.byte 9\n`,
  },
  {
    name: 'bundle-64', args: ['--64'],
    source: `.bundle_align_mode 5\n.p2align 5\n.space 28, 0xf4\njmp 1f\nmovl $0xdeadbeef, %eax\n1: .space 27, 0xf4\njz 1f\nnop\n1: .space 30, 0xf4
movabsq $0x1122334455667788, %rax\n.bundle_align_mode 0\n.space 30, 0xf4\nmovabsq $1, %rax\n`,
  },
  { name: 'bundle-lock-too-long', args: ['--32'], source: '.bundle_align_mode 2\n.bundle_lock\nmovl $1, %eax\n.bundle_unlock\n' },
  { name: 'bundle-insn-too-long', args: ['--32'], source: '.bundle_align_mode 2\nnop\nmovl $1, %eax\n' },
  { name: 'bundle-lock-no-mode', args: ['--32'], source: '.bundle_lock\nnop\n.bundle_unlock\n' },
  { name: 'bundle-unlock-alone', args: ['--32'], source: '.bundle_align_mode 3\n.bundle_unlock\n' },
  { name: 'bundle-lock-open', args: ['--32'], source: '.bundle_align_mode 3\n.bundle_lock\nnop\n' },
  { name: 'bundle-mode-in-lock', args: ['--32'], source: '.bundle_align_mode 3\n.bundle_lock\n.bundle_align_mode 2\n.bundle_unlock\n' },

  // ---- .code16gcc ----
  {
    name: 'code16gcc', args: ['--32'],
    source: `.code16gcc\npush %ax\npush $1\npush (%bx)\npop (%bx)\npushf\npopf\npusha\npopa\nenter $4, $0\nleave\nret\nret $2\nlret\ncall 1f
call *(%bx)\ncall *%ax\nlcall *(%bx)\njmp *(%bx)\npushw $1\nretw\n1: call ext\n.code16\npush $1\nret\ncall 1b\n.code16gcc\npush %ds\npop %es\niret\n`,
  },

  // ---- pseudo prefixes ----
  { name: 'pseudo-disp16-32bit', args: ['--32'], source: '{disp16} movb (%ebp), %al\n' },
  { name: 'pseudo-disp32-addr16', args: ['--32'], source: '{disp32} movb (%bx), %al\n' },
  { name: 'pseudo-disp16-jmp', args: ['--32'], source: '{disp16} jmp .\n' },
  { name: 'pseudo-disp32-code16-call', args: ['--32'], source: '.code16\n{disp32} call .\n' },
  { name: 'pseudo-disp16-64', args: ['--64'], source: '{disp16} movb 0x12, %al\n' },
  { name: 'pseudo-alone', args: ['--32'], source: 'nop\n{disp32}\nnop\n' },
  {
    name: 'pseudo-valid', args: ['--32'],
    source: '{disp16} movb (%bp), %al\n{disp16} nop\n{disp16} movl $1, %eax\n{disp32} loop .\n{disp16} addr16 movb 0x1234, %al\n{disp16} jmp *(%bp)\n.code16\n{disp16} jmp .\n{disp32} movb (%ebp), %al\n',
  },

  // ---- '=' in operands ----
  { name: 'operand-eq', args: ['--32'], source: 'mov $1 == 1, %eax\n' },
  { name: 'operand-ne-2', args: ['--64'], source: 'mov %eax, 1 != 0(%rbx)\n' },
  { name: 'operand-le-intel', args: ['--32'], source: '.intel_syntax noprefix\nmov eax, 1 <= 2\n' },
  { name: 'operand-ok', args: ['--32'], source: 'mov $1 <> 0, %eax\nmov $!0, %ecx\nmov $0 < 1, %edx\n' },

  // ---- .nops ----
  { name: 'nops-limit-32', args: ['--32'], source: '.nops 20, 8\n' },
  { name: 'nops-limit-64', args: ['--64'], source: '.nops 20, 12\n' },
  { name: 'nops-limit-16', args: ['--32'], source: '.code16\n.nops 10, 5\n' },
  { name: 'nops-negative', args: ['--64'], source: 'nop\n.nops 9, -3\n.nops -1\nnop\n' },

  // ---- @plt in 16-bit code ----
  { name: 'plt16-call', args: ['--32'], source: '.code16\ncall func@plt\n' },
  { name: 'plt16-jumps-32', args: ['--32'], source: '.code16\njz func@plt\njmp func@plt\ncall func\ndata32 call func@plt\n' },
  { name: 'plt16-jumps-64', args: ['--64'], source: '.code16\njz func@plt\njmp func@plt\n' },

  // ---- .section ..., unique, N ----
  {
    name: 'section-unique-32', args: ['--32'],
    source: `.section .text,"ax",@progbits,unique,7\na: nop\n.section .text,"ax",@progbits,unique,3\nb: ret\n.section .text,"ax",@progbits,unique,7\ncall b\n.text\nint3
.section .text.g,"axG",@progbits,grp,comdat,unique,1\ng1: nop\n.section .text.g,"axG",@progbits,grp,comdat,unique,2\ng2: call g1\n.section .data,"aw",@progbits,unique,5\n.long a\n`,
  },
  {
    name: 'section-unique-64', args: ['--64'],
    source: `.section .rodata,"a",@progbits,unique,1\n.quad 1\n.section .rodata,"a",@progbits,unique,2\n.quad 2\n.section .rodata,"aMS",@progbits,1,unique,3\n.asciz "x"\n.text\nnop\n`,
  },

  // ---- .pushsection NAME, SUBSECTION ----
  {
    name: 'pushsection-subsection', args: ['--32'],
    source: '.text\nnop\n.pushsection .text, 2\naux: nop\n.popsection\nret\n.pushsection .data, 1, "aw"\n.byte 1\n.popsection\n.pushsection .text\n.byte 2\n.popsection\n.data\n.byte 3\n.text\ncall aux\n',
  },

  // ---- -mshared: a jump to `glob - later_absolute` is GNU's expression symbol, not preempted ----
  {
    name: 'mshared-expr-target', args: ['--32', '-mshared'],
    source: '.text\n.globl glob\nglob: nop\njmp glob - a2\njmp glob\njmp glob - a1\n.org 0x100\na2 = 0x9876\n.data\n.long 0\na1 = 0x10\n',
  },

  // ---- -mmnemonic=intel / .intel_mnemonic: x87 without the SysV quirk ----
  {
    name: 'mnemonic-intel-option', args: ['--32', '-mmnemonic=intel'],
    source: ['fsub', 'fsubr', 'fdiv', 'fdivr'].map((m) => `${m} %st,%st(2)\n${m} %st(2),%st\n${m}p\n${m}p %st(5)\n${m}p %st,%st(1)\n${m}s (%eax)\n${m}l 4(%eax)`).join('\n') + '\nfadd %st,%st(2)\n',
  },
  {
    name: 'mnemonic-intel-directive', args: ['--64'],
    source: 'fsub %st,%st(3)\nfdivrp\n.intel_mnemonic\nfsub %st,%st(3)\nfdivrp\n.att_mnemonic\nfsub %st,%st(3)\nfdivrp\n',
  },

  // ---- Intel syntax in 16-bit code: a dword pointer is far (16:16), an fword one 16:32 ----
  {
    name: 'intel-far-ptr-16', args: ['--32'],
    source: '.code16\n.intel_syntax noprefix\ncall word ptr [bx]\ncall dword ptr [bx]\ncall fword ptr [bx]\njmp word ptr [bx]\njmp dword ptr [bx]\njmp fword ptr [bx]\n.code32\ncall dword ptr [ebx]\ncall fword ptr [ebx]\njmp word ptr [ebx]\n',
  },

  // ---- --elf-stt-common= ----
  { name: 'stt-common-yes', args: ['--32', '--elf-stt-common=yes'], source: '.comm foo,4,4\n.comm bar,8\n.lcomm baz,4\n.tls_common tc,4,4\n.text\nmov foo, %eax\n' },
  { name: 'stt-common-no', args: ['--64', '--elf-stt-common=no'], source: '.comm foo,4,4\n.comm bar,8\n.text\nmov foo(%rip), %eax\n' },

  // ---- .line outside .def: read and ignored (also under -g), GNU's messages otherwise ----
  { name: 'line-ignored', args: ['--64'], source: 'nop\n.line 600\nnop\n.line\n.line -3\n.line 0x10\nret\n' },
  { name: 'line-errors', args: ['--64'], source: '.line abc\n.line 5,6\n.line 5 junk\nnop\n' },

  // ---- --compress-debug-sections ----
  { name: 'compress-zlib-32', args: ['--32', '--compress-debug-sections'], source: DEBUG },
  { name: 'compress-zlib-64', args: ['--64', '--compress-debug-sections=zlib'], source: DEBUG },
  { name: 'compress-gabi-64', args: ['--64', '--compress-debug-sections=zlib-gabi'], source: DEBUG },
  { name: 'compress-gnu-32', args: ['--32', '--compress-debug-sections=zlib-gnu'], source: DEBUG },
  { name: 'compress-gnu-64', args: ['--64', '--compress-debug-sections=zlib-gnu'], source: DEBUG },
  { name: 'compress-none', args: ['--64', '--compress-debug-sections=none'], source: DEBUG },
  { name: 'compress-then-no', args: ['--64', '--compress-debug-sections', '--nocompress-debug-sections'], source: DEBUG },
];
