	.weakref foo, bar
	.weakref a1, a2
	.text
	call foo
	movq $a1, %rax
	.globl a2
