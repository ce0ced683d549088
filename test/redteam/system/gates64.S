/* gates64.S - hand-built IDT: interrupt gate clears IF, trap gate keeps it; the 5-word frame
 * is pushed at RSP aligned down to 16 (SDM 6.14.2); an IST gate switches to TSS.IST1, aligned
 * down to 16 as well, even when the IST pointer itself is misaligned. */
#include "kern64.h"
	.data
fl_intr: .quad 0
fl_trap: .quad 0
rsp_intr: .quad 0
frame_intr: .quad 0,0,0,0,0
rsp_ist: .quad 0
frame_ist: .quad 0,0,0,0,0
	.bss
	.balign 4096
ist_bottom: .skip 4096
ist_top:
	.text
	.globl _start
_start:
	kernel_setup
	leaq ist_top+8(%rip), %rax		/* deliberately 8 mod 16 */
	movq %rax, tss_ist(%rip)
	load_tss
	gate 0x40, h_intr, 0x8e
	gate 0x41, h_trap, 0x8f
	gate 0x42, h_ist, 0x8e, 1
	movq $0x7fff8, %rsp
	pushq $0x202
	popfq
site40:	int $0x40
after40:
	int $0x41
after41:
	int $0x42
after42:
	cli
done:	hlt

h_intr:	pushfq
	popq fl_intr(%rip)
	movq %rsp, rsp_intr(%rip)
	movq 0(%rsp), %rax; movq %rax, frame_intr(%rip)
	movq 8(%rsp), %rax; movq %rax, frame_intr+8(%rip)
	movq 16(%rsp), %rax; movq %rax, frame_intr+16(%rip)
	movq 24(%rsp), %rax; movq %rax, frame_intr+24(%rip)
	movq 32(%rsp), %rax; movq %rax, frame_intr+32(%rip)
	iretq
h_trap:	pushfq
	popq fl_trap(%rip)
	iretq
h_ist:	movq %rsp, rsp_ist(%rip)
	movq 0(%rsp), %rax; movq %rax, frame_ist(%rip)
	movq 8(%rsp), %rax; movq %rax, frame_ist+8(%rip)
	movq 16(%rsp), %rax; movq %rax, frame_ist+16(%rip)
	movq 24(%rsp), %rax; movq %rax, frame_ist+24(%rip)
	movq 32(%rsp), %rax; movq %rax, frame_ist+32(%rip)
	iretq
