	.byte 1, 2
	.macro twice a
	.byte \a
	.byte \a
	.endm
