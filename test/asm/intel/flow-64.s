# Intel-syntax branches, 64-bit: direct and indirect, short/near, far, loops.
	.intel_syntax noprefix
	.text
f:
	jmp	f
	jmp	short f
	jmp	near ptr g
	jmp	g
	jmp	rax
	jmp	qword ptr [rax]
	jmp	[rax+8]
	jmp	qword ptr [rip+table]
	jmp	fword ptr [rax]
	call	g
	call	rax
	call	qword ptr [rbx]
	call	[rbx+rcx*8]
	call	fword ptr [rdx]
	call	ext
	jz	f
	jne	g
	ja	near ptr g
	jrcxz	f
	loop	f
	loopne	f
	jmp	$+2
	jmp	$
	ret
	retf
	retf	4
	iretq
	syscall
g:	nop
table:	.quad	f, g
