	.file	"gcc-input.c"
	.intel_syntax noprefix
	.text
	.p2align 4
	.globl	sum
	.type	sum, @function
sum:
	xor	eax, eax
	test	rdi, rdi
	je	.L4
	.p2align 4,,10
	.p2align 3
.L3:
	add	eax, DWORD PTR 8[rdi]
	mov	rdi, QWORD PTR [rdi]
	test	rdi, rdi
	jne	.L3
	ret
	.p2align 4,,10
	.p2align 3
.L4:
	ret
	.size	sum, .-sum
	.p2align 4
	.globl	idx
	.type	idx, @function
idx:
	mov	eax, DWORD PTR [rdi+rsi*4]
	lea	rdx, [rdx+rsi*4]
	lea	eax, [rax+rax*2]
	add	eax, DWORD PTR [rdi+rdx*4]
	ret
	.size	idx, .-idx
	.p2align 4
	.globl	mix
	.type	mix, @function
mix:
	movabs	rax, -49064778989728563
	mov	rdx, rdi
	shr	rdx, 33
	xor	rdx, rdi
	imul	rdx, rax
	mov	rax, rdx
	shr	rax, 33
	xor	rax, rdx
	ret
	.size	mix, .-mix
	.p2align 4
	.globl	call_ext
	.type	call_ext, @function
call_ext:
	push	rbx
	add	DWORD PTR counter[rip], 1
	call	ext_fn@PLT
	add	eax, DWORD PTR counter[rip]
	mov	ebx, eax
	data16	lea	rdi, tls_var@tlsgd[rip]
	.value	0x6666
	rex64
	call	__tls_get_addr@PLT
	add	ebx, DWORD PTR [rax]
	mov	eax, ebx
	pop	rbx
	ret
	.size	call_ext, .-call_ext
	.p2align 4
	.globl	sw
	.type	sw, @function
sw:
	mov	eax, -1
	cmp	edi, 4
	ja	.L11
	mov	edi, edi
	lea	rax, CSWTCH.10[rip]
	mov	eax, DWORD PTR [rax+rdi*4]
.L11:
	ret
	.size	sw, .-sw
	.p2align 4
	.globl	copy
	.type	copy, @function
copy:
	test	edx, edx
	jle	.L14
	movsx	rdx, edx
	xor	eax, eax
	.p2align 4,,10
	.p2align 3
.L16:
	movzx	ecx, BYTE PTR [rsi+rax]
	mov	BYTE PTR [rdi+rax], cl
	add	rax, 1
	cmp	rdx, rax
	jne	.L16
.L14:
	ret
	.size	copy, .-copy
	.p2align 4
	.globl	sx
	.type	sx, @function
sx:
	lea	eax, [rdi+rsi]
	ret
	.size	sx, .-sx
	.p2align 4
	.globl	div
	.type	div, @function
div:
	mov	rax, rdi
	cqo
	idiv	rsi
	add	rax, rdx
	ret
	.size	div, .-div
	.section	.rodata
	.align 16
	.type	CSWTCH.10, @object
	.size	CSWTCH.10, 20
CSWTCH.10:
	.long	5
	.long	7
	.long	11
	.long	13
	.long	17
	.globl	tls_var
	.section	.tbss,"awT",@nobits
	.align 4
	.type	tls_var, @object
	.size	tls_var, 4
tls_var:
	.zero	4
	.local	counter
	.comm	counter,4,4
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
