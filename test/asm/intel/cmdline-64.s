# Assembled with -msyntax=intel -mnaked-reg (no directive): Intel syntax, registers without %.
	mov	eax, [rbx+rcx*4+8]
	add	qword ptr [rax], 1
	lea	rsi, [rip+data]
	call	rax
	.att_syntax prefix
	movl	$1, %eax
	.intel_syntax
	mov	%ecx, 2
data:	ret
