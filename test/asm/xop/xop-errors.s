# TBM and LWP spellings GNU as refuses.
	.text
# (Not here: a register where only memory goes, or memory where only a register goes: GNU says
# "operand size mismatch", x86lab "operand type mismatch", as for ldmxcsr or rdpid.)
	llwpcbl	%eax
	lwpinsl	$1, %eax, %ebx
	lwpval	$1, %ax, %ebx
	blcfill	%ax, %bx
	blcfill	%eax, %bx
	blcfillw	%ax, %bx
	bextr	$1, %ax, %bx
	bextr	%eax, %ebx
	tzmsk	%eax
	t1mskc	$1, %eax
	lwpins	%eax, %ebx, %ecx
	llwpcb
	bextr	$0x100000000, %eax, %ebx
