/* boot/compressed/head_64.S and efi_mixed.S: .code32 parts of an --64 object branch with
   R_X86_64_PC32 (not PLT32) and pad with the 64-bit NOPs; .code16 branches are PC16. */
.text
	.code32
	.globl startup_32
startup_32:
	call verify_cpu
	jmp efi32_entry
	jz efi32_entry
	.p2align 4
	nop
	.p2align 5
	.code64
	call verify_cpu
	jmp efi32_entry
	.p2align 4
	.code16
	call far_away
	ret
