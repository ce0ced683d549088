/* SPDX-License-Identifier: MIT */
/*
 * entry_64.S - exception and interrupt entry for a small x86-64 kernel, written in the
 * style of Linux's arch/x86/entry/entry_64.S (but not derived from it).
 *
 * Every exception vector gets a stub from the `idtentry` macro.  The stub makes the stack
 * look the same whether or not the CPU pushed an error code, saves the general registers
 * into a frame (entry/frame.h), calls a C handler with (frame, error_code) and returns
 * through a shared exit path.  With create_gap=1 the stub first makes room below the
 * hardware frame when it interrupted kernel code, so a handler may emulate a push (the
 * int3 "call emulation" trick).
 *
 * Build: gcc -c -I examples/include examples/entry_64.S
 *        x86lab as -I examples/include examples/entry_64.S
 */

#include <entry/frame.h>
#include <entry/linkage.h>

#ifndef NR_IRQ_STUBS
# define NR_IRQ_STUBS	8		/* external interrupt stubs, vectors 32.. */
#endif
#define FIRST_EXTERNAL_VECTOR	0x20
#define GAP_WORDS		5	/* RIP, CS, RFLAGS, RSP, SS */

#if NR_IRQ_STUBS > 224 || NR_IRQ_STUBS < 1
# error "NR_IRQ_STUBS out of range"
#endif

/*
 * SAVE_FRAME: push the general registers below the error-code slot, so that afterwards
 * %rsp points at a complete frame.  rax=... lets a caller store another value in the
 * RAX slot (the syscall path would pass -ENOSYS).
 */
.macro SAVE_FRAME rax=%rax, clear_regs=1
	pushq	%rdi		/* F_RDI */
	pushq	%rsi		/* F_RSI */
	pushq	%rdx		/* F_RDX */
	pushq	%rcx		/* F_RCX */
	pushq	\rax		/* F_RAX */
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx		/* F_RBX */
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15		/* F_R15 */
	.if \clear_regs
	/* do not leak interrupted-context values into C code speculatively */
	.irp reg, r8d, r9d, r10d, r11d, ebx, ebp, r12d, r13d, r14d, r15d
	xorl	%\reg, %\reg
	.endr
	.endif
.endm

/* RESTORE_FRAME: the inverse; skip_rax=1 leaves the return value in %rax alone. */
.macro RESTORE_FRAME skip_rax=0
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	.ifeq \skip_rax
	popq	%rax
	.else
	addq	$WORD_SIZE, %rsp
	.endif
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/* Switch to the kernel GS base if we came from user mode (CS.RPL != 0). */
.macro SWAPGS_IF_USER frame_cs
	testb	$USER_RPL_MASK, \frame_cs
	jz	1f
	swapgs
1:
.endm

/*
 * idtentry vector, name, handler, has_error_code, create_gap
 *   Emits the entry point `name` for `vector`; the C handler is called as
 *   handler(struct frame *regs, unsigned long error_code).
 */
.macro idtentry vector:req, name:req, handler:req, has_error_code:req, create_gap=0
	.if \has_error_code > 1 || \has_error_code < 0
	.error "idtentry: has_error_code must be 0 or 1"
	.endif
	.ifc \name,\handler
	.error "idtentry: the stub and the handler need different names"
	.endif

ENTRY(\name)
	.if \has_error_code == 0
	pushq	$-1			/* no error code: keep the frame shape */
	.endif

	.if \create_gap == 1
	/*
	 * From kernel mode, copy the error-code slot and the hardware frame one frame
	 * lower, so the old copy becomes a gap between the frame and the interrupted stack;
	 * from user mode (CS.RPL != 0) the stack is fresh and nothing is needed.  %rsp
	 * points at the error-code slot here, so the CPU's CS is two words up.
	 */
	testb	$USER_RPL_MASK, F_CS - F_ERRCODE(%rsp)
	jnz	.Lfrom_user_\@
	.rept GAP_WORDS + 1
	pushq	GAP_WORDS * WORD_SIZE(%rsp)	/* each push moves the next word into reach */
	.endr
.Lfrom_user_\@:
	.endif

	SAVE_FRAME
	SWAPGS_IF_USER F_CS(%rsp)

	movq	%rsp, %rdi		/* struct frame * */
	movq	F_ERRCODE(%rsp), %rsi	/* error code */
	movq	$-1, F_ERRCODE(%rsp)	/* no syscall restart from here */
	call	\handler
	jmp	exception_exit
END(\name)

	/* record the stub in the vector table */
	.pushsection .rodata.idt_stubs, "a"
	.balign 8
	.quad	\vector, \name
	.popsection
.endm

	.section .entry.text, "ax"

/* the exceptions (SDM Vol. 3A table 6-1); double fault and #PF push error codes */
	idtentry  0, asm_divide_error,   do_divide_error,   has_error_code=0
	idtentry  1, asm_debug,          do_debug,          0
	idtentry  3, asm_int3,           do_int3,           0, create_gap=1
	idtentry  6, asm_invalid_op,     do_invalid_op,     0
	idtentry 8, asm_double_fault, do_double_fault, 1
	idtentry 13, asm_general_protection, do_general_protection, 1
	idtentry 14, asm_page_fault,     do_page_fault,     1

/*
 * Shared exit: restore registers, drop the error-code slot and return.  Interrupted
 * user mode gets its GS base back first.
 */
LOCAL_ENTRY(exception_exit)
	SWAPGS_IF_USER F_CS(%rsp)
	RESTORE_FRAME
	addq	$WORD_SIZE, %rsp	/* error code */
	iretq
END(exception_exit)

/*
 * External interrupts: one 8-byte-aligned stub per vector, generated with .rept and a
 * symbol re-assigned on every pass.  Each stub pushes its vector and joins common_irq.
 */
	.altmacro
.macro irq_stub_label n
irq_stub_\n:
.endm
	.noaltmacro

	.p2align 3
ENTRY(irq_entries_start)
	vector = FIRST_EXTERNAL_VECTOR
	.rept NR_IRQ_STUBS
	.altmacro
	irq_stub_label %vector
	.noaltmacro
	pushq	$vector
	jmp	common_irq
	.p2align 3, 0xcc
	vector = vector + 1
	.endr
END(irq_entries_start)

LOCAL_ENTRY(common_irq)
	SAVE_FRAME clear_regs=0
	SWAPGS_IF_USER F_CS(%rsp)
	movq	%rsp, %rdi
	movq	F_ERRCODE(%rsp), %rsi	/* the vector number the stub pushed */
	call	do_irq
	jmp	exception_exit
END(common_irq)

/*
 * copy_word_nofault(dst=%rdi, src=%rsi): returns 0 in %eax, or -EFAULT when reading the
 * source faults; the fault handler finds the resume address in __ex_table.
 */
ENTRY(copy_word_nofault)
	xorl	%eax, %eax
1:	movq	(%rsi), %rdx
2:	movq	%rdx, (%rdi)
3:	ret
4:	movl	$-14, %eax		/* -EFAULT */
	jmp	3b
	EX_ENTRY(1b, 4b)
	EX_ENTRY(2b, 4b, 1)
END(copy_word_nofault)

/* a small self-check table: the frame offsets as the C side must see them */
	.pushsection .rodata.frame_layout, "a"
	.balign 4
GLUE(frame_, layout):
	.irp field, F_R15, F_RBX, F_RAX, F_RDI, F_ERRCODE, F_RIP, F_CS, F_RFLAGS, F_RSP, F_SS
	.short	\field
	.endr
	.short	FRAME_SIZE
	.asciz	STRINGIFY(entry_64 frame v1)
	.popsection

#ifdef CONFIG_ENTRY_SELFTEST
	.long	0xdeadbeef
#endif
