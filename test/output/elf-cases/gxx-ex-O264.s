	.file	"ex.cc"
	.text
	.section	.text.unlikely,"ax",@progbits
.LCOLDB0:
	.text
.LHOTB0:
	.p2align 4
	.globl	_Z1fi
	.type	_Z1fi, @function
_Z1fi:
.LFB1219:
	.cfi_startproc
	.cfi_personality 0x9b,DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b,.LLSDA1219
	pushq	%rbx
	.cfi_def_cfa_offset 16
	.cfi_offset 3, -16
	subq	$16, %rsp
	.cfi_def_cfa_offset 32
.LEHB0:
	call	_Z1gi@PLT
.LEHE0:
	movl	%eax, %ebx
.L4:
	leaq	15(%rsp), %rdi
	call	_ZN1AD1Ev@PLT
	addq	$16, %rsp
	.cfi_remember_state
	.cfi_def_cfa_offset 16
	movl	%ebx, %eax
	popq	%rbx
	.cfi_def_cfa_offset 8
	ret
.L6:
	.cfi_restore_state
	movq	%rax, %rdi
	movq	%rdx, %rax
	jmp	.L2
	.globl	__gxx_personality_v0
	.section	.gcc_except_table,"a",@progbits
	.align 4
.LLSDA1219:
	.byte	0xff
	.byte	0x9b
	.uleb128 .LLSDATT1219-.LLSDATTD1219
.LLSDATTD1219:
	.byte	0x1
	.uleb128 .LLSDACSE1219-.LLSDACSB1219
.LLSDACSB1219:
	.uleb128 .LEHB0-.LFB1219
	.uleb128 .LEHE0-.LEHB0
	.uleb128 .L6-.LFB1219
	.uleb128 0x3
.LLSDACSE1219:
	.byte	0x2
	.byte	0
	.byte	0x1
	.byte	0x7d
	.align 4
	.long	0

	.long	DW.ref._ZTISt9exception-.
.LLSDATT1219:
	.text
	.cfi_endproc
	.section	.text.unlikely
	.cfi_startproc
	.cfi_personality 0x9b,DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b,.LLSDAC1219
	.type	_Z1fi.cold, @function
_Z1fi.cold:
.LFSB1219:
.L2:
	.cfi_def_cfa_offset 32
	.cfi_offset 3, -16
	subq	$1, %rax
	jne	.L3
	call	__cxa_begin_catch@PLT
	orl	$-1, %ebx
	call	__cxa_end_catch@PLT
	jmp	.L4
.L3:
	call	__cxa_begin_catch@PLT
.LEHB1:
	call	__cxa_rethrow@PLT
.LEHE1:
.L7:
	movq	%rax, %rbx
	call	__cxa_end_catch@PLT
	leaq	15(%rsp), %rdi
	call	_ZN1AD1Ev@PLT
	movq	%rbx, %rdi
.LEHB2:
	call	_Unwind_Resume@PLT
.LEHE2:
	.cfi_endproc
.LFE1219:
	.section	.gcc_except_table
	.align 4
.LLSDAC1219:
	.byte	0xff
	.byte	0x9b
	.uleb128 .LLSDATTC1219-.LLSDATTDC1219
.LLSDATTDC1219:
	.byte	0x1
	.uleb128 .LLSDACSEC1219-.LLSDACSBC1219
.LLSDACSBC1219:
	.uleb128 .LEHB1-.LCOLDB0
	.uleb128 .LEHE1-.LEHB1
	.uleb128 .L7-.LCOLDB0
	.uleb128 0
	.uleb128 .LEHB2-.LCOLDB0
	.uleb128 .LEHE2-.LEHB2
	.uleb128 0
	.uleb128 0
.LLSDACSEC1219:
	.byte	0x2
	.byte	0
	.byte	0x1
	.byte	0x7d
	.align 4
	.long	0

	.long	DW.ref._ZTISt9exception-.
.LLSDATTC1219:
	.section	.text.unlikely
	.text
	.size	_Z1fi, .-_Z1fi
	.section	.text.unlikely
	.size	_Z1fi.cold, .-_Z1fi.cold
.LCOLDE0:
	.text
.LHOTE0:
	.section	.rodata.str1.1,"aMS",@progbits,1
.LC1:
	.string	"x"
	.section	.text.unlikely
.LCOLDB2:
	.text
.LHOTB2:
	.p2align 4
	.globl	_Z1hB5cxx11i
	.type	_Z1hB5cxx11i, @function
_Z1hB5cxx11i:
.LFB1220:
	.cfi_startproc
	.cfi_personality 0x9b,DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b,.LLSDA1220
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset 6, -16
	pushq	%rbx
	.cfi_def_cfa_offset 24
	.cfi_offset 3, -24
	subq	$24, %rsp
	.cfi_def_cfa_offset 48
	testl	%esi, %esi
	jne	.L17
	leaq	16(%rdi), %rax
	movq	%rdi, %rbx
	movl	$45, %edx
	movl	$1, %esi
	movq	%rax, (%rdi)
	call	_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE12_M_constructEmc@PLT
	movq	(%rbx), %rax
	leaq	15(%rsp), %rdi
	movb	$48, (%rax)
	call	_ZN1AD1Ev@PLT
	addq	$24, %rsp
	.cfi_def_cfa_offset 24
	movq	%rbx, %rax
	popq	%rbx
	.cfi_def_cfa_offset 16
	popq	%rbp
	.cfi_def_cfa_offset 8
	ret
	.section	.gcc_except_table
.LLSDA1220:
	.byte	0xff
	.byte	0xff
	.byte	0x1
	.uleb128 .LLSDACSE1220-.LLSDACSB1220
.LLSDACSB1220:
.LLSDACSE1220:
	.text
	.cfi_endproc
	.section	.text.unlikely
	.cfi_startproc
	.cfi_personality 0x9b,DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b,.LLSDAC1220
	.type	_Z1hB5cxx11i.cold, @function
_Z1hB5cxx11i.cold:
.LFSB1220:
.L17:
	.cfi_def_cfa_offset 48
	.cfi_offset 3, -24
	.cfi_offset 6, -16
	movl	$16, %edi
	call	__cxa_allocate_exception@PLT
	leaq	.LC1(%rip), %rsi
	movq	%rax, %rdi
	movq	%rax, %rbp
.LEHB3:
	call	_ZNSt13runtime_errorC1EPKc@PLT
.LEHE3:
	movq	_ZNSt13runtime_errorD1Ev@GOTPCREL(%rip), %rdx
	leaq	_ZTISt13runtime_error(%rip), %rsi
	movq	%rbp, %rdi
.LEHB4:
	call	__cxa_throw@PLT
.LEHE4:
.L15:
	movq	%rbp, %rdi
	movq	%rax, %rbx
	call	__cxa_free_exception@PLT
.L14:
	leaq	15(%rsp), %rdi
	call	_ZN1AD1Ev@PLT
	movq	%rbx, %rdi
.LEHB5:
	call	_Unwind_Resume@PLT
.LEHE5:
.L16:
	movq	%rax, %rbx
	jmp	.L14
	.cfi_endproc
.LFE1220:
	.section	.gcc_except_table
.LLSDAC1220:
	.byte	0xff
	.byte	0xff
	.byte	0x1
	.uleb128 .LLSDACSEC1220-.LLSDACSBC1220
.LLSDACSBC1220:
	.uleb128 .LEHB3-.LCOLDB2
	.uleb128 .LEHE3-.LEHB3
	.uleb128 .L15-.LCOLDB2
	.uleb128 0
	.uleb128 .LEHB4-.LCOLDB2
	.uleb128 .LEHE4-.LEHB4
	.uleb128 .L16-.LCOLDB2
	.uleb128 0
	.uleb128 .LEHB5-.LCOLDB2
	.uleb128 .LEHE5-.LEHB5
	.uleb128 0
	.uleb128 0
.LLSDACSEC1220:
	.section	.text.unlikely
	.text
	.size	_Z1hB5cxx11i, .-_Z1hB5cxx11i
	.section	.text.unlikely
	.size	_Z1hB5cxx11i.cold, .-_Z1hB5cxx11i.cold
.LCOLDE2:
	.text
.LHOTE2:
	.section	.text.unlikely
.LCOLDB3:
	.text
.LHOTB3:
	.p2align 4
	.globl	_Z1uv
	.type	_Z1uv, @function
_Z1uv:
.LFB1222:
	.cfi_startproc
	.cfi_personality 0x9b,DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b,.LLSDA1222
	pushq	%r12
	.cfi_def_cfa_offset 16
	.cfi_offset 12, -16
	movl	$3, %edi
	pushq	%rbp
	.cfi_def_cfa_offset 24
	.cfi_offset 6, -24
	pushq	%rbx
	.cfi_def_cfa_offset 32
	.cfi_offset 3, -32
	subq	$16, %rsp
	.cfi_def_cfa_offset 48
.LEHB6:
	call	_Z1gi@PLT
.LEHE6:
	leaq	15(%rsp), %r12
	leal	3(%rax), %ebx
	movq	%r12, %rdi
	call	_ZN1AD1Ev@PLT
	movl	$4, %edi
.LEHB7:
	call	_Z1gi@PLT
.LEHE7:
	movq	%r12, %rdi
	movl	%eax, %ebp
	call	_ZN1AD1Ev@PLT
	addq	$16, %rsp
	.cfi_remember_state
	.cfi_def_cfa_offset 32
	leal	4(%rbp,%rbx), %eax
	popq	%rbx
	.cfi_def_cfa_offset 24
	popq	%rbp
	.cfi_def_cfa_offset 16
	popq	%r12
	.cfi_def_cfa_offset 8
	ret
.L25:
	.cfi_restore_state
	movq	%rax, %rbx
	jmp	.L22
.L24:
	movq	%rax, %rbx
	jmp	.L23
	.section	.gcc_except_table
.LLSDA1222:
	.byte	0xff
	.byte	0xff
	.byte	0x1
	.uleb128 .LLSDACSE1222-.LLSDACSB1222
.LLSDACSB1222:
	.uleb128 .LEHB6-.LFB1222
	.uleb128 .LEHE6-.LEHB6
	.uleb128 .L25-.LFB1222
	.uleb128 0
	.uleb128 .LEHB7-.LFB1222
	.uleb128 .LEHE7-.LEHB7
	.uleb128 .L24-.LFB1222
	.uleb128 0
.LLSDACSE1222:
	.text
	.cfi_endproc
	.section	.text.unlikely
	.cfi_startproc
	.cfi_personality 0x9b,DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b,.LLSDAC1222
	.type	_Z1uv.cold, @function
_Z1uv.cold:
.LFSB1222:
.L22:
	.cfi_def_cfa_offset 48
	.cfi_offset 3, -32
	.cfi_offset 6, -24
	.cfi_offset 12, -16
	leaq	15(%rsp), %rdi
	call	_ZN1AD1Ev@PLT
	movq	%rbx, %rdi
.LEHB8:
	call	_Unwind_Resume@PLT
.L23:
	movq	%r12, %rdi
	call	_ZN1AD1Ev@PLT
	movq	%rbx, %rdi
	call	_Unwind_Resume@PLT
.LEHE8:
	.cfi_endproc
.LFE1222:
	.section	.gcc_except_table
.LLSDAC1222:
	.byte	0xff
	.byte	0xff
	.byte	0x1
	.uleb128 .LLSDACSEC1222-.LLSDACSBC1222
.LLSDACSBC1222:
	.uleb128 .LEHB8-.LCOLDB3
	.uleb128 .LEHE8-.LEHB8
	.uleb128 0
	.uleb128 0
.LLSDACSEC1222:
	.section	.text.unlikely
	.text
	.size	_Z1uv, .-_Z1uv
	.section	.text.unlikely
	.size	_Z1uv.cold, .-_Z1uv.cold
.LCOLDE3:
	.text
.LHOTE3:
	.hidden	DW.ref._ZTISt9exception
	.weak	DW.ref._ZTISt9exception
	.section	.data.rel.local.DW.ref._ZTISt9exception,"awG",@progbits,DW.ref._ZTISt9exception,comdat
	.align 8
	.type	DW.ref._ZTISt9exception, @object
	.size	DW.ref._ZTISt9exception, 8
DW.ref._ZTISt9exception:
	.quad	_ZTISt9exception
	.hidden	DW.ref.__gxx_personality_v0
	.weak	DW.ref.__gxx_personality_v0
	.section	.data.rel.local.DW.ref.__gxx_personality_v0,"awG",@progbits,DW.ref.__gxx_personality_v0,comdat
	.align 8
	.type	DW.ref.__gxx_personality_v0, @object
	.size	DW.ref.__gxx_personality_v0, 8
DW.ref.__gxx_personality_v0:
	.quad	__gxx_personality_v0
	.ident	"GCC: (Debian 12.2.0-14+deb12u1) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
