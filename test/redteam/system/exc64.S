/* exc64.S - fault vs trap return addresses (SDM 6.5, 6.15): #DE (div by 0, idiv overflow) and
 * #UD (ud2, 0xce into in 64-bit mode) save the faulting RIP; #BP from int3 and int $3 and #DB
 * from icebp save the next RIP; TF single-step traps after each instruction run with TF=1, the
 * first after the instruction following the popf that set it (SDM 17.3.1.4), with DR6.BS. */
#include "kern64.h"
	.data
nlog:	.quad 0
log:	.fill 24, 8, 0
resume:	.quad 0
dr6_1:	.quad 0
nstep:	.quad 0
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
	gate 0, h_fault
	gate 6, h_fault
	gate 3, h_trap
	gate 1, h_db
	movl $7, %eax
	xorl %edx, %edx
	xorl %ecx, %ecx
	try de1, divl %ecx
	movl $0x80000000, %eax
	movl $-1, %edx
	movl $-1, %ecx
	try de2, idivl %ecx
	try ud1, ud2
	try ud2s, .byte 0xce
bp1:	int3
bp2:	.byte 0xcd, 3				/* int $3: GNU as emits 0xcc for `int $3` */
ib1:	.byte 0xf1
ib_after:
	xorl %eax, %eax
	movq %rax, %dr6
	pushfq
	orq $0x100, (%rsp)
	popfq
tf1:	nop
tf2:	nop
tf3:	nop
tf4:	hlt

h_fault: movq (%rsp), %rax
	call logit
	movq resume(%rip), %rax
	movq %rax, (%rsp)
	iretq
h_trap:	movq (%rsp), %rax
	call logit
	iretq
h_db:	movq (%rsp), %rax
	call logit
	cmpq $tf1, %rax
	jb 1f
	incq nstep(%rip)
	cmpq $1, nstep(%rip)
	jne 2f
	movq %dr6, %rax
	movq %rax, dr6_1(%rip)
2:	cmpq $2, nstep(%rip)
	jne 1f
	andq $~0x100, 16(%rsp)
1:	iretq
logit:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	movq %rax, (%rdi,%rdx,8)
	incq nlog(%rip)
	ret
