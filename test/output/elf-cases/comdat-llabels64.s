	.text
	.quad .Llab
	.long .Llab2
	movq .Llab(%rip), %rax
	.section .text.x,"axG",@progbits,grp,comdat
.Llab: nop
	.section .gnu.linkonce.t.y,"ax",@progbits
.Llab2: nop
	.section .text.z,"axG",@progbits,grp2
.Llab3: nop
	.text
	.quad .Llab3
