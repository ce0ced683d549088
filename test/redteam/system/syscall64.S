/* syscall64.S - STAR/LSTAR/FMASK/KERNEL_GS_BASE by wrmsr; sysretq into ring 3 first (CS =
 * STAR[63:48]+16|3, SS = +8|3, RFLAGS = R11 & 0x3c7fd7 | 2), syscall saves RIP in RCX and
 * RFLAGS in R11 and masks RFLAGS with FMASK (SDM SYSCALL/SYSRET), swapgs exchanges GS base with
 * KERNEL_GS_BASE. */
#include "kern64.h"
#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_FMASK 0xc0000084
#define MSR_GS_BASE 0xc0000101
#define MSR_KGS_BASE 0xc0000102
	.data
	.balign 64
percpu:	.quad 0x2222, 0, 0
user_tls: .quad 0x1111
u_gs:	.quad 0
u_cs:	.quad 0
u_ss:	.quad 0
u_fl:	.quad 0
u_rax:	.quad 0
u_fl2:	.quad 0
k_gs:	.quad 0
k_rcx:	.quad 0
k_r11:	.quad 0
k_fl:	.quad 0
k_cs:	.quad 0
k_ss:	.quad 0
	.bss
	.balign 4096
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
.macro wrmsr64 msr, sym
	movl $\msr, %ecx
	leaq \sym, %rax
	movq %rax, %rdx
	shrq $32, %rdx
	wrmsr
.endm
	.text
	.globl _start
_start:
	kernel_setup
	leaq kstack_top(%rip), %rax
	movq %rax, tss_rsp0(%rip)
	movq %rax, percpu+16(%rip)
	load_tss
	gate 0x82, exit_h, 0xee
	movl $MSR_EFER, %ecx
	rdmsr
	orl $1, %eax
	wrmsr
	movl $MSR_STAR, %ecx
	xorl %eax, %eax
	movl $((0x18 << 16) | KCS), %edx
	wrmsr
	wrmsr64 MSR_LSTAR, entry(%rip)
	wrmsr64 MSR_KGS_BASE, percpu(%rip)
	wrmsr64 MSR_GS_BASE, user_tls(%rip)
	movl $MSR_FMASK, %ecx
	movl $0x47700, %eax
	xorl %edx, %edx
	wrmsr
	leaq ustack_top(%rip), %rsp
	leaq user(%rip), %rcx
	movl $0x602, %r11d			/* IF | DF */
to_user: sysretq

user:	movq %gs:0, %rax
	movq %rax, u_gs(%rip)
	movw %cs, u_cs(%rip)
	movw %ss, u_ss(%rip)
	cmpl %eax, %eax
	pushfq
	popq u_fl(%rip)
	cmpl %eax, %eax
	movl $5, %edi
u_sys:	syscall
u_after:
	movq %rax, u_rax(%rip)
	pushfq
	popq u_fl2(%rip)
u_exit:	int $0x82

entry:	swapgs
	movq %rsp, %gs:8
	movq %gs:16, %rsp
	pushfq
	popq k_fl(%rip)
	movq %gs:0, %rax
	movq %rax, k_gs(%rip)
	movq %rcx, k_rcx(%rip)
	movq %r11, k_r11(%rip)
	movw %cs, k_cs(%rip)
	movw %ss, k_ss(%rip)
	leaq (%rdi,%rdi), %rax
	movq %gs:8, %rsp
	swapgs
k_ret:	sysretq

exit_h:
k_done:	hlt
