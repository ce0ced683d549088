	.text
	.globl f
f:	.cfi_startproc
	.cfi_personality 0x9b, DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b, .LLSDA0
	pushq %rbp
	.cfi_def_cfa_offset 16
	popq %rbp
	ret
	.cfi_endproc
g:	.cfi_startproc
	.cfi_personality 0x9b, DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b, .LLSDA1
	ret
	.cfi_endproc
h:	.cfi_startproc
	.cfi_personality 0x3, pers
	.cfi_lsda 0x3, .LLSDA1
	ret
	.cfi_endproc
k:	.cfi_startproc
	.cfi_personality 0x0, pers+4
	.cfi_lsda 0xb, lsda
	ret
	.cfi_endproc
k2:	.cfi_startproc
	.cfi_personality 0x4, pers
	.cfi_lsda 0xc, lsda
	.cfi_signal_frame
	ret
	.cfi_endproc
k3:	.cfi_startproc
	.cfi_lsda 0x2, lsda
	ret
	.cfi_endproc
k4:	.cfi_startproc
	.cfi_personality 0x1b, pers
	.cfi_personality 0xff
	ret
	.cfi_endproc
	.section .gcc_except_table,"a",@progbits
.LLSDA0: .byte 1
.LLSDA1: .byte 1
