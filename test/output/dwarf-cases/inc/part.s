
	push %rax
	pop %rax
