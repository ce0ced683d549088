	.macro inner x
	movl    $\x ,  %eax   # comment
lab\x:	addl %ebx,%ecx
	.endm
	.macro outer y
  inner \y
	.byte \y, 1
	.if \y
	nop
	.else
	hlt
	.endif
	.endm
	outer 1
	outer 0
	.rept 2
	  .word 3 ;  .word 4
	.endr
