/* ring3_64.S - iretq to ring 3 (DS/ES with DPL < 3 become null, SDM IRET), popfq at CPL 3 with
 * IOPL 0 leaves IF and IOPL alone, int $0x80 through a DPL-3 gate switches to TSS.RSP0 with a
 * null SS (SDM 6.14.4), int $0x81 through a DPL-0 gate is #GP(0x81*8+2), cli and hlt at CPL 3
 * are #GP(0); exit through int $0x82. */
#include "kern64.h"
	.data
u_ds:	.quad 0xffff
u_es:	.quad 0xffff
u_cs:	.quad 0
u_fl1:	.quad 0
u_fl2:	.quad 0
u_rax:	.quad 0
k_ss:	.quad 0xffff
k_rsp:	.quad 0
k_frame: .quad 0,0,0,0,0
ngp:	.quad 0
gp_log:	.fill 8, 8, 0
gp_cs:	.quad 0
x_frame: .quad 0,0,0,0,0
	.bss
	.balign 4096
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
	.text
	.globl _start
_start:
	kernel_setup
	leaq kstack_top(%rip), %rax
	movq %rax, tss_rsp0(%rip)
	load_tss
	gate 0x80, sys_h, 0xee
	gate 0x81, sys_h, 0x8e
	gate 0x82, exit_h, 0xee
	gate 13, gp_h
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x202
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
to_user: iretq

user:	movw %ds, u_ds(%rip)
	movw %es, u_es(%rip)
	movw %cs, u_cs(%rip)
	pushfq
	popq u_fl1(%rip)
	pushq $0x3000				/* IOPL 3, IF 0: both ignored at CPL 3 */
	popfq
	pushfq
	popq u_fl2(%rip)
	movl $7, %eax
u_int80: int $0x80
u_after80:
	movq %rax, u_rax(%rip)
	leaq u_after81(%rip), %r15
u_int81: int $0x81
u_after81:
	leaq u_after_cli(%rip), %r15
u_cli:	cli
u_after_cli:
	leaq u_after_hlt(%rip), %r15
u_hlt:	hlt
u_after_hlt:
u_exit:	int $0x82

sys_h:	movw %ss, k_ss(%rip)
	movq %rsp, k_rsp(%rip)
	movq 0(%rsp), %rcx; movq %rcx, k_frame(%rip)
	movq 8(%rsp), %rcx; movq %rcx, k_frame+8(%rip)
	movq 16(%rsp), %rcx; movq %rcx, k_frame+16(%rip)
	movq 24(%rsp), %rcx; movq %rcx, k_frame+24(%rip)
	movq 32(%rsp), %rcx; movq %rcx, k_frame+32(%rip)
	addq %rax, %rax
	iretq
gp_h:	movq ngp(%rip), %rdx
	leaq gp_log(%rip), %rdi
	popq (%rdi,%rdx,8)
	incq ngp(%rip)
	movq 8(%rsp), %rax
	movq %rax, gp_cs(%rip)
	movq %r15, (%rsp)
	iretq
exit_h:	movq 0(%rsp), %rcx; movq %rcx, x_frame(%rip)
	movq 8(%rsp), %rcx; movq %rcx, x_frame+8(%rip)
	movq 16(%rsp), %rcx; movq %rcx, x_frame+16(%rip)
	movq 24(%rsp), %rcx; movq %rcx, x_frame+24(%rip)
	movq 32(%rsp), %rcx; movq %rcx, x_frame+32(%rip)
k_done:	hlt
