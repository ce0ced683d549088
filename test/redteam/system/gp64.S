/* gp64.S - #GP/#NP error codes from segment loads and bad gates (SDM 6.13, 5.5): each faulting
 * instruction is tried through a fixup; the handler logs (vector << 16 | error code). */
#include "kern64.h"
	.data
nlog:	.quad 0
log:	.fill 16, 8, 0
resume:	.quad 0
ss_null: .quad 0xffff
ds_user: .quad 0

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
	gate 13, h_gp
	gate 11, h_np
	gate 0x50, h_gp, 0x0e			/* interrupt gate, P=0 */
	gate 0x51, h_gp, 0x80			/* present, type 0: invalid */
	gate 0x52, h_gp, 0x85			/* task gate: not in IA-32e mode */
	movw $0x4b, %cx
	try f_limit, movw %cx, %ds			/* beyond the GDT limit: #GP(0x48) */
	movw $0x08, %cx
	movw %cx, %ds				/* readable code into DS: allowed */
	movw $KDS, %cx
	movw %cx, %ds
	movw $0x08, %cx
	try f_sscode, movw %cx, %ss			/* code into SS: #GP(0x08) */
	movw $0x23, %cx
	try f_ssrpl, movw %cx, %ss			/* RPL 3 != CPL 0: #GP(0x20) */
	movw $0x20, %cx
	try f_ssdpl, movw %cx, %ss			/* DPL 3 != CPL 0: #GP(0x20) */
	movw $0x38, %cx
	try f_sys, movw %cx, %es			/* system descriptor (TSS high half): #GP(0x38) */
	movw $0x0c, %cx
	try f_ldt, movw %cx, %fs			/* TI=1, no LDT: #GP(0x0c) */
	movw $0x23, %cx
	movw %cx, %ds				/* user data into DS at CPL 0: allowed */
	movw %ds, ds_user(%rip)
	xorl %ecx, %ecx
	movw %cx, %ss				/* null SS at CPL 0 in 64-bit mode: allowed */
	movw %ss, ss_null(%rip)
	movw $KDS, %cx
	movw %cx, %ss
	movw %cx, %ds
	try f_np, int $0x50				/* not-present gate: #NP(0x50*8+2) */
	try f_type, int $0x51				/* bad gate type: #GP(0x51*8+2) */
	try f_task, int $0x52				/* task gate in 64-bit mode: #GP(0x52*8+2) */
	try f_zero, int $0x53				/* all-zero gate: type checked before P: #GP(0x53*8+2) */
	hlt

h_gp:	popq %rax
	orq $(13 << 16), %rax
	jmp logit
h_np:	popq %rax
	orq $(11 << 16), %rax
logit:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	movq %rax, (%rdi,%rdx,8)
	incq nlog(%rip)
	movq resume(%rip), %rax
	movq %rax, (%rsp)
	iretq
