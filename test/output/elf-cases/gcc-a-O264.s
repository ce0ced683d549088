	.file	"a.c"
	.text
	.p2align 4
	.globl	compute
	.type	compute, @function
compute:
.LFB12:
	.cfi_startproc
	movq	$1, -64(%rsp)
	movslq	%edi, %rax
	movq	%rax, -72(%rsp)
	movq	%rax, -48(%rsp)
	movq	%rax, -24(%rsp)
	movq	%rax, -16(%rsp)
	movl	counter(%rip), %eax
	movq	$2, -56(%rsp)
	movq	$3, -40(%rsp)
	addl	%edi, %eax
	movq	$3, -32(%rsp)
	movl	%eax, counter(%rip)
	cmpl	$5, %edi
	ja	.L2
	movl	%edi, %edi
	leaq	CSWTCH.5(%rip), %rax
	movl	(%rax,%rdi,4), %eax
	ret
	.p2align 4,,10
	.p2align 3
.L2:
	leaq	-72(%rsp), %rdx
	leaq	-8(%rsp), %rdi
	xorl	%esi, %esi
	.p2align 4,,10
	.p2align 3
.L4:
	movq	(%rdx), %rcx
	imulq	8(%rdx), %rcx
	addq	$16, %rdx
	addq	%rcx, %rsi
	cmpq	%rdx, %rdi
	jne	.L4
	addl	%esi, %eax
	addl	%fs:tls_var@tpoff, %eax
	ret
	.cfi_endproc
.LFE12:
	.size	compute, .-compute
	.section	.rodata.str1.1,"aMS",@progbits,1
.LC0:
	.string	"%s-%d"
	.section	.text.startup,"ax",@progbits
	.p2align 4
	.globl	main
	.type	main, @function
main:
.LFB13:
	.cfi_startproc
	pushq	%rbx
	.cfi_def_cfa_offset 16
	.cfi_offset 3, -16
	movl	%edi, %r9d
	subq	$64, %rsp
	.cfi_def_cfa_offset 80
	call	compute
	movslq	%r9d, %rdx
	movq	%rsp, %rbx
	movl	$64, %esi
	imulq	$1431655766, %rdx, %rdx
	movl	%eax, %r8d
	movl	%r9d, %eax
	movq	%rbx, %rdi
	sarl	$31, %eax
	shrq	$32, %rdx
	subl	%eax, %edx
	leal	(%rdx,%rdx,2), %eax
	leaq	.LC0(%rip), %rdx
	subl	%eax, %r9d
	leaq	names(%rip), %rax
	movslq	%r9d, %r9
	movq	(%rax,%r9,8), %rcx
	xorl	%eax, %eax
	call	snprintf@PLT
	movq	%rbx, %rdi
	call	puts@PLT
	movq	%rbx, %rdi
	call	strlen@PLT
	cmpq	$3, %rax
	movl	$0, %eax
	cmova	4+table(%rip), %eax
	addq	$64, %rsp
	.cfi_def_cfa_offset 16
	popq	%rbx
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
.LFE13:
	.size	main, .-main
	.section	.rodata
	.align 16
	.type	CSWTCH.5, @object
	.size	CSWTCH.5, 24
CSWTCH.5:
	.long	5
	.long	7
	.long	11
	.long	13
	.long	17
	.long	19
	.globl	tls_var
	.section	.tbss,"awT",@nobits
	.align 4
	.type	tls_var, @object
	.size	tls_var, 4
tls_var:
	.zero	4
	.globl	names
	.section	.rodata.str1.1
.LC1:
	.string	"alpha"
.LC2:
	.string	"beta"
.LC3:
	.string	"gamma"
	.section	.data.rel.local,"aw"
	.align 16
	.type	names, @object
	.size	names, 24
names:
	.quad	.LC1
	.quad	.LC2
	.quad	.LC3
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
	.local	counter
	.comm	counter,4,4
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
