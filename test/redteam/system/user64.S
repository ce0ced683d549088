/* user64.S - ring-3 faults: #PF error codes with U/S (read of an unmapped page 4, write 6, a
 * supervisor page 5), int3 from ring 3 through a DPL-3 gate with IST (frame holds the user SS:RSP),
 * int $4 through a DPL-0 gate is #GP(0x22) whose frame has RF=1 (a fault, SDM 17.3.1.1),
 * then ring 0: iretq to a non-canonical RIP is #GP(0) at the iretq. */
#include "kern64.h"
	.bss
	.balign 4096
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4096
pt:	.skip 4096
ist_bottom: .skip 4096
ist_top:
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
	.data
nlog:	.quad 0
log:	.fill 16, 8, 0
bp_rsp:	.quad 0
bp_frame: .quad 0,0,0,0,0
gp_fl:	.quad 0
	.text
	.globl _start
_start:
	kernel_setup
	leaq kstack_top(%rip), %rax
	movq %rax, tss_rsp0(%rip)
	leaq ist_top(%rip), %rax
	movq %rax, tss_ist(%rip)
	load_tss
	gate 14, h_pf
	gate 13, h_gp
	gate 3, h_bp, 0xee, 1
	gate 4, h_bp, 0x8e
	gate 0x80, h_exit, 0xee
	leaq pdpt+7(%rip), %rax; movq %rax, pml4(%rip)
	leaq pd+7(%rip), %rax; movq %rax, pdpt(%rip)
	movq $0x87, pd(%rip)			/* 0..2 MiB: user RW */
	leaq pt+7(%rip), %rax; movq %rax, pd+8(%rip)
	movq $0x203003, pt+24(%rip)		/* 0x203000: supervisor-only, phys unused */
	leaq pml4(%rip), %rax
	movq %rax, %cr3
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x202
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
	iretq

user:	leaq 1f(%rip), %r15
u_rd:	movq 0x300000, %rax			/* not present: #PF(4) */
1:	leaq 1f(%rip), %r15
u_wr:	movq %rax, 0x300000			/* #PF(6) */
1:	leaq 1f(%rip), %r15
u_sup:	movq 0x203000, %rax			/* supervisor page: #PF(5) */
1:
u_bp:	int3
u_bp_after:
	leaq 1f(%rip), %r15
u_int4:	int $4					/* DPL-0 gate: #GP(4*8+2) */
1:	int $0x80

h_exit:
	leaq k_after_iret(%rip), %r15
	pushq $KDS
	pushq %rsp
	pushq $2
	pushq $KCS
	movabsq $0x0000800000000000, %rax	/* non-canonical */
	pushq %rax
k_iret:	iretq					/* #GP(0) */
k_after_iret:
k_done:	hlt

h_pf:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	popq (%rdi,%rdx,8)
	movq %cr2, %rax
	movq %rax, 8(%rdi,%rdx,8)
	addq $2, nlog(%rip)
	movq %r15, (%rsp)
	iretq
h_gp:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	popq (%rdi,%rdx,8)
	movq (%rsp), %rax
	movq %rax, 8(%rdi,%rdx,8)
	addq $2, nlog(%rip)
	movq 16(%rsp), %rax
	movq %rax, gp_fl(%rip)
	movq %r15, (%rsp)
	iretq
h_bp:	movq %rsp, bp_rsp(%rip)
	movq 0(%rsp), %rax; movq %rax, bp_frame(%rip)
	movq 8(%rsp), %rax; movq %rax, bp_frame+8(%rip)
	movq 16(%rsp), %rax; movq %rax, bp_frame+16(%rip)
	movq 24(%rsp), %rax; movq %rax, bp_frame+24(%rip)
	movq 32(%rsp), %rax; movq %rax, bp_frame+32(%rip)
	iretq
