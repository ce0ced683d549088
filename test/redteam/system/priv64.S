/* priv64.S - privileged instructions at CPL 3 are #GP(0) (lgdt, lidt, ltr, mov to/from CR, mov DR,
 * wrmsr, rdmsr, invlpg, clts, swapgs, sysret, hlt, cli with IOPL 0); sgdt/sidt/str/smsw and
 * rdtsc are allowed with UMIP and TSD clear (SDM each instruction's protected-mode exceptions).
 * In ring 0 first: lmsw sets TS, clts clears it, lmsw $0 clears MP but cannot clear PE. */
#include "kern64.h"
	.data
ngp:	.quad 0
gp_rips: .fill 16, 8, 0
u_gdt:	.word 0
	.quad 0
u_str:	.quad 0xffff
k_cr0:	.quad 0, 0, 0
u_msw:	.quad 0xffff
	.bss
	.balign 4096
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
.macro priv lbl, insn:vararg
	leaq 9f(%rip), %r15
\lbl:	\insn
9:
.endm
	.text
	.globl _start
_start:
	kernel_setup
	leaq kstack_top(%rip), %rax
	movq %rax, tss_rsp0(%rip)
	load_tss
	gate 13, h_gp
	gate 0x80, h_exit, 0xee
	smsw %ax
	orw $8, %ax
	lmsw %ax
	movq %cr0, %rax
	movq %rax, k_cr0(%rip)
	clts
	movq %cr0, %rax
	movq %rax, k_cr0+8(%rip)
	xorl %eax, %eax
	lmsw %ax
	movq %cr0, %rax
	movq %rax, k_cr0+16(%rip)
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x202
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:
	priv p_lgdt, lgdt gdtr(%rip)
	priv p_lidt, lidt idtr(%rip)
	priv p_ltr, ltr %ax
	priv p_crw, movq %rax, %cr3
	priv p_crr, movq %cr0, %rax
	priv p_dr, movq %dr7, %rax
	priv p_wrmsr, wrmsr
	priv p_rdmsr, rdmsr
	priv p_invlpg, invlpg (%rsp)
	priv p_clts, clts
	priv p_swapgs, swapgs
	priv p_sysret, sysretq
	priv p_hlt, hlt
	priv p_cli, cli
	sgdt u_gdt(%rip)
	str u_str(%rip)
	smsw u_msw(%rip)
	rdtsc
	int $0x80

h_gp:	movq ngp(%rip), %rdx
	leaq gp_rips(%rip), %rdi
	popq %rax				/* error code: must be 0 */
	orq 0(%rsp), %rax
	movq %rax, (%rdi,%rdx,8)
	incq ngp(%rip)
	movq %r15, (%rsp)
	iretq
h_exit:	hlt
