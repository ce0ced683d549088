// Self-written inputs for the causes of disagreement the foreign-suite runner found (docs/foreign-suite.md):
// statements other assemblers' test files use that x86lab assembled differently from GNU as 2.40, or
// refused where GNU takes them. Goldens (golden.json beside this file) come from GNU as 2.40 and
// objdump 2.40: `npx vite-node test/asm/foreign-fixes/gen.ts`.

import type { OptionCase } from '../gas-options/cases.js';

/** A case; `noObjdump`: x86lab's disassembly of the object is not compared (a decoder gap, named where set). */
export type FixCase = OptionCase & { readonly noObjdump?: boolean };

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** Intel memory operands of each `X ptr` size on the one-operand instructions of scripts/gen-intel-mem-sizes.ts. */
const INTEL_MEM = ['fxsave', 'fxrstor', 'fxsave64', 'fsave', 'fnsave', 'frstor', 'fldenv', 'fnstenv', 'fldcw', 'fnstcw', 'fstsw', 'fbld', 'xsave', 'xrstor64',
  'sidt', 'sgdt', 'lidt', 'lgdt', 'smsw', 'lmsw', 'sldt', 'str', 'ltr', 'verr', 'invlpg', 'clflush', 'prefetchw', 'cmpxchg8b', 'cmpxchg16b', 'ljmp', 'lcall', 'push', 'inc', 'nop'];
const PTR_SIZES = ['byte', 'word', 'dword', 'fword', 'qword', 'tbyte', 'oword', 'xmmword'];

const X87_ARITH = ['fsub', 'fsubr', 'fdiv', 'fdivr', 'fadd', 'fmul'];

export const CASES: readonly FixCase[] = [
  // Intel syntax: st(1) implied as the destination (`fsubp`, `fsubp st(i)`, `fsub` alone) means what Intel's manual says.
  {
    name: 'intel-x87-implied-dest', args: ['--64'],
    source: lines('.intel_syntax noprefix', ...X87_ARITH.flatMap((m) => [m, `${m}p`, `${m}p st(1)`, `${m}p st(3)`, `${m}p st`, `${m}p st(2), st`, `${m} st(2), st`, `${m} st, st(2)`, `${m} st(4)`])),
  },
  { name: 'intel-x87-bad-order', args: ['--32'], source: lines('.intel_syntax noprefix', 'fsubp st, st(2)') },
  { name: 'att-x87-implied-dest', args: ['--64'], source: lines(...X87_ARITH.flatMap((m) => [m, `${m}p`, `${m}p %st(1)`, `${m}p %st,%st(3)`])) },
  // `sym@PLT` outside a branch: a local label needs no PLT (yasm's elf_gas*_ssym tests).
  ...(['--32', '--64'] as const).map((a) => ({
    name: `plt-local-label${a.slice(1)}`, args: [a],
    source: lines('.globl gfoo', 'nop', 'nop', 'lfoo: gfoo: nop', 'movl %eax, lfoo@PLT', 'movl %eax, gfoo@PLT', 'movl %eax, ufoo@PLT',
      '.long lfoo@PLT', '.long lfoo@PLT+3', '.long ufoo@PLT', '.section .other,"ax"', 'nop', 'movl %eax, lfoo@PLT', 'movl %eax, lfoo@PLT+0x10', '.long fwd@PLT', 'fwd:', 'call lfoo@PLT'),
  })),
  // `sysretl` in .code16 names the 32-bit operand size: 66h, as `iretl` (LLVM x86-16.s). (objdump,
  // reading it as 32-bit code, prints `data16 sysret`; x86lab's disassembler says (bad): not compared.)
  { name: 'sysretl-code16', args: ['--32'], noObjdump: true, source: lines('.code16', 'sysretl', 'sysret', 'iretl', 'iret', 'sysexit', '.code32', 'sysretl', 'sysret') },
  // GNU's SysV spellings smov/ssca of movs/scas, and `clr REG` for `xor REG,REG` (LLVM x86-64.s, yasm gas-moreinsn).
  {
    name: 'smov-ssca-clr-64', args: ['--64'],
    source: lines('smovb', 'smovw', 'smovl', 'smovq', 'sscab', 'sscaw', 'sscal', 'sscaq', 'smov', 'ssca', 'smovb (%rsi),(%rdi)', 'smovl %ds:(%rsi),%es:(%rdi)',
      'sscab %es:(%rdi),%al', 'rep smovb', 'repne sscaw', 'clr %al', 'clrb %al', 'clr %ax', 'clrw %ax', 'clr %eax', 'clrl %eax', 'clr %rax', 'clrq %rax', 'clr %r9', 'clr %r10b',
      '.intel_syntax noprefix', 'clr eax', 'clr rax', 'smovb', 'smovd', 'sscad', 'smov dword ptr [rdi], dword ptr [rsi]'),
  },
  { name: 'smov-ssca-clr-32', args: ['--32'], source: lines('smovw', 'smovl', 'sscab', 'clr %ecx', 'clrw %si', '.code16', 'smovl', 'clr %ax', 'clrl %edx') },
  { name: 'clr-errors', args: ['--64'], source: lines('clr', 'clr (%rax)', 'clrl %ax', 'clr %eax,%ebx', 'clr $1', '.intel_syntax noprefix', 'clr dword ptr [rax]') },
  { name: 'clrq-32', args: ['--32'], source: lines('clrq %rax') },
  // Prefixes written alone or before an instruction: GNU's REX names (rexx, rex64xyz, rex.w rex.x merged), data32/addr16
  // per mode, explicit REX with %ah, `lock/incl` (LLVM x86-64.s, x86-16.s, data-prefix*.s; yasm gas-prefix). objdump ends
  // an instruction at a prefix run where x86lab's disassembler runs on (`44 42 41`): listings not compared.
  { name: 'prefixes-16', args: ['--32'], noObjdump: true, source: lines('.code16', 'data16', 'data32', 'addr16', 'addr32', 'ss', 'es', 'cs', 'lock', 'rep', 'data32 nop', 'addr32 nop', 'data32 lgdt 0', 'ss nop', 'es nop', 'lock/incl 1(%esp)', 'rep/movsb', 'cs ds', 'data32 lock', 'addr32 lock') },
  ...['rexx', 'rexy', 'rexz', 'rexxyz', 'rex64x', 'rex64xyz', 'rex.w', 'rex.wrxb', 'rex', 'rex64', 'data16 nop', 'addr16 nop', 'rexx nop', 'rexxyz addl %eax,%ebx', 'rex64x movl %eax,%ebx', 'rexx rexy', 'rex.w rex.x nop', 'rex.w rex.w nop', 'rex64 rex.w nop', 'rex rex.b nop', 'rex movb $0,%ah', 'rex64 movb $1,%ah', 'rexx movb $1,%ah', 'rex.w movb $1,%ah', 'rex64/movl %eax,%ebx', 'data16/nop', 'rex64 rex.b', 'data16 lock', 'lock rep', 'lock lock', 'data16 data16 nop', 'addr16 lock', 'data16 addr32', 'data16 data16'].map((s, k) => ({ name: `prefix-error-16-${k}`, args: ['--32'], source: lines('.code16', s) })),
  { name: 'prefixes-32', args: ['--32'], noObjdump: true, source: lines('data16', 'data32', 'addr16', 'addr32', 'ss', 'es', 'cs', 'lock', 'rep', 'data16 nop', 'addr16 nop', 'ss nop', 'es nop', 'lock/incl 1(%esp)', 'rep/movsb', 'data16/nop', 'data16 lock', 'cs ds', 'addr16 lock', 'data16 addr32', 'data16 data16') },
  ...['rexx', 'rexy', 'rexz', 'rexxyz', 'rex64x', 'rex64xyz', 'rex.w', 'rex.wrxb', 'rex', 'rex64', 'data32 nop', 'addr32 nop', 'data32 lgdt 0', 'rexx nop', 'rexxyz addl %eax,%ebx', 'rex64x movl %eax,%ebx', 'rexx rexy', 'rex.w rex.x nop', 'rex.w rex.w nop', 'rex64 rex.w nop', 'rex rex.b nop', 'rex movb $0,%ah', 'rex64 movb $1,%ah', 'rexx movb $1,%ah', 'rex.w movb $1,%ah', 'rex64/movl %eax,%ebx', 'rex64 rex.b', 'lock rep', 'lock lock', 'data16 data16 nop', 'data32 lock', 'addr32 lock'].map((s, k) => ({ name: `prefix-error-32-${k}`, args: ['--32'], source: lines(s) })),
  { name: 'prefixes-64', args: ['--64'], noObjdump: true, source: lines('data16', 'addr32', 'rexx', 'rexy', 'rexz', 'rexxyz', 'rex64x', 'rex64xyz', 'rex.w', 'rex.wrxb', 'rex', 'rex64', 'cs', 'lock', 'rep', 'data16 nop', 'addr32 nop', 'rexx nop', 'rexxyz addl %eax,%ebx', 'rex64x movl %eax,%ebx', 'rexx rexy', 'rex.w rex.x nop', 'rex rex.b nop', 'rex movb $0,%ah', 'rex64 movb $1,%ah', 'rexx movb $1,%ah', 'rex.w movb $1,%ah', 'lock/incl 1(%esp)', 'rep/movsb', 'rex64/movl %eax,%ebx', 'data16/nop', 'rex64 rex.b', 'data16 lock', 'cs ds', 'addr32 lock', 'data16 addr32', 'data16 data16') },
  ...['data32', 'addr16', 'ss', 'es', 'data32 nop', 'addr16 nop', 'data32 lgdt 0', 'ss nop', 'es nop', 'rex.w rex.w nop', 'rex64 rex.w nop', 'rex movb %ah,%r8b', 'rex movb %ah,%sil', 'lock rep', 'lock lock', 'data16 data16 nop', 'addr16 lock', 'data32 lock'].map((s, k) => ({ name: `prefix-error-64-${k}`, args: ['--64'], source: lines(s) })),
  // A global or weak symbol equated to an undefined one: the relocation names the undefined one (LLVM reloc-undef-global.s).
  ...(['--32', '--64'] as const).flatMap((a) => ['.globl bar\nbar = foo + 4', '.globl bar\nbar = foo', '.weak bar\n.set bar, foo', '.globl bar\nbar = lab + 4'].map((d, k) => ({
    name: `global-equ-undefined${a.slice(1)}-${k}`, args: [a], source: lines(d, 'lab: nop', '.long bar', '.long bar+1', 'call bar', a === '--64' ? 'movl bar(%rip),%eax' : 'movl bar,%eax'),
  }))),
  // `sym@SPEC` in .byte/.word/.long/.quad: which relocation, or which of GNU's messages (LLVM error-reloc.s).
  { name: 'data-reloc-spec-32', args: ['--32'], source: lines('.long foo@plt', '.long foo@got', '.long foo@gotoff', '.long foo@tpoff', '.long foo@ntpoff', '.long foo@dtpoff', '.long foo@gottpoff', '.long foo@gotntpoff', '.long foo@indntpoff', '.long foo@tlsgd', '.long foo@tlsldm', '.long foo@size', '.long foo@tlsdesc', '.long foo@PLT') },
  ...['.byte foo@plt', '.word foo@plt', '.quad foo@plt', '.byte foo@gotpcrel', '.word foo@gotpcrel', '.long foo@gotpcrel', '.quad foo@gotpcrel', '.byte foo@got', '.word foo@got', '.quad foo@got', '.byte foo@gotoff', '.word foo@gotoff', '.quad foo@gotoff', '.byte foo@gotplt', '.word foo@gotplt', '.long foo@gotplt', '.quad foo@gotplt', '.byte foo@pltoff', '.word foo@pltoff', '.long foo@pltoff', '.quad foo@pltoff', '.byte foo@tpoff', '.word foo@tpoff', '.quad foo@tpoff', '.byte foo@ntpoff', '.word foo@ntpoff', '.quad foo@ntpoff', '.byte foo@dtpoff', '.word foo@dtpoff', '.quad foo@dtpoff', '.byte foo@gottpoff', '.word foo@gottpoff', '.quad foo@gottpoff', '.byte foo@gotntpoff', '.word foo@gotntpoff', '.quad foo@gotntpoff', '.byte foo@indntpoff', '.word foo@indntpoff', '.quad foo@indntpoff', '.byte foo@tlsgd', '.word foo@tlsgd', '.quad foo@tlsgd', '.byte foo@tlsld', '.word foo@tlsld', '.long foo@tlsld', '.quad foo@tlsld', '.byte foo@tlsldm', '.word foo@tlsldm', '.quad foo@tlsldm', '.byte foo@size', '.word foo@size', '.quad foo@size', '.byte foo@tlsdesc', '.word foo@tlsdesc', '.quad foo@tlsdesc', '.byte foo@tlscall', '.word foo@tlscall', '.long foo@tlscall', '.quad foo@tlscall', '.byte foo@GOTPCREL', '.word foo@GOTPCREL', '.long foo@GOTPCREL', '.quad foo@GOTPCREL', '.byte foo@PLT', '.word foo@PLT', '.quad foo@PLT'].map((s, k) => ({ name: `data-reloc-spec-error-32-${k}`, args: ['--32'], source: lines(s) })),
  { name: 'data-reloc-spec-64', args: ['--64'], source: lines('.long foo@plt', '.long foo@gotpcrel', '.quad foo@gotpcrel', '.long foo@got', '.quad foo@got', '.quad foo@gotoff', '.quad foo@gotplt', '.quad foo@pltoff', '.long foo@tpoff', '.quad foo@tpoff', '.long foo@dtpoff', '.quad foo@dtpoff', '.long foo@gottpoff', '.long foo@tlsgd', '.long foo@tlsld', '.long foo@size', '.quad foo@size', '.long foo@tlsdesc', '.long foo@GOTPCREL', '.quad foo@GOTPCREL', '.long foo@PLT') },
  ...['.byte foo@plt', '.word foo@plt', '.quad foo@plt', '.byte foo@gotpcrel', '.word foo@gotpcrel', '.byte foo@got', '.word foo@got', '.byte foo@gotoff', '.word foo@gotoff', '.long foo@gotoff', '.byte foo@gotplt', '.word foo@gotplt', '.long foo@gotplt', '.byte foo@pltoff', '.word foo@pltoff', '.long foo@pltoff', '.byte foo@tpoff', '.word foo@tpoff', '.byte foo@ntpoff', '.word foo@ntpoff', '.long foo@ntpoff', '.quad foo@ntpoff', '.byte foo@dtpoff', '.word foo@dtpoff', '.byte foo@gottpoff', '.word foo@gottpoff', '.quad foo@gottpoff', '.byte foo@gotntpoff', '.word foo@gotntpoff', '.long foo@gotntpoff', '.quad foo@gotntpoff', '.byte foo@indntpoff', '.word foo@indntpoff', '.long foo@indntpoff', '.quad foo@indntpoff', '.byte foo@tlsgd', '.word foo@tlsgd', '.quad foo@tlsgd', '.byte foo@tlsld', '.word foo@tlsld', '.quad foo@tlsld', '.byte foo@tlsldm', '.word foo@tlsldm', '.long foo@tlsldm', '.quad foo@tlsldm', '.byte foo@size', '.word foo@size', '.byte foo@tlsdesc', '.word foo@tlsdesc', '.quad foo@tlsdesc', '.byte foo@tlscall', '.word foo@tlscall', '.long foo@tlscall', '.quad foo@tlscall', '.byte foo@GOTPCREL', '.word foo@GOTPCREL', '.byte foo@PLT', '.word foo@PLT', '.quad foo@PLT'].map((s, k) => ({ name: `data-reloc-spec-error-64-${k}`, args: ['--64'], source: lines(s) })),
  // Intel syntax: `X ptr` sizes GNU refuses on memory of no operand size (LLVM intel-syntax.s `fxsave dword ptr [eax]`),
  // and AT&T's `l` suffix, which Intel syntax lacks (`inl DX`, `addl eax, 1`).
  ...([16, 32, 64] as const).map((m) => ({
    name: `intel-ptr-sizes-${m}`, args: [m === 64 ? '--64' : '--32'],
    source: lines(`.code${m}`, '.intel_syntax noprefix', ...INTEL_MEM.flatMap((mn) => PTR_SIZES.map((sz) => `${mn} ${sz} ptr [${m === 64 ? 'rax' : m === 32 ? 'eax' : 'bx'}]`))),
  })),
  { name: 'intel-l-suffix', args: ['--64'], source: lines('.intel_syntax noprefix', 'inl DX', 'outl DX', 'addl eax, 1', 'lodsl', 'stosl', 'nopl [rax]', 'retl', 'pushl 1', 'movzbl eax, al', 'smovl') },
  { name: 'intel-other-suffixes', args: ['--64'], source: lines('.intel_syntax noprefix', 'inb DX', 'inw DX', 'addw ax, 1', 'addq rax, 1', 'addd [rax], 1', 'lodsd', 'stosd', 'iretd', 'movslq rax, ebx', 'cwtl', 'cltq', 'shl eax, 1', 'call rax', 'cmovl eax, ebx', 'setl al', 'jl .') },
];
