# Input of dis-flags.test.ts: assembled by GNU as 2.40 into flags64.o (`as flags64.s -o flags64.o`).
# Zero runs of several lengths, long instructions, relocations, symbols with and without sizes.
	.text
	nop
	nop
	.globl	f
	.type	f, @function
f:
	push	%rbp
	mov	%rsp, %rbp
	movabs	$0x1122334455667788, %rax
	call	ext
	lea	var(%rip), %rax
	movl	$1, 0x12345678(%rax,%rbx,4)
	jmp	inner
inner:
	pop	%rbp
	ret
	.size	f, .-f
	.zero	16
	.type	nosize, @function
nosize:
	nop
	add	%al, (%rax)
	.zero	3
	ret
label:
	.zero	9
	xor	%eax, %eax
	.type	g, @function
g:
	lea	f(%rip), %rcx
	call	*ext@GOTPCREL(%rip)
	jne	nosize
	.zero	5
	.size	g, 4
	.type	chooser, @gnu_indirect_function
chooser:
	mov	$f, %eax
	ret
	.size	chooser, 2
	.zero	2

	.section .text.nosyms, "ax"
	call	ext
	jmp	.+2
	.zero	12
	ret
	.zero	1

	.section .text.late, "ax"
	.byte	0x48
	.type	late, @function
late:
	cs nopw 0x0(%rax,%rax,1)
	imul	$0x12345678, 0x10(%rbx,%rcx,8), %r9
	.size	late, .-late
	.globl	f2
f2:
	ret

	.data
var:	.long	0, 0, 0, 7
