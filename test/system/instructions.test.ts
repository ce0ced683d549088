// System instructions in 64-bit mode (SDM Vol.2): popf/cli privilege rules, swapgs and MSRs,
// syscall/sysret, far jmp/lret through the GDT, ltr/lgdt checks, control and debug registers.
import { describe, it, expect } from 'vitest';
import { runListing, events, RING3, TO_USER } from './util.js';

const PRE = `
	DEFINE_IDT idt
	.text
	.globl _start
_start:
`;

describe('flags and privilege', () => {
  it('popf at CPL 0 changes IF and IOPL; at CPL 3 (IOPL 0) it changes neither, and cli is #GP(0)', () => {
    const { m } = runListing(`${RING3}
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt
	pushq $(0x3202)
	popfq
	pushfq
	popq k_flags(%rip)
	pushq $0x2
	popfq
${TO_USER}
user:	pushq $0x3002			/* try to clear IF and raise IOPL */
	popfq
	pushfq
	popq u_flags(%rip)
cli_site:
	cli
	hlt
gp_h:	movq (%rsp), %rax
	movq %rax, gp_err(%rip)
	movq 8(%rsp), %rax
	movq %rax, gp_rip(%rip)
	hlt
	.data
k_flags: .quad 0
u_flags: .quad 0
gp_err: .quad -1
gp_rip: .quad 0
`);
    expect(m.u64('k_flags') & 0x3200n).toBe(0x3200n);
    expect(m.u64('u_flags') & 0x3200n).toBe(0x200n);
    expect(m.u64('gp_err')).toBe(0n);
    expect(m.u64('gp_rip')).toBe(BigInt(m.addr('cli_site')));
  });

  it('swapgs exchanges GS.base and IA32_KERNEL_GS_BASE; rdmsr of an unknown MSR is #GP(0)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt
	movl $0xc0000102, %ecx		/* KERNEL_GS_BASE */
	movl $0x12345000, %eax
	movl $0xffff8880, %edx
	wrmsr
	swapgs
	movl $0xc0000101, %ecx		/* GS_BASE */
	rdmsr
	movl %eax, gs_lo(%rip)
	movl %edx, gs_hi(%rip)
	movl $0x12345, %ecx
bad:	rdmsr
	hlt
gp_h:	movq 8(%rsp), %rax
	movq %rax, gp_rip(%rip)
	hlt
	.data
gs_lo: .long 0
gs_hi: .long 0
gp_rip: .quad 0
`);
    expect(m.u32('gs_lo')).toBe(0x12345000n);
    expect(m.u32('gs_hi')).toBe(0xffff8880n);
    expect(m.reg('kernel_gs_base')).toBe(0n);
    expect(m.u64('gp_rip')).toBe(BigInt(m.addr('bad')));
  });
});

describe('fast system calls', () => {
  it('syscall / sysretq with Linux STAR selectors', () => {
    const { m, out } = runListing(`${RING3}
	SET_INTR_GATE idt, X86_TRAP_UD, ud_h
	LOAD_IDT idt
	movl $0xc0000081, %ecx		/* STAR: sysret base 0x23, syscall CS 0x10 */
	xorl %eax, %eax
	movl $0x00230010, %edx
	wrmsr
	movl $0xc0000082, %ecx		/* LSTAR */
	leaq entry(%rip), %rax
	movq %rax, %rdx
	shrq $32, %rdx
	wrmsr
	movl $0xc0000084, %ecx		/* FMASK: clear IF */
	movl $0x200, %eax
	xorl %edx, %edx
	wrmsr
${TO_USER}
user:	movl $60, %eax
	syscall
back:	movl %cs, %ebx
	movq %rbx, cs_back(%rip)
	ud2
entry:	movq %rcx, rcx_in(%rip)
	movq %r11, r11_in(%rip)
	movl %cs, %ebx
	movq %rbx, cs_in(%rip)
	pushfq
	popq flags_in(%rip)
	sysretq
ud_h:	hlt
	.data
rcx_in: .quad 0
r11_in: .quad 0
cs_in: .quad 0
flags_in: .quad 0
cs_back: .quad 0
`);
    expect(out.stop).toBe('hlt');
    expect(m.u64('rcx_in')).toBe(BigInt(m.addr('back')));
    expect(m.u64('r11_in') & 0x200n).toBe(0x200n);
    expect(m.u64('cs_in')).toBe(0x10n);
    expect(m.u64('flags_in') & 0x200n).toBe(0n);
    expect(m.u64('cs_back')).toBe(0x33n);
  });
});

describe('far transfers and descriptor tables', () => {
  it('ljmp through a memory far pointer and lretq to the same privilege level', () => {
    const { m, out } = runListing(`${PRE}
	rex.w ljmp *fptr(%rip)
	hlt
target:	movq $1, reached(%rip)
	pushq $__KERNEL_CS
	leaq ret_to(%rip), %rax
	pushq %rax
	lretq
	hlt
ret_to:	movq $2, returned(%rip)
	hlt
	.data
fptr:	.quad target
	.word __KERNEL_CS
reached: .quad 0
returned: .quad 0
`);
    expect(out.stop).toBe('hlt');
    expect(m.u64('reached')).toBe(1n);
    expect(m.u64('returned')).toBe(2n);
  });

  it('iretl in 64-bit mode pops five 32-bit words, SS:ESP included', () => {
    const { m, out } = runListing(`${PRE}
	movq %rsp, %rbx
	subq $20, %rsp
	leaq target(%rip), %rax
	movl %eax, 0(%rsp)
	movl $__KERNEL_CS, 4(%rsp)
	movl $0x246, 8(%rsp)
	movl %ebx, 12(%rsp)
	movl $__KERNEL_DS, 16(%rsp)
	iretl
target:	movq %rsp, rsp_after(%rip)
	pushfq
	popq flags_after(%rip)
	hlt
	.data
rsp_after: .quad 0
flags_after: .quad 0
`);
    expect(out.stop).toBe('hlt');
    expect(m.u64('rsp_after')).toBe(0x80000n);
    expect(m.u64('flags_after')).toBe(0x246n);
  });

  it('a far jump to a data segment selector is #GP(selector)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt
site:	rex.w ljmp *fptr(%rip)
	hlt
gp_h:	movq (%rsp), %rax
	movq %rax, err(%rip)
	hlt
	.data
fptr:	.quad site
	.word __KERNEL_DS
err: .quad -1
`);
    expect(m.u64('err')).toBe(0x18n);
  });

  it('ltr of a busy TSS or of a non-TSS descriptor is #GP(selector); lgdt/sgdt round-trip', () => {
    const { m } = runListing(`
	DEFINE_GDT gdt
	DEFINE_IDT idt
	DEFINE_TSS tss
	.text
	.globl _start
_start:
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt
	LOAD_GDT gdt
	sgdt saved(%rip)
	LOAD_TSS gdt, tss
	movw $__TSS_SEL, %ax
busy:	ltr %ax
	hlt
gp_h:	movq (%rsp), %rax
	movq %rax, err(%rip)
	movq 8(%rsp), %rax
	movq %rax, at(%rip)
	hlt
	.data
saved: .skip 10
err: .quad -1
at: .quad 0
`);
    expect(m.u64('err')).toBe(0x40n);
    expect(m.u64('at')).toBe(BigInt(m.addr('busy')));
    expect(m.u16('saved')).toBe(16n * 8n - 1n);
    expect(m.u64(m.addr('saved') + 2)).toBe(BigInt(m.addr('gdt')));
    expect(m.reg('tr')).toBe(0x40n);
  });

  it('mov to/from debug registers and CR2; mov to CR8 and back', () => {
    const { m } = runListing(`${PRE}
	movq $0x1234, %rax
	movq %rax, %db0
	movq %db0, %rbx
	movq $0xdead000, %rax
	movq %rax, %cr2
	movq %cr2, %rcx
	movq $5, %rax
	movq %rax, %cr8
	movq %cr8, %rdx
	hlt
`);
    expect(m.reg('rbx')).toBe(0x1234n);
    expect(m.reg('rcx')).toBe(0xdead000n);
    expect(m.reg('rdx')).toBe(5n);
    expect(events(m, 'exception').length).toBe(0);
  });
});
