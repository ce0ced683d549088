/* io64.S - port I/O as a kernel does it: PIC EOI from an IRQ handler, a port-0x80 delay, a serial
 * byte; in reads a floating bus (all ones).  At CPL 3 with IOPL 0 (no I/O bitmap) out is #GP(0). */
#include "kern64.h"
	.data
in8:	.quad 0
in16:	.quad 0
in32:	.quad 0x1111111111111111
eoi:	.quad 0
gp_err:	.quad 0xffff
gp_rip:	.quad 0
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
	gate 0x20, timer
	gate 13, h_gp
	movb $0x41, %al
	movw $0x3f8, %dx
	outb %al, %dx
	outb %al, $0x80
	xorl %eax, %eax
	inb $0x80, %al
	movq %rax, in8(%rip)
	xorl %eax, %eax
	inw %dx, %ax
	movq %rax, in16(%rip)
	movq in32(%rip), %rax
	inl %dx, %eax
	movq %rax, in32(%rip)
	sti
tick:	nop
	cli
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x2
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:
u_out:	outb %al, $0x80
	hlt
timer:	pushq %rax
	movb $0x20, %al
	outb %al, $0x20				/* EOI to the master PIC */
	incq eoi(%rip)
	popq %rax
	iretq
h_gp:	popq gp_err(%rip)
	popq gp_rip(%rip)
done:	hlt
