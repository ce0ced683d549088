/* Real-mode entry of a trampoline (.code16), trampoline_64.S style. */
#include <rt/linkage.h>
#define __KERNEL32_CS	0x08
#define __KERNEL_DS	0x18
#define X86_CR0_PG	0x80000000
#define CR0_STATE	0x80050033
#define PAGE_SIZE	4096
#define LJMPW_RM(to)	.byte 0xea ; .word (to), real_mode_seg
	.text
	.code16

	.balign	PAGE_SIZE
SYM_CODE_START(trampoline_start)
	cli			# We should be safe anyway
	wbinvd

	LJMPW_RM(1f)
1:
	mov	%cs, %ax	# Code and data in the same place
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss

	# Setup stack
	movl	$rm_stack_end, %esp

	call	verify_cpu		# Verify the cpu supports long mode
	testl   %eax, %eax		# Check for return code
	jnz	no_longmode

.Lswitch_to_protected:
	/*
	 * GDT tables in non default location kernel can be beyond 16MB and
	 * lgdt will not be able to load the address as in real mode default
	 * operand size is 16bit. Use lgdtl instead to force operand size
	 * to 32 bit.
	 */

	lidtl	tr_idt	# load idt with 0, 0
	lgdtl	tr_gdt	# load gdt with whatever is appropriate

	movw	$__KERNEL_DS, %dx	# Data segment descriptor

	# Enable protected mode
	movl	$(CR0_STATE & ~X86_CR0_PG), %eax
	movl	%eax, %cr0		# into protected mode

	# flush prefetch and jump to startup_32
	ljmpl	$__KERNEL32_CS, $pa_startup_32

no_longmode:
	hlt
	jmp no_longmode
SYM_CODE_END(trampoline_start)

SYM_CODE_START(sev_es_trampoline_start)
	cli			# We should be safe anyway

	LJMPW_RM(1f)
1:
	mov	%cs, %ax	# Code and data in the same place
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	movw	$0x1000, %sp
	pushw	$0
	pushl	$0x12345678
	popfw
	lea	4(%bx,%si), %di
	movzbw	(%bp), %cx
	movw	%ss:-2(%bp,%di), %ax
	rep stosb
	addr32 movl 4(%esp), %eax
	data32 call 2f
2:	retw
	lretl
	jmp	.Lswitch_to_protected
SYM_CODE_END(sev_es_trampoline_start)


	.data
tr_idt:	.short 0, 0, 0
tr_gdt:	.short 0x1f
	.long 0x90300
	.short 0
rm_stack:
	.space	64
rm_stack_end:
	.equ	real_mode_seg, 0x9000
	pa_startup_32 = 0x90100
