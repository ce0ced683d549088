/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Real-mode trampoline for secondary CPUs, trampoline_64.S style:
 * 16-bit entry, 32-bit protected mode, then long mode.
 */
#include <rt/linkage.h>
#include <rt/asm.h>

#define CR0_STATE 0x80050033
#define PAGE_SIZE 4096
#define SYM_DATA_END_LABEL(name, linkage, label) \
	linkage(label) ASM_NL .type name, SYM_T_OBJECT ASM_NL label: ASM_NL .size name, label - name
#define SYM_DATA_LOCAL(name, x...) SYM_START(name, SYM_L_LOCAL, ) ASM_NL x ASM_NL SYM_END(name, SYM_T_OBJECT)
#define __KERNEL_CS	0x10
#define __KERNEL32_CS	0x08
#define __KERNEL_DS	0x18
#define X86_CR0_PE	0x00000001
#define X86_CR0_PG	0x80000000
#define X86_CR4_PAE	0x00000020
#define MSR_EFER	0xc0000080
#define _EFER_LME	8
#define LJMPW_RM(to)	.byte 0xea ; .word (to), real_mode_seg

	.section ".text32","ax"
	.code32
	.balign 4
SYM_CODE_START(startup_32)
	movl	%edx, %ss
	addl	$pa_real_mode_base, %esp
	movl	%edx, %ds
	movl	%edx, %es
	movl	%edx, %fs
	movl	%edx, %gs

	/*
	 * Check for memory encryption support.
	 */
	movl	pa_tr_flags, %eax
	bt	$0, %eax
	jnc	.Ldone
	movl	$0xc0010010, %ecx
	rdmsr
	bts	$23, %eax
	jc	.Ldone
	wrmsr
	wbinvd
.Ldone:

	movl	pa_tr_cr4, %eax
	movl	%eax, %cr4		# Enable PAE mode

	# Setup trampoline 4 level pagetables
	movl	$pa_trampoline_pgd, %eax
	movl	%eax, %cr3

	# Set up EFER
	movl	$MSR_EFER, %ecx
	rdmsr
	cmp	pa_tr_efer, %eax
	jne	.Lwrite_efer
	cmp	pa_tr_efer + 4, %edx
	je	.Ldone_efer
.Lwrite_efer:
	movl	pa_tr_efer, %eax
	movl	pa_tr_efer + 4, %edx
	wrmsr

.Ldone_efer:
	# Enable paging and in turn activate Long Mode.
	movl	$CR0_STATE, %eax
	movl	%eax, %cr0

	/*
	 * At this point we're in long mode but in 32bit compatibility mode
	 * with EFER.LME = 1, CS.L = 0, CS.D = 1 (and in turn
	 * EFER.LMA = 1). Now we want to jump in 64bit mode, to do that we use
	 * the new gdt/idt that has __KERNEL_CS with CS.L = 1.
	 */
	ljmpl	$__KERNEL_CS, $pa_startup_64
	lcall	*(%eax)
	ljmp	*4(%esp)
	pushw	%ds
	popl	%es
	pushal
	popal
SYM_CODE_END(startup_32)

	.section ".text64","ax"
	.code64
	.balign 4
SYM_CODE_START(startup_64)
	# Now jump into the kernel using virtual addresses
	jmpq	*tr_start(%rip)
	ljmp	*(%rax)
	lcall	*8(%rsp)
	rex64 ljmp *(%rdi)
SYM_CODE_END(startup_64)

	.section ".rodata","a"
	# Duplicate the global descriptor table
	# so the kernel can live anywhere
	.balign	16
SYM_DATA_START(tr_gdt)
	.short	tr_gdt_end - tr_gdt - 1	# gdt limit
	.long	pa_tr_gdt
	.short	0
	.quad	0x00cf9b000000ffff	# __KERNEL32_CS
	.quad	0x00af9b000000ffff	# __KERNEL_CS
	.quad	0x00cf93000000ffff	# __KERNEL_DS
SYM_DATA_END_LABEL(tr_gdt, SYM_L_LOCAL, tr_gdt_end)

	.bss
	.balign	PAGE_SIZE
SYM_DATA(trampoline_pgd, .space PAGE_SIZE)

	.balign	8
SYM_DATA_START(trampoline_header)
	SYM_DATA_LOCAL(tr_start,	.space 8)
	SYM_DATA(tr_efer,		.space 8)
	SYM_DATA(tr_cr4,		.space 4)
	SYM_DATA(tr_flags,		.space 4)
SYM_DATA_END(trampoline_header)

	.data
tr_idt:	.short 0, 0, 0
rm_stack:
	.space	64
rm_stack_end:
	.equ	real_mode_seg, 0x9000
	.set	pa_real_mode_base, 0x90000
	pa_startup_32 = 0x90100
	pa_startup_64 = 0x90200
	.equiv	pa_tr_gdt, 0x90300
	pa_tr_flags = pa_tr_gdt + 0x40
	pa_tr_cr4 = pa_tr_flags + 4
	pa_tr_efer = pa_tr_flags + 8
	pa_trampoline_pgd = 0x91000
