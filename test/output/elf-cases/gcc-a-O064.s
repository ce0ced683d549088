	.file	"a.c"
	.text
	.local	counter
	.comm	counter,4,4
	.globl	table
	.data
	.align 32
	.type	table, @object
	.size	table, 64
table:
	.long	1
	.long	2
	.long	3
	.zero	52
	.globl	names
	.section	.rodata
.LC0:
	.string	"alpha"
.LC1:
	.string	"beta"
.LC2:
	.string	"gamma"
	.section	.data.rel.local,"aw"
	.align 16
	.type	names, @object
	.size	names, 24
names:
	.quad	.LC0
	.quad	.LC1
	.quad	.LC2
	.globl	tls_var
	.section	.tbss,"awT",@nobits
	.align 4
	.type	tls_var, @object
	.size	tls_var, 4
tls_var:
	.zero	4
	.text
	.type	sum, @function
sum:
.LFB0:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset 6, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register 6
	movq	%rdi, -24(%rbp)
	movl	%esi, -28(%rbp)
	movq	$0, -8(%rbp)
	movl	$0, -12(%rbp)
	jmp	.L2
.L3:
	movl	-12(%rbp), %eax
	cltq
	salq	$4, %rax
	movq	%rax, %rdx
	movq	-24(%rbp), %rax
	addq	%rdx, %rax
	movq	(%rax), %rdx
	movl	-12(%rbp), %eax
	cltq
	salq	$4, %rax
	movq	%rax, %rcx
	movq	-24(%rbp), %rax
	addq	%rcx, %rax
	movq	8(%rax), %rax
	imulq	%rdx, %rax
	addq	%rax, -8(%rbp)
	addl	$1, -12(%rbp)
.L2:
	movl	-12(%rbp), %eax
	cmpl	-28(%rbp), %eax
	jl	.L3
	movq	-8(%rbp), %rax
	popq	%rbp
	.cfi_def_cfa 7, 8
	ret
	.cfi_endproc
.LFE0:
	.size	sum, .-sum
	.globl	compute
	.type	compute, @function
compute:
.LFB1:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset 6, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register 6
	subq	$80, %rsp
	movl	%edi, -68(%rbp)
	movl	-68(%rbp), %eax
	cltq
	movq	%rax, -64(%rbp)
	movq	$1, -56(%rbp)
	movq	$2, -48(%rbp)
	movl	-68(%rbp), %eax
	cltq
	movq	%rax, -40(%rbp)
	movq	$3, -32(%rbp)
	movq	$3, -24(%rbp)
	movl	-68(%rbp), %eax
	cltq
	movq	%rax, -16(%rbp)
	movl	-68(%rbp), %eax
	cltq
	movq	%rax, -8(%rbp)
	movl	counter(%rip), %edx
	movl	-68(%rbp), %eax
	addl	%edx, %eax
	movl	%eax, counter(%rip)
	cmpl	$5, -68(%rbp)
	ja	.L17
	movl	-68(%rbp), %eax
	leaq	0(,%rax,4), %rdx
	leaq	.L8(%rip), %rax
	movl	(%rdx,%rax), %eax
	cltq
	leaq	.L8(%rip), %rdx
	addq	%rdx, %rax
	jmp	*%rax
	.section	.rodata
	.align 4
	.align 4
.L8:
	.long	.L13-.L8
	.long	.L12-.L8
	.long	.L11-.L8
	.long	.L10-.L8
	.long	.L9-.L8
	.long	.L7-.L8
	.text
.L13:
	movl	$5, %eax
	jmp	.L15
.L12:
	movl	$7, %eax
	jmp	.L15
.L11:
	movl	$11, %eax
	jmp	.L15
.L10:
	movl	$13, %eax
	jmp	.L15
.L9:
	movl	$17, %eax
	jmp	.L15
.L7:
	movl	$19, %eax
	jmp	.L15
.L17:
	nop
	leaq	-64(%rbp), %rax
	movl	$4, %esi
	movq	%rax, %rdi
	call	sum
	movl	%eax, %edx
	movl	counter(%rip), %eax
	addl	%eax, %edx
	movl	%fs:tls_var@tpoff, %eax
	addl	%edx, %eax
.L15:
	leave
	.cfi_def_cfa 7, 8
	ret
	.cfi_endproc
.LFE1:
	.size	compute, .-compute
	.section	.rodata
.LC3:
	.string	"%s-%d"
	.text
	.globl	main
	.type	main, @function
main:
.LFB2:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset 6, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register 6
	subq	$80, %rsp
	movl	%edi, -68(%rbp)
	movq	%rsi, -80(%rbp)
	movl	-68(%rbp), %eax
	movl	%eax, %edi
	call	compute
	movl	%eax, %esi
	movl	-68(%rbp), %ecx
	movslq	%ecx, %rax
	imulq	$1431655766, %rax, %rax
	shrq	$32, %rax
	movq	%rax, %rdx
	movl	%ecx, %eax
	sarl	$31, %eax
	subl	%eax, %edx
	movl	%edx, %eax
	addl	%eax, %eax
	addl	%edx, %eax
	subl	%eax, %ecx
	movl	%ecx, %edx
	movslq	%edx, %rax
	leaq	0(,%rax,8), %rdx
	leaq	names(%rip), %rax
	movq	(%rdx,%rax), %rdx
	leaq	-64(%rbp), %rax
	movl	%esi, %r8d
	movq	%rdx, %rcx
	leaq	.LC3(%rip), %rdx
	movl	$64, %esi
	movq	%rax, %rdi
	movl	$0, %eax
	call	snprintf@PLT
	leaq	-64(%rbp), %rax
	movq	%rax, %rdi
	call	puts@PLT
	leaq	-64(%rbp), %rax
	movq	%rax, %rdi
	call	strlen@PLT
	cmpq	$3, %rax
	jbe	.L19
	movl	4+table(%rip), %eax
	jmp	.L21
.L19:
	movl	$0, %eax
.L21:
	leave
	.cfi_def_cfa 7, 8
	ret
	.cfi_endproc
.LFE2:
	.size	main, .-main
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
