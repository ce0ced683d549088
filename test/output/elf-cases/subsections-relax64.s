	.text
f:	.cfi_startproc
	jmp 1f
	.subsection 1
2:	nop
	.p2align 4
	jmp f
	.previous
	.fill 130, 1, 0x90
1:	jmp 2b
	.cfi_endproc
	.text 3
	.long f, 2b, 1b
	.section .rodata
	.byte 1
	.subsection 1
x:	.byte 2
	.subsection 0
	.byte 3
	.long x - .
