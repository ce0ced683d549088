# What GNU as resolves itself and what it leaves to the linker (and the bytes it leaves behind).
	.globl gfunc
	.weak wsym
	.text
start:
	call gfunc
	call local
	call ext
	call wsym
	jmp gfunc
	jmp ext
	jmp wsym
	jne ext
	je local
	movl $ext, %eax
	movl $local, %eax
	movl ext, %eax
	push $gfunc
	.long ext, ext+4, local, gfunc, data1, data1+2, local - start
	.word ext
	.byte ext
	.long ext - .
	.long data1 - .
	.long local - .
gfunc:	ret
local:	ret
wsym:	ret
	.data
data1:	.long start, local, ext, data1
