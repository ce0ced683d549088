# The shape cache in 32-bit code: calls and branches to labels, undefined and equated symbols.
	.text
	call	ext1
	call	ext2
	call	f
	jne	.L1
	jne	.L2
	jmp	.L1
	jmp	ext3
	jmp	.L2
	.set	abs1, 0x100
	jmp	abs1
	call	abs1
	pushl	d1
	pushl	d2
	rep stosl
	rep movsl
	.code16
	jne	.L1
	call	ext1
	jmp	.L2
	.code32
.L1:	nop
	.skip	300
.L2:	ret
f:	ret
	.data
d1:	.long	1
d2:	.long	2
