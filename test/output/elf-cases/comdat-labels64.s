	.text
	.quad lab
	.long lab2
	movq lab(%rip), %rax
	.section .text.x,"axG",@progbits,grp,comdat
lab: nop
	.section .gnu.linkonce.t.y,"ax",@progbits
lab2: nop
	.section .text.z,"axG",@progbits,grp2
lab3: nop
	.text
	.quad lab3
