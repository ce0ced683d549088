	.weakref w1, t1
	.weakref w2, t2
	.weakref w3, t3
	.weakref w4, t4
	.weakref w5, t5
	.text
	call w1
	call w2
	call t2
	call w3
	.globl t3
	call w4
t4:	nop
	.long w5+8
	.weakref w6, w1
	call w6
