/* ret64.S - iretl in 64-bit mode pops five 4-byte words (EIP, CS, EFLAGS, ESP, SS; SDM IRET);
 * lretq to ring 3 pops RIP, CS, RSP, SS; an exception from ring 3 with a misaligned TSS.RSP0
 * pushes its frame at RSP0 aligned down to 16; TF set before syscall traps after it, at the kernel
 * entry with CPL 0 (SDM SYSCALL, 17.3.1.4), even though FMASK clears TF. */
#include "kern64.h"
	.data
iretl_rsp: .quad 0
u_rsp:	.quad 0
u_cs:	.quad 0
k_rsp:	.quad 0
k_frame: .quad 0,0,0,0,0
db_frame: .quad 0,0,0,0,0
db_rsp:	.quad 0
ndb:	.quad 0
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
	leaq kstack_top+8(%rip), %rax		/* misaligned on purpose */
	movq %rax, tss_rsp0(%rip)
	load_tss
	gate 0x80, h_80, 0xee
	gate 1, h_db
	movl $0xc0000081, %ecx			/* STAR */
	xorl %eax, %eax
	movl $((0x18 << 16) | KCS), %edx
	wrmsr
	movl $0xc0000082, %ecx			/* LSTAR */
	leaq k_entry(%rip), %rax
	xorl %edx, %edx
	wrmsr
	movl $0xc0000084, %ecx			/* FMASK: TF, IF */
	movl $0x300, %eax
	wrmsr
	/* iretl: a 20-byte frame of 4-byte words, same privilege */
	movq %rsp, %rbx
	subq $20, %rsp
	leaq after_iretl(%rip), %rax
	movl %eax, 0(%rsp)
	movl $KCS, 4(%rsp)
	movl $0x2, 8(%rsp)
	movl %ebx, 12(%rsp)
	movl $KDS, 16(%rsp)
k_iretl: iretl
after_iretl:
	movq %rsp, iretl_rsp(%rip)
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
k_lret:	lretq

user:	movq %rsp, u_rsp(%rip)
	movw %cs, u_cs(%rip)
u_int:	int $0x80
	pushfq
	orq $0x100, (%rsp)
	popfq
u_tf:	nop					/* traps after it: #DB at u_sys */
u_sys:	syscall					/* traps after it: #DB at k_entry */
u_back:	hlt

h_80:	movq %rsp, k_rsp(%rip)
	movq 0(%rsp), %rax; movq %rax, k_frame(%rip)
	movq 8(%rsp), %rax; movq %rax, k_frame+8(%rip)
	movq 16(%rsp), %rax; movq %rax, k_frame+16(%rip)
	movq 24(%rsp), %rax; movq %rax, k_frame+24(%rip)
	movq 32(%rsp), %rax; movq %rax, k_frame+32(%rip)
	iretq
h_db:	incq ndb(%rip)
	movq %rsp, db_rsp(%rip)
	movq 0(%rsp), %rax; movq %rax, db_frame(%rip)
	movq 8(%rsp), %rax; movq %rax, db_frame+8(%rip)
	movq 16(%rsp), %rax; movq %rax, db_frame+16(%rip)
	movq 24(%rsp), %rax; movq %rax, db_frame+24(%rip)
	movq 32(%rsp), %rax; movq %rax, db_frame+32(%rip)
	iretq
k_entry: nop
k_done:	hlt
