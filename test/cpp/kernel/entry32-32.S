/* i386-style entry: SAVE_ALL/RESTORE_REGS building a pt_regs frame with segment registers */
#include <asm/linkage.h>

#ifndef __i386__
# error "this file is for 32-bit mode"
#endif

#define __KERNEL_DS	0x18
#define __USER_DS	0x7b
#define __KERNEL_PERCPU	0xd8
#define PT_EBX		0
#define PT_ECX		4
#define PT_EDX		8
#define PT_ESI		12
#define PT_EDI		16
#define PT_EBP		20
#define PT_EAX		24
#define PT_DS		28
#define PT_ES		32
#define PT_FS		36
#define PT_GS		40
#define PT_ORIG_EAX	44
#define PT_EIP		48
#define PT_CS		52
#define PT_EFLAGS	56

.macro SAVE_ALL pt_regs_ax=%eax switch_stacks=0
	cld
	pushl	$0		/* gs */
	pushl	%fs
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
	movl	$(__KERNEL_PERCPU), %edx
	movl	%edx, %fs
	.if \switch_stacks > 0
	testl	$3, PT_CS(%esp)
	jz	.Lend_\@
	movl	%esp, %edi
.Lend_\@:
	.endif
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
	addl	$(4 + \pop), %esp	/* skip gs */
	_ASM_EXTABLE(1b, .Lrestore_fault_\@)
	_ASM_EXTABLE(2b, .Lrestore_fault_\@)
	_ASM_EXTABLE(3b, .Lrestore_fault_\@)
	.pushsection .fixup, "ax"
.Lrestore_fault_\@:
	movl	$0, (%esp)
	jmp	1b
	.popsection
.endm

	.text
SYM_CODE_START(entry_INT80_32)
	pushl	%eax			/* pt_regs->orig_ax */
	SAVE_ALL pt_regs_ax=$-38 switch_stacks=1
	movl	%esp, %eax
	call	do_int80_syscall_32
	RESTORE_REGS pop=4
	iret
SYM_CODE_END(entry_INT80_32)

.irp vec, 0, 1, 3, 6
SYM_CODE_START(asm_exc_\vec)
	pushl	$\vec
	SAVE_ALL
	movl	%esp, %eax
	movl	PT_ORIG_EAX(%esp), %edx
	call	handle_exception
	RESTORE_REGS
	iret
SYM_CODE_END(asm_exc_\vec)
.endr
