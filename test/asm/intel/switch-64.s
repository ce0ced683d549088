# Switching syntax back and forth, with and without the register prefix, and Intel expression
# operators in directives.
	.text
	movl	$1, %eax
	.intel_syntax
	mov	%eax, 2
	mov	%rbx, [%rax+8]
	.intel_syntax noprefix
	mov	eax, 3
	add	rax, [rbx+rcx*4]
	.att_syntax
	addl	$4, (%rax)
	.att_syntax noprefix
	movl	$5, eax
	addq	(rax,rbx,2), rcx
	.att_syntax prefix
	movq	%rax, %rbx
	.intel_syntax noprefix
	.equ	base, rbx
	mov	eax, [base+8]
	x = 3 shl 2
	mov	eax, x
	.data
	.long	8 mod 5, 9 shl 6, 10 shr 1, 11 and 8, 12 xor 9, 13 or 10, not 3
	.long	14 eq 14, 15 ne 15, 16 le 16, 17 lt 17, 18 ge 18, 19 gt 19
	.byte	byte, word, dword, qword, tbyte, xmmword
	.text
	.att_syntax
	ret
