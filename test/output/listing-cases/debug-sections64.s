	.file "a.c"
	.text
	.file 1 "a.c"
	.loc 1 3 0
	.cfi_startproc
	nop
	.cfi_def_cfa_offset 16
	.loc 1 4 0 is_stmt 0
	.loc_mark_labels 1
	ret
	.cfi_endproc
	.section .debug_info,"",@progbits
	.long 5
	.ident "x"
	.size x, 4
	.type x, @object
