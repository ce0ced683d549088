/* SPDX-License-Identifier: GPL-2.0 */
/* Early 64-bit boot code, head_64.S style: CR/MSR setup, GDT, page tables. */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/percpu.h>
#include <rt/offsets.h>

#define _PAGE_BIT_NX 63
#define INIT_PER_CPU_VAR(var) init_per_cpu__##var
#define ANNOTATE_NOENDBR
#define ANNOTATE_RETPOLINE_SAFE
#define ORIG_RAX 120
#define GDT_ENTRIES 16
#define __START_KERNEL_map	0xffffffff80000000
#define __PAGE_OFFSET		0xffff888000000000
#define PAGE_SIZE		4096
#define PTRS_PER_PGD		512
#define L4_START_KERNEL		511
#define L3_START_KERNEL		510
#define __KERNEL_CS		0x10
#define __KERNEL_DS		0x18
#define __KERNEL32_CS		0x08
#define MSR_EFER		0xc0000080
#define MSR_GS_BASE		0xc0000101
#define _EFER_SCE		0
#define _EFER_LME		8
#define _EFER_NX		11
#define X86_CR0_PE		0x00000001
#define X86_CR0_MP		0x00000002
#define X86_CR0_ET		0x00000010
#define X86_CR0_NE		0x00000020
#define X86_CR0_WP		0x00010000
#define X86_CR0_AM		0x00040000
#define X86_CR0_PG		0x80000000
#define X86_CR4_PAE		0x00000020
#define X86_CR4_PGE		0x00000080
#define X86_CR4_LA57		0x00001000
#define CR0_STATE	(X86_CR0_PE | X86_CR0_MP | X86_CR0_ET | \
			 X86_CR0_NE | X86_CR0_WP | X86_CR0_AM | \
			 X86_CR0_PG)
#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080
#define _PAGE_GLOBAL	0x100
#define _KERNPG_TABLE_NOENC	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define __PAGE_KERNEL_LARGE_EXEC (_PAGE_PRESENT | _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_PSE)
#define pud_index(x)	(((x) >> 30) & 511)
#define l4_index(x)	(((x) >> 39) & 511)

#define GDT_ENTRY(flags, base, limit)			\
	((((base)  & 0xff000000) << (56-24)) |	\
	 (((flags) & 0x0000f0ff) << 40) |		\
	 (((limit) & 0x000f0000) << (48-16)) |	\
	 (((base)  & 0x00ffffff) << 16) |		\
	 (((limit) & 0x0000ffff)))

	.text
	.section .head.text, "ax"
	.code64
SYM_CODE_START_NOALIGN(startup_64)
	/* Set up the stack for verify_cpu() */
	leaq	(__end_init_task - PTREGS_SIZE)(%rip), %rsp

	leaq	_text(%rip), %rdi

	/* Setup GSBASE to allow stack canary access for C code */
	movl	$MSR_GS_BASE, %ecx
	leaq	INIT_PER_CPU_VAR(fixed_percpu_data)(%rip), %rdx
	movl	%edx, %eax
	shrq	$32,  %rdx
	wrmsr

	call	startup_64_setup_env

	/* Now switch to __KERNEL_CS so IRET works reliably */
	pushq	$__KERNEL_CS
	leaq	.Lon_kernel_cs(%rip), %rax
	pushq	%rax
	lretq

.Lon_kernel_cs:
	/* Sanitize CPU configuration */
	call verify_cpu

	leaq	_text(%rip), %rdi
	movq	%r15, %rsi
	call	__startup_64

	/* Form the CR3 value being sure to include the CR3 modifier */
	addq	$(early_top_pgt - __START_KERNEL_map), %rax
	jmp 1f
SYM_CODE_END(startup_64)

SYM_CODE_START(secondary_startup_64)
	ANNOTATE_NOENDBR
	call verify_cpu
	movq	$(init_top_pgt - __START_KERNEL_map), %rax
1:
	/* Enable PAE mode, PGE and LA57 */
	movl	$(X86_CR4_PAE | X86_CR4_PGE), %ecx
#ifdef CONFIG_X86_5LEVEL
	testl	$1, __pgtable_l5_enabled(%rip)
	jz	1f
	orl	$X86_CR4_LA57, %ecx
1:
#endif
	movq	%rcx, %cr4

	/* Setup early boot stage 4-/5-level pagetables. */
	addq	phys_base(%rip), %rax
	movq	%rax, %cr3

	/* Ensure I am executing from virtual addresses */
	movq	$1f, %rax
	ANNOTATE_RETPOLINE_SAFE
	jmp	*%rax
1:
	/* Check if nx is implemented */
	movl	$0x80000001, %eax
	cpuid
	movl	%edx,%edi

	/* Setup EFER (Extended Feature Enable Register) */
	movl	$MSR_EFER, %ecx
	rdmsr
	movl    %eax, %edx
	btsl	$_EFER_SCE, %eax	/* Enable System Call */
	btl	$20,%edi		/* No Execute supported? */
	jnc     1f
	btsl	$_EFER_NX, %eax
	btsq	$_PAGE_BIT_NX,early_pmd_flags(%rip)

	/* Avoid writing EFER if no change was made (for TDX guest) */
1:	cmpl	%edx, %eax
	je	1f
	xor	%edx, %edx
	wrmsr				/* Make changes effective */
1:
	/* Setup cr0 */
	movl	$CR0_STATE, %eax
	/* Make changes effective */
	movq	%rax, %cr0

	/* zero EFLAGS after setting rsp */
	pushq $0
	popfq

	/* Load the GDT and switch segments */
	lgdt	early_gdt_descr(%rip)
	xorl %eax,%eax
	movl %eax,%ds
	movl %eax,%ss
	movl %eax,%es
	movl %eax,%fs
	movl %eax,%gs

	movl	$MSR_GS_BASE,%ecx
	movl	initial_gs(%rip),%eax
	movl	initial_gs+4(%rip),%edx
	wrmsr

	/* rsi is pointer to real mode structure with interesting info. */
	movq	%r15, %rdi

	/* Finally jump to run C code and to be on a real kernel address. */
	pushq	$.Lafter_lret	# put return address on stack for unwinder
	xorl	%ebp, %ebp	# clear frame pointer
	movq	initial_code(%rip), %rax
	pushq	$__KERNEL_CS	# set correct cs
	pushq	%rax		# target address in negative space
	lretq
.Lafter_lret:
	ANNOTATE_NOENDBR
SYM_CODE_END(secondary_startup_64)


SYM_CODE_START_LOCAL(vc_no_ghcb)
	/* Build pt_regs */
	pushq	%r15
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	call	do_vc_no_ghcb
	addq	$8, %rsp
	iretq
	hlt
	jmp	. - 1
SYM_CODE_END(vc_no_ghcb)

	.data
	.balign	8
SYM_DATA(initial_code,	.quad x86_64_start_kernel)
SYM_DATA(initial_gs,	.quad INIT_PER_CPU_VAR(fixed_percpu_data))
SYM_DATA(initial_stack, .quad init_thread_union + (4 * PAGE_SIZE) - 16)

	.balign	16
SYM_DATA_START(early_gdt_descr)
	.word	GDT_ENTRIES*8-1
SYM_DATA_END(early_gdt_descr)
SYM_DATA(early_gdt_descr_base,	.quad INIT_PER_CPU_VAR(gdt_page))

	.balign 16
SYM_DATA_START(boot_gdt)
	.quad	0
	.quad	GDT_ENTRY(0xc09b, 0, 0xfffff)	/* __KERNEL32_CS */
	.quad	GDT_ENTRY(0xa09b, 0, 0xfffff)	/* __KERNEL_CS */
	.quad	GDT_ENTRY(0xc093, 0, 0xfffff)	/* __KERNEL_DS */
	.quad	GDT_ENTRY(0x0089, 0x1000, 0x67)	/* TSS */
	.fill	3, 8, 0
SYM_DATA_END(boot_gdt)

#define PMDS(START, PERM, COUNT)			\
	i = 0 ;						\
	.rept (COUNT) ;					\
	.quad	(START) + (i << 21) + (PERM) ;		\
	i = i + 1 ;					\
	.endr

	.section .init.data, "aw"
	.balign PAGE_SIZE
SYM_DATA_START(early_top_pgt)
	.fill	511,8,0
	.quad	level3_kernel_pgt - __START_KERNEL_map + _PAGE_RW + _PAGE_PRESENT
SYM_DATA_END(early_top_pgt)

	.balign PAGE_SIZE
SYM_DATA_START(level3_kernel_pgt)
	.fill	L3_START_KERNEL,8,0
	/* (2^48-(2*1024*1024*1024)-((2^39)*511))/(2^30) = 510 */
	.quad	level2_kernel_pgt - __START_KERNEL_map + _KERNPG_TABLE_NOENC
	.quad	level2_fixmap_pgt - __START_KERNEL_map + _PAGE_RW + _PAGE_PRESENT
SYM_DATA_END(level3_kernel_pgt)

	.balign PAGE_SIZE
SYM_DATA_START(level2_kernel_pgt)
	PMDS(0, __PAGE_KERNEL_LARGE_EXEC, 16)
	.org level2_kernel_pgt + PAGE_SIZE
SYM_DATA_END(level2_kernel_pgt)

SYM_DATA(phys_base, .quad 0x0)
SYM_DATA(__pgtable_l5_enabled, .long 0)
SYM_DATA(early_pmd_flags, .quad __PAGE_KERNEL_LARGE_EXEC & ~(_PAGE_GLOBAL))
	.quad	pud_index(__START_KERNEL_map), l4_index(__PAGE_OFFSET)
	.quad	__PAGE_OFFSET >> 12, -__START_KERNEL_map
