# .loc by hand: no row before the first .loc, two .locs in a row (the first at the second's
# address), is_stmt/isa kept from one .loc to the next, discriminator/basic_block/prologue_end/
# epilogue_begin for one row, data between a .loc and its instruction.
	.file 1 "q.c"
	.file 2 "inc/q.h"
	nop
	.loc 1 5 0
	nop
	nop
	.loc 1 7 2 is_stmt 0 prologue_end
	.loc 1 8 0 discriminator 3 basic_block
	ret
	.loc 2 9 0
	ret
	.loc 1 9 1 epilogue_begin isa 2
	.byte 1
	ret
	.section .text.unlikely,"ax"
	.loc 2 100 4 is_stmt 1
	hlt
