# Expressions GNU as evaluates only after layout: forward references in arithmetic, and the
# kernel's ALTERNATIVE padding (.skip with a count computed from label distances in two sections).
	.text
start:
	.long (end - start) * 2, (end - start) / 2, (end - start) << 1, end - start == 12
	.byte (2f - 1f) * 3, -(2f - 1f)
	movl $(end - start) * 2, %eax
	addl $(2f - 1f) * 4, %ecx
	movl ((end - start) / 2)(%ebx), %edx
	movl $ext + (2f - 1f) * 2, %esi
1:	nop
	nop
2:
140:
	movl %eax, %ebx
141:
	.skip -(((144f-143f)-(141b-140b)) > 0) * ((144f-143f)-(141b-140b)),0x90
142:
	.pushsection .altinstructions,"a"
	.long 140b - .
	.long 143f - .
	.word 0x123
	.byte 142b-140b
	.byte 144f-143f
	.popsection
	.pushsection .altinstr_replacement,"ax"
143:
	movl %eax, %ebx
	movl %ecx, %edx
144:
	.popsection
	jmp 3f
	.skip (4f - 3f) * 0, 0xcc
	.fill 2, 1, 0x90
3:	jmp start
4:
end:
