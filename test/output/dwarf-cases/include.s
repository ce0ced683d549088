# .include'd files get their own file numbers and directories (DW_LNS_set_file); other.s is found through -I inc.
	nop
	.include "inc/part.s"
	ret
	.include "inc/part.s"
	.include "other.s"
	hlt
