/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 64-bit SYSCALL entry, in the style of arch/x86/entry/entry_64.S.
 */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/alternative.h>
#include <rt/percpu.h>
#include <rt/unwind.h>
#include "calling.h"

#define __USER_DS	0x2b
#define __USER_CS	0x33
#define __KERNEL_CS	0x10
#define X86_EFLAGS_RF	0x00010000
#define X86_EFLAGS_TF	0x00000100
#define __VIRTUAL_MASK_SHIFT 47

	.macro IBRS_EXIT save_reg
	.endm

	.code64
	.section .entry.text, "ax"

SYM_CODE_START(entry_SYSCALL_64)
	UNWIND_HINT_ENTRY
	ENDBR

	swapgs
	/* tss.sp2 is scratch space. */
	movq	%rsp, PER_CPU_VAR(cpu_tss_rw + TSS_sp2)
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rsp
	movq	PER_CPU_VAR(pcpu_hot + pcpu_hot_top_of_stack), %rsp

SYM_INNER_LABEL(entry_SYSCALL_64_safe_stack, SYM_L_GLOBAL)
	ANNOTATE_NOENDBR

	/* Construct struct pt_regs on stack */
	pushq	$__USER_DS				/* pt_regs->ss */
	pushq	PER_CPU_VAR(cpu_tss_rw + TSS_sp2)	/* pt_regs->sp */
	pushq	%r11					/* pt_regs->flags */
	pushq	$__USER_CS				/* pt_regs->cs */
	pushq	%rcx					/* pt_regs->ip */
SYM_INNER_LABEL(entry_SYSCALL_64_after_hwframe, SYM_L_GLOBAL)
	pushq	%rax					/* pt_regs->orig_ax */

	PUSH_AND_CLEAR_REGS rax=$-38

	/* IRQs are off. */
	movq	%rsp, %rdi
	/* Sign extend the lower 32bit as syscall numbers are treated as int */
	movslq	%eax, %rsi

	call	do_syscall_64		/* returns with IRQs disabled */

	/*
	 * Try to use SYSRET instead of IRET if we're returning to
	 * a completely clean 64-bit userspace context.
	 */
	ALTERNATIVE "", "jmp	swapgs_restore_regs_and_return_to_usermode", \
		X86_FEATURE_XENPV

	movq	PTREGS_CX(%rsp), %rcx
	movq	PTREGS_IP(%rsp), %r11

	cmpq	%rcx, %r11	/* SYSRET requires RCX == RIP */
	jne	swapgs_restore_regs_and_return_to_usermode

	/* Change top bits to match most significant bit (47th or 56th bit) */
	shl	$(64 - (__VIRTUAL_MASK_SHIFT+1)), %rcx
	sar	$(64 - (__VIRTUAL_MASK_SHIFT+1)), %rcx

	/* If this changed %rcx, it was not canonical */
	cmpq	%rcx, %r11
	jne	swapgs_restore_regs_and_return_to_usermode

	cmpq	$__USER_CS, PTREGS_CS(%rsp)	/* CS must match SYSRET */
	jne	swapgs_restore_regs_and_return_to_usermode

	movq	PTREGS_R11(%rsp), %r11
	cmpq	%r11, PTREGS_FLAGS(%rsp)	/* R11 == RFLAGS */
	jne	swapgs_restore_regs_and_return_to_usermode

	testq	$(X86_EFLAGS_RF|X86_EFLAGS_TF), %r11
	jnz	swapgs_restore_regs_and_return_to_usermode

	/* nothing to check for RSP */

	cmpq	$__USER_DS, PTREGS_SS(%rsp)	/* SS must match SYSRET */
	jne	swapgs_restore_regs_and_return_to_usermode

syscall_return_via_sysret:
	IBRS_EXIT
	POP_REGS pop_rdi=0

	movq	%rsp, %rdi
	movq	PER_CPU_VAR(cpu_tss_rw + TSS_sp0), %rsp
	UNWIND_HINT_END_OF_STACK

	pushq	PTREGS_SP-PTREGS_DI(%rdi)	/* RSP */
	pushq	(%rdi)		/* RDI */

	SWITCH_TO_USER_CR3_STACK scratch_reg=%rdi

	popq	%rdi
	popq	%rsp
SYM_INNER_LABEL(entry_SYSRETQ_unsafe_stack, SYM_L_GLOBAL)
	ANNOTATE_NOENDBR
	swapgs
	sysretq
SYM_INNER_LABEL(entry_SYSRETQ_end, SYM_L_GLOBAL)
	ANNOTATE_NOENDBR
	int3
SYM_CODE_END(entry_SYSCALL_64)

SYM_CODE_START_LOCAL(swapgs_restore_regs_and_return_to_usermode)
	POP_REGS pop_rdi=0
	movq	%rsp, %rdi
	movq	PER_CPU_VAR(cpu_tss_rw + TSS_sp0), %rsp
	pushq	6*8(%rdi)	/* SS */
	pushq	5*8(%rdi)	/* RSP */
	pushq	4*8(%rdi)	/* EFLAGS */
	pushq	3*8(%rdi)	/* CS */
	pushq	2*8(%rdi)	/* RIP */
	pushq	(%rdi)
	SWITCH_TO_USER_CR3_STACK scratch_reg=%rdi
	popq	%rdi
	swapgs
	jmp	.Lnative_iret

.Lnative_iret:
	testb	$4, (PTREGS_SS-PTREGS_IP)(%rsp)
	jnz	native_irq_return_ldt
SYM_INNER_LABEL(native_irq_return_iret, SYM_L_GLOBAL)
	ANNOTATE_NOENDBR
	iretq

native_irq_return_ldt:
	pushq	%rdi
	swapgs
	movq	PER_CPU_VAR(espfix_waddr), %rdi
	movq	%rax, (0*8)(%rdi)
	movq	(1*8)(%rsp), %rax
	movq	%rax, (1*8)(%rdi)
	movq	(2*8)(%rsp), %rax
	movq	%rax, (2*8)(%rdi)
	movq	(3*8)(%rsp), %rax
	movq	%rax, (3*8)(%rdi)
	movq	(5*8)(%rsp), %rax
	movq	%rax, (4*8)(%rdi)
	andl	$0xffff0000, %eax
	popq	%rdi
	orq	PER_CPU_VAR(espfix_stack), %rax
	swapgs
	movq	%rax, %rsp
	popq	%rax
	jmp	native_irq_return_iret
SYM_CODE_END(swapgs_restore_regs_and_return_to_usermode)
