# .cfi_* directives: GNU's CIE sharing, advance_loc sizes, offsets, remember/restore, escapes.
	.file	"cfi64.s"
	.text
	.globl	f1
	.type	f1, @function
f1:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	.fill	70, 1, 0x90
	.cfi_remember_state
	popq	%rbp
	.cfi_def_cfa %rsp, 8
	ret
	.cfi_restore_state
	.fill	300, 1, 0x90
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbx, 0
	.cfi_restore %rbx
	.fill	70000, 1, 0x90
	.cfi_undefined %rip
	.cfi_same_value %r12
	.cfi_register %r13, %r14
	.cfi_escape 0x2e, 0x10
	.cfi_val_offset %r15, -24
	ret
	.cfi_endproc
	.size	f1, .-f1
	.p2align 4
f2:
	.cfi_startproc
	ret
	.cfi_endproc
f3:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	jmp	f2
	.p2align 3
	.cfi_def_cfa_offset 8
	jmp	f3
	.cfi_def_cfa_offset 24
	ret
	.cfi_endproc
	.section .text.other,"ax",@progbits
g1:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	.cfi_offset 3, -16
	push %rbx
	.cfi_signal_frame
	nop
	.cfi_endproc
g2:
	.cfi_startproc simple
	.cfi_def_cfa %rsp, 8
	.cfi_return_column 16
	nop
	.cfi_endproc
