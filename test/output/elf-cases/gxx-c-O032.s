	.file	"c.cc"
	.text
	.weak	_ZZ6helperiE5calls
	.section	.bss._ZZ6helperiE5calls,"awG",@nobits,_ZZ6helperiE5calls,comdat
	.align 4
	.type	_ZZ6helperiE5calls, @gnu_unique_object
	.size	_ZZ6helperiE5calls, 4
_ZZ6helperiE5calls:
	.zero	4
	.section	.text._Z6helperi,"axG",@progbits,_Z6helperi,comdat
	.weak	_Z6helperi
	.type	_Z6helperi, @function
_Z6helperi:
.LFB1:
	.cfi_startproc
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset 5, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register 5
	call	__x86.get_pc_thunk.ax
	addl	$_GLOBAL_OFFSET_TABLE_, %eax
	movl	_ZZ6helperiE5calls@GOTOFF(%eax), %edx
	addl	$1, %edx
	movl	%edx, _ZZ6helperiE5calls@GOTOFF(%eax)
	movl	_ZZ6helperiE5calls@GOTOFF(%eax), %edx
	movl	8(%ebp), %eax
	addl	%edx, %eax
	popl	%ebp
	.cfi_restore 5
	.cfi_def_cfa 4, 4
	ret
	.cfi_endproc
.LFE1:
	.size	_Z6helperi, .-_Z6helperi
	.text
	.globl	_Z4useri
	.type	_Z4useri, @function
_Z4useri:
.LFB2:
	.cfi_startproc
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset 5, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register 5
	pushl	%ebx
	subl	$20, %esp
	.cfi_offset 3, -12
	call	__x86.get_pc_thunk.ax
	addl	$_GLOBAL_OFFSET_TABLE_, %eax
	movl	8(%ebp), %eax
	movl	%eax, -12(%ebp)
	movl	8(%ebp), %eax
	movl	%eax, -16(%ebp)
	subl	$12, %esp
	leal	-12(%ebp), %eax
	pushl	%eax
	call	_ZNK3BoxIiE3getEv
	addl	$16, %esp
	movl	%eax, %ebx
	subl	$12, %esp
	leal	-16(%ebp), %eax
	pushl	%eax
	call	_ZNK3BoxIlE3getEv
	addl	$16, %esp
	addl	%eax, %ebx
	subl	$12, %esp
	pushl	8(%ebp)
	call	_Z6helperi
	addl	$16, %esp
	addl	%ebx, %eax
	movl	-4(%ebp), %ebx
	leave
	.cfi_restore 5
	.cfi_restore 3
	.cfi_def_cfa 4, 4
	ret
	.cfi_endproc
.LFE2:
	.size	_Z4useri, .-_Z4useri
	.section	.text._ZNK3BoxIiE3getEv,"axG",@progbits,_ZNK3BoxIiE3getEv,comdat
	.align 2
	.weak	_ZNK3BoxIiE3getEv
	.type	_ZNK3BoxIiE3getEv, @function
_ZNK3BoxIiE3getEv:
.LFB3:
	.cfi_startproc
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset 5, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register 5
	call	__x86.get_pc_thunk.ax
	addl	$_GLOBAL_OFFSET_TABLE_, %eax
	movl	8(%ebp), %eax
	movl	(%eax), %eax
	addl	%eax, %eax
	popl	%ebp
	.cfi_restore 5
	.cfi_def_cfa 4, 4
	ret
	.cfi_endproc
.LFE3:
	.size	_ZNK3BoxIiE3getEv, .-_ZNK3BoxIiE3getEv
	.section	.text._ZNK3BoxIlE3getEv,"axG",@progbits,_ZNK3BoxIlE3getEv,comdat
	.align 2
	.weak	_ZNK3BoxIlE3getEv
	.type	_ZNK3BoxIlE3getEv, @function
_ZNK3BoxIlE3getEv:
.LFB4:
	.cfi_startproc
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset 5, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register 5
	call	__x86.get_pc_thunk.ax
	addl	$_GLOBAL_OFFSET_TABLE_, %eax
	movl	8(%ebp), %eax
	movl	(%eax), %eax
	addl	%eax, %eax
	popl	%ebp
	.cfi_restore 5
	.cfi_def_cfa 4, 4
	ret
	.cfi_endproc
.LFE4:
	.size	_ZNK3BoxIlE3getEv, .-_ZNK3BoxIlE3getEv
	.section	.text.__x86.get_pc_thunk.ax,"axG",@progbits,__x86.get_pc_thunk.ax,comdat
	.globl	__x86.get_pc_thunk.ax
	.hidden	__x86.get_pc_thunk.ax
	.type	__x86.get_pc_thunk.ax, @function
__x86.get_pc_thunk.ax:
.LFB5:
	.cfi_startproc
	movl	(%esp), %eax
	ret
	.cfi_endproc
.LFE5:
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
