	.file	"b.c"
	.text
	.weak	wfun
	.type	wfun, @function
wfun:
.LFB1:
	.cfi_startproc
	leal	1(%rdi), %eax
	ret
	.cfi_endproc
.LFE1:
	.size	wfun, .-wfun
	.globl	use
	.type	use, @function
use:
.LFB2:
	.cfi_startproc
	pushq	%rbx
	.cfi_def_cfa_offset 16
	.cfi_offset 3, -16
	movl	%edi, %ebx
	call	wfun
	leal	(%rax,%rbx,2), %eax
	popq	%rbx
	.cfi_def_cfa_offset 8
	addl	ext_var(%rip), %eax
	addl	hid(%rip), %eax
	ret
	.cfi_endproc
.LFE2:
	.size	use, .-use
	.globl	zeros
	.bss
	.align 32
	.type	zeros, @object
	.size	zeros, 100
zeros:
	.zero	100
	.globl	big
	.data
	.align 8
	.type	big, @object
	.size	big, 8
big:
	.quad	1234567890123
	.hidden	hid
	.globl	hid
	.align 4
	.type	hid, @object
	.size	hid, 4
hid:
	.long	3
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
