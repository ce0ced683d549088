# Sections: .section with flags and types, .pushsection/.popsection, .previous, subsections of the stack.
	.text
t0:	nop
	.section .altinstructions,"a"
	.long t0 - .
	.byte 5
	.section __ex_table,"a"
	.balign 4
	.long t0 - ., t1 - .
	.previous
t1:	ret
	.pushsection .rodata.str1.1,"aMS",@progbits,1
	.asciz "hello"
	.pushsection .data.once,"aw"
	.byte 1
	.popsection
	.asciz "x"
	.popsection
	int3
	.section .text.unlikely,"ax",@progbits
	hlt
	.section .init.data,"aw",%progbits
	.quad 1
	.section .noinstr.bss,"aw",@nobits
	.zero 8
	.section .note.test,"a",@note
	.long 4
	.text
	ud2
	.data
	.byte 9
	.previous
	pause
.section .discard.x
.long 1
.section .comment2,"",@progbits
.byte 5
