# Input of dis-flags.test.ts: assembled by GNU as 2.40 into flags32.o (`as --32 flags32.s -o flags32.o`).
	.text
	.globl	f
	.type	f, @function
f:
	push	%ebp
	mov	%esp, %ebp
	call	ext
	movl	$0x12345678, var
	lea	0x12345678(%eax,%ebx,4), %ecx
	jmp	inner
	.zero	9
inner:
	pop	%ebp
	ret
	.size	f, .-f
	.zero	2
	.type	g, @function
g:
	mov	var+4, %eax
	call	f
	.zero	8
	ret
	.data
var:	.long	1, 2
