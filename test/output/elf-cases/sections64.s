# Sections: flags and types, groups (COMDAT and not), merge strings, TLS, notes, init arrays.
	.file	"sections.c"
	.section .rodata.str1.1,"aMS",@progbits,1
.LC0:	.string	"hello"
.LC1:	.string	"world"
	.section .rodata.cst8,"aM",@progbits,8
.LC2:	.quad	0x1122334455667788
	.section .text.hot,"ax",@progbits
	.globl	hot
hot:	leaq	.LC0(%rip), %rax
	leaq	.LC1+2(%rip), %rdx
	movq	.LC2(%rip), %rcx
	movl	$.LC1, %esi
	ret
	.section .text.inl,"axG",@progbits,inl,comdat
	.weak	inl
	.type	inl, @function
inl:	call	hot
	ret
	.size	inl, .-inl
	.section .data.inl,"awG",@progbits,inl,comdat
	.quad	inl
	.section .text.grp,"axG",@progbits,plaingroup
	nop
	.section .tdata,"awT",@progbits
	.globl	tv
tv:	.long	7
	.section .tbss,"awT",@nobits
tz:	.zero	8
	.text
	movq	%fs:tv@tpoff, %rax
	movq	tz@gottpoff(%rip), %rax
	.section .init_array,"aw"
	.align	8
	.quad	hot
	.section .note.foo,"a",@note
	.long	4, 4, 1
	.string	"GNU"
	.long	0
	.section .comment.x,"MS",@progbits,1
	.string	"x"
	.pushsection .data.rel.ro,"aw"
	.quad	.LC0
	.popsection
	.section .bss.big,"aw",@nobits
	.balign	64
buf:	.skip	4096
	.section .note.GNU-stack,"",@progbits
	.ident	"x86lab test"
	.ident	"second"
