# Macro bodies take the outermost invocation's line; .rept/.irp bodies keep their own lines.
	.macro inner
	inc %ecx
	inc %edx
	.endm
	.macro outer n
	nop
	inner
	.rept \n
	dec %eax
	.endr
	.endm
	.rept 2
	inc %eax
	inc %ebx
	.endr
	outer 3
	.irp r, %eax, %ebx
	not \r
	neg \r
	.endr
	.rept 2
	outer 1
	nop
	.endr
	ret
