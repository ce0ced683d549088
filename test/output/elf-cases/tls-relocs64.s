	.text
	movq %fs:x@tpoff, %rax
	movq x@gottpoff(%rip), %rax
	leaq x@tlsgd(%rip), %rdi
	call __tls_get_addr@PLT
	leaq y@tlsld(%rip), %rdi
	call __tls_get_addr@PLT
	leaq y@dtpoff(%rax), %rax
	movq $z@tpoff, %rax
	.section .tdata,"awT",@progbits
y: .long 1
	.section .tbss,"awT",@nobits
z: .zero 4
