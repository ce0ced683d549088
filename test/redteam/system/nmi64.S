/* nmi64.S - NMI on IST2: delivered even with IF=0, blocked from its delivery until the next
 * iretq, a second NMI raised meanwhile is latched and taken right after that iretq; hlt woken by
 * an NMI returns after the hlt.  Run with --nmi-at loop:3, --nmi-at work --nmi-at nmi_body,
 * --nmi-at 100000. */
#include "kern64.h"
	.data
n:	.quad 0
rips:	.fill 8, 8, 0
rcxs:	.fill 8, 8, 0
rsps:	.fill 8, 8, 0
	.bss
	.balign 4096
nmi_bottom: .skip 4096
nmi_top:
	.text
	.globl _start
_start:
	kernel_setup
	leaq nmi_top(%rip), %rax
	movq %rax, tss_ist+8(%rip)
	load_tss
	gate 2, nmi_h, 0x8e, 2
	xorl %ecx, %ecx
loop:	incl %ecx
	cmpl $5, %ecx
	jne loop
work:	nop
idle:	hlt
idle_ret:
	nop
	hlt

nmi_h:	movq n(%rip), %rdx
	leaq rips(%rip), %rdi
	movq (%rsp), %rax
	movq %rax, (%rdi,%rdx,8)
	movq %rcx, rcxs-rips(%rdi,%rdx,8)
	movq %rsp, rsps-rips(%rdi,%rdx,8)
	incq n(%rip)
nmi_body: nop
	iretq
