# Intel-syntax general-purpose instructions (noprefix), 64-bit: operand order, sizes, addressing.
	.intel_syntax noprefix
	.text
start:
	mov	eax, ebx
	mov	rax, [rbx]
	mov	dword ptr [rax], 1
	mov	qword ptr [rax+8], -1
	mov	byte ptr [rax+rbx*4+0x10], 0x7f
	mov	word ptr [rbp-2], ax
	mov	al, [rsi]
	mov	ax, [rsi+rdi]
	mov	r8d, [r9+r10*8-0x80]
	mov	r15, [rsp]
	mov	rax, [rbx*2]
	mov	eax, [rbx*4+rcx]
	mov	eax, [0x1000]
	mov	eax, ds:0x2000
	mov	eax, fs:[rax]
	mov	rax, gs:0x28
	mov	eax, ss:[rbp]
	mov	eax, es:[rdi]
	mov	rax, 0x1122334455667788
	movabs	rax, 0x8877665544332211
	mov	rax, -1
	mov	eax, 0xffffffff
	add	eax, 1
	add	rax, 0x80
	add	byte ptr [rax], 1
	sub	word ptr [rax], 0x1234
	and	dword ptr [rax], 0xff00
	or	qword ptr [rax], 8
	xor	rax, rax
	cmp	byte ptr [rdi+rcx], 0
	test	eax, eax
	test	byte ptr [rax], 1
	adc	eax, [rdx]
	sbb	rcx, qword ptr [rdx]
	inc	dword ptr [rax]
	dec	qword ptr [rax]
	neg	word ptr [rax]
	not	byte ptr [rax]
	mul	dword ptr [rbx]
	imul	eax, ebx
	imul	eax, dword ptr [rbx], 5
	imul	rax, rbx, 0x1000
	div	rcx
	idiv	qword ptr [rcx]
	shl	eax, 1
	shl	eax, 4
	shr	dword ptr [rax], cl
	sar	rax, 63
	rol	byte ptr [rax], 1
	rcr	eax, cl
	shld	eax, ebx, 3
	shrd	eax, ebx, cl
	bt	eax, 3
	bts	dword ptr [rax], 5
	btr	qword ptr [rax], rbx
	bsf	eax, [rax]
	bsr	rax, rbx
	xchg	eax, ebx
	xchg	[rax], ecx
	cmpxchg	[rdi], esi
	xadd	qword ptr [rdi], rax
	lea	rax, [rip+msg]
	lea	rax, [rbx+rcx*8+16]
	lea	eax, [rax]
	movzx	eax, byte ptr [rax]
	movzx	eax, word ptr [rax]
	movzx	rax, al
	movzx	ax, bl
	movsx	eax, byte ptr [rax]
	movsx	rax, word ptr [rax]
	movsx	ecx, dx
	movsxd	rax, dword ptr [rbx]
	movsxd	rax, ecx
	cbw
	cwde
	cdqe
	cwd
	cdq
	cqo
	push	rax
	push	qword ptr [rax]
	push	1
	push	0x1000
	push	offset msg
	pop	rbx
	pop	qword ptr [rbx]
	pushfq
	popfq
	bswap	eax
	setz	al
	setne	byte ptr [rax]
	cmovz	eax, ebx
	cmovae	rax, [rbx]
	nop
	nop	dword ptr [rax]
	nop	word ptr [rax+rax*1+0]
	rep	movsb
	rep	stosq
	repne	scasb
	lock	add dword ptr [rax], 1
	lock	cmpxchg qword ptr [rdi], rcx
	in	al, dx
	in	eax, 0x60
	out	dx, ax
	out	0x80, al
	int	3
	int	0x80
	int3
	ret
	ret	8
	leave
	enter	16, 0
	mov	eax, msg
	mov	rax, offset msg
	mov	eax, OFFSET FLAT:msg
	mov	eax, [msg+4]
	mov	eax, msg[rbx]
	mov	eax, [rbx][rcx*2]
	mov	eax, 3[rbx]
	mov	eax, [rbx+3*4]
	mov	eax, 1 shl 4 or 3
	mov	eax, 100 mod 7
	mov	eax, not 0
	mov	eax, 5 eq 5
	mov	eax, 4 ne 4
	mov	eax, 2 lt 3
	mov	eax, (1 shl 8) - 1 and 0x3c
	mov	eax, VAL
	mov	eax, VAL*2+1
	mov	cr0, rax
	mov	rax, cr3
	mov	dr7, rax
	mov	ds, ax
	mov	ax, ss
	mov	word ptr [rax], es
msg:	.asciz	"hi"
	.equ	VAL, 21
