/* exc32.S - 32-bit: into with OF=1 is a #OF trap (saved EIP after it), with OF=0 nothing; bound out
 * of range is a #BR fault (saved EIP at it); #DE for div by 0; #GP pushes an error code, #BR does not. */
#include "kern32.h"
	.data
n:	.long 0
log:	.fill 16, 4, 0
bnd:	.long 10, 20
	.text
	.globl _start
_start:
	kernel_setup
	gate 0, h_de
	gate 4, h_of
	gate 5, h_br
	movl $0x7f000000, %eax
	addl %eax, %eax				/* OF = 1 */
of1:	into
of1_after:
	xorl %eax, %eax				/* OF = 0 */
of2:	into
	movl $15, %ecx
br_ok:	boundl %ecx, bnd
	movl $25, %ecx
	movl $br_after, %esi
br1:	boundl %ecx, bnd
br_after:
	movl $de_after, %esi
	xorl %edx, %edx
	xorl %ecx, %ecx
de1:	divl %ecx
de_after:
	hlt
h_of:	pushl $4
	jmp rec
h_br:	pushl $5
	jmp rec
h_de:	pushl $0
rec:	movl n, %edx
	popl log(,%edx,4)
	movl (%esp), %eax
	movl %eax, log+4(,%edx,4)
	movl %esp, %eax
	movl %eax, log+8(,%edx,4)
	addl $3, n
	cmpl $4, log(,%edx,4)
	je 1f
	movl %esi, (%esp)			/* faults: resume past the instruction */
1:	iret
