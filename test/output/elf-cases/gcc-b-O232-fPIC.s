	.file	"b.c"
	.text
	.p2align 4
	.weak	wfun
	.type	wfun, @function
wfun:
.LFB1:
	.cfi_startproc
	movl	4(%esp), %eax
	addl	$1, %eax
	ret
	.cfi_endproc
.LFE1:
	.size	wfun, .-wfun
	.p2align 4
	.globl	use
	.type	use, @function
use:
.LFB2:
	.cfi_startproc
	pushl	%esi
	.cfi_def_cfa_offset 8
	.cfi_offset 6, -8
	pushl	%ebx
	.cfi_def_cfa_offset 12
	.cfi_offset 3, -12
	call	__x86.get_pc_thunk.bx
	addl	$_GLOBAL_OFFSET_TABLE_, %ebx
	subl	$16, %esp
	.cfi_def_cfa_offset 28
	movl	28(%esp), %esi
	pushl	%esi
	.cfi_def_cfa_offset 32
	call	wfun@PLT
	movl	ext_var@GOT(%ebx), %edx
	leal	(%eax,%esi,2), %eax
	addl	(%edx), %eax
	addl	hid@GOTOFF(%ebx), %eax
	addl	$20, %esp
	.cfi_def_cfa_offset 12
	popl	%ebx
	.cfi_restore 3
	.cfi_def_cfa_offset 8
	popl	%esi
	.cfi_restore 6
	.cfi_def_cfa_offset 4
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
	.long	1912276171
	.long	287
	.hidden	hid
	.globl	hid
	.align 4
	.type	hid, @object
	.size	hid, 4
hid:
	.long	3
	.section	.text.__x86.get_pc_thunk.bx,"axG",@progbits,__x86.get_pc_thunk.bx,comdat
	.globl	__x86.get_pc_thunk.bx
	.hidden	__x86.get_pc_thunk.bx
	.type	__x86.get_pc_thunk.bx, @function
__x86.get_pc_thunk.bx:
.LFB3:
	.cfi_startproc
	movl	(%esp), %ebx
	ret
	.cfi_endproc
.LFE3:
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
