# modes: 32
# i386: absolute branch targets (REL: the addend stays in the bytes), far jumps, moffs, overrides.
start:
	call 0x1234
	jmp 0x10
	je 0x20
	jmp .+5
	ljmp $0x10, $0x1000
	lcall $0x8, $start
	ljmp *(%eax)
	movl fwd, %eax
	movl %eax, fwd+4
	movb %al, %es:0x10
	movl %fs:0x28, %eax
	jmp *%fs:8
	pushl $fwd
	push $(fwd-start)
	loop start
	jecxz start
	jcxz start
1:	nop
	int $3
	fwd = start + 0x100
	.long fwd, ext
	call ext
	jmp ext+4
