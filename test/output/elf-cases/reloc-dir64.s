	.text
foo:	call ext
	.reloc 0, R_X86_64_NONE, bar
	.reloc 1, R_X86_64_64, bar+4
	.reloc foo+2, BFD_RELOC_32, baz-3
	.reloc ., R_X86_64_PC32, foo
	.reloc .+1, R_X86_64_NONE
	.reloc 3, BFD_RELOC_64, .Lx
	.reloc 3, BFD_RELOC_8, 5
	call ext2
	.long 0,0,0
.Lx: nop
	.data
	.reloc 0, BFD_RELOC_NONE
	.reloc 2, R_X86_64_PLT32, foo+1
	.quad 0
	.reloc 4, BFD_RELOC_16, loc
loc: .byte 0
