/* macros that complain, defined in a header */
.macro CHECK_ALIGN n
	.if (\n) & 7
	.error "CHECK_ALIGN: \n is not 8-byte aligned"
	.endif
.endm

.macro FRAME size
	CHECK_ALIGN \size
	.warning "frame of \size bytes"
.endm
