# Labels: plain, .L, numeric local labels with 1b/1f, `.`, = / .set / .equ / .equiv / .eqv.
	.text
foo:	nop
.Lbar:	nop
1:	nop
	jmp 1b
	jmp 1f
1:	jmp 1b
2:	.long 2f - 2b, 1b - foo
2:	.long 2b - .
x = 3
	.set y, x + 4
	.equ z, y * 2
	.equiv w, z - 1
	.eqv v, 7
	.long x, y, z, w, v
x = x + 1
	.long x
here:	.long here - foo, . - foo
	movl $x, %eax
	movl $(here - foo), %ecx
	addl $(2b - 1b), %edx
	movl (here - foo)(%eax), %eax
fwd = later - foo
	.long fwd
later:	ret
	a:b: nop
