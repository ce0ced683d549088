# i386, no libc: _start calls the C function and exits with its result (int $0x80, exit).
	.text
	.globl	_start
_start:
	.cfi_startproc
	pushl	$values
	pushl	$3
	call	c_sum
	addl	$8, %esp
	addl	bias, %eax
	movl	%eax, %ebx
	movl	$1, %eax
	int	$0x80
	.cfi_endproc
	.globl	scale
scale:
	movl	4(%esp), %eax
	leal	(%eax,%eax,2), %eax
	ret
	.data
	.globl	values
values:	.long	5, 6, 7
bias:	.long	4
	.section .note.GNU-stack,"",@progbits
