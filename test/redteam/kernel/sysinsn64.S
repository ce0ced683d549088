/* SPDX-License-Identifier: GPL-2.0 */
/* Assorted system helpers: per-CPU atomics, FPU state, TLB, MSR/CR access, idle. */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/alternative.h>
#include <rt/percpu.h>

#define RET ret
#define X86_EFLAGS_ZF 0x40
#define MSR_IA32_SPEC_CTRL	0x00000048
#define MSR_IA32_PRED_CMD	0x00000049
#define PRED_CMD_IBPB		(1 << 0)
#define SPEC_CTRL_IBRS		(1 << 0)
#define X86_FEATURE_XSAVEOPT	( 7*32+ 4)
#define X86_FEATURE_XSAVEC	(10*32+ 1)
#define X86_FEATURE_CLFLUSHOPT	( 9*32+23)
#define X86_FEATURE_CLWB	( 9*32+24)
#define X86_FEATURE_FSGSBASE	( 9*32+ 0)
#define INVPCID_TYPE_INDIV_ADDR	0

	.text
/* this_cpu_cmpxchg16b emulation: %rsi points into the per-CPU area */
SYM_FUNC_START(this_cpu_cmpxchg16b_emu)
	pushfq
	cli

	/* if (*ptr == old) */
	cmpq	%gs:0(%rsi), %rax
	jne	.Lnot_same
	cmpq	%gs:8(%rsi), %rdx
	jne	.Lnot_same

	/* *ptr = new */
	movq	%rbx, %gs:0(%rsi)
	movq	%rcx, %gs:8(%rsi)

	/* set ZF in EFLAGS to indicate success */
	orl	$X86_EFLAGS_ZF, (%rsp)

	popfq
	RET

.Lnot_same:
	/* *ptr != old, return old */
	movq	%gs:0(%rsi), %rax
	movq	%gs:8(%rsi), %rdx

	/* clear ZF in EFLAGS to indicate failure */
	andl	$(~X86_EFLAGS_ZF), (%rsp)

	popfq
	RET
SYM_FUNC_END(this_cpu_cmpxchg16b_emu)

SYM_FUNC_START(percpu_atomics)
	lock cmpxchg16b %gs:(%rsi)
	cmpxchg16b	PER_CPU_VAR(pcpu_slot)
	lock; cmpxchg8b	(%rdi)
	lock xaddl	%eax, PER_CPU_VAR(pcpu_counter)
	lock incq	PER_CPU_VAR(pcpu_counter + 8)
	lock btsq	$3, (%rdi)
	lock btrl	%ecx, 8(%rdi)
	xchgq	%rax, PER_CPU_VAR(pcpu_ptr)
	addq	$1, %gs:pcpu_counter(%rip)
	movl	%gs:0x28, %eax
	movq	%fs:-8, %rcx
	movq	%gs:(pcpu_base), %rdx
	incl	%gs:__preempt_count
	decl	%gs:__preempt_count(%rip)
	RET
SYM_FUNC_END(percpu_atomics)

SYM_FUNC_START(fpu_state_ops)
	movl	$-1, %eax
	movl	$-1, %edx
	ALTERNATIVE_2 "xsave (%rdi)", "xsaveopt (%rdi)", X86_FEATURE_XSAVEOPT, \
		      "xsavec (%rdi)", X86_FEATURE_XSAVEC
	xrstor	(%rdi)
	xsave64	(%rdi)
	xrstor64 (%rdi)
	xsaves	64(%rdi)
	xrstors	64(%rdi)
	fxsave	(%rdi)
	fxrstor	(%rdi)
	fxsaveq	(%rdi)
	fxrstorq (%rdi)
	fninit
	fnstcw	-2(%rsp)
	fldcw	-2(%rsp)
	fnclex
	fwait
	xgetbv
	xsetbv
	ldmxcsr	(%rdi)
	stmxcsr	4(%rdi)
	RET
SYM_FUNC_END(fpu_state_ops)

SYM_FUNC_START(tlb_and_cache)
	invlpg	(%rdi)
	invlpg	0x1000(%rdi,%rsi,8)
	invpcid	(%rsp), %rax
	ALTERNATIVE "ds clflush (%rdi)", "clflushopt (%rdi)", X86_FEATURE_CLFLUSHOPT
	clwb	(%rdi)
	wbinvd
	invd
	mfence
	lfence
	sfence
	prefetcht0 (%rdi)
	prefetchw 64(%rsi)
	prefetchnta (%rdx)
	movnti	%rax, (%rdi)
	movnti	%ecx, 8(%rdi)
	RET
SYM_FUNC_END(tlb_and_cache)

SYM_FUNC_START(cr_msr_access)
	movq	%cr0, %rax
	movq	%rax, %cr0
	mov	%cr2, %rax
	mov	%cr3, %rdi
	movq	%cr4, %rsi
	movq	%rsi, %cr4
	movq	%cr8, %rax
	movq	%rax, %cr8
	movq	%db7, %rax
	movq	%rax, %db7
	movq	%dr6, %rcx
	movl	$MSR_IA32_SPEC_CTRL, %ecx
	rdmsr
	orl	$SPEC_CTRL_IBRS, %eax
	wrmsr
	movl	$MSR_IA32_PRED_CMD, %ecx
	movl	$PRED_CMD_IBPB, %eax
	xorl	%edx, %edx
	wrmsr
	rdpmc
	rdtsc
	rdtscp
	rdpid	%rax
	lfence; rdtsc
	shlq	$32, %rdx
	orq	%rdx, %rax
	cpuid
	rdfsbase %rax
	wrgsbase %rdi
	rdgsbase %r11d
	wrfsbase %eax
	swapgs
	RET
SYM_FUNC_END(cr_msr_access)

SYM_FUNC_START(descriptor_tables)
	sgdt	(%rdi)
	sidt	(%rdi)
	lgdt	(%rdi)
	lidt	idt_descr(%rip)
	sldt	%ax
	lldt	%ax
	str	%ax
	ltr	%di
	smsw	%eax
	lmsw	%ax
	clts
	verr	%ax
	verw	%cx
	lsl	%eax, %eax
	lar	%ecx, %edx
	movw	$0x18, %ax
	movw	%ax, %ss
	movl	%eax, %es
	mov	%ds, %ecx
	pushq	%fs
	popq	%gs
	RET
SYM_FUNC_END(descriptor_tables)

SYM_FUNC_START(idle_and_misc)
	sti
	hlt
	sti; hlt
	monitor	%rax, %ecx, %edx
	mwait	%eax, %ecx
	monitor
	mwait
	pause
	rep; nop
	stac
	clac
	ud2
	ud1	%eax, %eax
	int3
	int	$0x80
	into_ok:
	iretq
	sysretq
	sysretl
	sysexitq
	lretq
	lret	$8
	ret	$16
	leave
	enter	$32, $0
	xlat	(%rbx)
	cbtw
	cwtl
	cltq
	cqto
	cltd
	cwtd
	RET
SYM_FUNC_END(idle_and_misc)

	.section .rodata, "a"
idt_descr:
	.word	256*16-1
	.quad	idt_table
