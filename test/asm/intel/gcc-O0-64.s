	.file	"gcc-input.c"
	.intel_syntax noprefix
	.text
	.local	counter
	.comm	counter,4,4
	.globl	tls_var
	.section	.tbss,"awT",@nobits
	.align 4
	.type	tls_var, @object
	.size	tls_var, 4
tls_var:
	.zero	4
	.text
	.globl	sum
	.type	sum, @function
sum:
	push	rbp
	mov	rbp, rsp
	mov	QWORD PTR -24[rbp], rdi
	mov	DWORD PTR -4[rbp], 0
	jmp	.L2
.L3:
	mov	rax, QWORD PTR -24[rbp]
	mov	eax, DWORD PTR 8[rax]
	add	DWORD PTR -4[rbp], eax
	mov	rax, QWORD PTR -24[rbp]
	mov	rax, QWORD PTR [rax]
	mov	QWORD PTR -24[rbp], rax
.L2:
	cmp	QWORD PTR -24[rbp], 0
	jne	.L3
	mov	eax, DWORD PTR -4[rbp]
	pop	rbp
	ret
	.size	sum, .-sum
	.globl	idx
	.type	idx, @function
idx:
	push	rbp
	mov	rbp, rsp
	mov	QWORD PTR -8[rbp], rdi
	mov	QWORD PTR -16[rbp], rsi
	mov	QWORD PTR -24[rbp], rdx
	mov	rax, QWORD PTR -16[rbp]
	lea	rdx, 0[0+rax*4]
	mov	rax, QWORD PTR -24[rbp]
	add	rax, rdx
	lea	rdx, 0[0+rax*4]
	mov	rax, QWORD PTR -8[rbp]
	add	rax, rdx
	mov	ecx, DWORD PTR [rax]
	mov	rax, QWORD PTR -16[rbp]
	lea	rdx, 0[0+rax*4]
	mov	rax, QWORD PTR -8[rbp]
	add	rax, rdx
	mov	edx, DWORD PTR [rax]
	mov	eax, edx
	add	eax, eax
	add	eax, edx
	add	eax, ecx
	pop	rbp
	ret
	.size	idx, .-idx
	.globl	mix
	.type	mix, @function
mix:
	push	rbp
	mov	rbp, rsp
	mov	QWORD PTR -8[rbp], rdi
	mov	rax, QWORD PTR -8[rbp]
	shr	rax, 33
	xor	QWORD PTR -8[rbp], rax
	mov	rax, QWORD PTR -8[rbp]
	movabs	rdx, -49064778989728563
	imul	rax, rdx
	mov	QWORD PTR -8[rbp], rax
	mov	rax, QWORD PTR -8[rbp]
	shr	rax, 33
	xor	QWORD PTR -8[rbp], rax
	mov	rax, QWORD PTR -8[rbp]
	pop	rbp
	ret
	.size	mix, .-mix
	.globl	call_ext
	.type	call_ext, @function
call_ext:
	push	rbp
	mov	rbp, rsp
	sub	rsp, 16
	mov	DWORD PTR -4[rbp], edi
	mov	eax, DWORD PTR counter[rip]
	add	eax, 1
	mov	DWORD PTR counter[rip], eax
	mov	eax, DWORD PTR -4[rbp]
	mov	edi, eax
	call	ext_fn@PLT
	mov	edx, DWORD PTR counter[rip]
	add	edx, eax
	mov	eax, DWORD PTR fs:tls_var@tpoff
	add	eax, edx
	leave
	ret
	.size	call_ext, .-call_ext
	.globl	sw
	.type	sw, @function
sw:
	push	rbp
	mov	rbp, rsp
	mov	DWORD PTR -4[rbp], edi
	cmp	DWORD PTR -4[rbp], 4
	ja	.L12
	mov	eax, DWORD PTR -4[rbp]
	lea	rdx, 0[0+rax*4]
	lea	rax, .L14[rip]
	mov	eax, DWORD PTR [rdx+rax]
	cdqe
	lea	rdx, .L14[rip]
	add	rax, rdx
	jmp	rax
	.section	.rodata
	.align 4
	.align 4
.L14:
	.long	.L18-.L14
	.long	.L17-.L14
	.long	.L16-.L14
	.long	.L15-.L14
	.long	.L13-.L14
	.text
.L18:
	mov	eax, 5
	jmp	.L19
.L17:
	mov	eax, 7
	jmp	.L19
.L16:
	mov	eax, 11
	jmp	.L19
.L15:
	mov	eax, 13
	jmp	.L19
.L13:
	mov	eax, 17
	jmp	.L19
.L12:
	mov	eax, -1
.L19:
	pop	rbp
	ret
	.size	sw, .-sw
	.globl	copy
	.type	copy, @function
copy:
	push	rbp
	mov	rbp, rsp
	mov	QWORD PTR -24[rbp], rdi
	mov	QWORD PTR -32[rbp], rsi
	mov	DWORD PTR -36[rbp], edx
	mov	DWORD PTR -4[rbp], 0
	jmp	.L21
.L22:
	mov	eax, DWORD PTR -4[rbp]
	movsx	rdx, eax
	mov	rax, QWORD PTR -32[rbp]
	add	rax, rdx
	mov	edx, DWORD PTR -4[rbp]
	movsx	rcx, edx
	mov	rdx, QWORD PTR -24[rbp]
	add	rdx, rcx
	movzx	eax, BYTE PTR [rax]
	mov	BYTE PTR [rdx], al
	add	DWORD PTR -4[rbp], 1
.L21:
	mov	eax, DWORD PTR -4[rbp]
	cmp	eax, DWORD PTR -36[rbp]
	jl	.L22
	nop
	nop
	pop	rbp
	ret
	.size	copy, .-copy
	.globl	sx
	.type	sx, @function
sx:
	push	rbp
	mov	rbp, rsp
	mov	edx, edi
	mov	eax, esi
	mov	BYTE PTR -4[rbp], dl
	mov	WORD PTR -8[rbp], ax
	movzx	eax, WORD PTR -8[rbp]
	mov	edx, eax
	movzx	eax, BYTE PTR -4[rbp]
	add	eax, edx
	pop	rbp
	ret
	.size	sx, .-sx
	.globl	div
	.type	div, @function
div:
	push	rbp
	mov	rbp, rsp
	mov	QWORD PTR -8[rbp], rdi
	mov	QWORD PTR -16[rbp], rsi
	mov	rax, QWORD PTR -8[rbp]
	cqo
	idiv	QWORD PTR -16[rbp]
	mov	rcx, rax
	mov	rax, QWORD PTR -8[rbp]
	cqo
	idiv	QWORD PTR -16[rbp]
	mov	rax, rdx
	add	rax, rcx
	pop	rbp
	ret
	.size	div, .-div
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
