/* misc64.S - control transfers and flags in ring 0: ret $n, lretq to a pushed CS:RIP, lretq $n,
 * a far jmp through an m16:32 pointer, popfq at CPL 0 setting IOPL/AC/DF/IF and never RF,
 * pushfq reading RF as 0 (SDM POPF/PUSHF, RET). */
#include "kern64.h"
	.data
rsp0:	.quad 0
rsp_ret: .quad 0
rsp_lret: .quad 0
cs_ljmp: .quad 0
fl_a:	.quad 0
fl_b:	.quad 0
far:	.long ljmp_target
	.word KCS
	.text
	.globl _start
_start:
	kernel_setup
	movq %rsp, rsp0(%rip)
	pushq $1
	pushq $2
	call f_ret16
	movq %rsp, rsp_ret(%rip)
	pushq $3
	pushq $4
	pushq $KCS
	leaq after_lret(%rip), %rax
	pushq %rax
	lretq $16
after_lret:
	movq %rsp, rsp_lret(%rip)
	ljmp *far(%rip)
	hlt
ljmp_target:
	movw %cs, cs_ljmp(%rip)
	pushq $0x57602				/* AC|RF|NT|IOPL3|DF|IF|bit1 */
	popfq
	pushfq
	popq fl_a(%rip)
	pushq $0x2
	popfq
	pushfq
	popq fl_b(%rip)
	hlt
f_ret16: ret $16
