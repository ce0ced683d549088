# Linked with main64.c by gcc (PIE): x86lab's object must link and run like GNU as's.
	.text
	.globl	asm_sum
	.type	asm_sum, @function
# long asm_sum(const long *v, long n): sum of v[0..n) plus c_bias(n), plus the length of greeting.
asm_sum:
	.cfi_startproc
	pushq	%rbx
	.cfi_def_cfa_offset 16
	.cfi_offset %rbx, -16
	xorl	%eax, %eax
	testq	%rsi, %rsi
	je	2f
1:	addq	(%rdi), %rax
	addq	$8, %rdi
	decq	%rsi
	jne	1b
2:	movq	%rax, %rbx
	movl	$3, %edi
	call	c_bias@PLT
	addq	%rax, %rbx
	leaq	greeting(%rip), %rdi
	call	strlen@PLT
	addq	%rbx, %rax
	addl	counter(%rip), %eax
	movq	table_ptr(%rip), %rdx
	addq	8(%rdx), %rax
	popq	%rbx
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.size	asm_sum, .-asm_sum

	.section .rodata.str1.1,"aMS",@progbits,1
greeting:
	.string	"hello"

	.data
	.globl	counter
	.type	counter, @object
	.size	counter, 4
counter:
	.long	10
	.section .data.rel.local,"aw"
	.align 8
table_ptr:
	.quad	table
	.section .rodata
	.align 8
table:
	.quad	100, 20, 300
	.section .note.GNU-stack,"",@progbits
