	.ident "hello"
	.ident "world"
	.section .foo,"axG",@progbits,grp,comdat
	nop
	.section .bar,"a"
	.attach_to_group grp
	.byte 1
	.section .baz,"ao",@progbits,.foo
	.byte 2
	.section .ret,"aR",@progbits
	.byte 3
	.pushsection .data
	.long 1
	.long 2
	.long 3
	.popsection
	.byte 4
	.previous
	.long 5
	.comm c1, 8, 4
	.comm c2, 3
	.lcomm l1, 20
	.lcomm l2, 5
	.tls_common t1, 8, 8
	.local loc
	.comm loc, 4, 4
	.text
x:	.globl p1
	.protected p1
p1:	nop
	.internal i1
i1: nop
	.hidden h1
	.globl h1
h1: nop
	.size x, .-x
	.size p1, 1+1
	.local q
q:	nop
