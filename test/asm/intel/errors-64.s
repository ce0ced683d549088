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
	mov	eax, byte ptr [rax]
	add	rax, dword ptr [rbx]
	add	word ptr [rax], eax
	xadd	word ptr [rax], eax
	mov	[rax+rbx+rcx], eax
	mov	eax, [rax*3]
	mov	eax, [ax]
	mov	eax, dword ptr eax
	jmp	far ptr foo
	inc	dword ptr
	movzx	eax, dword ptr [rax]
	push	byte ptr [rax]
	mov	eax, qword ptr [rax]
