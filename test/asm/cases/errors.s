# Rejected lines: each one reports exactly GNU's message on its own line, and assembly goes on.
	.text
	foo bar
	Foo %eax , (%rax)
	.foo
	.long 1 2
	.long foo bar
x:	nop
x:	nop
	.set x, 3
	.align 3
	.balign 6
	.long 08
	jmp 1b
	.long 1/0
	.byte 300
	.word 0x12345
	.byte -200, 255, -128
	movl $1, %eax junk
	movl (%rax, %eax
	movl %eax, %ebx, %ecx
	.fill 1, 9, 0
	.skip -1
	.space 0
	y = 1
	y: nop
	.equiv y, 2
	.long z
	.equiv z, 1
	.eqv q, 1
	.eqv q, 2
	.byte 1,
	.p2align 3,,1
	.section .text.a,"ax",@progbits
	.org 0x10
	.org 0x8
	nop
