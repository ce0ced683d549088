# Long data, continuation lines, warnings, errors-free; --32
	.data
	.ascii "a very long string that goes on and on and on, longer than twenty bytes for sure"
	.quad 0x1122334455667788, 0x99aabbccddeeff00, 1, 2, 3
	.byte 300
	.fill 30, 1, 0x5a
	.space 25
	.text
	.irpc c, abc
	.ascii "\c"
	.endr
	.macro m3 a, b=7
	.long \a + \b
	.if \a > 1
	m3 "(\a - 1)", \b
	.endif
	.endm
	m3 3
	movl $1, %eax ; movl $2, %ebx ; nop
	.balign 16
	ret
