# ELF features linked natively by elf-link.test.ts: a .weakref to a symbol nothing defines (weak,
# so it resolves to 0), local-exec TLS, a COMDAT function, .reloc and .cfi_personality-free CFI.
	.weakref wmissing, x86lab_not_defined_anywhere
	.text
	.globl missing_is_null
	.type missing_is_null, @function
missing_is_null:
	.cfi_startproc
	movq wmissing@GOTPCREL(%rip), %rax
	testq %rax, %rax
	sete %al
	movzbl %al, %eax
	.reloc ., R_X86_64_NONE, missing_is_null
	ret
	.cfi_endproc
	.size missing_is_null, .-missing_is_null

	.globl tls_inc
	.type tls_inc, @function
tls_inc:
	movl %fs:counter@tpoff, %eax
	incl %eax
	movl %eax, %fs:counter@tpoff
	call helper
	ret

	.section .text.helper,"axG",@progbits,helper,comdat
	.weak helper
	.hidden helper
	.type helper, @function
helper:
	addl $0, %eax
	ret

	.section .tbss,"awT",@nobits
	.p2align 2
counter:
	.zero 4
