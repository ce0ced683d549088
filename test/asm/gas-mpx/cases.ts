// Self-written inputs for MPX (%bnd0-3, bndmk/bndcl/bndcu/bndcn/bndmov/bndldx/bndstx, the bnd
// prefix) and prefetchit0/1 (src/isa/forms/hint-space.ts): AT&T and Intel syntax, 16/32/64-bit
// code, GNU's address rules, warnings and -march checks. Assembled by GNU as 2.40 and x86lab with
// the same options and the objects compared; accepted ones also disassembled by x86lab and compared
// with objdump -d of GNU's object. Goldens: `npx vite-node test/asm/gas-mpx/gen.ts`.

import type { OptionCase } from '../gas-options/cases.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

export const CASES: readonly OptionCase[] = [
  {
    name: 'mpx-32', args: ['--32'],
    source: lines('bndmk (%ebx),%bnd0', 'bndmk 0x10(%esi,%edi,4),%bnd3', 'bndmk 0x1234,%bnd2', 'bndcl %edx,%bnd1', 'bndcl -8(%ebp),%bnd1',
      'bndcu (%esp),%bnd2', 'bndcu %esi,%bnd0', 'bndcn 0x80(%eax,%ebx),%bnd3', 'bndcn %edi,%bnd3', 'bndmov %bnd3,%bnd1', 'bndmov 8(%ecx),%bnd2',
      'bndmov %bnd2,-0x10(%ebp)', 'bndldx 4(%eax,%edx),%bnd1', 'bndldx (%ecx),%bnd0', 'bndstx %bnd2,0x20(%ebx,%esi)', 'bndstx %bnd3,ext',
      'bndcl ext+4,%bnd0'),
  },
  {
    name: 'mpx-64', args: ['--64'],
    source: lines('bndmk (%r12),%bnd0', 'bndmk 0x7f(%rbx,%r13,8),%bnd1', 'bndcl %r9,%bnd2', 'bndcl 0x40(%rip),%bnd2', 'bndcu (%rsp),%bnd3',
      'bndcn %rax,%bnd0', 'bndmov %bnd0,%bnd3', 'bndmov (%r15),%bnd1', 'bndmov ext(%rip),%bnd1', 'bndmov %bnd1,0x18(%rdi)', 'bndldx 8(%r10,%r11),%bnd2',
      'bndldx (%rbp),%bnd3', 'bndstx %bnd0,(%r13)', 'bndstx %bnd1,0x100(%rax,%rcx)', 'bndldx (%rax,%rcx,8),%bnd0'),
  },
  {
    name: 'mpx-intel', args: ['--64'],
    source: lines('.intel_syntax noprefix', 'bndmk bnd1, [rax+rdx*2+3]', 'bndcl bnd0, r8', 'bndcu bnd3, [rip+0x10]', 'bndcn bnd2, [rsi]',
      'bndmov bnd1, bnd2', 'bndmov [rcx+8], bnd0', 'bndmov bnd3, [rbx]', 'bndldx bnd1, [rax+rbx]', 'bndstx [rdx+rcx+4], bnd2', 'bnd jmp rax', 'bnd ret'),
  },
  {
    name: 'mpx-16', args: ['--32'],
    source: lines('.code16', 'bndmk (%eax),%bnd1', 'bndmk 0x99,%bnd1', 'bndcl %ecx,%bnd2', 'bndcu 4(%ebx,%esi),%bnd0', 'bndmov %bnd1,%bnd2',
      'bndmov %bnd0,(%edx)', 'bndldx (%ecx),%bnd3', 'bndstx %bnd2,0x200', 'bnd call f', 'f: bnd ret'),
  },
  {
    name: 'bnd-branches-64', args: ['--64'],
    source: lines('bnd call f', 'bnd call *%rax', 'bnd call *(%rbx)', 'bnd jmp f', 'bnd jmp *%r11', 'bnd jne f', 'bnd jmp ext', 'bnd call ext@PLT',
      'f: bnd ret', 'bnd ret $16'),
  },
  { name: 'mpx-16bit-address', args: ['--32'], source: lines('bndmk (%bx,%si),%bnd0') },
  { name: 'mpx-16bit-address-code16', args: ['--32'], source: lines('.code16', 'bndcl (%bx),%bnd0') },
  { name: 'mpx-32bit-address-64', args: ['--64'], source: lines('bndmov (%eax),%bnd1') },
  { name: 'mpx-addr32-64', args: ['--64'], source: lines('addr32 bndcl (%ecx),%bnd1') },
  { name: 'mpx-rip-bndmk', args: ['--64'], source: lines('bndmk (%rip),%bnd1') },
  { name: 'mpx-rip-bndldx', args: ['--64'], source: lines('bndldx (%rip),%bnd1') },
  { name: 'mpx-data16', args: ['--64'], source: lines('data16 bndcu (%rax),%bnd1') },
  { name: 'mpx-no-bnd4', args: ['--64'], source: lines('bndmov %bnd4,%bnd0') },
  { name: 'mpx-reg-size-64', args: ['--64'], source: lines('bndcl %ecx,%bnd1') },
  { name: 'mpx-reg-size-32', args: ['--32'], source: lines('bndcn %cx,%bnd1') },
  { name: 'mpx-no-register-address', args: ['--64'], source: lines('bndmk %rax,%bnd1') },
  { name: 'mpx-no-suffix', args: ['--64'], source: lines('bndcll (%rax),%bnd1') },
  { name: 'bnd-on-loop', args: ['--64'], source: lines('l: bnd loop l') },
  { name: 'mpx-march-i686', args: ['--32', '-march=i686'], source: lines('bndmk (%eax),%bnd1', 'bndcl %ecx,%bnd1') },
  { name: 'mpx-march-plus-mpx', args: ['--32', '-march=i686+mpx'], source: lines('bndmk (%eax),%bnd1', 'bndstx %bnd0,(%ebx)') },
  { name: 'mpx-arch-nompx', args: ['--64'], source: lines('.arch .nompx', 'bndmov %bnd0,%bnd1') },
  { name: 'mpx-intel-sizes-64', args: ['--64'], source: lines('.intel_syntax noprefix', 'bndmov bnd1, xmmword ptr [rax]', 'bndmov oword ptr [rax], bnd2', 'bndcl bnd1, dword ptr [rax]', 'bndcu bnd0, byte ptr [rip+8]', 'bndmk bnd3, qword ptr [rcx]') },
  { name: 'mpx-intel-sizes-32', args: ['--32'], source: lines('.intel_syntax noprefix', 'bndmov bnd1, xmmword ptr [eax]', 'bndcn bnd2, word ptr [eax]') },
  { name: 'mpx-intel-bndmov-qword-64', args: ['--64'], source: lines('.intel_syntax noprefix', 'bndmov bnd1, qword ptr [rax]') },
  { name: 'mpx-intel-bndmov-qword-32', args: ['--32'], source: lines('.intel_syntax noprefix', 'bndmov [eax], qword ptr bnd1', 'bndmov qword ptr [eax], bnd1') },
  {
    name: 'prefetchi', args: ['--64'],
    source: lines('prefetchit0 0x40(%rip)', 'prefetchit1 -8(%rip)', 'prefetchit0 ext(%rip)', 'addr32 prefetchit1 4(%eip)',
      '.intel_syntax noprefix', 'prefetchit0 byte ptr [rip+0x20]', 'prefetchit1 [rip]'),
  },
  { name: 'prefetchi-not-rip', args: ['--64'], source: lines('prefetchit0 (%rax)', 'prefetchit1 0x10(%rbx,%rcx,2)', 'prefetchit0 ext', '.intel_syntax noprefix', 'prefetchit1 [rdx+8]') },
  { name: 'prefetchi-32', args: ['--32'], source: lines('prefetchit0 (%eax)') },
  { name: 'prefetchi-suffix', args: ['--64'], source: lines('prefetchit1b (%rip)') },
];
