// A kernel-style syscall entry (entry_SYSCALL_64 shape): swapgs, per-CPU data through %gs, the
// user stack pointer parked in per-CPU scratch, a pt_regs frame on the kernel stack, sysretq.
import { describe, it, expect } from 'vitest';
import { runListing, TO_USER } from './util.js';

describe('kernel-style entry code', () => {
  it('syscall entry with swapgs and %gs per-CPU data returns to user mode with the result', () => {
    const { m, out } = runListing(`
	DEFINE_GDT gdt
	DEFINE_IDT idt
	DEFINE_STACK kstack
	DEFINE_STACK ustack
	DEFINE_TSS tss, kstack
#define PCPU_SCRATCH 0
#define PCPU_TOP 8
#define PCPU_COUNT 16
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SYSCALL_MASK 0xc0000084
#define MSR_KERNEL_GS_BASE 0xc0000102
	.text
	.globl _start
_start:
	LOAD_GDT gdt
	LOAD_TSS gdt, tss
	SET_INTR_GATE idt, X86_TRAP_UD, ud_h
	LOAD_IDT idt
	movl $MSR_STAR, %ecx
	xorl %eax, %eax
	movl $((__USER32_CS << 16) | __KERNEL_CS), %edx
	wrmsr
	movl $MSR_LSTAR, %ecx
	leaq entry_SYSCALL_64(%rip), %rax
	movq %rax, %rdx
	shrq $32, %rdx
	wrmsr
	movl $MSR_SYSCALL_MASK, %ecx
	movl $(X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF), %eax
	xorl %edx, %edx
	wrmsr
	movl $MSR_KERNEL_GS_BASE, %ecx		/* user GS base is 0; the kernel's is percpu */
	leaq percpu(%rip), %rax
	movq %rax, %rdx
	shrq $32, %rdx
	wrmsr${TO_USER}
user:	movl $39, %eax			/* getpid */
	movq $0x1111, %rdi
	syscall
after_syscall:
	movq %rax, user_result(%rip)
	movq %rsp, user_rsp_after(%rip)
	ud2

	.p2align 4
entry_SYSCALL_64:
	swapgs
	movq %rsp, %gs:PCPU_SCRATCH
	movq %gs:PCPU_TOP, %rsp
	pushq $__USER_DS			/* pt_regs->ss */
	pushq %gs:PCPU_SCRATCH			/* pt_regs->sp */
	pushq %r11				/* pt_regs->flags */
	pushq $__USER_CS			/* pt_regs->cs */
	pushq %rcx				/* pt_regs->ip */
	pushq %rax				/* pt_regs->orig_ax */
	PUSH_REGS
	movq %rsp, %rdi
	call do_syscall_64
	POP_REGS
	addq $8, %rsp
	popq %rcx
	addq $8, %rsp
	popq %r11
	popq %rsp				/* ss is implied by sysret */
	swapgs
	sysretq

do_syscall_64:
	movq ORIG_RAX(%rdi), %rax
	imulq $1000, %rax
	addq RDI(%rdi), %rax
	movq %rax, RAX(%rdi)
	incq %gs:PCPU_COUNT
	ret

ud_h:	hlt

	.data
	.balign 64
percpu:	.quad 0
	.quad kstack
	.quad 0
user_result: .quad 0
user_rsp_after: .quad 0
`);
    expect(out.stop).toBe('hlt');
    expect(m.u64('user_result')).toBe(39n * 1000n + 0x1111n);
    expect(m.u64('user_rsp_after')).toBe(BigInt(m.addr('ustack')));
    expect(m.u64(m.addr('percpu') + 16)).toBe(1n);
    expect(m.reg('gs_base')).toBe(0n); // swapped back on exit
    const v = m.visited;
    expect(v.indexOf('entry_SYSCALL_64')).toBeGreaterThan(v.indexOf('user'));
    expect(v.indexOf('do_syscall_64')).toBeGreaterThan(v.indexOf('entry_SYSCALL_64'));
    expect(v.indexOf('after_syscall')).toBeGreaterThan(v.indexOf('do_syscall_64'));
  });
});
