# Spellings real kernel sources use that the plain grammar did not take.
# .type without a comma (SYM_FUNC_END, SYM_CODE_END)
foo: .type foo STT_NOTYPE
bar: .type bar @function
	.type baz STT_FUNC
baz:	ret
# label 0 and references 0b / 0f (irq_entries_start, exception fixups), beside binary 0b1
0:	nop
	jmp 0b
	jmp 0f
	.fill 0b+8-.,1,0xcc
0:	.long 0b1, 0x1b, 0b, 0f
0:
# C integer suffixes from headers shared with C (_AC(x, UL) and friends)
	.quad 0xff000000ULL, 12UL, 5U, 7L, 077u, 0b101UL, 3ll
	movl $5UL, %eax
	.long (1UL << 12) - 1
# adjacent string literals (__stringify(x) "\n"); escapes end with their literal
	.asciz "a" "b"
	.ascii "x" "y", "z"
l1:	.string "p"  "q" "r", "s"
	.ascii "\x4" "1"
	.ascii "\12" "3"
	.asciz "a\\" "b"
# a literal wider than 64 bits in .octa
	.octa 0x0123456789abcdef0123456789abcdef, -1, 5
