// Differential corpus for the encoder: generate instruction lines from the ISA table, and run
// GNU as over them to get its bytes (or its error) per line.
//
// Used by scripts/asm-gen-corpus.ts (writes the committed golden files) and by the live-oracle
// test (test/oracle/as-encode.test.ts, which regenerates a sample against the local `as`).
//
// Golden line format:  <line> TAB [<relocs> TAB] <hex>   bytes last (readers take the last column), relocated
//                                                       fields written `xx` per byte, relocs TYPE@offset,...
//                      <line> TAB ERROR: <message>

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMS, formSizes } from '../src/isa/index.js';
import type { Form, Mode, OperandDef } from '../src/isa/types.js';

const REGS64: Record<number, string[]> = {
  8: ['al', 'cl', 'dl', 'bl', 'ah', 'bh', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r12b', 'r13b', 'r15b'],
  16: ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r12w', 'r13w', 'r15w'],
  32: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r12d', 'r13d', 'r15d'],
  64: ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r12', 'r13', 'r15'],
};
const REGS32: Record<number, string[]> = {
  8: ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'],
  16: ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'],
  32: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'],
  64: ['rax'],
};

const MEM64 = [
  '(%rax)', '(%rsp)', '(%rbp)', '(%r12)', '(%r13)', '(%r8)', '(%r15)', '0(%rax)', '8(%rax)', '-8(%rbp)', '0x7f(%rcx)',
  '0x80(%rcx)', '-0x80(%rdx)', '-0x81(%rdx)', '0x12345678(%rsi)', '-0x80000000(%rdi)', '(%rax,%rbx)', '(%rax,%rbx,2)',
  '4(%rsp,%rcx,4)', '(%r13,%r14,8)', '-1(%rbp,%r12,1)', '(%rbp,%rax)', '(,%rax,8)', '0x10(,%r9,2)', '(,%rbp,1)', '0x1234',
  '0', '0x7fffffff', '0x80000000', '-0x80000000', '0xffffffff80000000', '0x123456789', 'foo', 'foo+4', 'foo(%rip)',
  'foo+4(%rip)', '0x10(%rip)', '(%rip)', 'foo(%rax)', 'foo(,%rax,8)', '%fs:(%rax)', '%gs:0x28', '%fs:foo', '%ds:(%rax)',
  '%ss:(%rbp)', '%ss:(%rax)', '%ds:(%rbp)', '%es:(%rdi)', '%cs:8(%rax)', '%ds:(%rsp)', '(%eax)', '4(%ebx,%ecx,2)',
  '(%r8d)', '(%esp)', '(%ebp)', '(%eip)', 'foo(%eip)', '%gs:(%eax)', '(%rsp,%rsp)', '(%rax,%ebx)', '(%ax)',
  '0x80000000(%rax)', '0xffffffff(%eax)', '-1(%eax)', '0x100000000(%eax)', '0x7fffffff(%r11,%r10,4)',
];
const MEM32 = [
  '(%eax)', '(%esp)', '(%ebp)', '0(%eax)', '8(%ebp)', '-0x80(%esi)', '0x80(%esi)', '0x12345678(%edi)', '(%eax,%ebx,4)',
  '4(%esp,%ecx,2)', '(%ebp,%eax)', '(,%ecx,2)', '(,%ebp,1)', '0x1234', '0', '0x80000000', '0xffffffff', 'foo', 'foo+4',
  'foo(%eax)', 'foo(,%eax,4)', '%fs:(%eax)', '%gs:0x14', '%ds:(%eax)', '%ss:(%ebp)', '%ss:(%eax)', '%ds:(%ebp)',
  '%es:(%edi)', '%cs:foo', '(%bx,%si)', '4(%bp)', '(%bp)', '(%si)', '0x10(%bx,%di)', '0x1234(%bx)', '(%esp,%esp)',
  '(%rax)', '(%eax,%bx)', '0xffffffff(%eax)', '-1(%ebp)', '0xffff(%bx)', '-1(%bx,%si)', '0x10000(%bx)',
];
const IMMS = [
  '0', '1', '2', '127', '128', '-128', '-129', '255', '256', '-1', '0x7fff', '0x8000', '0xffff', '0x10000', '-0x8000',
  '0x7fffffff', '0x80000000', '0xffffffff', '-0x80000000', '-0x80000001', '0x100000000', '0x7fffffffffffffff',
  '0xffffffff80000000', '0xffffffffffffff80', 'foo', 'foo+8', 'foo-1',
];
const BRANCH = ['foo', 'foo+4', 'bar-8', '0x1000', '0'];

const MMX_REGS = ['%mm0', '%mm1', '%mm7'];
const xmmRegs = (mode: Mode): string[] => (mode === 64 ? ['%xmm0', '%xmm1', '%xmm7', '%xmm8', '%xmm15'] : ['%xmm0', '%xmm3', '%xmm7']);
const simdMems = (mode: Mode): string[] => (mode === 64
  ? ['(%rax)', '0x10(%rbp)', '(%r12)', '-8(%rsp,%r9,4)', 'foo(%rip)', '%fs:0x28', '0x1234', '(%eax)']
  : ['(%eax)', '0x10(%ebp)', '(%esp)', '-8(%esp,%ecx,4)', 'foo', '%fs:0x14', '(%bx,%si)']);

function regsFor(mode: Mode, size: number): string[] {
  return ((mode === 64 ? REGS64 : REGS32)[size] ?? []).map((r) => `%${r}`);
}

function defSize(d: OperandDef, size: number): number {
  if (d.size === 'v' || d.size === 'y') return size;
  if (d.size === 'z') return size;
  return d.size as number;
}

/** Sample operand texts for one def at operand size `size` (first entry is the "typical" one). */
function samples(d: OperandDef, f: Form, mode: Mode, size: number): string[] {
  const branch = (f.flow === 'jmp' || f.flow === 'call') && d.loc === 'rm';
  const star = branch ? '*' : '';
  const mems = mode === 64 ? MEM64 : MEM32;
  const sz = defSize(d, size) || (mode === 64 ? 64 : 32);
  // SIMD rows share the addressing code with the rest: a few addresses each keep the corpus small.
  const simd = f.sem.startsWith('xsimd:') && !f.vex;
  switch (d.kind) {
    case 'gpr': return regsFor(mode, sz).map((r) => star + r);
    case 'rm': return [...regsFor(mode, sz).map((r) => star + r), ...(simd ? simdMems(mode) : mems).map((m) => star + m)];
    case 'mem': return (simd ? simdMems(mode) : mems).map((m) => star + m);
    case 'imm': return IMMS.map((v) => `$${v}`);
    case 'rel': return BRANCH;
    case 'moffs': return ['0x1234', '0x80000000', 'foo', '0x123456789', '%fs:0x10', '%ds:foo'];
    case 'fixed':
      if (d.reg === 'acc') return [regsFor(mode, sz)[0]];
      if (d.reg === 'dx') return ['%dx', '(%dx)'];
      return [`%${d.reg}`];
    case 'one': return ['$1', ''];
    case 'sreg': return ['%es', '%cs', '%ss', '%ds', '%fs', '%gs'];
    case 'seg': return [`%${d.reg}`];
    case 'creg': return mode === 64 ? ['%cr0', '%cr2', '%cr3', '%cr4', '%cr8'] : ['%cr0', '%cr3', '%cr4'];
    case 'dreg': return ['%db0', '%db3', '%db6', '%db7'];
    case 'treg': return ['%tr3', '%tr6'];
    case 'far': return [];
    case 'bnd': return d.loc === 'rm' ? ['%bnd2'] : ['%bnd0', '%bnd3'];
    case 'st': return d.loc === 'implicit' ? ['%st'] : ['%st(1)', '%st(0)', '%st(7)'];
    case 'xmm': return xmmRegs(mode);
    case 'xmmrm': return [...xmmRegs(mode), ...simdMems(mode)];
    case 'mmx': return MMX_REGS;
    case 'mmxrm': return [...MMX_REGS, ...simdMems(mode)];
  }
}

const SFX: Record<number, string> = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };

/** All lines for the forms valid in `mode` (deduplicated, stable order). */
export function generateLines(mode: Mode): string[] {
  const out = new Set<string>();
  const add = (mn: string, ops: string[]) => {
    const list = ops.filter((o) => o !== '');
    out.add(list.length ? `${mn} ${list.join(',')}` : mn);
  };
  for (const f of FORMS) {
    const sizes = formSizes(f, mode as Mode);
    const spellings = [f.mnem, ...(f.aliases ?? [])];
    for (const size of sizes.length ? sizes : [0]) {
      const per = f.operands.map((d) => samples(d, f, mode, size));
      const base = per.map((s) => s[0]);
      const names = new Set<string>([f.mnem]);
      if (f.suffix === 'size' && size) names.add(f.mnem + SFX[size]);
      for (const mn of names) {
        add(mn, base);
        // Vary one operand at a time over all its samples.
        per.forEach((s, i) => {
          for (const v of s) add(mn, base.map((b, j) => (j === i ? v : b)));
        });
      }
      for (const a of spellings.slice(1)) add(a, base);
      // Wrong suffixes and mixed register sizes GNU must reject (or accept, as it does).
      if (f.suffix === 'size') for (const s of ['b', 'w', 'l', 'q']) add(f.mnem + s, base);
      per.forEach((s, i) => {
        const d = f.operands[i];
        if (d.kind === 'gpr' || d.kind === 'rm') {
          for (const other of [8, 16, 32, 64]) {
            if (other !== size) { const r = regsFor(mode, other)[1] ?? regsFor(mode, other)[0]; if (r) add(f.mnem, base.map((b, j) => (j === i ? r : b))); }
          }
        }
      });
      // Pairs of register/memory variations for 2-operand forms (reg,reg with extended registers).
      if (per.length === 2 && per[0].length > 1 && per[1].length > 1) {
        for (let k = 0; k < 6; k++) add(f.mnem, [per[0][(k * 5 + 3) % per[0].length], per[1][(k * 7 + 2) % per[1].length]]);
      }
    }
    // Operand count errors.
    if (f.operands.length) add(f.mnem, []);
  }
  for (const l of extraLines(mode)) out.add(l);
  return [...out];
}

/** Hand-picked lines: prefixes, GNU spellings, special cases. */
function extraLines(mode: Mode): string[] {
  const common = [
    'lock addl $1,(%eax)', 'lock incl 4(%esp)', 'lock cmpxchg %ecx,(%ebx)', 'lock xadd %eax,(%ecx)', 'lock btsl $3,(%eax)',
    'lock mov %eax,(%eax)', 'lock add %eax,%ebx', 'rep movsb', 'rep movsl', 'rep stosb', 'repe cmpsb', 'repne scasb', 'repz cmpsw',
    'repnz scasl', 'rep lodsb', 'rep insb', 'rep outsw', 'rep add %eax,%ebx', 'rep nop', 'rep ret', 'data16 add %eax,%eax',
    'addr32 mov (%eax),%eax', 'cs nop', 'ds mov (%eax),%eax', 'fs mov (%eax),%eax', 'es movsb', 'movsb', 'movsw', 'movsl',
    'cmpsb', 'scasw', 'lodsl', 'stosw', 'insl', 'outsb', 'xlat', 'xlatb', 'cbtw', 'cwtl', 'cwtd', 'cltd', 'cbw', 'cwde', 'cwd',
    'cdq', 'pushf', 'popf', 'pushfw', 'popfw', 'lahf', 'sahf', 'clc', 'stc', 'cmc', 'cld', 'std', 'cli', 'sti', 'int3',
    'int $3', 'int $0x80', 'int $255', 'int $256', 'into', 'iret', 'iretw', 'iretl', 'hlt', 'nop', 'pause', 'ud2', 'ud2a',
    'ud1 %eax,%ecx', 'ud0 (%eax),%eax', 'cpuid', 'rdtsc', 'rdtscp', 'rdmsr', 'wrmsr', 'rdpmc', 'sysenter', 'sysexit',
    'syscall', 'sysret', 'sysretl', 'lfence', 'mfence', 'sfence', 'wbinvd', 'invd', 'clts', 'stac', 'clac', 'leave',
    'leavel', 'leavew', 'ret', 'retw', 'retl', 'ret $8', 'ret $0x1234', 'lret', 'lretl', 'lretw', 'lret $8', 'enter $16,$0',
    'enter $0x1000,$1', 'enterl $8,$0', 'nopw (%eax)', 'nopl (%eax)', 'nopl 0(%eax,%eax,1)', 'nopw 0x0(%eax,%eax,1)',
    'nop %eax', 'nop %ax', 'xchg %eax,%eax', 'xchg %ax,%ax', 'xchg %ebx,%eax', 'xchg %eax,%ebx', 'xchg %ebx,%ecx',
    'xchg (%eax),%ebx', 'xchg %ebx,(%eax)', 'test %eax,%ebx', 'test (%eax),%ebx', 'test %ebx,(%eax)', 'test $1,%al',
    'test $1,%eax', 'test $0x100,%ax', 'shl %eax', 'shl $1,%eax', 'shl $2,%eax', 'shl %cl,%eax', 'sal %eax', 'sal $3,%ebx',
    'shlb (%eax)', 'shrl $1,(%eax)', 'sar %cl,%bl', 'shld $3,%eax,%ebx', 'shld %cl,%eax,%ebx', 'shrd $3,%eax,(%ebx)',
    'shld %eax,%ebx', 'imul %eax', 'imul %ebx,%eax', 'imul $3,%ebx,%eax', 'imul $300,%ebx,%eax', 'imul $3,%eax',
    'imul $300,%eax', 'mov %eax,%ebx', 'mov %ebx,%eax', 'mov %al,%bl', 'mov $1,%al', 'mov $1,%eax', 'mov $-1,%eax',
    'mov $foo,%eax', 'mov foo,%eax', 'mov %eax,foo', 'mov foo,%al', 'mov %ax,foo', 'mov 4(%eax),%eax', 'movl $1,(%eax)',
    'movb $1,(%eax)', 'movw $1,(%eax)', 'mov $1,(%eax)', 'mov %ds,%eax', 'mov %ds,%ax', 'mov %eax,%ds', 'mov %ax,%ss',
    'mov %ds,(%eax)', 'movw %ds,(%eax)', 'movl %ds,(%eax)', 'mov (%eax),%es', 'movw (%eax),%es', 'movzbl %al,%ecx',
    'movzbw %al,%cx', 'movzwl %ax,%ecx', 'movzbl (%eax),%ecx', 'movzwl (%eax),%ecx', 'movzx %al,%ecx', 'movzx %ax,%ecx',
    'movzx (%eax),%ecx', 'movzxb (%eax),%ecx', 'movzxw (%eax),%ecx', 'movsbl %al,%ecx', 'movsbw %al,%cx', 'movswl %ax,%ecx',
    'movsx %al,%ecx', 'movsx %ax,%ecx', 'movsx (%eax),%ecx', 'movsbl (%eax),%ecx', 'movswl (%eax),%ecx', 'movzb %al,%ecx',
    'movzbl %ax,%ecx', 'movzwl %al,%ecx', 'bswap %eax', 'bswap %ax', 'movbe (%eax),%eax', 'movbe %ax,(%eax)', 'lea (%eax),%eax',
    'lea 4(%eax,%ebx,2),%ecx', 'lea foo,%eax', 'lea %eax,%ebx', 'leal (%eax),%eax', 'leaw (%eax),%ax', 'push %eax',
    'push %ax', 'push (%eax)', 'push $1', 'push $128', 'push $-1', 'push $foo', 'pushl $1', 'pushw $1', 'pushw $128',
    'push %cs', 'push %fs', 'push %gs', 'pushw %fs', 'pushl %fs', 'pop %fs', 'pop %gs', 'pop %cs', 'popw %gs', 'pop %eax',
    'pop (%eax)', 'popl (%eax)', 'popw (%eax)', 'in $0x60,%al', 'in $0x60,%ax', 'in $0x60,%eax', 'in %dx,%al', 'in (%dx),%al',
    'in %dx,%eax', 'inb $0x60', 'inb %dx', 'inl (%dx)', 'out %al,$0x80', 'out %ax,%dx', 'out %eax,(%dx)', 'outb $0x80',
    'outl %dx', 'in $256,%al', 'lgdt (%eax)', 'lidt 6(%eax)', 'sgdt (%eax)', 'sidt (%eax)', 'lldt %ax', 'lldt (%eax)',
    'ltr %ax', 'ltr %eax', 'sldt %eax', 'sldt %ax', 'sldt (%eax)', 'str %eax', 'str %ax', 'str (%eax)', 'smsw %eax',
    'smsw %ax', 'smsw (%eax)', 'lmsw %ax', 'lmsw (%eax)', 'invlpg (%eax)', 'invlpg foo', 'clflush (%eax)',
    'clflushopt (%eax)', 'clwb (%eax)', 'lar %ax,%eax', 'lar (%eax),%eax', 'lsl %eax,%eax', 'lsl (%eax),%ax', 'verr %ax',
    'verw (%eax)', 'verr %eax', 'fxsave (%eax)', 'fxrstor (%eax)', 'xsave (%eax)', 'xrstor (%eax)', 'xsaveopt (%eax)',
    'xsavec (%eax)', 'xsaves (%eax)', 'xrstors (%eax)', 'xgetbv', 'xsetbv', 'monitor', 'mwait', 'cmpxchg8b (%eax)',
    'lock cmpxchg8b (%eax)', 'rdrand %eax', 'rdseed %ax', 'ldmxcsr (%eax)', 'stmxcsr (%eax)', 'jmp foo', 'jmp *%eax',
    'jmp *(%eax)', 'jmpl *%eax', 'jmpw *%ax', 'call foo', 'call *%eax', 'call *(%eax)', 'calll *(%eax)', 'calll foo',
    'ljmp *(%eax)', 'lcall *(%eax)', 'ljmpl *(%eax)', 'ljmpw *(%eax)', 'je foo', 'jz foo', 'jnz foo', 'jc foo', 'jnae foo',
    'jpe foo', 'jpo foo', 'jnle foo', 'loop foo', 'loope foo', 'loopz foo', 'loopne foo', 'loopnz foo', 'jecxz foo',
    'seta %al', 'setnbe %al', 'setz (%eax)', 'setc %bl', 'cmove %eax,%ebx', 'cmovz (%eax),%ebx', 'cmovnae %ax,%bx',
    'bt %eax,%ebx', 'bt $3,%eax', 'btl $3,(%eax)', 'btsw $3,(%eax)', 'bts %eax,(%ebx)', 'btr $31,%eax', 'btc %ax,%bx',
    'bsf %eax,%ebx', 'bsr (%eax),%ax', 'popcnt %eax,%ebx', 'lzcnt %ax,%bx', 'tzcnt (%eax),%ecx', 'cmpxchg %al,%bl',
    'xadd %ax,%bx', 'not %eax', 'neg (%eax)', 'negl (%eax)', 'mul %bl', 'div %ecx', 'idivl (%eax)', 'inc %eax', 'inc %al',
    'incw (%eax)', 'dec %ebx', 'dec %bx', 'add %al,%ah', 'add $1,%ah', 'adc $-1,%eax', 'sbb $0x80,%al', 'and $0xff,%eax',
    'or $0xffffff80,%eax', 'xor $0xffff,%ax', 'cmp $0x7f,%ax', 'cmp $-0x80,%eax', 'sub $foo,%eax', 'sub $foo,%al',
    'add $foo,(%eax)', 'addw $1,(%eax)', 'addb $1,%eax', 'addl $1,%ax', 'add %eax,%bx', 'add (%eax),(%ebx)',
    'add $1,$2', 'add %eax', 'add', 'foo %eax', 'movl %eax,%ebx,%ecx', 'mov %cr0,%eax', 'mov %eax,%cr3', 'mov %db7,%eax',
    'mov %eax,%db0', 'mov %cr0,%ax', 'mov %cr0,(%eax)', 'shl $1,(%eax)', 'rcl $1,%eax', 'rcrb $1,%al', 'ror %cl,(%eax)',
    'rol $8,%ax', 'movabs $1,%eax', 'int1', 'icebp',
    'movsb (%esi),(%edi)', 'movsl (%esi),(%edi)', 'movs (%esi),(%edi)', 'movsw %fs:(%esi),%es:(%edi)', 'cmpsb (%esi),(%edi)',
    'stos %al,(%edi)', 'stosl %eax,%es:(%edi)', 'stosb (%edi)', 'lods (%esi),%al', 'lodsl %ds:(%esi),%eax', 'lodsw %gs:(%esi)',
    'scas (%edi),%eax', 'scasb %es:(%edi)', 'ins (%dx),(%edi)', 'insb (%dx),%es:(%edi)', 'outs (%esi),(%dx)', 'outsl %fs:(%esi),(%dx)',
    'rep movsb (%esi),(%edi)', 'rep stosl %eax,(%edi)', 'repne scasb (%edi),%al', 'xlat (%ebx)', 'xlatb %fs:(%ebx)',
    'movsb (%eax),(%edi)', 'movsb (%esi),(%eax)', 'movsb 4(%esi),(%edi)', 'stos %al,(%esi)', 'lods (%edi),%al', 'movsb (%si),(%di)',
    'lss (%eax),%esp', 'lss 4(%eax),%sp', 'lfs (%eax),%eax', 'lgs foo,%ebx', 'lss %eax,%esp', 'endbr64', 'endbr32',
    'prefetcht0 (%eax)', 'prefetchnta 4(%eax)', 'prefetchw (%eax)', 'prefetch (%eax)', 'monitor %eax,%ecx,%edx', 'mwait %eax,%ecx',
    'movnti %eax,(%eax)', 'movnti %ax,(%eax)', 'wbnoinvd', 'rdpid %eax', 'invpcid (%eax),%eax', 'serialize', 'rdpkru', 'wrpkru',
    'clzero', 'lock; addl $1,(%eax)', 'rep; movsb', 'nopw %cs:0x0(%eax,%eax,1)', 'data16 nopw %cs:0x0(%eax,%eax,1)',
    'lock lock addl $1,(%eax)', 'rep rep movsb', 'data16 data16 nop', 'rep lock addl $1,(%eax)', 'lock rep movsb',
    'rep inc %eax', 'rep hlt', 'repne ret', 'rep bsf %eax,%eax', 'rep pause', 'notrack jmp foo', 'notrack nop', 'ss nop',
    'es nop', 'ds nop', 'int $3', 'int $4', 'ud1 (%eax),%eax', 'ud2b %eax,%eax',
  ];
  if (mode === 32) {
    return [
      ...common,
      'pusha', 'popa', 'pushaw', 'pushal', 'popaw', 'popal', 'push %es', 'push %ss', 'push %ds', 'pop %es', 'pop %ss',
      'pop %ds', 'pushl %es', 'pushw %ds', 'daa', 'das', 'aaa', 'aas', 'aam', 'aad', 'aam $16', 'aad $16', 'arpl %ax,%bx',
      'arpl %ax,(%eax)', 'ljmp $0x10,$foo', 'ljmp $0x10,$0x1000', 'lcall $0x8,$0x12345678', 'jmp $0x10,$0x1000',
      'ljmpw $0x10,$0x1000', 'into', 'jcxz foo', 'jecxz foo', 'jrcxz foo', 'inc %ecx', 'dec %si', 'pushfl', 'popfl',
      'pushfq', 'iretq', 'cltq', 'cqto', 'swapgs', 'sysretq', 'movslq %eax,%ebx', 'mov $0x12345678,%eax', 'mov 0x1234,%al',
      'mov %eax,0x80000000', 'mov %fs:0x10,%eax', 'mov %es:foo,%ax', 'mov (%bx,%si),%ax', 'mov 4(%bp,%di),%al',
      'lea (%bx),%ax', 'lea (%si,%bx),%ax', 'addr16 mov (%eax),%eax', 'rex64 add %eax,%eax', 'movl %cr0,%eax',
      'rdfsbase %eax', 'mov %ax,%cr0', 'movzbl %sil,%eax', 'add %r8d,%eax', 'mov %eax,%eip',
      'mov %cr1,%eax', 'mov %eax,%cr7', 'mov %db9,%eax', 'mov %dr6,%eax', 'mov %cr8,%eax',
    ];
  }
  return [
    ...common,
    'lock addq $1,(%rax)', 'lock incq 8(%rsp)', 'lock cmpxchg %rcx,(%rbx)', 'lock cmpxchg16b (%rax)', 'lock xaddq %rax,(%rcx)',
    'rep movsq', 'rep stosq', 'repne scasq', 'cmpsq', 'lodsq', 'cltq', 'cqto', 'cdqe', 'cqo', 'pushfq', 'popfq', 'pushfl',
    'iretq', 'lretq', 'lretq $8', 'retq', 'retq $16', 'sysretq', 'sysexitq', 'sysexitl', 'swapgs', 'callq foo', 'callq *%rax',
    'callq *(%rax)', 'jmpq *%rax', 'jmpq *(%rax)', 'jmpq *8(%rax,%rbx,8)', 'jmpq foo', 'jmp *%rax', 'jmp *%eax',
    'jmp *%ax', 'call *%r11', 'jmp *foo(%rip)', 'call *foo(,%rax,8)', 'ljmp *(%rax)', 'ljmpq *(%rax)', 'lcallq *(%rax)',
    'rex64 ljmp *(%rax)', 'ljmp $0x10,$0x1000', 'jrcxz foo', 'jecxz foo', 'jcxz foo', 'loopq foo', 'loopl foo',
    'mov %rax,%rbx', 'mov %r8,%r9', 'mov %r8d,%eax', 'mov %sil,%al', 'mov %ah,%sil', 'mov %ah,%al', 'mov %ah,%r8b',
    'add %ah,%sil', 'mov $1,%rax', 'mov $-1,%rax', 'mov $0x7fffffff,%rax', 'mov $0x80000000,%rax', 'mov $0xffffffff,%rax',
    'mov $0x100000000,%rax', 'mov $-0x80000000,%rax', 'mov $-0x80000001,%rax', 'mov $foo,%rax', 'movq $foo,(%rax)',
    'movabs $1,%rax', 'movabsq $1,%rax', 'movabs $foo,%rax', 'movabs foo,%eax', 'movabs foo,%al', 'movabs %rax,foo',
    'movabs 0x1234,%rax', 'movabs %eax,0x1234', 'mov foo,%rax', 'mov 0x80000000,%eax', 'mov %eax,0x80000000',
    'mov 0xffffffff80000000,%eax', 'mov 0x123456789,%al', 'mov %fs:0x28,%rax', 'mov %gs:0,%rax', 'mov %rax,%gs:0x10',
    'mov foo(%rip),%rax', 'mov %rax,foo(%rip)', 'lea foo(%rip),%rax', 'lea 0x10(%rip),%rax', 'lea (%rip),%rax',
    'movq $0x7fffffff,(%rax)', 'movq $0x80000000,(%rax)', 'addq $0x80000000,(%rax)', 'add $0xffffffff,%rax',
    'add $0xffffffff80000000,%rax', 'add $-1,%rax', 'add $0xffffffffffffffff,%rax', 'and $0xfffffffffffffff0,%rsp',
    'movslq %eax,%rbx', 'movslq (%rax),%rbx', 'movsxd %eax,%rbx', 'movsxd (%rax),%rbx', 'movsbq %al,%rbx', 'movswq %ax,%rbx',
    'movzbq %al,%rbx', 'movzwq (%rax),%rbx', 'movsbl %sil,%eax', 'movzbl %r8b,%eax', 'movzbl %ah,%eax', 'movzbl %ah,%r8d',
    'movq %rax,%xmm0', 'push %rax', 'push %r12', 'push %eax', 'pushq $1', 'pushq $foo', 'pushq (%rax)', 'pushw %ax',
    'pop %r15', 'popq (%rsp)', 'push %ds', 'push %es', 'pop %ds', 'pusha', 'popa', 'daa', 'aam', 'into', 'arpl %ax,%bx',
    'xchg %rax,%rax', 'xchg %rax,%rbx', 'xchg %r8,%rax', 'xchg %eax,%r8d', 'xchg %ax,%r9w', 'xchg %r8d,%r9d', 'nop %rax',
    'nopq (%rax)', 'inc %eax', 'inc %r8', 'incq (%rax)', 'dec %r12w', 'bswap %rax', 'bswap %r8d', 'bswap %r15',
    'bswapq %rax', 'mov %cr0,%rax', 'mov %rax,%cr3', 'mov %cr8,%rax', 'mov %rax,%cr8', 'mov %cr4,%r8', 'mov %db7,%rax',
    'mov %rax,%db7', 'mov %cr0,%eax', 'mov %eax,%cr0', 'movq %cr0,%rax', 'movl %cr0,%eax', 'rdfsbase %rax', 'rdfsbase %eax',
    'rdgsbase %r8', 'wrfsbase %rax', 'wrgsbase %ecx', 'rdfsbase %ax', 'fxsave64 (%rax)', 'fxrstor64 (%rax)',
    'xsave64 (%rax)', 'xrstor64 (%rax)', 'xsaveopt64 (%rax)', 'xsavec64 (%rax)', 'xsaves64 (%rax)', 'xrstors64 (%rax)',
    'fxsaveq (%rax)', 'cmpxchg16b (%rax)', 'cmpxchg8bq (%rax)', 'lgdt (%rax)', 'lgdtq (%rax)', 'lgdtl (%rax)', 'lidt foo(%rip)',
    'sgdtq (%rsp)', 'invlpg (%rax)', 'invlpg (%r12,%rax,8)', 'clflush (%r13)', 'str %rax', 'sldt %rax', 'smsw %rax',
    'lar %rax,%rax', 'lsl %ax,%r8', 'mov %ds,%rax', 'mov %rax,%ds', 'mov %r8w,%es', 'mov %fs,%r9d', 'movq %fs,%rax',
    'rex64 add %eax,%eax', 'rex.W add %eax,%eax', 'rex nop', 'rex.B nop', 'rex64 iret', 'data16 iretq', 'addr32 mov (%eax),%eax',
    'addr32 lea (%rax),%rax', 'fs mov (%rax),%rax', 'gs movq $0,(%rax)', 'notrack jmp *%rax', 'notrack call *(%rax)',
    'push %r8w', 'popw %r8w', 'shl %cl,%r8', 'shld $1,%r8,%r9', 'shrd %cl,%rax,(%rbx)', 'imul $1000,%r8,%r9',
    'imul $-1,%rax', 'imul %r8,%r9', 'test %r8b,%sil', 'test $1,%sil', 'test $0x7fffffff,%rax', 'cmpxchg %r8,%r9',
    'xadd %sil,(%rax)', 'setne %r8b', 'sete %sil', 'seta %ah', 'cmovbe %r8,%r9', 'btq $63,(%rax)', 'bts %r8,%r9',
    'popcnt %r8,%r9', 'lzcnt (%rax),%r9w', 'tzcnt %r15,%rax', 'movbe (%rax),%r8', 'movbe %r8w,(%rax)', 'enterq $16,$0',
    'leaveq', 'iretq', 'in $1,%rax', 'mov %al,%ebx', 'addb $1,%eax', 'addq $1,%eax', 'addl $1,%rax', 'addw $1,%r8d',
    'mov (%rsp,%rsp),%eax', 'lea (%rax,%rbx,3),%eax', 'mov %eax,(%rax,%ebx)', 'mov (%ax),%eax', 'incl (%eip)',
    'mov foo(%eip),%eax', 'syscall', 'sysret', 'sysretl', 'wrmsr', 'rdmsr', 'lfence', 'ud2', 'hlt',
    'movsb (%rsi),(%rdi)', 'movsq (%rsi),(%rdi)', 'movs (%rsi),(%rdi)', 'movsl %ds:(%rsi),%es:(%rdi)', 'stos %al,%es:(%rdi)',
    'stosq %rax,(%rdi)', 'lods %ds:(%rsi),%rax', 'lodsq (%rsi)', 'cmpsb (%rdi),(%rsi)', 'scas (%rdi),%al', 'scasq (%rdi)',
    'ins (%dx),%es:(%rdi)', 'outsb (%rsi),(%dx)', 'xlat (%rbx)', 'xlatb (%rbx)', 'movsb %fs:(%rsi),(%rdi)', 'rep stosb %al,(%rdi)',
    'rep movsq (%rsi),(%rdi)', 'movsb (%esi),(%edi)', 'movsb (%rax),(%rdi)', 'stos %rax,(%rsi)', 'insq (%dx),(%rdi)',
    'lss (%rax),%esp', 'lfs (%rax),%rax', 'lgs 4(%rax),%ax', 'lss (%rax),%rsp', 'lds (%rax),%eax', 'bound %eax,(%rax)',
    'prefetcht1 (%rax)', 'prefetcht2 foo(%rip)', 'monitor %rax,%ecx,%edx', 'monitor %eax,%ecx,%edx', 'mwait %eax,%ecx',
    'movnti %rax,(%rax)', 'movnti %eax,(%r8)', 'rdpid %rax', 'rdpid %eax', 'invpcid (%rax),%rax', 'invpcid (%rax),%eax',
    'endbr64', 'endbr32', 'serialize', 'nopw %cs:0x0(%rax,%rax,1)', 'data16 nopw %cs:0x0(%rax,%rax,1)', 'nopl 0x0(%rax)',
    'nopw 0x0(%rax,%rax,1)', 'nopl 0x0(%rax,%rax,1)', 'xchg %ax,%ax', 'lock lock add %eax,(%rax)', 'rep rep movsb',
    'rex64 rex64 nop', 'addr32 addr32 nop', 'data16 add %ax,%ax', 'lock; incq (%rdi)', 'rep; stosq', 'repz ret', 'rep iret',
    'ss mov (%rax),%eax', 'cs jmp *%rax', 'ds jmp *%rax', 'notrack jmp *(%rax)', 'int $3', 'int $0x80', 'int3', 'ud1 %rax,%rcx',
    'mov %cr3,%rax', 'mov %rax,%cr4', 'mov %rdi,%cr3', 'mov %cr2,%rsi', 'mov %db6,%rax', 'mov %rax,%db7', 'movq %rax,%cr0',
    'wrmsr', 'swapgs', 'sysretq', 'iretq', 'lretq', 'pushq %fs', 'popq %gs', 'pushw %fs', 'pushl %fs', 'pushfq', 'popfq',
    'movq %fs:0x28,%rax', 'movq %gs:0,%rax', 'mov %gs:(%rax),%rcx', 'movl $0,%fs:0x10', 'incl %gs:0x20', 'mov %es,%eax',
    'mov %rax,%cr15', 'mov %cr1,%rax', 'mov %cr5,%rax', 'mov %db8,%rax', 'mov %dr7,%rax', 'mov %rax,%dr6', 'mov %cr8,%eax',
    'mov 0x80000000(%rip),%eax', 'mov 0x80000000(%eip),%eax', 'lea 0x80000000(%rax),%rax', 'movsxd %eax,%eax', 'movsxd %eax,%ax',
    'movsxd (%rax),%eax', 'movsxd %ax,%ax', 'monitor %eax,%ecx,%edx', 'mov %eax,%cr0', 'mov %cr0,%eax',
  ];
}

/** Run `as` over the lines; returns per line either hex (relocated bytes as 'xx') or 'ERROR: message'. */
export function runGnuAs(lines: readonly string[], mode: Mode): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-asm-'));
  try {
    const result: string[] = new Array(lines.length).fill('');
    // Pass 1: find rejected lines (GNU as keeps going and reports each with its line number).
    const src1 = join(dir, 'all.s');
    writeFileSync(src1, lines.join('\n') + '\n');
    const errs = new Map<number, string>();
    try {
      execFileSync('as', [`--${mode}`, '-o', join(dir, 'all.o'), src1], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    } catch (e) {
      const stderr = String((e as { stderr?: Buffer }).stderr ?? '');
      for (const l of stderr.split('\n')) {
        const m = /^[^:]*:(\d+): Error: (.*)$/.exec(l);
        if (m && !errs.has(Number(m[1]))) errs.set(Number(m[1]), m[2]);
      }
    }
    for (const [ln, msg] of errs) result[ln - 1] = `ERROR: ${msg}`;
    // Pass 2: the accepted lines, each preceded by a label so its bytes can be cut out of .text.
    const ok = lines.map((l, i) => i).filter((i) => !errs.has(i + 1));
    const src2 = join(dir, 'ok.s');
    writeFileSync(src2, ok.map((i) => `__L${i}:\n${lines[i]}`).join('\n') + `\n__Lend:\n`);
    const obj = join(dir, 'ok.o');
    execFileSync('as', [`--${mode}`, '-o', obj, src2], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    const bin = join(dir, 'ok.bin');
    execFileSync('objcopy', ['-O', 'binary', '-j', '.text', obj, bin]);
    const text = readFileSync(bin);
    const addr = new Map<string, number>();
    for (const l of execFileSync('nm', [obj], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n')) {
      const m = /^([0-9a-f]+) t (__L(?:\d+|end))$/.exec(l);
      if (m) addr.set(m[2], parseInt(m[1], 16));
    }
    const relocated = new Uint8Array(text.length + 16);
    const relocAt = new Map<number, string>();
    for (const l of execFileSync('readelf', ['-rW', obj], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n')) {
      const m = /^([0-9a-f]{8,16})\s+[0-9a-f]+\s+(R_\S+)/.exec(l);
      if (!m) continue;
      const off = parseInt(m[1], 16);
      const n = relocSize(m[2]);
      for (let k = 0; k < n; k++) relocated[off + k] = 1;
      relocAt.set(off, m[2]);
    }
    const starts = ok.map((i) => addr.get(`__L${i}`)!);
    starts.push(addr.get('__Lend') ?? text.length);
    ok.forEach((i, k) => {
      let hex = '';
      const rel: string[] = [];
      for (let p = starts[k]; p < starts[k + 1]; p++) {
        hex += relocated[p] ? 'xx' : text[p].toString(16).padStart(2, '0');
        const t = relocAt.get(p);
        if (t) rel.push(`${t}@${p - starts[k]}`);
      }
      result[i] = rel.length ? `${rel.join(',')}\t${hex}` : hex;
    });
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function relocSize(type: string): number {
  if (/_(64|PC64|GOTOFF64|GOTPC64|SIZE64)$/.test(type)) return 8;
  if (/_(16|PC16)$/.test(type)) return 2;
  if (/_(8|PC8)$/.test(type)) return 1;
  return 4;
}

export function hasGnuAs(): boolean {
  try {
    execFileSync('as', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Deterministic pseudo-random lines: random forms with random operand samples (more combinations than the corpus). */
export function randomLines(mode: Mode, count: number, seed: number): string[] {
  let x = seed >>> 0 || 1;
  const rnd = (n: number) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const forms = FORMS.filter((f) => f.modes.includes(mode));
  const out = new Set<string>();
  for (let guard = 0; out.size < count && guard < count * 10; guard++) {
    const f = forms[rnd(forms.length)];
    const sizes = formSizes(f, mode);
    const size = sizes.length ? sizes[rnd(sizes.length)] : 0;
    const ops = f.operands.map((d) => { const s = samples(d, f, mode, size); return s.length ? s[rnd(s.length)] : ''; }).filter((o) => o !== '');
    const names = [f.mnem, ...(f.aliases ?? [])];
    let mn = names[rnd(names.length)];
    if (f.suffix === 'size' && size && rnd(2) === 0 && mn === f.mnem) mn += SFX[size];
    out.add(ops.length ? `${mn} ${ops.join(',')}` : mn);
  }
  return [...out];
}
