	.tls_common t1, 8, 8
	.tls_common t2, 3, 4
	.section .foo,"axG",@progbits,grp,comdat
	nop
	.section .bar,"a"
	.attach_to_group grp
	.byte 1
	.text
	movq t1@tpoff, %rax
