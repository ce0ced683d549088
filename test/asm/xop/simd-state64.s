# The same in 64-bit code, and AMX's tilerelease (64-bit only).
	.text
	aesencwide128kl	(%rax)
	aesdecwide256kl	(%r8)
	aesencwide256kl	sym(%rip)
	encodekey128	%r8d, %r9d
	encodekey256	%eax, %r15d
	vldmxcsr	(%r9)
	vstmxcsr	sym(%rip)
	vldmxcsr	(%rax,%r12,4)
	vzeroall
	vzeroupper
	tilerelease
