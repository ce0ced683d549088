// Self-written inputs for GNU as's expression and operand-syntax rules (src/asm/expr.ts, parse.ts,
// finalize.ts): each case is assembled by GNU as with `args` and by x86lab with the same options,
// and the objects (or error messages) compared. Goldens (golden.json beside this file) come from
// GNU as 2.40: `npx vite-node test/asm/gas-expr/gen.ts`.

import type { OptionCase } from '../gas-options/cases.js';

export const CASES: readonly OptionCase[] = [
  // `[ ]` group an expression like parentheses, in immediates, displacements and data.
  {
    name: 'brackets-32', args: ['--32'],
    source: `here:\n movl $ext+[.-here], %ecx\n lea gsym+[.-here](%esi), %edx\n mov [3*4](%eax), %ebx\n mov [-2](%eax), %ebx\n mov [~0](%ebx), %ebx\n.long [2+3]*[4], ext+[.-here]\n push $[1+[2*3]]\n`,
  },
  {
    name: 'brackets-64', args: ['--64'],
    source: `top:\n movq $[(1<<4)|2], %rax\n lea [.-top](%rip), %rdx\n.quad [top+8]\n add $[[5]], %r9\n`,
  },
  // `sym@SIZE`: a local symbol's size is known (written as a constant), a global's, common's or
  // undefined one's is left to the linker; the specifier covers the whole expression.
  {
    name: 'size-32', args: ['--32'],
    source: `.text\nf:\n mov $f@SIZE, %eax\n mov $f@size+3, %ecx\n mov $-f@size, %edx\n mov $9 - f@size, %esi\n mov $g@SIZE-4, %eax\n mov $c@SIZE, %eax\n lea u@SIZE+2, %eax\n mov $obj@SIZE, %eax\n mov $.data@SIZE, %eax\n ret\n.size f, .-f\n.comm c, 12, 4\n.globl g\n.data\n.long obj@size, g@size+1, u@size\n.type g,@object\ng: .long 1,2\n.size g, 8\nobj: .zero 5\n.size obj, 5\n`,
  },
  {
    name: 'size-64', args: ['--64'],
    source: `.text\nf:\n mov $f@SIZE, %eax\n movq $g@SIZE, %rbx\n mov $u@SIZE-8, %r11\n movl $u@size, %r8d\n movabs $loc@size+1, %rax\n ret\n.size f, .-f\n.data\n.quad g@size-1, loc@size, u@size\n.long g@size, 7 - loc@size\n.globl g\ng: .zero 20\n.size g, 20\nloc: .zero 3\n.size loc, 3\n`,
  },
  {
    name: 'size-tls-32', args: ['--32'],
    source: ` mov $t@SIZE, %eax\n mov $lt@SIZE+1, %eax\n.section .tbss,"awT",@nobits\n.globl t\n.type t,@object\nt: .zero 6\n.size t, 6\nlt: .zero 10\n.size lt, 10\n`,
  },
  { name: 'size-bad-minus', args: ['--32'], source: `.long 5 - ext@size\n` },
  { name: 'size-bad-64-add', args: ['--64'], source: `add $ext@size, %rax\n` },
  // GNU's TLS descriptor specifiers.
  { name: 'tlsdesc-32', args: ['--32'], source: ` leal v@tlsdesc(%ebx), %eax\n leal w@TLSDESC(%ebx), %edx\n` },
  // `.nops` whose count compares label distances not known yet (kernel ALTERNATIVE padding): GNU
  // keeps the expression and sizes the padding after layout.
  {
    name: 'nops-late-32', args: ['--32'],
    source: `s: inc %eax\nb:\n.nops -(((e2-s2)-(b-s)) > 0)*((e2-s2)-(b-s)), 6\n inc %ecx\n.pushsection .other,"ax"\ns2: mov %eax,%ebx\n call far\n mov %ebx,%ecx\ne2:\n.popsection\n.nops (e2-s2) > 100\n ret\n`,
  },
  {
    name: 'nops-late-64', args: ['--64'],
    source: `.nops (z - y) * 2\n nop\n.section .alt,"ax"\ny: movq %rax,%rbx\n jmp elsewhere\nz:\n`,
  },
  { name: 'nops-limit5-32', args: ['--32'], source: `.nops 14, 5\n ret\n.nops 5, 5\n` },
  // A specifier in an expression whose value is known only later (an equate after the use).
  {
    name: 'spec-late-32', args: ['--32'],
    source: `f:\n mov $v@GOTOFF + k, %eax\n mov $f@size + k, %ecx\n mov $u@SIZE + k, %edx\n.long f@size + k, u@size + k\n ret\n.size f, .-f\n.intel_syntax noprefix\n mov ecx, [w@GOTOFF + k + ebx]\n.equ k, 12\n`,
  },
  {
    name: 'spec-late-64', args: ['--64'],
    source: `.intel_syntax noprefix\n movabs rax, [v@GOTOFF + k]\n call [rip + g@GOTPCREL + k]\nk = 16\n`,
  },
  // ... but not in an AT&T displacement: GNU wants that one resolved when it is read.
  { name: 'spec-late-disp-att', args: ['--64'], source: ` movq v@GOTPCREL+k(%rip), %rax\nk = 16\n` },
  // Branch hints: `,pt` is a DS prefix, `,pn` a CS prefix, on jumps.
  { name: 'branch-hints-32', args: ['--32'], source: `a: jnc,pt b\n jle,pn a\n jcxz,pt b\n loopne,pn a\n jmp,pt b\n js,pn ext\nb: ret\n` },
  { name: 'branch-hints-64', args: ['--64'], source: `a: jrcxz,pn b\n jb,pt ext\n jg,pt c\n.fill 200, 1, 0x90\n jno,pn a\nb: ret\nc: ret\n` },
  // A symbol equated to an x87 stack register, in AT&T and in Intel syntax.
  {
    name: 'equ-st-reg', args: ['--32'],
    source: `.equ top, %st(3)\n fadd top\n fxch top\n fstp top\nother = %st(0)\n fmul other, %st\n.intel_syntax noprefix\n.equ s5, st(5)\n fsub s5\n fld s5\n`,
  },
  // `$` inside an expression is a symbol named `$` (only an operand's first `$` marks an immediate).
  { name: 'dollar-symbol-32', args: ['--32'], source: `a: jecxz 5+$\n nop\n movl $$+2, %ebx\n.long $, $-a, $+4\n lea 8+$(%esi), %edi\nx = $ + 1\n.long x\n` },
  // A segment override before the `*` of an indirect branch.
  { name: 'seg-star-32', args: ['--32'], source: ` jmp %ds:*(%eax)\n call %gs:*8(%ebx,%ecx,2)\n jmpw % fs : * ( % esi )\n ljmp %es:*(%edx)\n` },
  { name: 'seg-star-64', args: ['--64'], source: ` jmp %fs:*(%rax)\n call %gs:*0x10\n` },
  // `\ name` in a macro body (a blank after the backslash) still names the parameter.
  { name: 'macro-spaced-param', args: ['--64'], source: `.macro W fn, n\n call *\\ fn@GOTPCREL(%rip)\n .byte \\\tn, \\n\\ n\n.endm\n W foo, 3\n` },
  // `. = . + n` / `.org` where n is a label distance with a relaxable jump in between, or ahead.
  { name: 'org-late-32', args: ['--32'], source: `s: jmp t\nm:\n len = m - s\n.=.+len\nb: jmp s\ne:\n.org e + (e - b), 0xcc\nt: ret\n` },
  { name: 'org-late-64', args: ['--64'], source: `.data\nx: .byte 1\n.text\na: jmp fin\nb:\n.org (b - a) * 4\nfin: ret\n` },
  // `.size` across a section switch: an error at the end, or with --size-check=warning size 0.
  { name: 'size-across-sections', args: ['--32'], source: `.text\nf: ret\n.data\n.long 1\n.size f, .-f\n` },
  { name: 'size-across-sections-warn', args: ['--64', '--size-check=warning'], source: `.text\nf: ret\n.section .text.b,"ax"\n nop\n.size f, .-f\n` },
  // An ifunc symbol is never folded: label distances and absolute values stay relocations.
  {
    name: 'ifunc-expr-32', args: ['--32'],
    source: `.text\nh: .long sel-., sel-h, sel-k, val-h\n.type sel,@gnu_indirect_function\nsel: ret\n.long sel-., sel\nval = 0x4000\n.type val,%gnu_indirect_function\n.long val-., val-h, val+2\n.section .text.z,"ax"\nz: .long sel-z, sel-.\nk = 0x30\n`,
  },
  { name: 'ifunc-expr-64', args: ['--64'], source: `a: .long f-., f-a\n.quad f-k\n.type f,@gnu_indirect_function\nf: ret\nk = 8\n` },
  // TLS descriptor calls: no displacement field, a marker relocation at the instruction.
  { name: 'tlscall-32', args: ['--32'], source: ` nop\n leal d1@tlsdesc(%ebx), %eax\n call *d1@tlscall(%eax)\n call *d2@TLSCALL(%eax)\n` },
  { name: 'tlscall-64', args: ['--64'], source: ` lea d1@tlsdesc(%rip), %rax\n call *d1@tlscall(%rax)\n ret\n` },
  // `sym@SIZE + later` in a displacement is accepted (unlike other specifiers).
  { name: 'size-late-disp', args: ['--32'], source: `f: lea f@size + k, %eax\n lea u@size + k(%ebx), %ecx\n ret\n.size f, .-f\nk = 0x40\n` },
  // Quoted symbol names: labels, `=`, equates as SIB scale, operands, data expressions; a lone string stays a string.
  {
    name: 'quoted-syms-32', args: ['--32'],
    source: `.set "a b", 4\n.set "x(1)", 2\n.equ "scale(1)", 1\n.eqv "scale{4}", 4\nmov "a b", %eax\nmov $"a b"+1, %eax\nlea "a b"(%eax,%ebx,"x(1)"), %eax\nmov (%eax,%ecx,"scale(1)"), %edx\nmov (%eax,%ecx,"scale{4}"), %edx\n.long "a b" + "x(1)"\ncall "foo bar"\nmov "foo bar"+4(%ebx), %eax\nmov %es:"x(y)"(%eax), %eax\ncall *"x(y)"\n"lab el": nop\njmp "lab el"\n.globl "g s"\n.set "g s", 3\n.long "g s", "cd", "e f"+1\n.word "h"\n.ascii "a b"\n.section "n s","a"\n.byte 1\n`,
  },
  { name: 'quoted-syms-64', args: ['--64'], source: `.set "k k", 8\n"lab el": lea "x y"(%rip), %rax\n mov "q"+8(,%rcx,"k k"), %edx\n.quad "x y" - "lab el"\n` },
  // Intel `.equ r, reg + expr` stands for the expression in operands; register symbols reach the symbol table only as an alias chain an Intel operand named.
  { name: 'intel-reg-expr-equ-bad', args: ['--32'], source: `.intel_syntax noprefix\n.equ r, edx + 4\nmov eax, [r + 8]\n` },
  { name: 'intel-reg-expr-equ', args: ['--32'], source: `.intel_syntax noprefix\n.equ r, edx + 4\nmov eax, [r]\nlea ecx, [r]\n.equ q, ebx*2 + 16\nmov al, [q]\n.equ r, 7\nmov eax, r\n` },
  { name: 'reg-sym-table', args: ['--32'], source: `.equ y, x\n.equ x, %st(1)\n.equ foo, %eax\n.set bar, foo\nfmul y\nmovl foo, %ecx\nnop\n` },
  { name: 'reg-sym-table-intel', args: ['--32'], source: `.equ z, y\n.equ y, x\n.equ x, %st(1)\n.intel_syntax noprefix\nfadd x\nfmul y\nfsub z\n.equ c, b\n.equ b, a\n.equ a, st(7)\nfadd a\nfsub c\n.equ d, eax\nmov ecx, d\n` },
  // GNU 2.40 still reads a quoted "%reg" in an instruction as the register, and refuses it.
  { name: 'quoted-register', args: ['--32'], source: `mov $"%eax", %eax\nmov "%eax", %eax\nmov "%foo", %eax\n` },
];
