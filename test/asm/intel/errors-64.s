# Intel-syntax statements GNU as rejects, with its messages.
	.intel_syntax noprefix
	.text
	inc	[rax]
	mov	[rax], 1
	add	[rbx+8], 2
	movzx	eax, [rax]
	mov	eax, ebx, ecx
	.intel_syntax bogus
	.att_syntax noprefix extra
	.intel_syntax noprefix
	iret
	sysret
	retf
	lgdt	[rax]
	bogus	eax,  [rax]
