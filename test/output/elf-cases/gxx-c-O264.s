	.file	"c.cc"
	.text
	.p2align 4
	.globl	_Z4useri
	.type	_Z4useri, @function
_Z4useri:
.LFB2:
	.cfi_startproc
	movl	_ZZ6helperiE5calls(%rip), %eax
	addl	$1, %eax
	movl	%eax, _ZZ6helperiE5calls(%rip)
	leal	(%rax,%rdi,4), %eax
	addl	%edi, %eax
	ret
	.cfi_endproc
.LFE2:
	.size	_Z4useri, .-_Z4useri
	.weak	_ZZ6helperiE5calls
	.section	.bss._ZZ6helperiE5calls,"awG",@nobits,_ZZ6helperiE5calls,comdat
	.align 4
	.type	_ZZ6helperiE5calls, @gnu_unique_object
	.size	_ZZ6helperiE5calls, 4
_ZZ6helperiE5calls:
	.zero	4
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
