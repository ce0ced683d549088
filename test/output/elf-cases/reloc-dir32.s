	.text
foo:	call ext
	.reloc 0, R_386_NONE, bar
	.reloc 1, R_386_32, bar+4
	.reloc foo+2, BFD_RELOC_32, baz-3
	.reloc ., R_386_PC32, foo
	.reloc .+1, R_386_NONE
	.reloc 3, BFD_RELOC_32, .Lx
	.reloc 3, BFD_RELOC_8, 5
	call ext2
	.long 0,0,0
.Lx: nop
	.data
	.reloc 0, BFD_RELOC_NONE
	.reloc 0, R_386_PLT32, foo+1
	.long 0
	.reloc 4, BFD_RELOC_16, loc
loc: .byte 0
