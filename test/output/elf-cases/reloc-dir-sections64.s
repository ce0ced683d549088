	.text
foo:	nop
	.data
	.long 0
	.reloc foo+0, R_X86_64_NONE, ext
	.section .x,"a"
	.long 0
	.reloc ., BFD_RELOC_32, ext
	.section .y,"a"
	.long 0
	.reloc 0, BFD_RELOC_32, ext
