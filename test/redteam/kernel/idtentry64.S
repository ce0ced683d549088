/* SPDX-License-Identifier: GPL-2.0 */
/* idtentry-style exception stubs, error-code handling, IRQ vector stubs. */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/alternative.h>
#include <rt/percpu.h>
#include <rt/unwind.h>
#include "calling.h"

#define X86_TRAP_DE		 0
#define X86_TRAP_DB		 1
#define X86_TRAP_NMI		 2
#define X86_TRAP_BP		 3
#define X86_TRAP_GP		13
#define X86_TRAP_PF		14
#define FIRST_EXTERNAL_VECTOR	0x20
#define FIRST_SYSTEM_VECTOR	0xec
#define IDT_ALIGN		(8 * (1 + 1))	/* IBT */

.macro FENCE_SWAPGS_USER_ENTRY
	ALTERNATIVE "", "lfence", X86_FEATURE_ALWAYS
.endm
.macro FENCE_SWAPGS_KERNEL_ENTRY
	ALTERNATIVE "", "lfence", X86_FEATURE_PTI
.endm
#define ANNOTATE_UNRET_END
#define RET	ret; int3

.macro ENCODE_FRAME_POINTER ptregs_offset=0
.endm

.macro idtentry_body cfunc has_error_code:req
	/* Save all registers in pt_regs */
	call	error_entry
	movq	%rax, %rsp			/* switch to the task stack if from user mode */
	ENCODE_FRAME_POINTER
	UNWIND_HINT_REGS

	movq	%rsp, %rdi			/* pt_regs pointer into 1st argument*/

	.if \has_error_code == 1
		movq	PTREGS_ORIG_AX(%rsp), %rsi	/* get error code into 2nd argument*/
		movq	$-1, PTREGS_ORIG_AX(%rsp)	/* no syscall to restart */
	.endif

	call	\cfunc

	/* For some configurations \cfunc ends up being a noreturn. */
	REACHABLE

	jmp	error_return
.endm

.macro REACHABLE
.endm

/**
 * idtentry - Macro to generate entry stubs for simple IDT entries
 */
.macro idtentry vector asmsym cfunc has_error_code:req
SYM_CODE_START(\asmsym)

	.if \vector == X86_TRAP_BP
		/* #BP advances %rip to the next instruction */
		UNWIND_HINT_IRET_REGS offset=\has_error_code*8 signal=0
	.else
		UNWIND_HINT_IRET_REGS offset=\has_error_code*8
	.endif

	ENDBR
	cld

	.if \has_error_code == 0
		pushq	$-1			/* ORIG_RAX: no syscall to restart */
	.endif

	.if \vector == X86_TRAP_BP
		/*
		 * If coming from kernel space, create a 6-word gap to allow the
		 * int3 handler to emulate a call instruction.
		 */
		testb	$3, PTREGS_CS-PTREGS_ORIG_AX(%rsp)
		jnz	.Lfrom_usermode_no_gap_\@
		.rept	6
		pushq	5*8(%rsp)
		.endr
		UNWIND_HINT_IRET_REGS offset=8
.Lfrom_usermode_no_gap_\@:
	.endif

	idtentry_body \cfunc \has_error_code

_ASM_NOKPROBE(\asmsym)
SYM_CODE_END(\asmsym)
.endm

.macro _ASM_NOKPROBE entry
	.pushsection "_kprobe_blacklist","aw"
	_ASM_ALIGN
	_ASM_PTR \entry;
	.popsection
.endm

#define DECLARE_IDTENTRY(vector, func)		idtentry vector asm_##func func has_error_code=0
#define DECLARE_IDTENTRY_ERRORCODE(vector, func) idtentry vector asm_##func func has_error_code=1
#define DECLARE_IDTENTRY_RAW(vector, func)	DECLARE_IDTENTRY(vector, func)

	.text
DECLARE_IDTENTRY(X86_TRAP_DE,		exc_divide_error)
DECLARE_IDTENTRY_RAW(X86_TRAP_BP,	exc_int3)
DECLARE_IDTENTRY_ERRORCODE(X86_TRAP_GP,	exc_general_protection)
DECLARE_IDTENTRY_ERRORCODE(X86_TRAP_PF,	exc_page_fault)

SYM_CODE_START_LOCAL(error_entry)
	UNWIND_HINT_FUNC

	PUSH_AND_CLEAR_REGS save_ret=1
	ENCODE_FRAME_POINTER 8

	testb	$3, PTREGS_CS+8(%rsp)
	jz	.Lerror_kernelspace

	/*
	 * We entered from user mode or we're pretending to have entered
	 * from user mode due to an IRET fault.
	 */
	swapgs
	FENCE_SWAPGS_USER_ENTRY
	/* We have user CR3.  Change to kernel CR3. */
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rax

	/* Put us onto the real thread stack. */
	leaq	8(%rsp), %rdi			/* arg0 = pt_regs pointer */
	jmp	sync_regs

.Lerror_kernelspace:
	leaq	native_irq_return_iret(%rip), %rcx
	cmpq	%rcx, PTREGS_IP+8(%rsp)
	je	.Lerror_bad_iret
	movl	%ecx, %eax			/* zero extend */
	cmpq	%rax, PTREGS_IP+8(%rsp)
	je	.Lbstep_iret
	cmpq	$.Lgs_change, PTREGS_IP+8(%rsp)
	jne	.Lerror_entry_done_lfence

	swapgs
	FENCE_SWAPGS_USER_ENTRY
	jmp	.Lerror_entry_done

.Lbstep_iret:
	/* Fix truncated RIP */
	movq	%rcx, PTREGS_IP+8(%rsp)
	/* fall through */

.Lerror_bad_iret:
	swapgs
	FENCE_SWAPGS_USER_ENTRY
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rax
	leaq	8(%rsp), %rdi
	call	fixup_bad_iret
	mov	%rax, %rdi
	jmp	sync_regs

.Lerror_entry_done_lfence:
	FENCE_SWAPGS_KERNEL_ENTRY
.Lerror_entry_done:
	leaq	8(%rsp), %rax			/* return pt_regs pointer */
	ANNOTATE_UNRET_END
	RET
.Lgs_change:
	movl	%edi, %gs
2:	ALTERNATIVE "", "mfence", X86_FEATURE_ALWAYS
	swapgs
	_ASM_EXTABLE(.Lgs_change, 2b)
SYM_CODE_END(error_entry)


/*
 * IRQ vector stubs: one push and a jump per vector, each stub IDT_ALIGN bytes.
 */
	.section .entry.text, "ax"
	.align IDT_ALIGN
SYM_CODE_START(irq_entries_start)
    vector=FIRST_EXTERNAL_VECTOR
    .rept 0x100 - FIRST_EXTERNAL_VECTOR
	UNWIND_HINT_IRET_REGS
1 :
	ENDBR
	.byte	0x6a, vector
	jmp	asm_common_interrupt
	/* Ensure that the above is IDT_ALIGN bytes max */
	.fill 1b + IDT_ALIGN - ., 1, 0xcc
	vector = vector+1
    .endr
SYM_CODE_END(irq_entries_start)

	.altmacro
	.macro irq_stub_ref num
	.quad	asm_irq_\num
	.endm
	.macro irq_stub num
	.globl asm_irq_\num
asm_irq_\num:
	pushq	$~(\num)
	jmp	asm_common_interrupt
	.endm

	.irp n, 0x20, 0x21, 0x22
	irq_stub %(\n+0)
	.endr
	.noaltmacro

	.section .rodata, "a"
	.balign 8
SYM_DATA_START(irq_stub_table)
	.altmacro
	.irp n, 32, 33, 34
	irq_stub_ref %n
	.endr
	.noaltmacro
SYM_DATA_END(irq_stub_table)
