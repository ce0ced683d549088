.text
foo: nop
.data
.long 0
.byte 0
.reloc 0, BFD_RELOC_32, x+1
.reloc 1, BFD_RELOC_16, foo+3
