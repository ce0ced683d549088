# TBM and LWP, AMD's XOP-encoded general-register instructions (both modes).
	.text
	bextr	$0x1234, %ecx, %edx
	bextr	$-1, (%ebx), %esi
	bextrl	$7, 4(%esp,%eax,4), %edi
	bextr	$0x7fffffff, 0x10(,%ebp,8), %eax
	bextr	$sym, %eax, %eax
	blcfill	%eax, %ebx
	blsfill	(%ecx), %edx
	blcs	%esi, %edi
	tzmsk	8(%ebp), %eax
	blcic	%edx, %ecx
	blsic	(%eax,%eax), %ebx
	t1mskc	%ebx, %ebx
	blcmsk	%esp, %ebp
	blci	-4(%ebp), %eax
	blcil	%eax, %eax
	blcfilll	0x1000, %ecx
	llwpcb	%ecx
	slwpcb	%edx
	llwpcb	%esp
	lwpins	$0x10, %eax, %ebx
	lwpval	$-2, (%ecx), %edx
	lwpins	$sym+4, %esi, %edi
	lwpval	$0xffffffff, 0x7f(%edi), %ecx
	fs lwpins $1, %fs:(%eax), %eax
	blci	(%ecx,%edx,8), %eax
# pop r/m stays a pop next to them
	pop	(%eax)
	pop	4(%ecx)
