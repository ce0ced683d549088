/* SPDX-License-Identifier: GPL-2.0 */
/* 32-bit entry, entry_32.S style: SAVE_ALL/RESTORE_REGS, sysenter, int80, iret fixups. */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/alternative.h>
#include <rt/percpu.h>

#define EX_TYPE_POP_ZERO	(15)
#define EX_REG_DS		(1 << 8)
#define EX_REG_ES		(2 << 8)
#define EX_REG_FS		(3 << 8)
#define __KERNEL_PERCPU	0xd8
#define __USER_DS	0x7b
#define __USER_CS	0x73
#define __KERNEL_DS	0x68
#define X86_EFLAGS_IF	0x00000200
#define X86_EFLAGS_VM	0x00020000
#define X86_EFLAGS_NT	0x00004000
#define SEGMENT_RPL_MASK 0x3
#define SEGMENT_TI_MASK	0x4
#define USER_SEGMENT_RPL 3
#define PT_EBX 0
#define PT_ECX 4
#define PT_EDX 8
#define PT_ESI 12
#define PT_EDI 16
#define PT_EBP 20
#define PT_EAX 24
#define PT_DS 28
#define PT_ES 32
#define PT_FS 36
#define PT_GS 40
#define PT_ORIG_EAX 44
#define PT_EIP 48
#define PT_CS 52
#define PT_EFLAGS 56
#define PT_OLDESP 60
#define PT_OLDSS 64

#define X86_EFLAGS_AC 0x40000
#define X86_EFLAGS_TF 0x100
#define X86_EFLAGS_FIXED 0x2
#define TSS_entry2task_stack 0x2c
#define ASM_CLAC ALTERNATIVE "", "clac", X86_FEATURE_SMAP
#define SEGMENT_LDT 0x4
#define USER_RPL 0x3
#define GDT_ESPFIX_SS PER_CPU_VAR(gdt_page) + (28 * 8)
#define DISABLE_INTERRUPTS(x) cli

.macro BUG_IF_WRONG_CR3 no_user_check=0
.endm

.macro SWITCH_TO_KERNEL_CR3 scratch_reg:req
	ALTERNATIVE "jmp .Lend_\@", "", X86_FEATURE_PTI
	movl	%cr3, \scratch_reg
	andl	$(~(1 << 12)), \scratch_reg
	movl	\scratch_reg, %cr3
.Lend_\@:
.endm

.macro STACKLEAK_ERASE
.endm

.macro SWITCH_TO_ENTRY_STACK
	movl	%esp, %ecx
	movl	PER_CPU_VAR(cpu_entry_area), %edi
	subl	%ecx, %edi
	rep movsb
.endm

.macro CHECK_AND_APPLY_ESPFIX
	movl	PT_EFLAGS(%esp), %eax		# mix EFLAGS, SS and CS
	movb	PT_OLDSS(%esp), %ah
	movb	PT_CS(%esp), %al
	andl	$(X86_EFLAGS_VM | (SEGMENT_TI_MASK << 8) | SEGMENT_RPL_MASK), %eax
	cmpl	$((SEGMENT_LDT << 8) | USER_RPL), %eax
	jne	.Lend_\@	# returning to user-space with LDT SS
	mov	PT_OLDESP(%esp), %eax	/* load userspace esp */
	mov	%esp, %edx			/* load kernel esp */
	sub	%eax, %edx			/* offset (low word is 0) */
	shr	$16, %edx
	mov	%dl, GDT_ESPFIX_SS + 4	/* bits 16..23 */
	mov	%dh, GDT_ESPFIX_SS + 7	/* bits 24..31 */
	pushl	$__ESPFIX_SS
	pushl	%eax			/* new kernel esp */
	DISABLE_INTERRUPTS(CLBR_ANY)
	lss	(%esp), %esp		/* switch to espfix segment */
.Lend_\@:
.endm

.macro SWITCH_TO_USER_CR3 scratch_reg:req
	ALTERNATIVE "jmp .Lend_\@", "", X86_FEATURE_PTI
	movl	%cr3, \scratch_reg
	orl	$(1 << 12), \scratch_reg
	movl	\scratch_reg, %cr3
.Lend_\@:
.endm

	.section .entry.text, "ax"

#define CS_FROM_ENTRY_STACK	(1 << 31)
#define CS_FROM_USER_CR3	(1 << 30)
#define CS_FROM_KERNEL		(1 << 29)
#define CS_FROM_ESPFIX		(1 << 28)

.macro FIXUP_FRAME
	/*
	 * The high bits of the CS dword (__csh) are used for CS_FROM_*.
	 * Clear them in case hardware didn't do this for us.
	 */
	andl	$0x0000ffff, 4*4(%esp)

	testl	$X86_EFLAGS_VM, 5*4(%esp)
	jnz	.Lfrom_usermode_no_fixup_\@
	testl	$USER_SEGMENT_RPL, 4*4(%esp)
	jnz	.Lfrom_usermode_no_fixup_\@

	orl	$CS_FROM_KERNEL, 4*4(%esp)

	pushl	%ss				# ss
	pushl	%esp				# sp (points at ss)
	addl	$7*4, (%esp)			# point sp back at the previous context
	pushl	7*4(%esp)			# flags
	pushl	7*4(%esp)			# cs
	pushl	7*4(%esp)			# ip
	pushl	7*4(%esp)			# orig_eax
	pushl	7*4(%esp)			# gs / function
	pushl	7*4(%esp)			# fs
.Lfrom_usermode_no_fixup_\@:
.endm

.macro SAVE_ALL pt_regs_ax=%eax switch_stacks=0 skip_gs=0 unwind_espfix=0
	cld
.if \skip_gs == 0
	pushl	$0
.endif
	pushl	%fs

	pushl	%eax
	movl	$(__KERNEL_PERCPU), %eax
	movl	%eax, %fs
.if \unwind_espfix > 0
	UNWIND_ESPFIX_STACK
.endif
	popl	%eax

	FIXUP_FRAME
	pushl	%es
	pushl	%ds
	pushl	\pt_regs_ax
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
	movl	$(__USER_DS), %edx
	movl	%edx, %ds
	movl	%edx, %es
	/* Switch to kernel stack if necessary */
.if \switch_stacks > 0
	SWITCH_TO_KERNEL_STACK
.endif
.endm

.macro UNWIND_ESPFIX_STACK
	/* It's safe to clobber %eax, all other regs need to be preserved */
	mov	%ss, %eax
	/* see if on espfix stack */
	cmpw	$__ESPFIX_SS, %ax
	jne	.Lno_fixup_\@
	/* switch to normal stack */
	FIXUP_ESPFIX_STACK
.Lno_fixup_\@:
.endm
#define __ESPFIX_SS 0xe0

.macro FIXUP_ESPFIX_STACK
	pushl	%ecx
	subl	$2*4, %esp
	sgdt	(%esp)
	movl	2(%esp), %ecx				/* GDT address */
	movb	7+0xd0(%ecx), %al			/* bits 24..31 */
	shl	$24, %eax
	movl	4+0xd0(%ecx), %ecx			/* bits 16..23 */
	andl	$0x00ff00ff, %ecx
	orl	%ecx, %eax
	addl	$2*4, %esp
	popl	%ecx
	addl	%esp, %eax
	pushl	$__KERNEL_DS
	pushl	%eax
	lss	(%esp), %esp
.endm

.macro CALL_NOSPEC reg:req
	call	*%\reg
.endm

.macro SWITCH_TO_KERNEL_STACK
.endm

.macro RESTORE_INT_REGS
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
.endm

.macro RESTORE_REGS pop=0
	RESTORE_INT_REGS
1:	popl	%ds
2:	popl	%es
3:	popl	%fs
4:	addl	$(4 + \pop), %esp	/* pop the unused "gs" slot */
	IRET_FRAME

	/*
	 * There is no _ASM_EXTABLE_TYPE_REG() for ASM, however since this is
	 * ASM the registers are known and we can trivially hard-code them.
	 */
	_ASM_EXTABLE_TYPE(1b, 1b, EX_TYPE_POP_ZERO|EX_REG_DS)
	_ASM_EXTABLE_TYPE(2b, 2b, EX_TYPE_POP_ZERO|EX_REG_ES)
	_ASM_EXTABLE_TYPE(3b, 3b, EX_TYPE_POP_ZERO|EX_REG_FS)
.endm
.macro IRET_FRAME
.endm

SYM_FUNC_START(entry_SYSENTER_32)
	/*
	 * On entry-stack with all userspace-regs live - save and
	 * restore eflags and %eax to use it as scratch-reg for the cr3
	 * switch.
	 */
	pushfl
	pushl	%eax
	BUG_IF_WRONG_CR3 no_user_check=1
	SWITCH_TO_KERNEL_CR3 scratch_reg=%eax
	popl	%eax
	popfl

	/* Stack empty again, switch to task stack */
	movl	TSS_entry2task_stack(%esp), %esp

.Lsysenter_past_esp:
	pushl	$__USER_DS		/* pt_regs->ss */
	pushl	$0			/* pt_regs->sp (placeholder) */
	pushfl				/* pt_regs->flags (except IF = 0) */
	pushl	$__USER_CS		/* pt_regs->cs */
	pushl	$0			/* pt_regs->ip = 0 (placeholder) */
	pushl	%eax			/* pt_regs->orig_ax */
	SAVE_ALL pt_regs_ax=$-38	/* save rest, stack already switched */

	testl	$X86_EFLAGS_NT|X86_EFLAGS_AC|X86_EFLAGS_TF, PT_EFLAGS(%esp)
	jnz	.Lsysenter_fix_flags
.Lsysenter_flags_fixed:

	movl	%esp, %eax
	call	do_SYSENTER_32
	testb	%al, %al
	jz	.Lsyscall_32_done

	/* Opportunistic SYSEXIT */

	movl	PT_EIP(%esp), %edx	/* pt_regs->ip */
	movl	PT_OLDESP(%esp), %ecx	/* pt_regs->sp */
1:	mov	PT_FS(%esp), %fs

	popl	%ebx			/* pt_regs->bx */
	addl	$2*4, %esp		/* skip pt_regs->cx and pt_regs->dx */
	popl	%esi			/* pt_regs->si */
	popl	%edi			/* pt_regs->di */
	popl	%ebp			/* pt_regs->bp */

	/* Switch to the task stack */
	movl	%esp, %eax
	movl	PER_CPU_VAR(cpu_tss_rw + 4), %esp
	pushl	4(%eax)
	pushl	(%eax)
	btrl	$9, (%esp)
	popfl
	popl	%eax
	sti
	sysexit

2:	movl    $0, PT_FS(%esp)
	jmp     1b
	_ASM_EXTABLE(1b, 2b)

.Lsysenter_fix_flags:
	pushl	$X86_EFLAGS_FIXED
	popfl
	jmp	.Lsysenter_flags_fixed
SYM_FUNC_END(entry_SYSENTER_32)



SYM_FUNC_START(entry_INT80_32)
	ASM_CLAC
	pushl	%eax			/* pt_regs->orig_ax */

	SAVE_ALL pt_regs_ax=$-38 switch_stacks=1	/* save rest */

	movl	%esp, %eax
	call	do_int80_syscall_32
.Lsyscall_32_done:
	STACKLEAK_ERASE

restore_all_switch_stack:
	SWITCH_TO_ENTRY_STACK
	CHECK_AND_APPLY_ESPFIX

	/* Switch back to user CR3 */
	SWITCH_TO_USER_CR3 scratch_reg=%eax

	/* Restore user state */
	RESTORE_REGS pop=4			# skip orig_eax/error_code
.Lirq_return:
	iret

.section .fixup,"ax"
SYM_CODE_START(asm_iret_error)
	pushl	$0				# no error code
	pushl	$iret_error
	jmp	handle_exception
SYM_CODE_END(asm_iret_error)
.previous
	_ASM_EXTABLE(.Lirq_return, asm_iret_error)
SYM_FUNC_END(entry_INT80_32)


SYM_CODE_START(handle_exception)
	/* the function address is in %gs's slot on the stack */
	SAVE_ALL switch_stacks=1 skip_gs=1 unwind_espfix=1

	movl	PT_GS(%esp), %edi		# get the function address

	/* fixup orig %eax */
	movl	PT_ORIG_EAX(%esp), %edx		# get the error code
	movl	$-1, PT_ORIG_EAX(%esp)		# no syscall to restart

	movl	%esp, %eax			# pt_regs pointer
	CALL_NOSPEC edi

	movl	PT_EFLAGS(%esp), %eax		# mix EFLAGS and CS
	movb	PT_CS(%esp), %al
	andl	$(X86_EFLAGS_VM | SEGMENT_RPL_MASK), %eax
	cmpl	$USER_SEGMENT_RPL, %eax		# returning to v8086 or userspace?
	jnb	ret_to_user

	testl	$X86_EFLAGS_IF, PT_EFLAGS(%esp)
	jz	.Lrestore_nocheck
	ljmp	$0x60, $.Lrestore_nocheck
.Lrestore_nocheck:
	RESTORE_REGS 4
	jmp	.Lirq_return

ret_to_user:
	movl	%esp, %eax
	jmp	restore_all_switch_stack
SYM_CODE_END(handle_exception)
