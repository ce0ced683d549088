/* irq32.S - 32-bit: an NMI and an external interrupt taken in ring 3 push the 5-word frame on
 * TSS ss0:esp0 (no alignment in legacy mode); an NMI taken in ring 0 pushes 3 words (SDM 6.12.1). */
#include "kern32.h"
	.data
n:	.long 0
esps:	.fill 4, 4, 0
frames:	.fill 20, 4, 0
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
	movl $kstack_top-4, tss_esp0		/* not 16-aligned: used as is */
	load_tss
	gate 2, h_ev
	gate 0x30, h_ev
	gate 0x80, h_exit, 0xee
	movl $0x7fff2, %esp
k_nmi:	nop					/* --nmi-at k_nmi: 3 words */
	movl $0x80000, %esp
	pushl $UDS
	pushl $ustack_top
	pushl $0x202
	pushl $UCS
	pushl $user
	iret
user:
u_nmi:	nop					/* --nmi-at u_nmi */
u_irq:	nop					/* --irq-at 0x30@u_irq */
	int $0x80

h_ev:	movl n, %edx
	movl %esp, esps(,%edx,4)
	imull $20, %edx, %edx
	movl 0(%esp), %eax; movl %eax, frames(%edx)
	movl 4(%esp), %eax; movl %eax, frames+4(%edx)
	movl 8(%esp), %eax; movl %eax, frames+8(%edx)
	movl 12(%esp), %eax; movl %eax, frames+12(%edx)
	movl 16(%esp), %eax; movl %eax, frames+16(%edx)
	incl n
	iret
h_exit:	hlt
