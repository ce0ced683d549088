# Odd operand shapes: absolute branch targets, movabs/moffs with symbols, segment overrides, equated forward symbols.
start:
	call 0x1234
	jmp 0x10
	je 0x20
	jmp .+5
	jmp .
	movabs $fwd, %rax
	movabsq fwd, %rax
	movl $fwd, %eax
	addl $(fwd-start), %eax
	addl $(fwd-start), (%rax)
	movl %fs:0x28, %eax
	movq %gs:fwd, %rax
	jmp *%fs:8
	pushq $fwd
	push $(fwd-start)
	loop start
	jrcxz start
	leaq 1f(%rip), %rax
1:	nop
	movl $0x7fffffff+1, %eax
	int $3
	int3
	fwd = start + 0x100
	.long fwd
