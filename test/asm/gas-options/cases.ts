// Self-written inputs for GNU as's machine options (-march, -mtune, .arch, ...): each case is
// assembled by GNU as with `args` and by x86lab with the same options, and the objects compared.
// Goldens (golden.json beside this file) come from GNU as 2.40: `npx vite-node test/asm/gas-options/gen.ts`.

export interface OptionCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly source: string;
}

/** Padding after a 3-byte instruction: 13 bytes of alignment NOPs, then `.nops` of 1 to 12 bytes. */
const PAD = 'movsbl %al,%esi\n.p2align 4\n' + Array.from({ length: 12 }, (_, i) => `.nops ${i + 1}\n`).join('') + 'nop\n.p2align 6\n';

/** Candidates for -O in 64-bit code (the GNU matrix measured for optimize.ts), and in 32-bit code. */
const OPT64 = `and %ecx,%ecx\nandl %ecx,%ecx\nor %rax,%rax\nandq %r8,%r8\nandb %al,%al\nor %sil,%sil\nand %dx,%dx\nand %ecx,%edx
xorl %eax,%eax\nxorw %ax,%ax\nsubl %ecx,%ecx\nxorq %r9,%r9\nsubq %rax,%rax\nxor %r12,%r12\nxorq %rax,%rbx\nsubq %rax,%r8
testq $0x80,%rax\ntestq $0x7f,%rsi\ntestq $0x7f,%r9\ntestw $0x7f,%si\ntest $0x7f,%ebp\ntestq $-1,%rax\ntestl $0x7f,(%rax)\ntestq $0,%rdx
andq $0x7fffffff,%rax\nandq $-1,%rax\nandq $1,(%rax)\nandq $127,%r15\nand $0x7fffffff,%rbx
movq $0xffffffff,%rax\nmovq $0x7fffffff,%r9\nmovq $-1,%rax\nmovq $0,%rax\nmov $0x80000000,%rsp\nmovq $foo,%rax\nandq $foo,%rax
movabsq $5,%rax\norq $1,%rax\nmovl $1,%eax\nk = 3\nmovq $k,%rdi\n{nooptimize} movq $1,%rax\n{nooptimize} xorq %rax,%rax\nmovq $later,%rax\nlater = 2\n`;
const OPT32 = `testl $0x7f,%eax\ntestw $0x7f,%ax\ntestb $0x7f,%al\ntest $0x7f,%ebx\ntest $0x7f,%bx\ntest $0x7f,%edi\ntest $0x7f,%di\ntest $0x7f,%esp
and %cl,%cl\nand %dx,%dx\nand %ebx,%ebx\nor %ah,%ah\nor %bp,%bp\nor %esi,%esi\nand %esi,%edi\nxor %eax,%eax\ntest $0x80,%ecx\ntest $-1,%eax
.code16\ntest $0x7f,%ax\ntest $0x7f,%esi\nand %ax,%ax\nor %ecx,%ecx\n`;

/** Returns and indirect branches, after instructions, labels, alignment, data and prefixes. */
const LF64 = `ret\nretq $8\nretw $4\nlret\njmp *%rax\ncall *%rbx\njmp *(%rax)\ncall *8(%rbx)\nnotrack jmp *%rax\nbnd ret\nrep ret
jmp foo\nlfence\nret\n.byte 1\nret\nl: ret\nrep; ret\nnop\n.p2align 4\nret\nnop\n.nops 3\nret\nnop\n.skip 2\nret
.section .text.b,"ax"\nnop\n.text\nret\n.byte 1\n.section .text.b\nret\n.text\nret\n.long 0\nl2: jmp *%rax\n.byte 0x66\nret\nret\nret\njmp *%rcx\njmp *%rcx\n`;
const LF32 = `ret\nretw\nretl $4\nret $4\njmp *%ecx\ncall *(%ecx)\ndata16 ret\n.byte 0\nret\nret\n`;
const LF16 = `.nop\n.nop 3\nret\n.code16\nret\nretl\nretw\njmp *%cx\ncall *%ecx\n`;

const rep = (n: number, s = 'nop'): string => `${s}\n`.repeat(n);
const FAR = '.fill 200,1,0x90\nfoo: ret\n';
const B32 = '-malign-branch-boundary=32';
/** [name, mode, source, options...]: the measured situations of align-branch.ts. */
const AB: readonly (readonly string[])[] = [
  ['prefix-5', '--64', `movl %eax,%ebx\n${rep(25)}jmp foo\n${FAR}`, B32],
  ['rex-nop', '--64', `movq %rax,%rbx\n${rep(24)}jmp foo\n${FAR}`, B32],
  ['escape-nop', '--64', `movzbl %al,%ebx\n${rep(24)}jmp foo\n${FAR}`, B32],
  ['rex-escape', '--64', `movzbq %al,%rbx\n${rep(23)}jmp foo\n${FAR}`, B32],
  ['lock', '--64', `lock addl %eax,(%rbx)\n${rep(27)}jmp foo\nfoo: ret\n`, B32],
  ['lone-lock', '--64', `lock\naddl %eax,(%rbx)\n${rep(25)}jmp foo\n${FAR}`, B32],
  ['two-insns', '--64', `movl %eax,%ebx\nmovl %eax,%ebx\n${rep(23)}jmp foo\n${FAR}`, B32, '-malign-branch-prefix-size=3'],
  ['too-few', '--64', `movl %eax,%ebx\nmovl %eax,%ebx\n${rep(23)}jmp foo\n${FAR}`, B32, '-malign-branch-prefix-size=2'],
  ['three', '--64', `${rep(3, 'movl %eax,%ebx')}${rep(21)}jmp foo\n${FAR}`, B32, '-malign-branch-prefix-size=2'],
  ['align-breaks', '--64', `movl %eax,%ebx\n.p2align 1\nmovl %eax,%ebx\n${rep(23)}jmp foo\n${FAR}`, B32, '-malign-branch-prefix-size=3'],
  ['jcc-breaks', '--64', `movl %eax,%ebx\njne bar\nmovl %eax,%ebx\n${rep(21)}jmp foo\nbar:${FAR}`, B32, '-malign-branch-prefix-size=3', '-malign-branch=jmp'],
  ['call-keeps', '--64', `movl %eax,%ebx\ncall bar\nmovl %eax,%ebx\n${rep(18)}jmp foo\nbar:${FAR}`, B32, '-malign-branch-prefix-size=3', '-malign-branch=jmp'],
  ['fs-prefix', '--64', `movl %eax,%fs:0x1\n${rep(19)}jmp foo\n${FAR}`, B32],
  ['fs-prefix-3', '--64', `movl %eax,%fs:0x1\n${rep(21)}jmp foo\n${FAR}`, B32],
  ['movw', '--64', `movw %ax,%bx\n${rep(25)}jmp foo\n${FAR}`, B32],
  ['ss-ebp', '--32', `movl %eax,4(%ebp)\n${rep(24)}jmp foo\n${FAR}`, B32],
  ['ss-esp', '--32', `movl %eax,4(%esp)\n${rep(23)}jmp foo\n${FAR}`, B32],
  ['ds', '--32', `movl %eax,4(%eax)\n${rep(24)}jmp foo\n${FAR}`, B32],
  ['ds-index-ebp', '--32', `movl %eax,(,%ebp,2)\n${rep(20)}jmp foo\n${FAR}`, B32],
  ['es', '--32', `movl %eax,%es:4(%ebp)\n${rep(23)}jmp foo\n${FAR}`, B32],
  ['rip', '--64', `movl %eax,4(%rip)\n${rep(21)}jmp foo\n${FAR}`, B32],
  ['not-branches', '--64', `call foo\njmp *%rax\nret $8\n${rep(16)}jmp foo\n${FAR}`, B32],
  ['push', '--64', `push %rax\n${rep(26)}jmp foo\n${FAR}`, B32],
  ['string', '--64', `rep stosb\nstosb\n${rep(24)}jmp foo\n${FAR}`, B32],
  ['fused', '--64', `movl %eax,%ebx\n${rep(27)}cmp %rax,%rbp\nje foo\n${rep(20)}foo: ret\n`, B32],
  ['fused-only', '--64', `movl %eax,%ebx\n${rep(27)}cmp %rax,%rbp\nje foo\n${rep(20)}foo: ret\n`, B32, '-malign-branch=fused'],
  ['fused-jo', '--64', `movl %eax,%ebx\n${rep(27)}cmp %rax,%rbp\njo foo\n${rep(20)}foo: ret\n`, B32],
  ['cmp-prefix', '--64', `cmp %eax,%ebx\n${rep(28)}jmp foo\nfoo: ret\n`, B32],
  ['cmp-jo-nops', '--64', `cmp %eax,%ebx\njo foo\n${rep(26)}jmp foo\nfoo: ret\n`, B32],
  ['prefix-size-0', '--64', `movl %eax,%ebx\n${rep(28)}jmp foo\nfoo: ret\n`, B32, '-malign-branch=jmp', '-malign-branch-prefix-size=0'],
  ['indirect', '--64', `movl %eax,%ebx\n${rep(29)}jmp *%rax\nret\n`, B32, '-malign-branch=indirect'],
  ['ret', '--64', `movl %eax,%ebx\n${rep(29)}ret\nret\n`, B32, '-malign-branch=ret'],
  ['call', '--64', `movl %eax,%ebx\n${rep(26)}call foo\nfoo: ret\n`, B32, '-malign-branch=call'],
  ['lea-nops-32', '--32', `movl %eax,%es:4(%ebp)\n${rep(23)}jmp foo\n${FAR}`, '-mbranches-within-32B-boundaries'],
  ['within-32B', '--64', `${rep(14, 'movl %eax,%ebx')}cmp %eax,%ebx\njne foo\nfoo: nop\n`, '-mbranches-within-32B-boundaries'],
  ['boundary-0', '--64', `${rep(14, 'movl %eax,%ebx')}cmp %eax,%ebx\njne foo\nfoo: nop\n`, '-mbranches-within-32B-boundaries', '-malign-branch-boundary=0'],
  ['boundary-64', '--64', `${rep(30, 'movl %eax,%ebx')}cmp %eax,%ebx\njne foo\nfoo: nop\n`, '-malign-branch-boundary=64'],
  ['jcc-relaxed', '--64', `${rep(13, 'movl %eax,%ebx')}cmp %eax,%ebx\njne foo\n.fill 300,1,0x90\nfoo: nop\n`, B32],
  ['tls-call', '--64', `movl %eax,%ebx\n${rep(26)}call __tls_get_addr\n${rep(25)}call *__tls_get_addr@GOTPCREL(%rip)\n${rep(26)}call bar\nbar: ret\n`, B32, '-malign-branch=indirect+call'],
  ['tls-call-32', '--32', `movl %eax,%ebx\n${rep(26)}call ___tls_get_addr\n${rep(26)}call *___tls_get_addr@GOT(%ebx)\n`, B32, '-malign-branch=indirect+call'],
  ['after-data', '--64', `movl %eax,%ebx\n${rep(26)}.byte 0x90\njmp foo\nfoo: ret\n`, B32],
];

const cpus32 = ['i386', 'i486', 'i586', 'i686', 'pentium', 'pentiumpro', 'pentiumiii', 'pentium4', 'core', 'core2', 'iamcu', 'k6', 'athlon', 'k8', 'generic32', 'generic64', 'znver1', 'btver2'];
const cpus64 = ['k8', 'core2', 'corei7', 'nocona', 'generic64', 'bdver2', 'znver4'];

export const CASES: readonly OptionCase[] = [
  // -march= and -mtune= alone and together, per CPU (the NOP table and the jump over long padding).
  ...cpus32.map((c) => ({ name: `march-${c}-32`, args: ['--32', `-march=${c}`], source: PAD })),
  ...cpus32.map((c) => ({ name: `mtune-${c}-32`, args: ['--32', `-mtune=${c}`], source: PAD })),
  ...cpus64.map((c) => ({ name: `march-${c}-64`, args: ['--64', `-march=${c}`], source: PAD })),
  ...['i386', 'i686', 'pentium', 'k6', 'generic32', 'core2'].map((c) => ({ name: `mtune-${c}-64`, args: ['--64', `-mtune=${c}`], source: PAD })),
  { name: 'march-i386-mtune-core2', args: ['--32', '-march=i386', '-mtune=core2'], source: PAD },
  { name: 'march-i686-nop', args: ['--32', '-march=i686+nop'], source: PAD },
  { name: 'march-core2-nonop', args: ['--64', '-march=core2+nonop'], source: PAD },
  { name: 'march-generic64-nonop-32', args: ['--32', '-march=generic64+nonop'], source: PAD },
  { name: 'march-ext-only-nommx', args: ['--32', '-march=+nommx'], source: PAD },
  { name: 'march-ext-only-nonop-nommx', args: ['--32', '-march=+nonop+nommx'], source: PAD },
  // .arch in the source: each padding takes the CPU in force where it is asked for...
  { name: 'arch-switches', args: ['--32'], source: `.arch i386\n${PAD}.arch core2\n${PAD}.arch .nonop\n${PAD}.arch .nop\n${PAD}.arch i686,nojumps\n${PAD}` },
  { name: 'arch-push-pop', args: ['--32'], source: `.arch core2\n.arch push\n.arch i386\n${PAD}.arch pop\n${PAD}.arch default\n${PAD}` },
  // ...but with no CPU chosen, the tuning in force at the end of the file decides.
  { name: 'arch-late-i386-64', args: ['--64'], source: `${PAD}.arch i386\n` },
  { name: 'arch-late-core2-32', args: ['--32'], source: `${PAD}.arch core2\n` },
  { name: 'arch-late-generic32-64', args: ['--64'], source: `${PAD}.code32\n.arch generic32\n` },
  { name: 'arch-late-mtune', args: ['--32', '-mtune=core2'], source: `${PAD}.arch i386\n` },
  // With no CPU chosen, disabling any extension enables the long NOP (GNU copies its "all" flags).
  { name: 'arch-noext-32', args: ['--32'], source: `${PAD}.arch .nosse\n${PAD}.arch .nonop\n${PAD}` },
  { name: 'arch-noext-64', args: ['--64'], source: `.arch .nonop\n${PAD}.arch .nommx\n${PAD}` },
  { name: 'arch-ext-after-cpu', args: ['--32', '-march=i386'], source: `.arch .nop\n.arch .nommx\n${PAD}` },
  { name: 'arch-code16-end', args: ['--32', '-march=core2'], source: `${PAD}.code16\n` },
  // Accepted and without effect on the object.
  { name: 'ignored-options', args: ['--64', '-J', '--divide', '-mintel64'], source: `${PAD}.long 8/2\n/ a comment line\n` },
  // Lock prefixes and fences.
  ...[['--32'], ['--64']].flatMap((m) => [
    ...[[], ['-momit-lock-prefix=yes'], ['-momit-lock-prefix=no'], ['-mfence-as-lock-add=yes'], ['-mfence-as-lock-add=no'],
      ['-mfence-as-lock-add=yes', '-momit-lock-prefix=yes']].map((o) => ({
      name: `lock-fence${m[0]}${o.join('')}`, args: [...m, ...o],
      source: 'lock addl $1,(%eax)\nlock\nincl (%eax)\nlock; xchg %eax,(%ebx)\nmfence\nlfence\nsfence\nlock orl $0,(%esp)\n.byte 0xf0\nnop\n',
    })),
  ]),
  { name: 'fence-code16', args: ['--32', '-mfence-as-lock-add=yes'], source: '.code16\nmfence\nlock incl (%eax)\n' },
  // GOT relocations: the relaxable forms unless -mrelax-relocations=no.
  ...['yes', 'no'].flatMap((v) => [
    { name: `relax-relocations-${v}-64`, args: ['--64', `-mrelax-relocations=${v}`], source: 'movq foo@GOTPCREL(%rip),%rax\nmovl bar@GOTPCREL(%rip),%eax\ncall *baz@GOTPCREL(%rip)\njmp *qux@GOTPCREL(%rip)\naddq foo@GOTPCREL(%rip),%r8\n' },
    { name: `relax-relocations-${v}-32`, args: ['--32', `-mrelax-relocations=${v}`], source: 'movl foo@GOT(%ebx),%eax\ncall *bar@GOT(%ebx)\njmp *baz@GOT(%ecx)\naddl foo@GOT(%ebx),%ecx\n' },
  ]),
  { name: 'default-notes-off', args: ['--64', '-mx86-used-note=no', '--generate-missing-build-notes=no', '-msse-check=warning', '-moperand-check=none'], source: 'cpuid\nlfence\nret\n' },
  // -O levels: what shrinks and what must not.
  ...['-O0', '-O', '-O1', '-O2', '-O3', '-Os'].flatMap((o) => [
    { name: `optimize${o}-64`, args: ['--64', o], source: OPT64 },
    { name: `optimize${o}-32`, args: ['--32', o], source: OPT32 },
  ]),
  // lfence hardening before ret and indirect branches, and where GNU leaves it out.
  ...[['--64', LF64], ['--32', LF32], ['--32', LF16]].flatMap(([m, src], k) => [
    '-mlfence-before-ret=or', '-mlfence-before-ret=not', '-mlfence-before-ret=shl', '-mlfence-before-ret=yes', '-mlfence-before-ret=none',
    '-mlfence-before-indirect-branch=all', '-mlfence-before-indirect-branch=register', '-mlfence-before-indirect-branch=memory',
    '-mlfence-before-indirect-branch=none', '-mlfence-after-load=no',
  ].map((o) => ({ name: `lfence-${k}${m}${o.slice(1)}`, args: [m, o], source: src }))),
  { name: 'lfence-all-ret-none', args: ['--64', '-mlfence-before-indirect-branch=all', '-mlfence-before-ret=none'], source: LF64 },
  { name: 'lfence-all-ret-or', args: ['--64', '-mlfence-before-ret=or', '-mlfence-before-indirect-branch=all'], source: LF64 },
  ...['--64', '--32'].map((m) => ({
    name: `add-bnd-prefix${m}`, args: [m, '-madd-bnd-prefix'],
    source: `call foo\njmp foo\njne foo\nret\nret $4\njmp *%eax\ncall *(%eax)\njmp 1f\n1: nop\n.p2align 4\nloop 1b\njecxz 1b\nlretl\nbnd jmp 1b\njmp far\nfoo: nop\n.fill 200,1,0x90\nfar: ja 1b\njg foo\n`,
  })),
  ...[['--32'], ['--64'], ['--32', '-mtune=generic32'], ['--64', '-march=core2']].map((m) => ({
    name: `no-align-optimize${m.join('')}`, args: [...m, '-n'],
    source: 'nop\n.p2align 5\nnop\n.nops 9\n.balign 64\nret\n.balign 8\nnop\n.balign 8, 0x90\nnop\n.p2align 4,,5\nnop\n.balign 4,0x9090\n.nops 5\n',
  })),
  // Branch alignment: padding by prefixes (capacity, prefix byte, groups) or NOPs.
  ...AB.map(([name, m, src, ...o]) => ({ name: `align-branch-${name}`, args: [m, ...o], source: src })),
  ...[['--32'], ['--64']].flatMap((m) => ['-mshared'].map((o) => ({
    name: `shared${m[0]}${o}`, args: [...m, o],
    source: '.globl g\ng: nop\njmp g\ncall g\njne g\njmp l\nl: nop\n.weak w\nw: jmp w\n.section .text.x,"ax"\njmp g\n.text\n.hidden h\n.globl h\nh: jmp h\n.protected p\n.globl p\np: jmp p\n.globl i\n.internal i\ni: jmp i\n',
  }))),
  // Before the 386: a conditional jump that does not reach jumps over a near jmp.
  ...['i8086', 'i186', 'i286', 'i8086,nojumps', 'i8086,jumps'].flatMap((cpu) => ['.code16', '.code32'].map((code) => ({
    name: `pre386-${cpu}${code}`, args: ['--32'],
    source: `${code}\njc late\n.arch ${cpu}\n.section .text.other,"ax"\nother: js early\nret\n.text\nearly: jc late\njo undef\njp other\njne early\n.nops 125\nlate: jz early\njz undef\n.arch i386\njz undef\njc early\n`,
  }))),
  { name: 'noopt-ignored', args: ['--64', '-O2'], source: '.noopt\nandq $1,%rax\n.slong -1, 5\n.optim\nandq $1,%rax\n.psize 60, 200\n.allow_index_reg\n.disallow_index_reg\n.sse_check none\n.operand_check warning\n' },
  // The ISA-used note.
  ...[['--32'], ['--64']].flatMap((m) => [
    ['empty', ''], ['nop', 'nop\nret\n'], ['cmov', 'cmove %eax,%ebx\n'], ['lahf', 'lahf\nsahf\n'],
    ['mix', 'popcnt %eax,%ebx\nlzcnt %ecx,%edx\nfxsave (%eax)\nxsave (%eax)\nfninit\nldmxcsr (%eax)\nandn %eax,%ebx,%ecx\nsyscall\n'],
    ['user-note', '.section .note.gnu.property,"a",@note\n.p2align 3\n.long 4,16,5\n.asciz "GNU"\n.long 0xc0000002,4,3\n.p2align 3\n.text\ncmove %eax,%ebx\n'],
    ['data-only', '.data\n.long 1\n'],
  ].map(([n, src]) => ({ name: `used-note-${n}${m[0]}`, args: [...m, '-mx86-used-note=yes'], source: src }))),
  { name: 'used-note-no', args: ['--64', '-mx86-used-note=no'], source: 'cmove %eax,%ebx\n' },
  ...['i386', 'i686', 'generic32', 'k6', 'core2', 'i8086', 'pentium4', 'generic64', 'default'].map((a) => ({
    name: `code64-after-arch-${a}`, args: ['--32'], source: `.arch ${a}\n.code64\nnop\n`,
  })),
  { name: 'code64-march-i686', args: ['--32', '-march=i686'], source: '.code64\nnop\n.arch core2\n.code64\nnop\n' },
  { name: 'code64-arch-in-64', args: ['--64'], source: '.code64\n.arch i386\nnop\n.code32\n.code64\n' },
  // Build-attribute notes.
  ...[['--32'], ['--64']].flatMap((m) => [
    ['one', 'nop\n'], ['empty', ''], ['data-only', '.data\n.long 1\n'],
    ['sections', 'nop\n.section .text.b,"ax"\nret\nret\n.data\n.long 1\n.section .text.c,"ax"\n.section .init,"ax"\nnop\n.text\nnop\n'],
    ['own-section', '.section .gnu.build.attributes\n.long 0\n.text\nnop\n'],
    ['with-used-note', 'cmove %eax,%ebx\n'],
  ].map(([n, src]) => ({ name: `build-notes-${n}${m[0]}`, args: [...m, '--generate-missing-build-notes=yes', ...(n === 'with-used-note' ? ['-mx86-used-note=yes'] : [])], source: src }))),
  { name: 'build-notes-no', args: ['--64', '--generate-missing-build-notes=no'], source: 'nop\n' },
  { name: 'mnemonic-att', args: ['--32', '-mmnemonic=att'], source: 'movl %eax,%ebx\nfninit\nret\n' },
  { name: 'strip-local-absolute', args: ['--64', '--defsym', 'x86_64=1', '--strip-local-absolute'], source: 'foo = 5\n.set bar, 7\nbaz: nop\n.globl g\ng = 3\n' },
];
