/* entry/vdso/vdso32/system_call.S: the vDSO's unwind tables go to .debug_frame only
   (.cfi_sections .debug_frame), with register saves around a sysenter-style sequence. */
	.cfi_sections .debug_frame
	.text
	.globl __kernel_vsyscall
	.type __kernel_vsyscall, @function
	.p2align 4
__kernel_vsyscall:
	.cfi_startproc
	pushl	%ecx
	.cfi_adjust_cfa_offset	4
	.cfi_rel_offset		%ecx, 0
	pushl	%edx
	.cfi_adjust_cfa_offset	4
	.cfi_rel_offset		%edx, 0
	pushl	%ebp
	.cfi_adjust_cfa_offset	4
	.cfi_rel_offset		%ebp, 0
	movl	%esp, %ebp
	sysenter
	int	$0x80
	popl	%ebp
	.cfi_adjust_cfa_offset	-4
	.cfi_restore		%ebp
	popl	%edx
	.cfi_adjust_cfa_offset	-4
	.cfi_restore		%edx
	popl	%ecx
	.cfi_adjust_cfa_offset	-4
	.cfi_restore		%ecx
	ret
	.cfi_endproc
	.size __kernel_vsyscall, .-__kernel_vsyscall
