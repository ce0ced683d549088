# Only local functions (no DW_AT_external), a line table with big line and address steps.
	.type lf,@function
lf:	nop
	.size lf,1
	.type lf2,@function
lf2:	.nops 300
	nop
	.size lf2,.-lf2
	.p2align 5
	.fill 17, 1, 0x90
	ret
