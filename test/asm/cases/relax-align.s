# Two branches across an alignment: the first grows, and the growth the alignment absorbs does
# not push the second out of range (GNU's relax pass walks fragments in order with a "stretch").
	.text
	.fill 14, 1, 0x90
	jmp	1f
	.fill 14, 1, 0x90
	jmp	1f
	.fill 18, 1, 0x90
	.p2align 4, 0x90
	.fill 96, 1, 0x90
1:	nop
	.fill 56, 1, 0x90
	jne	2f
	.fill 10, 1, 0x90
	jne	2f
	.fill 5, 1, 0x90
	.p2align 4, 0x90
	.fill 118, 1, 0x90
2:	nop
# An alignment with a byte limit too, and a backward branch after growth.
3:	.fill 100, 1, 0x90
	jmp	4f
	.fill 30, 1, 0x90
	jmp	4f
	.balign 32, 0x90, 7
	.fill 100, 1, 0x90
4:	jmp	3b
	.p2align 3
	jmp	3b
