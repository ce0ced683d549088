	.text
	.include "inc.s"
start:	nop
	twice 5
	.rept 3
	.long 0x11223344
	.endr
	.if 0
	.byte 9
	.else
	.byte 8
	.endif
	.irp r, 1, 2
	.byte \r
	.endr
	movabsq $0x1122334455667788, %rax
	.ascii "abcdefghijklmnopqrstuvwxyz0123456789"
	.cfi_startproc
	ret
	.cfi_endproc
