// Self-written inputs for the CPU feature checks (src/asm/arch-check.ts): sample lines of the
// instructions GNU as gates on a CPU or extension, assembled after each `.arch CPU`, each
// `.arch .noEXT`, each `.arch i386`/`generic64` + `.arch .EXT`, and option mixes; GNU as 2.40's
// messages (goldens: golden.json, `npx vite-node test/asm/arch-check/gen.ts`) are the oracle.

import { CPUS, EXTENSIONS } from '../../../src/asm/arch.js';
import type { OptionCase } from '../gas-options/cases.js';

/** One line per gated instruction family (32-bit code). */
const S32: readonly string[] = [
  'bswap %eax', 'cmpxchg %ecx,(%eax)', 'xaddl %eax,%ebx', 'cpuid', 'invd', 'wbinvd', 'invlpg (%eax)', 'rdtsc',
  'rdmsr', 'wrmsr', 'cmpxchg8b (%eax)', 'rdpmc', 'cmovl %eax,%ebx', 'cmovzw %ax,%bx', 'cmovnael (%eax),%ecx',
  'sysenter', 'sysexit', 'syscall', 'sysret', 'ud2', 'popcnt %eax,%ebx', 'lzcnt %eax,%ebx', 'tzcnt %eax,%ebx',
  'andn %eax,%ebx,%ecx', 'bextr %eax,%ebx,%ecx', 'blsr %eax,%ebx', 'bzhi %eax,%ebx,%ecx', 'pdep %eax,%ebx,%ecx',
  'mulx %eax,%ebx,%ecx', 'rorx $3,%eax,%ebx', 'shlx %eax,%ebx,%ecx', 'adcx %eax,%ebx', 'adox %eax,%ebx',
  'movbe (%eax),%eax', 'movbew %ax,(%ebx)', 'rdtscp', 'clac', 'stac', 'monitor', 'mwait', 'xgetbv', 'xsetbv',
  'xsave (%eax)', 'xsaveopt (%eax)', 'xsavec (%eax)', 'xrstors (%eax)', 'fxsave (%eax)', 'ldmxcsr (%eax)', 'vmcall',
  'vmxon (%eax)', 'vmread %eax,%ebx', 'vmfunc', 'vmrun', 'clgi', 'skinit', 'invlpga', 'xtest', 'xend', 'getsec',
  'rdrand %eax', 'rdseed %eax', 'rdpid %eax', 'clflush (%eax)', 'clflushopt (%eax)', 'clwb (%eax)', 'lfence',
  'mfence', 'sfence', 'prefetchw (%eax)', 'prefetchnta (%eax)', 'movnti %eax,(%ebx)', 'invpcid (%eax),%ebx',
  'wbnoinvd', 'serialize', 'rdpkru', 'wrpkru', 'clzero', 'endbr32', 'incsspd %eax', 'rdsspd %eax', 'pause', 'fninit',
];

/** The same in 64-bit code, plus 64-bit-only ones. */
const S64: readonly string[] = [
  'bswap %eax', 'cmpxchg %ecx,(%rax)', 'xaddl %eax,%ebx', 'cpuid', 'invd', 'wbinvd', 'invlpg (%rax)', 'rdtsc',
  'rdmsr', 'wrmsr', 'cmpxchg8b (%rax)', 'rdpmc', 'cmovl %eax,%ebx', 'cmovzw %ax,%bx', 'cmovnael (%rax),%ecx',
  'sysenter', 'syscall', 'ud2', 'popcnt %eax,%ebx', 'lzcnt %eax,%ebx', 'tzcnt %eax,%ebx', 'andn %eax,%ebx,%ecx',
  'bextr %eax,%ebx,%ecx', 'blsr %eax,%ebx', 'bzhi %eax,%ebx,%ecx', 'pdep %eax,%ebx,%ecx', 'mulx %eax,%ebx,%ecx',
  'rorx $3,%eax,%ebx', 'shlx %eax,%ebx,%ecx', 'adcx %eax,%ebx', 'adox %eax,%ebx', 'movbe (%rax),%eax',
  'movbew %ax,(%ebx)', 'rdtscp', 'clac', 'stac', 'monitor', 'mwait', 'xgetbv', 'xsetbv', 'xsave (%rax)',
  'xsaveopt (%rax)', 'xsavec (%rax)', 'xrstors (%rax)', 'fxsave (%rax)', 'ldmxcsr (%rax)', 'vmcall', 'vmxon (%rax)',
  'vmread %rax,%rbx', 'vmfunc', 'vmrun', 'clgi', 'skinit', 'invlpga', 'xtest', 'xend', 'getsec', 'rdrand %eax',
  'rdseed %eax', 'rdpid %rax', 'clflush (%rax)', 'clflushopt (%rax)', 'clwb (%rax)', 'lfence', 'mfence', 'sfence',
  'prefetchw (%rax)', 'prefetchnta (%rax)', 'movnti %eax,(%ebx)', 'invpcid (%rax),%rbx', 'wbnoinvd', 'serialize',
  'rdpkru', 'wrpkru', 'clzero', 'endbr32', 'incsspd %eax', 'rdsspd %eax', 'pause', 'fninit', 'swapgs',
  'rdfsbase %rax', 'wrgsbase %rbx', 'cmpxchg16b (%rax)', 'sysretq', 'lahf', 'sahf', 'popcntq %rax,%rbx',
  'andnq %rax,%rbx,%rcx', 'movbeq (%rax),%rbx',
];

const body = (mode: 32 | 64): string => (mode === 32 ? S32 : S64).join('\n') + '\n';
const c = (name: string, mode: 32 | 64, head: string, args: readonly string[] = []): OptionCase =>
  ({ name, args: [`--${mode}`, ...args], source: head + '\n' + body(mode) });

const cases: OptionCase[] = [];
for (const [name, cpu] of CPUS) {
  if (name === 'iamcu') continue;
  cases.push(c(`.arch ${name} (32)`, 32, `.arch ${name}`));
  if (cpu.lm) cases.push(c(`.arch ${name} (64)`, 64, `.arch ${name}`));
}
for (const e of EXTENSIONS) {
  cases.push(c(`.arch .no${e} (64)`, 64, `.arch .no${e}`));
  cases.push(c(`.arch i386 .${e} (32)`, 32, `.arch i386\n.arch .${e}`));
}
cases.push(
  c('.arch .no EXT twice and back (32)', 32, '.arch .nocmov\n.arch .nocmov\n.arch .nobmi\n.arch .cmov'),
  c('.arch i386 .cmov .nocmov (32)', 32, '.arch i386\n.arch .cmov\n.arch .nocmov'),
  c('.arch push/pop and default (32)', 32, '.arch push\n.arch i486\n.arch pop\n.arch .nosse\n.arch default\n.arch .novmx'),
  c('-march=i386+cmov+nosse (32)', 32, '', ['-march=i386+cmov+nosse']),
  c('-march=+cmov+nosse (32)', 32, '', ['-march=+cmov+nosse']),
  c('-march=i686+nosse (32)', 32, '', ['-march=i686+nosse']),
  c('-march=pentium4+nosse+nosse2 (32)', 32, '', ['-march=pentium4+nosse2']),
  c('-march=k8+nosse3 -mtune=i386 (64)', 64, '.arch .nomovbe', ['-march=k8+nosse3', '-mtune=i386']),
  c('-march=i386 then .arch default (32)', 32, '.arch default\n.arch .nobmi2', ['-march=i386']),
  c('.arch i386,nojumps (32)', 32, '.arch i386,nojumps'),
  c('.arch generic32,jumps .bmi (32)', 32, '.arch generic32,jumps\n.arch .bmi'),
  // The same lines before and after the change (a remembered line must not skip the check).
  c('lines repeated across .arch .noibt .noshstk (64)', 64, body(64) + '.arch .noibt\n.arch .noshstk'),
  c('lines repeated across .arch i486 (32)', 32, body(32) + '.arch i486'),
  c('.arch generic64 .nobmi .bmi (64)', 64, '.arch generic64\n.arch .nobmi\n.arch .bmi\n.arch .noadx'),
);

// -moperand-check= and `.operand_check` (src/asm/operand-check.ts): unsized instructions with
// no register operand, repeated so that a remembered line meets another setting.
const UNSIZED = 'adc $1,(%eax)\nshl (%eax)\nincl (%eax)\npush (%eax)\nsysret\nlea (%eax),%ax\n';
for (const mode of [32, 64] as const) {
  for (const m of ['error', 'warning', 'none']) {
    cases.push({ name: `-moperand-check=${m} (${mode})`, args: [`--${mode}`, `-moperand-check=${m}`], source: UNSIZED });
  }
  cases.push({
    name: `.operand_check switched (${mode})`, args: [`--${mode}`],
    source: `${UNSIZED}.operand_check error\n${UNSIZED}.operand_check none\n${UNSIZED}.operand_check bogus\n.operand_check\n.operand_check error\n${UNSIZED}`,
  });
}

// -mlfence-after-load=yes (src/asm/lfence-load.ts): loads, stores, string instructions, pops.
const LOADS64 = 'mov (%rax),%rbx\nmov %rbx,(%rax)\nadd (%rax),%rbx\nadd %rbx,(%rax)\nlea (%rax),%rbx\npush (%rax)\npop %rax\npop (%rax)\npush %rax\nret\ncall *(%rax)\njmp *(%rax)\nmovsb\nstosb\nlodsb\nrep movsb\ncmpsb\nnop\nxchg %rax,(%rbx)\nlock incl (%rax)\nmov %rax,%rbx\ncmp $1,(%rax)\ntest %eax,(%rbx)\ninc %eax\nleave\niret\nlfence\nmfence\nclflush (%rax)\nprefetcht0 (%rax)\npopf\nxlat\nin (%dx),%al\nout %al,(%dx)\nlgdt (%rax)\ninvlpg (%rax)\nbt %eax,(%rbx)\nbts %eax,(%rbx)\nmovzbl (%rax),%eax\ncmovz (%rax),%eax\ncpuid\nrdmsr\ncmpxchg %eax,(%rbx)\nmov %fs:0,%rax\nmov 0x1234,%eax\nmovabs 0x1234,%eax\n';
const LOADS32 = 'mov (%eax),%ebx\nmov %ebx,(%eax)\nadd (%eax),%ebx\nadd %ebx,(%eax)\nlea (%eax),%ebx\npush (%eax)\npop %eax\npop (%eax)\npush %eax\nret\ncall *(%eax)\njmp *(%eax)\nmovsb\nstosb\nlodsb\nrep movsb\ncmpsb\nnop\nxchg %eax,(%ebx)\nlock incl (%eax)\nmov %eax,%ebx\ncmp $1,(%eax)\ntest %eax,(%ebx)\ninc %eax\nleave\niret\nlfence\nmfence\nclflush (%eax)\nprefetcht0 (%eax)\npopf\nxlat\nin (%dx),%al\nout %al,(%dx)\nlgdt (%eax)\ninvlpg (%eax)\nbt %eax,(%ebx)\nbts %eax,(%ebx)\nmovzbl (%eax),%eax\ncmovz (%eax),%eax\ncpuid\nrdmsr\ncmpxchg %eax,(%ebx)\nmov %fs:0,%eax\nmov 0x1234,%eax\n';
cases.push(
  { name: '-mlfence-after-load=yes (64)', args: ['--64', '-mlfence-after-load=yes'], source: LOADS64 + LOADS64 },
  { name: '-mlfence-after-load=yes (32)', args: ['--32', '-mlfence-after-load=yes'], source: LOADS32 },
  { name: '-mlfence-after-load=no (64)', args: ['--64', '-mlfence-after-load=no'], source: LOADS64 },
);

export const CASES: readonly OptionCase[] = cases;
