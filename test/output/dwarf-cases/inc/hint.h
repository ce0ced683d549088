#define SYM_FUNC_START(x) .globl x; .type x, @function; x:
#define SYM_FUNC_END(x) .size x, .-x
	.macro UNWIND_HINT_EMPTY
	.pushsection .discard.unwind_hints
	.long 0
	.popsection
	nop
	.endm
