# Relaxed jumps (rows at final addresses), alignment at the ends of sections (end_sequence after the padding).
	.text
	nop
	jmp far
	.fill 200,1,0x90
far:	jne back
	ret
	.p2align 6
	.section .text.b,"ax"
back:	jmp far
	jmp back
	.balign 32
	.section .text.c,"ax"
	ret
	.skip 3
