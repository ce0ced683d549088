# One code section: rows per line, a blank line, two statements on one line, a long jump in lines.
	.text
start:
	nop
	movl $1, %eax

	pushq %rbx; popq %rbx
	jmp start
	.data
	.long 5
	.text
	.rept 20
	.endr



















	ret
