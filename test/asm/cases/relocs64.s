# x86-64 only: RIP-relative, 64-bit absolute, sign-extended imm32/disp32 relocations.
	.globl gfunc
	.text
start:
	leaq ext(%rip), %rax
	leaq local(%rip), %rax
	leaq gfunc(%rip), %rax
	movq ext(%rip), %rax
	movl data1(%rip), %eax
	movq $ext, %rax
	movq $local, %rax
	movabsq $ext, %rax
	movl $ext, %eax
	movq ext, %rax
	movq ext(,%rcx,8), %rax
	call *ext(%rip)
	jmp *table(,%rax,8)
	.quad ext, local, gfunc+16, data1 - 8
	.long ext - start
gfunc:	ret
local:	ret
	.data
data1:	.quad start, ext
table:	.quad local, gfunc
