# Fields that overflow once a forward value is known: GNU's check and wording (and -129 fits a byte).
	.byte fwd
	.word fwd2
	.byte -129 + fwd3
fwd = 300
fwd2 = 0x12345
fwd3 = 0
	jecxz far
	.fill 200,1,0
far:
	movb $fwd, %al
