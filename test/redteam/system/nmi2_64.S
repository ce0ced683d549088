/* nmi2_64.S - `int $2` runs the NMI handler without blocking NMIs (SDM 6.7.1 note: only a real NMI
 * blocks): an NMI raised in that handler (--nmi-at nmi_body) nests at once.  Then, in the real NMI
 * handler, hlt cannot be woken by a second NMI (--nmi-at 100000, blocked) nor by an interrupt
 * with IF=0: the run stops at that hlt with the NMI still pending. */
#include "kern64.h"
	.data
n:	.quad 0
rips:	.fill 8, 8, 0
	.text
	.globl _start
_start:
	kernel_setup
	gate 2, nmi_h
	gate 0x30, irq_h
soft:	int $2
after_soft:
	nop
	hlt
irq_h:	iretq
nmi_h:	movq n(%rip), %rdx
	leaq rips(%rip), %rdi
	movq (%rsp), %rax
	movq %rax, (%rdi,%rdx,8)
	incq n(%rip)
nmi_body: nop
	cmpq $2, n(%rip)
	jne 1f
nmi_idle: hlt
1:	iretq
