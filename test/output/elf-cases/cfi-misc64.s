	.text
	.globl f
f:	.cfi_startproc
	.cfi_personality 0x9b, DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b, .LLSDA0
	pushq %rbp
	.cfi_def_cfa_offset 16
	.cfi_escape 0x2e, 0x10
	.cfi_signal_frame
	.cfi_return_column 17
	popq %rbp
	ret
	.cfi_endproc
g:	.cfi_startproc
	.cfi_personality 0x3, pers
	.cfi_lsda 0x3, .LLSDA0
	.cfi_val_encoded_addr %rbp, 0x1b, lab
	ret
	.cfi_endproc
	.section .gcc_except_table,"a",@progbits
.LLSDA0: .byte 1
	.section .data.rel.local.DW.ref.__gxx_personality_v0,"awG",@progbits,DW.ref.__gxx_personality_v0,comdat
	.weak DW.ref.__gxx_personality_v0
	.hidden DW.ref.__gxx_personality_v0
	.type DW.ref.__gxx_personality_v0, @object
	.size DW.ref.__gxx_personality_v0, 8
DW.ref.__gxx_personality_v0: .quad __gxx_personality_v0
lab: .byte 0
