# Key Locker's general-register forms, vldmxcsr/vstmxcsr, vzeroall/vzeroupper (both modes).
	.text
	aesencwide128kl	(%eax)
	aesdecwide128kl	4(%eax)
	aesencwide256kl	(%eax,%ebx,2)
	aesdecwide256kl	sym
	encodekey128	%eax, %ebx
	encodekey256	%ecx, %edx
	vldmxcsr	(%eax)
	vstmxcsr	0x10(%esp)
	vldmxcsr	sym
	vzeroall
	vzeroupper
