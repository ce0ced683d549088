# One statement of each common shape (token-type sequence) in compiler output, most frequent first.
# scripts/build-grammar.mjs parses these with the grammar at build time and ships the trees
# (src/asm/common-shapes.ts); a shape missing here is parsed at run time as before.
# Made by scripts/common-statements.mjs (benchmark input, gcc -S of the repository's C files).
	movq %rsp, %rbp
	call external_fn
	push %rbp
	adcl $1, %r13d
	f0:
	movw 8(%rsp), %dx
	imull $3, %ebp, %esi
	pushq $4096
	movslq (%r12), %r12
	nop
	cmpq $65535, 8(%rsp)
	movq (%rsp,%rsi,4), %rcx
	sbbl data_4(%rip), %eax
	sbbb $-1, %bl
	movq %r14, 0(%rsp)
	movzbl 0x7fffffff(%rdx,%r11,1), %ecx
	andq data_1+8(%rip), %r10
	.type f0, @function
	.size f0, .-f0
	movl $K0, %ebx
	movslq -4096(%rbp), %rsi
	cmpl $4096, (%rbx)
	lea 0x1000(,%rdi,2), %r8
	pushq $-1
	movl %r14d, (%r9)
	adcl $0, (%r13,%rdx,2)
	.globl f1
	sbbl $16, 8(%eax,%ecx,4)
	cmpl $255, data_3+8(%rip)
	movl %ebx, (%rdi,%r10,4)
	cmpq $4096, data_2(%rip)
	call *%r11
	adcw $-1, 16(%rsp)
	movl %gs:0x10, %r15d
	movq %rsp, 0x7fffffff(%r10,%rsi,2)
	lea 0x10, %r14
	movb %r8b, data_2(%rip)
	movl %r12d, data_3+16(%rip)
	movl -0x8(,%r12,2), %r13d
	cmpw $32767, -129(%rax)
	cmpl $32767, 0x40(,%rdi,1)
	movzbl -0x8(%rbp,%r13,4), %r15d
	movl %r13d, -8(%rbp)
	movl %r8d, 0x1000(,%rdi,2)
	.align 8
	subq %gs:(%r12), %r13
	cmpq $16, %fs:0x28
	cmpw $-1, (%r15)
	negq 16(%rbp)
	jmp *(%rax,%rcx,8)
	call *8(%rbx)
	movq %r13, %fs:0x28
	.text
	xorl $-1, (%r13,%rax,2)
	movl $32767, -0x80(%rdx,%r10,8)
	notl (%r13)
	cmpq $127, -0x8(,%rcx,4)
	adcl %fs:16(%rsp), %r10d
	addl $-1, 0x7f(%rsp,%r11,8)
	orq %rax, -0x8(,%r10,1)
	cmpq $-128, data_4+16(%rip)
	movq %rsi, -0x1000(%rdi,%r15,1)
	movq $-1, data_3(%rip)
	sbbb $127, %gs:(%r10)
	movslq -0x80, %rsi
	cmpw $1, 0x8
	cmpq $-128, 0x1000(,%r12,8)
	incw (%rdx,%r14,4)
	cmpw %bx, 0x80
	orq %r8, %gs:(%rsp)
	.set K0, 64
	decl 0x7f(%rdx,%rbx,2)
	cmpq $255, %fs:4096(%r11)
	notl data_4+16(%rip)
	negq data_1(%rip)
	data_0: .asciz "message 0: \n"
	cmpq $-1, %fs:0x28
	data_1: .byte 107, 48, 0x7f
	orw $-1, -128(%rdx)
	data_11: .short 34458, 1
	movb %fs:-8(%rbp), %sil
	movl %r10d, %fs:4096(%rax)
	.string "divide"
	data_7: .long 521087094, -924, 0xf8a43
	data_5: .quad f46, 1003712505
	incl 0x1000(,%rbx,2)
	cmpq $255, -0x81
	.comm poke_sites,64,32
	incq -8(%rbp)
	addl $-129, -0x8(,%r14,8)
	cmpw $32767, %fs:-4096(%r8)
	adcl $-128, -0x80(%rdi,%r9,8)
	decq %fs:0x28
	movl %r14d, -0x8
	movq $-1, 0x1000
	movl %ebx, %fs:-129(%rsp)
	.section .note.GNU-stack,"",@progbits
	incw -0x8(,%r9,2)
	.p2align 4,,10
	cmpw $-128, %gs:(%r10)
	.long .L18-.L14
	cmpw $-1, %fs:16(%r9)
	leaq (%rsi,%rax), %rbp
	movq %rdx, 8+last(%rip)
	decw -0x8(%rdi,%r12,4)
	movq 8+handlers(%rip), %rax
	notb %gs:(%rcx)
	negw 0x8
	cmpl $-1, -0x80
	.section .tbss,"awT",@nobits
	incw %fs:-4096(%r13)
	incq %fs:127(%rdx)
	adcb $-128, %fs:-4096(%rbx)
	movl %fs:tls_var@tpoff, %eax
	.section .rodata.str1.1,"aMS",@progbits,1
	incl -0x80
	movb %cl, (%rdi,%rax)
	.section .data.rel.ro.local,"aw"
	rep stosl
