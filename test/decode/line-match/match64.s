# Instructions met again are listed from the line cache without decoding (src/decode/line-cache.ts
# match): what objdump -d decodes otherwise than the bytes of an earlier instruction suggest.
	.text
	.globl	first
first:
	fwait				# a WAIT before a non-x87 instruction: fwait on its own
	nop
	.byte	0xff, 0xff, 0x1f	# (bad) of one byte (ff /7), then lcall *(%rdi)
	mov	counter, %eax		# abs32 relocation: -r lines after a cached line
	mov	counter, %eax
	movabs	$0x1122334455667788, %rax	# 10 bytes: a second line of hex
	movabs	$0x1122334455667788, %rax
	.byte	0xc4, 0xe2		# c4 e2 60 f2 c8 split by the end of this symbol: .bytes here
cut:
	.byte	0x60, 0xf2, 0xc8
	.fill	24, 1, 0x90
	.globl	second
second:
	fstsw	-4(%rbp)		# 9b dd 7d fc: the WAIT folded into fstsw
	fwait
	nop
	.byte	0xff, 0xf2		# push %rdx: ff is no (bad) here
	andn	%eax, %ebx, %ecx	# c4 e2 60 f2 c8 whole
	mov	counter, %eax
	movabs	$0x1122334455667788, %rax
	.fill	24, 1, 0x90
	.byte	0x62, 0x31, 0x31, 0x53	# 62 31 (bad), then xor
	ret
third:
	mov	counter, %eax
	ret
	.byte	0x9b			# a WAIT at a symbol's end
fourth:
	.byte	0xdd, 0x7d, 0xfc
	fwait
	ret
	.data
counter:
	.long	0
