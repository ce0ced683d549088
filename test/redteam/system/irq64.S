/* irq64.S - maskable interrupts: raised with IF=0 they wait; sti delays them one more
 * instruction (SDM 6.8.3), popf does not; a mov to SS holds them for one instruction; hlt with
 * IF=1 is woken and returns after the hlt.  Run with --irq-at 0x30@raise --irq-at 0x31@raise2
 * --irq-at 0x32@in_shadow --irq-at 0x33@5000. */
#include "kern64.h"
	.data
n:	.quad 0
vecs:	.fill 8, 8, 0
rips:	.fill 8, 8, 0
fls:	.fill 8, 8, 0
.macro irq v
h\v:	pushq $\v
	jmp common
.endm
	.text
	.globl _start
_start:
	kernel_setup
	gate 0x30, h0x30
	gate 0x31, h0x31
	gate 0x32, h0x32
	gate 0x33, h0x33
	pushq $2
	popfq
raise:	nop
	nop
	sti
shadow:	nop
after:	nop
	cli
raise2:	nop
	pushq $0x202
	popfq
after_popf:
	nop
	movl $KDS, %eax
movss:	movl %eax, %ss
in_shadow: nop
past_shadow: nop
idle:	hlt
idle_ret: cli
	hlt

	irq 0x30
	irq 0x31
	irq 0x32
	irq 0x33
common:	movq n(%rip), %rdx
	leaq vecs(%rip), %rdi
	popq (%rdi,%rdx,8)
	movq (%rsp), %rax
	movq %rax, rips-vecs(%rdi,%rdx,8)
	movq 16(%rsp), %rax
	movq %rax, fls-vecs(%rdi,%rdx,8)
	incq n(%rip)
	iretq
