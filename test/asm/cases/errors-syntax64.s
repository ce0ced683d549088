# modes: 64
# Operand and expression syntax errors, worded and placed as GNU as 2.40 does.
	mov %eax,
	mov ,%eax
	mov (%rax,%rbx,3), %eax
	mov %foo, %eax
	mov (%rax %rbx), %eax
	mov 4(%rax)), %eax
	mov $, %eax
	mov $1 2, %eax
	mov %eax %ebx
	mov (%rax,%rbx,), %eax
	mov %eax, (%rax,1)
	movl $foo bar, %eax
	addl $1+, %eax
	mov %eax:4, %ebx
	mov (%eax,%rbx), %ecx
	movl (%rip,%rax), %eax
	.byte 1 +
	.long 1)
	.long 1 1
	.section
	.type foo
	x =
	= 3
	1
	foo: :
	mov %st, %eax
	.set
