# Code in several sections (DW_AT_ranges), code in a data section (no row, yet the last line),
# a section entered through .pushsection from a macro (its rows collapse onto the invocation line).
	.text
	nop
	.macro alt insn
	\insn
	.pushsection .altinstr_replacement,"ax"
	\insn
	.popsection
	.endm
	alt "xorl %eax,%eax"
	.data
	ret
	.section .foo,"a"
	int3
	.section .init.text,"ax",@progbits
	hlt
	.text
	ud2
	.section .noinstr.text,"ax"
	lfence
	lfence
