	.text
	movl %gs:x@ntpoff, %eax
	movl x@indntpoff, %eax
	movl x@gotntpoff(%ebx), %eax
	leal x@tlsgd(,%ebx,1), %eax
	leal y@tlsldm(%ebx), %eax
	leal y@dtpoff(%eax), %eax
	movl x@tpoff, %eax
	.section .tdata,"awT",@progbits
y: .long 1
