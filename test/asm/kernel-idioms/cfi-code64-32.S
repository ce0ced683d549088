/* entry/vdso/vsgx.S built for i386: a .code64 function in an -m32 object with .cfi_* naming
   64-bit registers. GNU numbers them as 64-bit DWARF registers (%rbp is 6, the CIE's CFA is
   %rsp = 7) but keeps the 32-bit object's return column (8) and data alignment (-4). */
	.text
	.code64
	.globl enter_enclave
	.type enter_enclave, @function
enter_enclave:
	.cfi_startproc
	push	%rbp
	.cfi_adjust_cfa_offset	8
	.cfi_rel_offset		%rbp, 0
	mov	%rsp, %rbp
	.cfi_def_cfa_register	%rbp
	push	%rbx
	.cfi_rel_offset		%rbx, -8
	pop	%rbx
	leave
	.cfi_def_cfa		%rsp, 8
	ret
	.cfi_endproc
	.size enter_enclave, .-enter_enclave
