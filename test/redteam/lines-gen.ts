// A second, independent instruction-line generator: lines as a tester writes them from real code
// (memory operands with symbols, per-CPU and RIP-relative accesses, jumps to labels and externs,
// prefixes, system instructions), not row by row from the ISA table. Each program is one file with
// a few labels around it, so jumps relax as they do in real code. Seeded: the same seed gives the
// same lines.

export type Mode = 32 | 64;

/** xorshift32: small, seedable, the same on every platform. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = (seed >>> 0) || 0x9e3779b9; }
  next(): number {
    let x = this.s;
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    this.s = x;
    return x;
  }
  int(n: number): number { return this.next() % n; }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]; }
  chance(p: number): boolean { return this.next() / 0x100000000 < p; }
}

const R64 = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const R32_64 = ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'ebp', 'esp', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'];
const R16_64 = ['ax', 'bx', 'cx', 'dx', 'si', 'di', 'bp', 'sp', 'r8w', 'r9w', 'r12w', 'r15w'];
const R8_64 = ['al', 'bl', 'cl', 'dl', 'sil', 'dil', 'bpl', 'spl', 'r8b', 'r9b', 'r11b', 'r14b', 'ah', 'bh', 'ch', 'dh'];
const R32 = ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'ebp', 'esp'];
const R16 = ['ax', 'bx', 'cx', 'dx', 'si', 'di', 'bp', 'sp'];
const R8 = ['al', 'bl', 'cl', 'dl', 'ah', 'bh', 'ch', 'dh'];
const SYMS = ['task_struct_cache', 'pcpu_hot', 'init_task', 'jiffies', 'sys_call_table', '__per_cpu_offset', 'boot_cpu_data', 'idt_table'];
const LOCAL_DATA = ['local_var', 'local_tbl'];
const CC = ['o', 'no', 'b', 'c', 'nae', 'ae', 'nb', 'nc', 'e', 'z', 'ne', 'nz', 'be', 'na', 'a', 'nbe', 's', 'ns', 'p', 'pe', 'np', 'po', 'l', 'nge', 'ge', 'nl', 'le', 'ng', 'g', 'nle'];
const DISPS = ['0', '8', '-8', '0x10', '-0x80', '0x7f', '0x80', '-0x81', '0x1000', '0x7fffffff', '-0x80000000', '4*8', '(5*8)', '0x28'];
const IMMS = ['0', '1', '-1', '0x7f', '0x80', '-0x80', '-0x81', '0xff', '0x100', '0x7fff', '0x8000', '0xffff', '0x7fffffff', '0x80000000', '0xffffffff', '-0x80000000', '(1<<12)', '~0xfff', '0x1f', '3', "'a'", '0b1010', '017'];

export function genProgram(rng: Rng, mode: Mode, n: number): string[] {
  const g = mode === 64;
  const r64 = (): string => `%${rng.pick(R64)}`;
  const r32 = (): string => `%${rng.pick(g ? R32_64 : R32)}`;
  const r16 = (): string => `%${rng.pick(g ? R16_64 : R16)}`;
  const r8 = (): string => {
    // ah..dh cannot meet a REX prefix; keep 8-bit picks consistent per line by avoiding mixing here.
    return `%${rng.pick(g ? R8_64.slice(0, 12) : R8)}`;
  };
  const base = (): string => (g ? (rng.chance(0.15) ? `%${rng.pick(R32_64)}` : r64()) : `%${rng.pick(R32)}`);
  const index = (b: string): string => {
    const w = b.startsWith('%e') || b.endsWith('d') ? (g ? R32_64 : R32) : R64;
    return `%${rng.pick(w.filter((x) => x !== 'esp' && x !== 'rsp'))}`;
  };
  const sym = (): string => rng.pick(rng.chance(0.3) ? LOCAL_DATA : SYMS);
  const symx = (): string => {
    const s = sym();
    return rng.pick([s, s, `${s}+8`, `${s}+0x100`, `${s}-4`, `(${s}+16)`]);
  };
  const mem = (): string => {
    const k = rng.int(g ? 12 : 10);
    const seg = rng.chance(0.08) ? `%${rng.pick(['gs', 'fs', 'es', 'ds', 'cs', 'ss'])}:` : '';
    switch (k) {
      case 0: return `${seg}(${base()})`;
      case 1: return `${seg}${rng.pick(DISPS)}(${base()})`;
      case 2: { const b = base(); return `${seg}${rng.pick(DISPS)}(${b},${index(b)},${rng.pick([1, 2, 4, 8])})`; }
      case 3: { const b = base(); return `${seg}(${b},${index(b)})`; }
      case 4: return `${seg}${symx()}`;
      case 5: { const b = base(); return `${seg}${symx()}(,${index(b)},${rng.pick([4, 8])})`; }
      case 6: return `${seg}${symx()}(${base()})`;
      case 7: return `${seg}${rng.pick(['0x28', '0x10', '0', '-8', '0xfffff000'])}`;
      case 8: return `${seg}${rng.pick(DISPS)}(%${g ? rng.pick(['rsp', 'rbp', 'r12', 'r13']) : rng.pick(['esp', 'ebp'])})`;
      case 9: return `%${g ? 'gs' : 'fs'}:${sym()}`;
      case 10: return `${symx()}(%rip)`;
      default: return `%gs:${rng.pick(['0x28', 'pcpu_hot+16', '__preempt_count', '(pcpu_hot)'])}`;
    }
  };
  const imm = (): string => `$${rng.chance(0.1) ? rng.pick([...SYMS, 'local_var', 'sys_call_table+8']) : rng.pick(IMMS)}`;
  const label = (): string => rng.pick(['.Lback', '.Lfwd', '1b', '1f', 'far_label', 'ext_func', 'ext_func+5', '.Lnear']);

  const sized = (): [string, () => string] => {
    const s = rng.pick(g ? ['b', 'w', 'l', 'q'] : ['b', 'w', 'l']);
    return [s, s === 'b' ? r8 : s === 'w' ? r16 : s === 'l' ? r32 : r64];
  };
  const T: (() => string)[] = [
    () => { const [s, r] = sized(); return `mov${s} ${mem()}, ${r()}`; },
    () => { const [s, r] = sized(); return `mov${s} ${r()}, ${mem()}`; },
    () => { const [s] = sized(); return `mov${s} ${imm()}, ${mem()}`; },
    () => { const [, r] = sized(); return `mov ${imm()}, ${r()}`; },
    () => { const [, r] = sized(); const x = r(); return `mov ${x}, ${x.length > 3 && x !== '%sil' ? r() : x}`; },
    () => `lea ${mem()}, ${g ? rng.pick([r64, r32])() : r32()}`,
    () => { const op = rng.pick(['add', 'sub', 'and', 'or', 'xor', 'cmp', 'adc', 'sbb', 'test']); const [s, r] = sized(); return rng.pick([`${op}${s} ${imm()}, ${mem()}`, `${op} ${imm()}, ${r()}`, `${op}${s} ${r()}, ${mem()}`, `${op} ${mem()}, ${r()}`]); },
    () => { const op = rng.pick(['inc', 'dec', 'neg', 'not', 'mul', 'div', 'idiv']); const [s, r] = sized(); return rng.chance(0.5) ? `${op}${s} ${mem()}` : `${op} ${r()}`; },
    () => { const op = rng.pick(['shl', 'shr', 'sar', 'rol', 'ror', 'sal', 'rcl', 'rcr']); const [s, r] = sized(); return rng.pick([`${op}${s} $${rng.pick(['1', '3', '12', '31', '0x3f'])}, ${mem()}`, `${op} %cl, ${r()}`, `${op} ${r()}`, `${op}${s} ${mem()}`]); },
    () => { const r = rng.pick(g ? [r64, r32, r16] : [r32, r16])(); return rng.pick([`imul ${mem()}, ${r}`, `imul $${rng.pick(IMMS.slice(0, 12))}, ${mem()}, ${r}`, `imul $${rng.pick(IMMS.slice(0, 8))}, ${r}`]); },
    () => `movz${rng.pick(['bl', 'bw', 'wl'])} ${mem()}, ${r32().replace(/^%r(\d+)d$/, '%r$1d')}`,
    () => (g ? rng.pick([`movslq ${mem()}, ${r64()}`, `movsbq ${mem()}, ${r64()}`, `movzwq ${mem()}, ${r64()}`, `movsxd ${r32()}, ${r64()}`]) : `movs${rng.pick(['bl', 'wl', 'bw'])} ${mem()}, ${r32()}`),
    () => `j${rng.pick(CC)} ${label()}`,
    () => rng.pick([`jmp ${label()}`, `call ${rng.pick(['ext_func', 'far_label', '.Lfwd', '.Lback', 'ext_func@PLT'.replace('@PLT', '')])}`, `jmp *${r64orr32()}`, `call *${mem()}`, `jmp *${mem()}`, `call *${r64orr32()}`]),
    () => `set${rng.pick(CC)} ${rng.chance(0.5) ? r8() : mem()}`,
    () => `cmov${rng.pick(CC)} ${mem()}, ${rng.pick(g ? [r64, r32, r16] : [r32, r16])()}`,
    () => { const op = rng.pick(['bt', 'bts', 'btr', 'btc']); const [s] = rng.pick(g ? [['w'], ['l'], ['q']] : [['w'], ['l']]); return rng.chance(0.5) ? `${op}${s} $${rng.int(64)}, ${mem()}` : `${op} ${rng.pick(g ? [r64, r32] : [r32])()}, ${mem()}`.replace(/^(bt[src]?) (%r\w+), /, '$1 $2, '); },
    () => { const [s, r] = sized(); return `${rng.pick(['lock ', 'lock; ', ''])}${rng.pick(['xadd', 'cmpxchg', 'xchg'])}${s} ${r()}, ${mem()}`; },
    () => `lock ${rng.pick(['add', 'or', 'and', 'xor', 'sub', 'inc', 'dec'])}${g ? rng.pick(['l', 'q']) : 'l'} ${rng.chance(0.5) ? imm() + ', ' : ''}${mem()}`,
    () => (g ? `push${rng.pick(['', 'q'])} ${rng.pick([mem(), imm(), r64()])}` : `push${rng.pick(['', 'l'])} ${rng.pick([mem(), imm(), r32()])}`),
    () => (g ? `pop${rng.pick(['', 'q'])} ${rng.pick([mem(), r64()])}` : `pop${rng.pick(['', 'l'])} ${rng.pick([mem(), r32()])}`),
    () => rng.pick(['rep movsb', 'rep movsq', 'rep stosb', 'rep stosl', 'repe cmpsb', 'repne scasb', 'rep; movsl', 'movsb', 'stosq', 'lodsl', 'rep movsw', 'cld', 'std', 'rep stosq']).replace(/q$/, g ? 'q' : 'l'),
    () => rng.pick(g ? SYS64 : SYS32),
    () => `${rng.pick(['invlpg', 'clflush', 'prefetcht0', 'prefetchw', 'lgdt', 'lidt', 'sgdt', 'sidt', 'fxsave', 'xsave', 'xrstor', 'fxrstor', 'clflushopt', 'clwb', 'xsaves'])} ${mem()}`,
    () => rng.pick([`mov %cr${rng.pick([0, 2, 3, 4])}, ${g ? r64() : r32()}`, `mov ${g ? r64() : r32()}, %cr${rng.pick([0, 3, 4])}`, `mov %db${rng.pick([0, 6, 7])}, ${g ? r64() : r32()}`, `mov ${mem()}, %${rng.pick(['ds', 'es', 'fs', 'gs', 'ss'])}`, `mov %${rng.pick(['ds', 'cs', 'ss', 'gs'])}, ${rng.pick([mem(), r32(), r16()])}`, `movw $0x18, ${mem()}`]),
    () => rng.pick([`in${rng.pick(['b', 'w', 'l'])} $0x${rng.int(256).toString(16)}, %${rng.pick(['al', 'ax', 'eax'])}`, 'inb %dx, %al', 'outb %al, $0x80', 'outl %eax, (%dx)', 'outw %ax, %dx', 'in (%dx), %eax', 'insb', 'outsl', 'rep outsb']),
    () => rng.pick([`bswap ${g ? rng.pick([r64, r32])() : r32()}`, `popcnt ${mem()}, ${r32()}`, `bsf ${mem()}, ${r32()}`, `bsr ${r32()}, ${r32()}`, `tzcnt ${mem()}, ${g ? r64() : r32()}`, `lzcnt ${r32()}, ${r32()}`, `movbe ${mem()}, ${r32()}`, `shld $${rng.int(32)}, ${r32()}, ${mem()}`, `shrd %cl, ${r32()}, ${r32()}`]),
    () => rng.pick(['nop', 'nopl (%eax)', 'nopw 0x0(%eax,%eax,1)', 'nopl 0x0(%eax)', 'xchg %ax, %ax', 'data16 nop', 'pause', 'int3', 'ud2', 'int $0x80', 'int $3', 'hlt', 'leave', 'ret', `ret $${rng.pick([4, 8, 0x10])}`]),
  ];
  function r64orr32(): string { return g ? r64() : r32(); }
  const out: string[] = [];
  out.push('.text', 'far_label:', '.Lback:', '1:');
  for (let i = 0; i < n; i++) {
    out.push(rng.pick(T)());
    if (i % 97 === 50) out.push('.Lnear:');
    if (i % 211 === 105) out.push('1:');
  }
  out.push('1:', '.Lfwd:', 'nop', '.data', 'local_var: .quad 0', 'local_tbl: .fill 16, 8, 0');
  return out;
}

const SYS64 = ['swapgs', 'sysretq', 'sysretl', 'iretq', 'iretl', 'sysexitq', 'syscall', 'sysenter', 'cli', 'sti', 'clts', 'wbinvd', 'invd', 'rdmsr', 'wrmsr', 'rdtsc', 'rdtscp', 'rdpmc', 'cpuid', 'lfence', 'mfence', 'sfence', 'stac', 'clac', 'xgetbv', 'xsetbv', 'monitor', 'mwait', 'lretq', 'lret $8', 'pushfq', 'popfq', 'pushf', 'popf', 'rdfsbase %rax', 'wrgsbase %r12', 'rdgsbase %ecx', 'cmpxchg16b (%rdi)', 'lock cmpxchg16b %gs:(%rsi)', 'cmpxchg8b 8(%rsp)', 'ltr %ax', 'lldt %dx', 'str %eax', 'sldt %rax', 'smsw %eax', 'lmsw %cx', 'verr %ax', 'lar %ax, %ecx', 'lsl (%rdi), %eax', 'invpcid (%rax), %rcx', 'rdpid %rax', 'cltq', 'cqto', 'cwtl', 'cbtw', 'cltd', 'sahf', 'lahf', 'cmc', 'clc', 'stc', 'pushq %fs', 'popq %gs', 'push %gs', 'enter $0x10, $0', 'leaveq', 'retq', 'callq *%rax', 'jmpq *(%rax)', 'movabs $0x1122334455667788, %rax', 'movabs jiffies, %eax', 'movabsq %rax, 0x1000', 'movq $-1, %rax', 'movq $0xffffffff, %rax', 'movl $0xffffffff, %eax', 'xchg %eax, %eax', 'xchg %rax, %r8', 'testb $1, %gs:0x10', 'addr32 call ext_func', 'rex64 nop', 'xlat', 'ud1 %eax, %ecx', 'endbr64', 'int1'];
const SYS32 = ['cli', 'sti', 'clts', 'wbinvd', 'rdmsr', 'wrmsr', 'rdtsc', 'cpuid', 'sysenter', 'sysexit', 'iret', 'iretl', 'iretw', 'lret', 'lret $4', 'lretw', 'pushl %ds', 'pushl %es', 'popl %fs', 'push %ss', 'pop %ds', 'pushw %gs', 'pusha', 'popa', 'pushal', 'popal', 'pushfl', 'popfl', 'pushf', 'daa', 'das', 'aaa', 'aas', 'aam', 'aad', 'into', 'bound %eax, (%ebx)', 'arpl %ax, %bx', 'ljmp $0x10, $far_label', 'lcall $0x8, $0x1000', 'ljmp *(%eax)', 'lcall *8(%esp)', 'lss (%esp), %esp', 'lds (%eax), %ebx', 'les 4(%esp), %edi', 'lfs (%ecx), %eax', 'movl %cr0, %eax', 'movl %eax, %cr3', 'mov %cr4, %edx', 'cmpxchg8b (%esi)', 'lock cmpxchg8b %fs:(%ecx)', 'ltr %ax', 'lldt %ax', 'str %eax', 'sldt %eax', 'smsw %eax', 'lmsw %ax', 'lsl %eax, %eax', 'jecxz far_label', 'jcxz 1f', 'loop 1b', 'loope 1b', 'loopne 1b', 'cwtl', 'cltd', 'cbtw', 'cwtd', 'inc %eax', 'dec %ecx', 'incw %si', 'xchg %eax, %eax', 'stac', 'clac', 'lfence', 'mfence', 'pause', 'addr16 lea (%eax), %eax', 'data16 ret', 'movw %ds, %ax', 'leal (%bx,%si), %eax', 'movl 8(%bp,%di), %ecx', 'movw (%bx), %ax', 'salc', 'fwait', 'fninit', 'fnstsw %ax', 'rdtscp', 'endbr32'];
