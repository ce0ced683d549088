/* ext64.S - the EXT bit of error codes (SDM 6.13): a not-present gate for an external interrupt
 * (--irq-at 0x31@k_irq) is #NP(0x31*8+2+1), for a #UD raised by ud2 #NP(6*8+2+1), for int $0x32
 * #NP(0x32*8+2); a gate whose selector is a data segment: #GP(0x10+1) for a hardware exception.
 * From ring 3, icebp and ud2 through DPL-0 gates are delivered (no DPL check for them),
 * int3 through a DPL-0 gate is #GP(3*8+2). */
#include "kern64.h"
	.data
nlog:	.quad 0
log:	.fill 24, 8, 0
	.bss
	.balign 4096
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
.macro entry name, vec, err
\name:
.if \err == 0
	pushq $-1
.endif
	pushq $\vec
	jmp common
.endm
	.text
	.globl _start
_start:
	kernel_setup
	leaq kstack_top(%rip), %rax
	movq %rax, tss_rsp0(%rip)
	load_tss
	gate 11, h_np
	gate 13, h_gp
	gate 0x31, h_np, 0x0e			/* P = 0 */
	gate 0x32, h_np, 0x0e
	gate 6, h_np, 0x0e
	sti
	leaq 1f(%rip), %r15
k_irq:	nop
1:	cli
	leaq 1f(%rip), %r15
k_ud:	ud2
1:	leaq 1f(%rip), %r15
k_int:	int $0x32
1:	gate 6, h_ud				/* now present, but with selector KDS */
	movw $KDS, idt+6*16+2(%rip)
	leaq 1f(%rip), %r15
k_ud2:	ud2
1:	gate 6, h_ud
	gate 1, h_db
	gate 3, h_bp
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x2
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:	leaq 1f(%rip), %r15
u_icebp: .byte 0xf1
1:	leaq 1f(%rip), %r15
u_ud:	ud2
1:	leaq 1f(%rip), %r15
u_int3:	int3
1:	leaq 1f(%rip), %r15
u_hlt:	hlt					/* #GP(0): the way back */
1:

	entry h_np, 11, 1
	entry h_gp, 13, 1
	entry h_ud, 6, 0
	entry h_db, 1, 0
	entry h_bp, 3, 0
common:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	popq (%rdi,%rdx,8)			/* vector */
	popq 8(%rdi,%rdx,8)			/* error code or -1 */
	movq (%rsp), %rax
	movq %rax, 16(%rdi,%rdx,8)		/* saved RIP */
	addq $3, nlog(%rip)
	cmpq $u_hlt, %rax
	je done
	movq %r15, (%rsp)
	iretq
done:	hlt
