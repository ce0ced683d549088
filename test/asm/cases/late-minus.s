# Operands whose value is settled only after the line: `sym - k` with k equated later is sym plus
# a constant; a difference of labels is a number (a pc-relative one goes against *ABS*).
	.globl	g
	.weak	w
	.comm	c, 4
	.text
start:
	jmp	ext - k
	call	ext - k
	jmp	g - k
	jmp	c - k
	jmp	w - k
	jmp	end - start
	call	end - start
	jne	end - start + 3
	jmp	k
	call	k
	jmp	start - k
	mov	ext - k, %eax
	mov	g - k, %eax
	mov	end - start, %eax
g:	ret
	.fill	20, 1, 0x90
end:
k = 0x1234
