# TBM and LWP in 16-bit code: no 66h for their 32-bit operands, 67h for 32-bit addresses.
	.code16
	.text
	bextr	$0x1234, %ecx, %edx
	bextr	$1, (%bx,%si), %eax
	bextr	$1, (%eax), %eax
	blcfill	%eax, %ebx
	blsic	4(%bp), %ecx
	llwpcb	%ecx
	slwpcb	%edx
	lwpins	$0x10, %eax, %ebx
	lwpval	$-2, (%di), %edx
	lwpval	$-2, (%ecx,%eax,2), %edx
