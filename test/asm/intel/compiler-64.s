# Compiler-style Intel syntax (as GCC -masm=intel and LLVM write it): frames, GOT/PLT/TLS operands, rip-relative data.
	.intel_syntax noprefix
	.globl	main
main:
	push	rbp
	mov	rbp, rsp
	sub	rsp, 16
	mov	dword ptr [rbp - 4], 0
	mov	dword ptr [rbp - 8], edi
	mov	qword ptr [rbp - 16], rsi
	mov	rax, qword ptr [rip + foo@GOTPCREL]
	call	qword ptr [rip + bar@GOTPCREL]
	call	bar@PLT
	lea	rdi, [rip + .L.str]
	mov	al, 0
	call	printf@PLT
	xor	eax, eax
	mov	rax, qword ptr fs:[0]
	mov	rax, qword ptr fs:0
	mov	eax, dword ptr [4*rbx + rax + 16]
	mov	eax, dword ptr [rax + 2*rbx - 8]
	lea	rax, [rax + rax*2]
	sete	al
	movzx	eax, al
	lock	xadd	dword ptr [rdi], eax
	shl	eax, cl
	sar	rax, 1
	mov	byte ptr [rax], 0
	movsx	rax, byte ptr [rdi + 1]
	cmp	byte ptr [rip + flag], 0
	jne	.LBB0_2
	jmp	.LBB0_2
.LBB0_2:
	add	rsp, 16
	pop	rbp
	ret
	mov	rax, qword ptr [rip + x@GOTTPOFF]
	data16	lea	rdi, [rip + x@TLSGD]
	mov	ecx, offset .L.str
	mov	rcx, offset .L.str+4
	mov	eax, DWORD PTR [rbx+rcx*4]
	movabs	rax, offset foo
	test	al, 1
	cmovne	eax, ecx
	bt	eax, 5
	.section	.rodata
.L.str:
	.asciz	"x"
	.data
flag:	.byte	0
