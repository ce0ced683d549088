/* pf64.S - the listing's own 4-level page tables (SDM 4.5): 2 MiB identity page for the low
 * 2 MiB, a 4 KiB page table for 0x200000..: RW, read-only, not present (demand-mapped by the
 * handler and the access restarted), NX, reserved bit.  #PF error codes and CR2 (SDM 4.7);
 * accessed/dirty bits; CR0.WP=0 lets ring 0 write a read-only page. */
#include "kern64.h"
#define V 0x200000
	.bss
	.balign 4096
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4096
pt:	.skip 4096
pages:	.skip 5*4096
	.data
nlog:	.quad 0
log:	.fill 16, 8, 0
resume:	.quad 0
got:	.quad 0
.macro try lbl, insn:vararg
	leaq 9f(%rip), %r15
	movq %r15, resume(%rip)
\lbl:	\insn
9:
.endm
	.text
	.globl _start
_start:
	kernel_setup
	gate 14, h_pf
	leaq pdpt(%rip), %rax; orq $3, %rax; movq %rax, pml4(%rip)
	leaq pd(%rip), %rax; orq $3, %rax; movq %rax, pdpt(%rip)
	movq $0x83, pd(%rip)			/* 0..2 MiB, 2 MiB page */
	leaq pt(%rip), %rax; orq $3, %rax; movq %rax, pd+8(%rip)
	leaq pages(%rip), %rbx
	leaq 3(%rbx), %rax; movq %rax, pt(%rip)		/* V+0: RW */
	leaq 0x1001(%rbx), %rax; movq %rax, pt+8(%rip)	/* V+0x1000: read-only */
	movq $0, pt+16(%rip)				/* V+0x2000: not present */
	leaq 0x3003(%rbx), %rax; btsq $63, %rax; movq %rax, pt+24(%rip)	/* V+0x3000: NX */
	leaq 0x4001(%rbx), %rax; btsq $51, %rax; movq %rax, pt+32(%rip)	/* V+0x4000: reserved bit 51 */
	movq $0x5a5a, 0x2010(%rbx)		/* what the demand-mapped page will show */
	movb $0xc3, 0x3000(%rbx)		/* ret, in the NX page */
	leaq pml4(%rip), %rax
	movq %rax, %cr3
	movl $0x1234, %eax
	movq %rax, V				/* ok: sets A and D in pt[0] */
	movq V+0x1000, %rcx			/* ok: read-only read sets A */
	try f_ro, movq %rax, V+0x1008			/* #PF(3), CR2 = V+0x1008 */
f_np:	movq V+0x2010, %rdx			/* #PF(0): handler maps it, restart */
	movq %rdx, got(%rip)
	movq $V+0x3000, %rax
	try f_nx, call *%rax				/* #PF(0x11), CR2 = V+0x3000 */
	try f_rsvd, movq V+0x4000, %rax			/* #PF(9), CR2 = V+0x4000 */
	movq %cr0, %rax
	btrq $16, %rax
	movq %rax, %cr0				/* WP off: ring 0 writes read-only pages */
	movl $0x77, %eax
	movq %rax, V+0x1010
	hlt

h_pf:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	popq %rax				/* error code */
	movq %rax, (%rdi,%rdx,8)
	movq %cr2, %rax
	movq %rax, 8(%rdi,%rdx,8)
	addq $2, nlog(%rip)
	cmpq $V+0x2010, %rax
	jne 1f
	leaq pages+0x2003(%rip), %rax
	movq %rax, pt+16(%rip)
	iretq					/* restart the access */
1:	movq resume(%rip), %rax
	movq %rax, (%rsp)
	iretq
