/* shadow64.S - the mov-SS shadow (SDM 6.8.3): with TF set, the single-step trap for `mov %eax,%ss`
 * is held and taken after the following instruction (one #DB, saved RIP after it); an NMI raised
 * at the shadowed instruction (--nmi-at ss_next) waits until it has run.  Then `pop %ss` in 64-bit
 * mode is #UD. */
#include "kern64.h"
	.data
n:	.quad 0
rips:	.fill 8, 8, 0
vecs:	.fill 8, 8, 0
resume:	.quad 0
	.text
	.globl _start
_start:
	kernel_setup
	gate 1, h_db
	gate 2, h_nmi
	gate 6, h_ud
	movl $KDS, %ebx
	pushfq
	orq $0x100, (%rsp)
	popfq
tf_a:	nop					/* #DB after it */
ss_mov:	movl %ebx, %ss				/* no #DB after it ... */
ss_next: nop					/* ... but after this one, and the NMI after it too */
ss_after: nop
	leaq ud_after(%rip), %rax
	movq %rax, resume(%rip)
ud_site: .byte 0x17				/* pop %ss: invalid in 64-bit mode */
ud_after:
	hlt

h_db:	cmpq $ss_mov, (%rsp)
	je 1f
	andq $~0x100, 16(%rsp)			/* keep TF only across the first trap */
1:	pushq $1
	jmp common
h_nmi:	pushq $2
	jmp common
h_ud:	pushq $6
common:	movq n(%rip), %rdx
	leaq vecs(%rip), %rdi
	popq (%rdi,%rdx,8)
	movq (%rsp), %rax
	movq %rax, rips-vecs(%rdi,%rdx,8)
	incq n(%rip)
	cmpq $6, (%rdi,%rdx,8)
	jne 1f
	movq resume(%rip), %rax
	movq %rax, (%rsp)
1:	iretq
