/* kernel-style entry: idtentry variants, paranoid entry, syscall path */
#include <asm/linkage.h>
#include <asm/calling.h>

#define X86_TRAP_DE	0
#define X86_TRAP_DB	1
#define X86_TRAP_BP	3
#define X86_TRAP_DF	8
#define X86_TRAP_GP	13
#define X86_TRAP_PF	14
#define __USER_CS	0x33
#define __USER_DS	0x2b
#define PER_CPU_VAR(var)	%gs:var
#define MSR_GS_BASE	0xc0000101

.macro UNWIND_HINT_IRET_REGS base=%rsp offset=0
.Lhint_\@:
	.pushsection .discard.hints, "a"
	.long	.Lhint_\@ - .
	.short	\offset
	.popsection
.endm

.macro idtentry_body cfunc has_error_code:req
	call	error_entry
	movq	%rax, %rsp
	UNWIND_HINT_IRET_REGS offset=ORIG_RAX
	movq	%rsp, %rdi			/* pt_regs pointer into 1st argument*/
	.if \has_error_code == 1
		movq	ORIG_RAX(%rsp), %rsi	/* get error code into 2nd argument*/
		movq	$-1, ORIG_RAX(%rsp)	/* no syscall to restart */
	.endif
	call	\cfunc
	jmp	error_return
.endm

.macro idtentry vector asmsym cfunc has_error_code:req
SYM_CODE_START(\asmsym)
	UNWIND_HINT_IRET_REGS offset=\has_error_code*8
	.if \has_error_code == 0
		pushq	$-1			/* ORIG_RAX: no syscall to restart */
	.endif
	.if \vector == X86_TRAP_BP
		testb	$3, CS-ORIG_RAX(%rsp)
		jnz	.Lfrom_usermode_no_gap_\@
		.rept	6
		pushq	5*8(%rsp)
		.endr
.Lfrom_usermode_no_gap_\@:
	.endif
	idtentry_body \cfunc \has_error_code
SYM_CODE_END(\asmsym)
.endm

.macro idtentry_irq vector cfunc
	.p2align 3
SYM_CODE_START(asm_\cfunc)
	pushq	$\vector
	idtentry_body \cfunc 1
SYM_CODE_END(asm_\cfunc)
.endm

	.section .entry.text, "ax"

idtentry X86_TRAP_DE	asm_exc_divide_error	exc_divide_error	has_error_code=0
idtentry X86_TRAP_BP	asm_exc_int3		exc_int3		has_error_code=0
idtentry X86_TRAP_GP	asm_exc_gp		exc_general_protection	has_error_code=1
idtentry X86_TRAP_PF	asm_exc_page_fault	exc_page_fault		has_error_code=1
idtentry_irq 0xec sysvec_apic_timer

SYM_CODE_START_LOCAL(error_entry)
	PUSH_AND_CLEAR_REGS save_ret=1
	testb	$3, CS+8(%rsp)
	jz	.Lerror_kernelspace
	swapgs
	leaq	8(%rsp), %rdi
	jmp	sync_regs
.Lerror_kernelspace:
	leaq	8(%rsp), %rax
	ret
SYM_CODE_END(error_entry)

SYM_CODE_START_LOCAL(error_return)
	testb	$3, CS(%rsp)
	jz	restore_regs_and_return_to_kernel
	jmp	swapgs_restore_regs_and_return_to_usermode
SYM_CODE_END(error_return)

SYM_CODE_START_LOCAL(paranoid_entry)
	PUSH_AND_CLEAR_REGS save_ret=1
	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	1f
	swapgs
	xorl	%ebx, %ebx
	ret
1:	movl	$1, %ebx
	ret
SYM_CODE_END(paranoid_entry)

SYM_CODE_START(entry_SYSCALL_64)
	swapgs
	movq	%rsp, PER_CPU_VAR(cpu_tss_rw + 4)
	movq	PER_CPU_VAR(cpu_current_top_of_stack), %rsp
	pushq	$__USER_DS				/* pt_regs->ss */
	pushq	PER_CPU_VAR(cpu_tss_rw + 4)		/* pt_regs->sp */
	pushq	%r11					/* pt_regs->flags */
	pushq	$__USER_CS				/* pt_regs->cs */
	pushq	%rcx					/* pt_regs->ip */
	pushq	%rax					/* pt_regs->orig_ax */
	PUSH_AND_CLEAR_REGS rax=$-38
	movq	%rsp, %rdi
	movslq	%eax, %rsi
	call	do_syscall_64
	POP_REGS pop_rdi=0
	movq	%rsp, %rdi
	movq	PER_CPU_VAR(cpu_tss_rw + 4), %rsp
	pushq	RSP-RDI(%rdi)
	pushq	(%rdi)
	popq	%rdi
	popq	%rsp
	swapgs
	sysretq
SYM_CODE_END(entry_SYSCALL_64)

SYM_CODE_START_LOCAL(restore_regs_and_return_to_kernel)
	POP_REGS
	addq	$8, %rsp
	iretq
SYM_CODE_END(restore_regs_and_return_to_kernel)

SYM_CODE_START_LOCAL(swapgs_restore_regs_and_return_to_usermode)
	POP_REGS
	addq	$8, %rsp
	swapgs
.Lnative_iret:
	iretq
SYM_CODE_END(swapgs_restore_regs_and_return_to_usermode)

SYM_FUNC_START(load_gs_index)
	pushfq
	cli
	swapgs
.Lgs_change:
	movl	%edi, %gs
2:	swapgs
	popfq
	ret
	_ASM_EXTABLE(.Lgs_change, .Lbad_gs)
	.section .fixup, "ax"
.Lbad_gs:
	swapgs
	movl	$__USER_DS, %eax
	movl	%eax, %gs
	jmp	2b
	.previous
SYM_FUNC_END(load_gs_index)
