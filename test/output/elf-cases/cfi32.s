# .cfi_* directives: GNU's CIE sharing, advance_loc sizes, offsets, remember/restore, escapes.
	.file	"cfi32.s"
	.text
	.globl	f1
	.type	f1, @function
f1:
	.cfi_startproc
	pushl	%ebp
	.cfi_def_cfa_offset 8
	.cfi_offset %ebp, -8
	movl	%esp, %ebp
	.cfi_def_cfa_register %ebp
	.fill	70, 1, 0x90
	.cfi_remember_state
	popl	%ebp
	.cfi_def_cfa %esp, 4
	ret
	.cfi_restore_state
	.fill	300, 1, 0x90
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %ebx, 0
	.cfi_restore %ebx
	.fill	70000, 1, 0x90
	.cfi_undefined %eip
	.cfi_same_value %esi
	.cfi_register %edi, %ecx
	.cfi_escape 0x2e, 0x10
	.cfi_val_offset %edx, -12
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
	.cfi_def_cfa_offset 8
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
	.cfi_def_cfa_offset 8
	.cfi_offset 3, -8
	push %ebx
	.cfi_signal_frame
	nop
	.cfi_endproc
g2:
	.cfi_startproc simple
	.cfi_def_cfa %esp, 4
	.cfi_return_column 8
	nop
	.cfi_endproc
