/*
 * x86lab/ptregs.h - a pt_regs frame for example entry code, laid out like Linux's
 * struct pt_regs (arch/x86/include/asm/ptrace.h), with the macros that build and
 * unwind it.  Offsets are from the bottom of the frame (%rsp/%esp after PUSH_REGS).
 */
#ifndef X86LAB_PTREGS_H
#define X86LAB_PTREGS_H

#ifdef __x86_64__
#define R15		0*8
#define R14		1*8
#define R13		2*8
#define R12		3*8
#define RBP		4*8
#define RBX		5*8
#define R11		6*8
#define R10		7*8
#define R9		8*8
#define R8		9*8
#define RAX		10*8
#define RCX		11*8
#define RDX		12*8
#define RSI		13*8
#define RDI		14*8
#define ORIG_RAX	15*8
/* the hardware frame (SDM 6.14.2, figure 6-9) */
#define RIP		16*8
#define CS		17*8
#define EFLAGS		18*8
#define RSP		19*8
#define SS		20*8
#define SIZEOF_PTREGS	21*8

/* Save the general registers below orig_rax (the idtentry frame already holds it). */
.macro PUSH_REGS
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rax
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro POP_REGS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
.endm

#else /* i386 */

#define PT_EBX		0*4
#define PT_ECX		1*4
#define PT_EDX		2*4
#define PT_ESI		3*4
#define PT_EDI		4*4
#define PT_EBP		5*4
#define PT_EAX		6*4
#define PT_DS		7*4
#define PT_ES		8*4
#define PT_FS		9*4
#define PT_GS		10*4
#define PT_ORIG_EAX	11*4
/* the hardware frame (SDM 6.12.1, figure 6-4); sp/ss only pushed on a ring change */
#define PT_EIP		12*4
#define PT_CS		13*4
#define PT_EFLAGS	14*4
#define PT_OLDESP	15*4
#define PT_OLDSS	16*4
#define SIZEOF_PTREGS	17*4

.macro SAVE_ALL
	pushl %gs
	pushl %fs
	pushl %es
	pushl %ds
	pushl %eax
	pushl %ebp
	pushl %edi
	pushl %esi
	pushl %edx
	pushl %ecx
	pushl %ebx
.endm

.macro RESTORE_REGS
	popl %ebx
	popl %ecx
	popl %edx
	popl %esi
	popl %edi
	popl %ebp
	popl %eax
	popl %ds
	popl %es
	popl %fs
	popl %gs
.endm

#endif

#endif /* X86LAB_PTREGS_H */
