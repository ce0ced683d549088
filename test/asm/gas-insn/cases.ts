// Self-written inputs for the instruction forms, registers and prefixes GNU as 2.40 takes that its
// own i386 test suite exercises (%eiz/%riz, xrelease stores, Intel operand order of the spelled
// implicit registers, PadLock, CMPccXADD, RMPQUERY, -mintel64, -madd-bnd-prefix, ...). Each case is
// assembled by GNU as with `args` and by x86lab with the same options and the objects compared; the
// accepted ones are also disassembled by x86lab and compared with objdump -d of GNU's object.
// Goldens (golden.json beside this file) come from GNU as 2.40 and objdump 2.40:
// `npx vite-node test/asm/gas-insn/gen.ts`.

import type { OptionCase } from '../gas-options/cases.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The condition spellings of CMPccXADD GNU takes (objdump prints the first of each opcode). */
const CCS = ['o', 'no', 'b', 'c', 'nae', 'nb', 'ae', 'nc', 'z', 'e', 'nz', 'ne', 'be', 'na', 'nbe', 'a', 's', 'ns', 'p', 'pe', 'np', 'po', 'l', 'nge', 'nl', 'ge', 'le', 'ng', 'nle', 'g'];

/** The x87 environment and state image instructions. */
const X87_IMAGES = ['fldenv', 'fnstenv', 'fstenv', 'frstor', 'fnsave', 'fsave'];

/** Every test register both ways, in 32-bit, 16-bit and Intel syntax. */
const TR_SOURCE = lines(...Array.from({ length: 8 }, (_, i) => `mov %tr${i},%e${'abcd'[i % 4]}x`), 'mov %esi,%tr6', 'movl %tr7,%edi', 'movl %ebp,%tr7',
  '.code16', 'mov %tr2,%ecx', 'mov %ecx,%tr2', '.code32', '.intel_syntax noprefix', 'mov eax, tr3', 'mov tr4, edx', '.intel_syntax prefix', 'mov %eax, %tr5', '.att_syntax');

export const CASES: readonly OptionCase[] = [
  {
    name: 'eiz-32', args: ['--32'],
    source: lines('.allow_index_reg', 'mov 8(,%eiz),%edx', 'mov -4(,%eiz,4),%edx', 'lea (%edi,%eiz),%esi', 'lea 0x7f(%ebp,%eiz,2),%esi',
      'add %al,(%esp,%eiz,8)', 'lea sym(,%eiz),%ecx', '.code16', 'mov (%ebx,%eiz),%ax', 'lea 3(,%eiz,2),%dx', '.code32',
      '.intel_syntax noprefix', 'mov ecx, [edx+eiz*4+6]', 'lea eax, [eiz*1+0x20]', '.att_syntax prefix', 'nop'),
  },
  {
    name: 'riz-64', args: ['--64'],
    source: lines('.allow_index_reg', 'mov 8(,%riz),%rdx', 'mov (%r12,%riz,2),%r9d', 'lea 0x100(%rbp,%riz),%rsi', 'mov (%eax,%eiz,4),%ecx',
      'cmpb $1,-9(%r13,%riz,1)', '.intel_syntax noprefix', 'mov rax, [rbx+riz*8+1]', 'mov eax, [riz*2-4]'),
  },
  { name: 'eiz-needs-allow', args: ['--32'], source: lines('mov (%eax,%eiz),%ecx') },
  { name: 'eiz-disallowed-again', args: ['--32'], source: lines('.allow_index_reg', 'mov (%eax,%eiz),%ecx', '.disallow_index_reg', 'mov (%eax,%eiz),%ecx') },
  { name: 'eiz-not-a-register', args: ['--32'], source: lines('.allow_index_reg', 'mov %eiz,%ecx') },
  { name: 'eiz-not-a-base', args: ['--32'], source: lines('.allow_index_reg', 'mov (%eiz),%ecx') },
  {
    name: 'xrelease-store-abs-32', args: ['--32'],
    source: lines('xrelease movb %cl,0x1000', 'xrelease movw %ax,0x2000', 'xrelease movl %eax,0x3000', 'xrelease movl $7,0x4000', 'movl %eax,0x3000'),
  },
  {
    name: 'xrelease-store-abs-64', args: ['--64'],
    source: lines('xrelease movq %rax,0x1000', 'xrelease movl %eax,0x2000', 'xrelease addr32 movb %al,0x80001234', 'xrelease movb $1,(%rdx)'),
  },
  {
    name: 'addr32-absolute-64', args: ['--64'],
    source: lines('addr32 mov 0x90000000,%rcx', 'addr32 add %dl,0xfffffff0', 'addr32 mov 0x90000000,%eax', 'addr32 lea 0x80000000,%esi', 'mov 0x7ffffff0,%rcx'),
  },
  { name: 'absolute-64-too-far', args: ['--64'], source: lines('mov 0x90000000,%ecx') },
  {
    name: 'intel-spelled-order-32', args: ['--32'],
    source: lines('.intel_syntax noprefix', 'umwait esi, edx, eax', 'tpause ebx, edx, eax', 'invlpgb eax, ecx, edx', 'invlpgb ax, ecx, edx',
      'monitorx eax, ecx, edx', 'mwaitx eax, ecx, ebx', 'pvalidate eax, ecx, edx', 'invlpga eax, ecx', 'monitor eax, ecx, edx'),
  },
  {
    name: 'intel-spelled-order-64', args: ['--64'],
    source: lines('.intel_syntax noprefix', 'umwait r9d, edx, eax', 'invlpgb rax, ecx, edx', 'monitorx rax, rcx, rdx', 'mwaitx rax, rcx, rbx',
      'pvalidate rax, ecx, edx', 'rmpquery rax, rcx, rdx', 'rmpquery eax, rcx, rdx', 'rmpadjust rax, rcx, rdx'),
  },
  {
    name: 'spelled-registers-64', args: ['--64'],
    source: lines('monitorx %rax,%rcx,%rdx', 'monitorx %eax,%rcx,%rdx', 'mwaitx %rax,%rcx,%rbx', 'pvalidate %rax,%ecx,%edx', 'pvalidate %eax,%ecx,%edx',
      'rmpquery', 'rmpquery %rax,%rcx,%rdx', 'rmpquery %eax,%rcx,%rdx', 'pvalidate'),
  },
  { name: 'rmpquery-32', args: ['--32'], source: lines('rmpquery') },
  {
    name: 'address-register-16', args: ['--32'],
    source: lines('invlpga %ax,%ecx', 'vmrun %ax', 'pvalidate %ax,%ecx,%edx', 'umonitor %ax', '.code16', 'invlpga %eax,%ecx', 'invlpga %ax,%ecx',
      'vmload %eax', 'vmsave %ax', 'skinit %eax', 'umonitor %eax', 'umonitor %ax', 'pvalidate %eax,%ecx,%edx', 'pvalidate %ax,%ecx,%edx'),
  },
  {
    name: 'padlock-32', args: ['--32'],
    source: lines('xstore', 'xstorerng', 'rep xstorerng', 'repz xstore', 'xcryptecb', 'rep xcryptcbc', 'repe xcryptctr', 'xcryptcfb', 'xcryptofb',
      'montmul', 'rep xsha1', 'xsha256', 'data16 xstore', 'repne xstore', 'addr16 xcryptecb'),
  },
  { name: 'padlock-64', args: ['--64'], source: lines('xstorerng', 'xcryptecb', 'rep montmul', 'xsha256', 'addr32 xsha1') },
  { name: 'padlock-repne', args: ['--32'], source: lines('repne xcryptecb') },
  {
    name: 'prefetchwt1', args: ['--64'],
    source: lines('prefetchwt1 (%rcx)', 'prefetchwt1 -0x80(%rsp,%r10,4)', 'prefetchwt1 sym(%rip)', '.intel_syntax noprefix', 'prefetchwt1 byte ptr [rax+rbx]'),
  },
  { name: 'prefetchwt1-32', args: ['--32'], source: lines('prefetchwt1 (%ecx)', 'prefetchwt1 0x1234', 'prefetchwt1 %ss:8(%ebp)') },
  {
    name: 'cmpccxadd-all', args: ['--64'],
    source: lines(...CCS.map((c, i) => (i % 2 ? `cmp${c}xadd %r${8 + (i % 8)},%rdx,${i * 8}(%r${8 + (i % 8)})` : `cmp${c}xadd %eax,%ecx,(%rbx,%rsi,2)`))),
  },
  {
    name: 'cmpccxadd-forms', args: ['--64'],
    source: lines('cmpbexadd %r15d,%r14d,(%r13)', 'cmpzxadd %rax,%r11,0x12345678(%rip)', 'cmplxadd %esp,%ebp,-1(%esp)',
      '.intel_syntax noprefix', 'cmpnlexadd [rax], ecx, edx', 'cmpoxadd qword ptr [r9+8], r10, r11'),
  },
  { name: 'cmpccxadd-suffix', args: ['--64'], source: lines('cmpbexaddl %eax,%ecx,(%rax)') },
  { name: 'cmpccxadd-register', args: ['--64'], source: lines('cmpbexadd %eax,%ecx,%edx') },
  { name: 'cmpccxadd-32', args: ['--32'], source: lines('cmpbexadd %eax,%ecx,(%eax)') },
  {
    name: 'add-bnd-prefix', args: ['--64', '-madd-bnd-prefix'],
    source: lines('l: ret', 'rep ret', 'repz ret', 'repne ret', 'repnz ret', 'bnd ret', 'bnd jmp l', 'jne l', 'call *%rax', 'loop l', 'nop'),
  },
  {
    // The dividend written out: div/idiv take the accumulator of the operand's size as a second operand.
    name: 'div-explicit-acc', args: ['--32'],
    source: lines('div %cl,%al', 'div %cx,%ax', 'idiv %ecx,%eax', 'divl (%ebx),%eax', 'idivw 4(%esi),%ax', 'divb foo,%al', '.code64', 'div %r9,%rax', 'idivq (%rbx),%rax'),
  },
  { name: 'div-explicit-acc-bad', args: ['--32'], source: lines('div %cl,%ax', 'div %cx,%eax', 'idiv %ecx,%al', 'div %cl,%bl', 'mul %cl,%al') },
  {
    // fldl/fstl/fstpl/fcoml/fcompl with a register: GNU assembles the register form and warns.
    name: 'x87-l-suffix-register', args: ['--32'],
    source: lines('fldl %st(1)', 'fstl %st(2)', 'fstpl %st', 'fcoml %st(0)', 'fcompl %st(7)', 'fldl %st(1)', 'fldl (%eax)'),
  },
  { name: 'x87-suffix-register-bad', args: ['--32'], source: lines('fsts %st(3)', 'faddl %st(1),%st', 'fildl %st(1)', 'fstpt %st(1)', 'fldt %st(1)') },
  {
    // Intel 64 has no 16-bit near branches in 64-bit code: GNU refuses them under -mintel64 only.
    name: 'intel64-near-branch-16', args: ['--64', '-mintel64'],
    source: lines('callw foo', 'callw *%ax', 'call *%ax', 'jmp *%ax', 'jmpw *(%rax)', 'retw', 'retw $8', 'call *%rax', 'jmp *(%rax)', 'ret', 'ret $8'),
  },
  { name: 'amd64-near-branch-16', args: ['--64'], source: lines('callw *%ax', 'call *%ax', 'jmpw *(%rax)', 'retw', 'retw $8', 'call *%rax') },
  {
    name: 'intel64-far-pointers', args: ['--64', '-mintel64'],
    source: lines('lfs (%rax),%rcx', 'lgsq 8(%rbx),%rdx', 'lss (%rsp),%r9', 'lfs (%rax),%ecx', 'lcallq *(%rax)', 'ljmpq *8(%rbp)', 'lcall *(%rdx)',
      'movsxd %ax,%cx', 'movsxd %r9w,%r10w', 'movsxd (%rax),%cx', 'movsxd %eax,%rcx', '.intel_syntax noprefix', 'call tbyte ptr [rcx]',
      'jmp tbyte ptr [rdx+8]', 'lfs rax, [rcx]', 'call fword ptr [rcx]'),
  },
  { name: 'amd64-lfs-64', args: ['--64'], source: lines('lfs (%rax),%rcx') },
  { name: 'amd64-lcallq', args: ['--64'], source: lines('lcallq *(%rax)') },
  { name: 'amd64-movsxd-16', args: ['--64'], source: lines('movsxd %ax,%cx') },
  {
    name: 'lea-O1-32', args: ['--32', '-O'],
    source: lines('lea (%edx),%ebx', 'lea (,%edi,1),%esi', 'lea (%bx),%ecx', 'lea (%edi),%si', 'leaw (%di),%cx', 'lea 0x40,%edx', 'lea -8,%bx',
      'addr16 lea -8,%ecx', 'lea ext,%edi', 'lea ext+4,%di', 'addr16 lea ext,%si', 'lea (,1),%edx', '%fs lea 4(%eax),%ebx', 'lea %gs:(%ebx),%edx',
      '{nooptimize} lea (%edx),%ebx', '{nooptimize} lea %es:(%edx),%ebx', 'lea 1(%edx),%ebx', 'lea (%edx,%ecx),%ebx', '.allow_index_reg', 'lea (%edx,%eiz),%ebx'),
  },
  {
    name: 'lea-O1-64', args: ['--64', '-O'],
    source: lines('lea (%r9),%r10', 'lea (%rdx),%ebx', 'lea (%r8d),%rsi', 'lea (%esi),%di', 'lea 0x10,%r11', 'lea -16,%r11', 'lea -16,%r11d',
      'addr32 lea -16,%rdx', 'lea ext,%r12', 'lea ext,%r12d', 'lea ext,%r12w', 'addr32 lea ext,%rax', 'addr32 lea ext,%cx', 'lea (,1),%rbx',
      'lea 0x80000000(%ecx),%edx', 'lea -0x80000001(%esi,%edi,2),%r8', 'lea 5(%r8d),%r9w', 'lea (%rip),%eax', 'lea 3(%rax),%rax'),
  },
  {
    name: 'lea-O-16', args: ['--32', '-O'],
    source: lines('.code16', 'lea (%bx),%dx', 'lea (%si),%ecx', 'lea 0x20,%cx', 'lea 0x20,%ecx', 'addr32 lea 0x20,%ecx', 'lea ext,%di', 'lea ext,%edi',
      'addr32 lea ext,%edi', 'addr32 lea (%eax),%ebx', 'lea (%ebx),%dx'),
  },
  { name: 'Os-test-suffix-32', args: ['--32', '-Os'], source: lines('testw $4,%ecx', 'testl $0x7f,%dx', 'testw $1,%ebx') },
  { name: 'Os-test-suffix-64', args: ['--64', '-Os'], source: lines('testw $4,%ecx', 'testq $4,%ecx', 'testl $4,%rcx', 'testw $9,%r9d') },
  { name: 'Os-test-suffix-wide', args: ['--32', '-Os'], source: lines('testw $200,%ecx') },
  { name: 'O1-test-suffix', args: ['--32', '-O'], source: lines('testw $4,%ecx') },
  { name: 'movsd-cmpsd-string', args: ['--32'], source: lines('movsd', 'rep movsd', 'repne cmpsd', '.code16', 'rep; movsd', 'cmpsd', '.intel_syntax noprefix', 'rep movsd dword ptr es:[di], dword ptr ds:[si]') },
  { name: 'movsd-string-64', args: ['--64'], source: lines('movsd', 'rep cmpsd', 'addr32 movsd') },
  { name: 'branch-mem-without-star-32', args: ['--32'], source: lines('jmp ext(,1)', 'call 4(%eax)', 'jmp (%ebx,%esi,4)', 'lcall (%eax)', 'ljmp 6(%ebx)', 'jmp *%ecx', 'jmp %ecx', 'jmp ext') },
  { name: 'branch-mem-without-star-64', args: ['--64'], source: lines('jmp 8(%rax)', 'callq (%rsp)', 'jmpw (%rax)', 'ljmp (%rdi)', 'notrack jmp (%rax)', 'bnd call 0x10(%rip)') },
  { name: 'lea-O2-16', args: ['--32', '-O2'], source: lines('.code16', 'lea (%si),%ecx', 'lea 0x20,%ecx', 'lea -1,%ecx', 'lea ext,%ecx') },
  // The x87 environment/state images: unsuffixed is the code size's layout, `s`/Intel `w` the 16-bit one, `l`/Intel `d` the 32-bit one.
  { name: 'x87-images-16', args: ['--32'], source: lines('.code16', ...X87_IMAGES.flatMap((m) => [`${m} (%bx)`, `${m}s (%bx)`, `${m}l 4(%ebx)`]), '.intel_syntax noprefix', ...X87_IMAGES.flatMap((m) => [`${m} [bx]`, `${m}w [bx+si]`, `${m}d [ecx]`])) },
  { name: 'x87-images-32', args: ['--32'], source: lines(...X87_IMAGES.flatMap((m) => [`${m} (%ebx)`, `${m}s (%bx)`, `${m}l 4(%ebx)`]), '.intel_syntax noprefix', ...X87_IMAGES.flatMap((m) => [`${m} [ebx]`, `${m}w [bx+si]`, `${m}d [ecx]`])) },
  { name: 'x87-images-64', args: ['--64'], source: lines(...X87_IMAGES.flatMap((m) => [`${m} (%rbx)`, `${m}s (%r9)`, `${m}l 4(%ebx)`]), '.intel_syntax noprefix', ...X87_IMAGES.flatMap((m) => [`${m} [rbx]`, `${m}w [r9]`, `${m}d [ecx]`])) },
  { name: 'x87-images-q-64', args: ['--64'], source: lines('fldenvq (%rax)') },
  { name: 'x87-images-q-32', args: ['--32'], source: lines('fnsaveq (%eax)') },
  { name: 'x87-images-d-att', args: ['--32'], source: lines('fldenvd (%eax)') },
  { name: 'x87-images-intel-ptr', args: ['--32'], source: lines('.intel_syntax noprefix', 'fldenv word ptr [ebx]', 'fldenvw dword ptr [ebx]', 'fldenvw qword ptr [ebx]', 'fnsaved dword ptr [ebx]', 'frstor tbyte ptr [ebx]') },
  // GNU's IgnoreSize templates (no 66h in .code16 for their 32-bit registers), encodekey's 66h, sysretl.
  {
    name: 'code16-ignore-size', args: ['--32'],
    source: lines('.code16', 'movnti %eax,(%bx)', 'movntil %ecx,4(%esi)', 'movdiri %eax,(%bx)', 'movdiri %edx,(%ecx)', 'crc32b %al,%eax', 'crc32b (%bx),%ecx',
      'crc32l %eax,%eax', 'crc32w %ax,%eax', 'rdfsbase %eax', 'rdgsbase %ecx', 'wrfsbase %edx', 'wrgsbase %ebx', 'encodekey128 %eax,%ebx', 'encodekey256 %ecx,%edx',
      'sysret', 'sysretl', 'sysexit', '.intel_syntax noprefix', 'movdiri [ecx], eax', 'movdiri dword ptr [bx], edx', 'movnti [bx], ecx'),
  },
  { name: 'code16-movdir64b-abs', args: ['--32'], source: lines('.code16', 'movdir64b 0x1234,%eax', 'movdir64b foo,%eax', 'movdir64b %cs:foo+4,%ebp', 'enqcmd 0x80000000,%eax', 'enqcmds foo,%ecx', 'movdir64b 0x1234,%ax', 'movdir64b foo,%cx', '.code32', 'movdir64b 0x1234,%ax', 'movdir64b foo,%ax') },
  // Unsuffixed immediates under a 16-bit operation guess (.code16, data16 in 32/64-bit code).
  { name: 'code16-push-imm', args: ['--32'], source: lines('.code16', 'push $0xffff', 'push $0x7fffffffffffffff', 'push $0x1ffff', 'push $-0x10000', 'pushw $0xffff', 'pushl $0xffffffff', 'push $0xffffffff', 'push $0x80') },
  {
    name: 'data16-unsized-32', args: ['--32'],
    source: lines('data16 push $0x1234', 'data16 push $0xffff', 'data16 push $0x12345', 'data16 pushl $0x1234', 'data16 push foo', 'data16 add $0x1234,(%eax)', 'data16 mov $0x1234,(%eax)',
      'data16 inc (%eax)', 'data16 rol %cl,(%eax)', 'data16 fld (%eax)', 'data16 fiadd (%eax)', 'data16 ins %dx,%es:(%edi)', 'data16 crc32 (%eax),%eax', 'data16 ret $4', 'data16 call foo', 'data16 ljmp $1,$2', 'data16 lcall $1,$2'),
  },
  { name: 'data16-unsized-64', args: ['--64'], source: lines('data16 push $0xffff', 'data16 push $0x1234', 'data16 add $0x1234,(%rax)', 'data16 ptwrite (%rax)', 'data16 iret', 'data16 crc32 (%rax),%rax', 'data16 rol %cl,(%rax)') },
  { name: 'data16-pushw-twice', args: ['--32'], source: lines('data16 pushw $1') },
  { name: 'int3-prefixed', args: ['--32'], source: lines('int $3', 'data16 int $3', 'addr16 int $3', 'fs int $3', '.code16', 'int $3', 'data32 int $3', '.code64', 'int $3', 'rex int $3', 'data16 int $4') },
  // -mintel64: 66h on a near jmp/call in 64-bit code leaves a rel32 (PLT32 to a global, relaxed to rel32 locally); jcc and xbegin keep rel16.
  ...(['--64', '--64 -mintel64'] as const).flatMap((o) => [
    { name: `data16-branch${o.replace(/ -/g, '-').replace('--64', '')}-extern`, args: o.split(' '), source: lines('data16 jmp foo', 'data16 call foo', 'data16 jmp bar', 'bar: nop', 'data16 jz foo', 'data16 xbegin foo', 'data16 rex.w jmp foo', 'data16 jmp 1f', '1:') },
    { name: `data16-branch${o.replace(/ -/g, '-').replace('--64', '')}-relaxed`, args: o.split(' '), source: lines('data16 jmp bar', 'data16 call bar', '.fill 300,1,0x90', 'bar: nop', 'data16 call 1f', '1:', 'data16 jz bar') },
  ]),
  // The 386/486 test registers: which CPUs and modes take them (src/asm/test-regs.ts).
  ...([['tr-32', ['--32']], ['tr-i486', ['--32', '-march=i486+nommx']], ['tr-generic32', ['--32', '-march=generic32']], ['tr-i586', ['--32', '-march=i586']],
    ['tr-generic64', ['--32', '-march=generic64']], ['tr-mtune', ['--32', '-mtune=i686']], ['tr-plus-nommx', ['--32', '-march=+nommx']],
    ['tr-64', ['--64']]] as const).map(([name, args]) => ({ name, args, source: TR_SOURCE })),
  { name: 'tr-64-code32', args: ['--64'], source: lines('.code32', 'mov %tr3,%eax') },
  { name: 'tr-64-code32-i386', args: ['--64'], source: lines('.code32', '.arch i386', 'mov %tr3,%eax') },
  { name: 'tr-arch-nommx', args: ['--32'], source: lines('.arch .nommx', 'mov %tr3,%eax') },
  { name: 'tr-arch-i586', args: ['--32'], source: lines('.arch i586', 'mov %tr3,%eax') },
  { name: 'tr-arch-i286', args: ['--32'], source: lines('.arch i286', 'mov %tr3,%eax') },
  { name: 'tr-arch-back', args: ['--32'], source: lines('.arch .nommx', '.arch i486', 'mov %tr3,%eax', '.arch push', '.arch k6', '.arch pop', 'mov %eax,%tr4', '.arch default', 'mov %tr5,%ebx') },
  { name: 'tr-16bit-regs', args: ['--32'], source: lines('mov %ax,%tr3') },
  { name: 'tr-64-code', args: ['--32'], source: lines('.code64', 'mov %tr3,%rax') },
  // Intel call/jmp through memory by pointer size: near, far 16:16 (dword outside 32-bit code), far 16:32, -mintel64's tbyte; the rest refused.
  ...([['16', ['--32'], '.code16', 'bx'], ['32', ['--32'], '.code32', 'ebx'], ['64', ['--64'], '.code64', 'rbx'], ['64-intel64', ['--64', '-mintel64'], '.code64', 'rbx']] as const).flatMap(([m, args, code, r]) => [
    { name: `intel-branch-ptr-${m}`, args, source: lines('.intel_syntax noprefix', code, ...['call', 'jmp'].flatMap((b) => ['word', 'dword', 'fword', ...(m.startsWith('64') ? ['qword', 'near', 'far'] : ['near', 'far'])].map((p) => `${b} ${p} ptr [${r}]`))) },
    { name: `intel-branch-ptr-bad-${m}`, args, source: lines('.intel_syntax noprefix', code, ...['call', 'jmp'].flatMap((b) => ['byte', 'qword', 'tbyte', 'xmmword', 'oword'].map((p) => `${b} ${p} ptr [${r}]`))) },
  ]),
  // Registers the CPU and mode lack: written, GNU's bad register name; through a symbol, "cannot be used here"; under noprefix, a symbol.
  { name: 'pre386-regs', args: ['--32'], source: lines('.set xBX, %ebx', '.set xF, %fs', '.set xC, %cr0', '.code16', '.arch i286', 'inc %ebx', 'inc xBX', 'mov xF, %ax', 'mov %fs, %ax', 'mov xC, %eax', 'incb (xBX)', '.arch i186', 'inc xBX', '.arch i386', 'inc xBX') },
  { name: 'pre386-regs-ok', args: ['--32'], source: lines('.set xBX, %ebx', '.code16', '.arch i286', 'inc %bx', 'mov %es, %ax', '.arch i386', 'inc xBX', 'mov %fs, %ax') },
  { name: 'code32-r8d-sym', args: ['--64'], source: lines('.set xR, %r8d', 'inc xR', '.code32', 'inc xR') },
  { name: 'pre386-naked', args: ['--32'], source: lines('.att_syntax noprefix', '.code16', '.arch i286', 'mov eax, ax', 'mov fs, ax', 'mov cr0, ax', '.intel_syntax noprefix', 'mov ax, eax', 'mov ax, gs', 'mov ax, dr0') },
  { name: 'intel-data-regs', args: ['--32'], source: lines('.data', '.intel_syntax noprefix', '.long "eax"', '.long cr0', '.long "k0"') },
];
