# Lines of one shape, MNEMONIC SYMBOL, naming symbols of every kind: the shape cache
# (src/asm/shape-cache.ts) replays the first one's encoding for the others.
	.text
	jne	.L1
	jne	.L2
	jne	fwd
	jne	ext1
	call	ext1
	call	ext2
	call	ext1
	call	loc
	call	glob
	.set	eq1, 0x1234
	call	eq1
	jmp	eq1
	jne	eq1
	.weak	wk
	jmp	wk
	call	wk
	jmp	glob
	.globl	glob
	rep movsb
	rep stosb
	repz cmpsb
	lock incl (%rax)
	nopl	foo_data
	nopl	foo_data2
	nopw	foo_data
	pushq	sym3
	pushq	sym4
	jmp	*ind1
	loop	.L1
	loop	.L2
	jrcxz	.L1
	jrcxz	.L2
	xbegin	.L1
	xbegin	.L2
	JNE	.L1
	jne	.L1
.L1:	nop
	.code32
	call	ext1
	call	ext3
	jne	.L2
	jne	.L1
	.code64
	.set	eq2, foo_data
	jmp	eq2
	call	eq2
	.set	eq1, 0x5678
	call	eq1
.L2:
	.p2align 4
	jmp	loc
	jmp	.L1
	.skip	200
	jmp	.L1
	jmp	loc2
	.type	ifn, @gnu_indirect_function
ifn:	jmp	ifn
	jmp	ifn2
	.type	ifn2, @gnu_indirect_function
ifn2:	jmp	late
	jmp	late2
	.set	late2, loc
loc:	ret
glob:	ret
fwd:	ret
	.skip	130
loc2:	ret
	.data
foo_data:	.quad	0
foo_data2:	.quad	ext1
	.set	late, 0x99
