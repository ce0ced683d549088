# TBM and LWP in 64-bit code: XOP.W for 64-bit operands, XOP.R/X/B for r8-r15, RIP-relative memory.
	.text
	bextr	$0x1234, %rcx, %rdx
	bextrq	$-1, (%r8), %r9
	bextr	$0x7fffffff, 0x10(%r13,%r14,8), %r15d
	bextr	$5, sym(%rip), %rax
	blcfill	%r8, %r9
	blsfill	(%r10d), %r11d
	blcs	%rsi, %r12
	tzmskq	8(%rbp), %r13
	blcic	%r15, %rax
	blsic	(%rax,%r9), %rbx
	t1mskc	%r11d, %r11d
	blcmsk	%rsp, %rbp
	blci	-4(%rip), %r10
	llwpcb	%rax
	llwpcb	%r9
	llwpcb	%r12d
	slwpcb	%r15
	slwpcb	%esi
	lwpins	$0x10, %eax, %rbx
	lwpins	$-1, %r8d, %r9
	lwpval	$0x12345678, (%r11), %r14d
	lwpval	$-0x80000000, sym(%rip), %rdx
	lwpins	$sym, 0x40(%rsp,%r12,2), %ecx
	addr32 lwpval $1, (%eax), %eax
