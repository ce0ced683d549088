	.text
f:	.cfi_startproc
	nop
	.cfi_val_encoded_addr %rbp, 0x1b, lab
	nop
	.cfi_val_encoded_addr 3, 0x3, ext+2
	.cfi_val_encoded_addr 3, 0x0, lab
	ret
	.cfi_endproc
	.data
lab: .long 0
