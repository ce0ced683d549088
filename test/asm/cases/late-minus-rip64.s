# A rip-relative displacement that is a label difference known only later: *ABS* relocation.
	lea	(b - a)(%rip), %rax
	mov	(b - a + 8)(%rip), %ecx
a:	nop
b:	nop
