# Symbols: bindings, visibility, types, sizes, equates, common and local common, undefined.
	.globl	g1, g2
	.weak	w1, wundef
	.hidden	g2
	.protected g1
	.internal lh
	.type	g1, @function
	.type	obj, @object
	.type	ifn, @gnu_indirect_function
	.text
g1:	call	ext1
	call	wundef
	jmp	lh
lh:	ret
	.size	g1, .-g1
ifn:	ret
g2:	movl	$abs1, %eax
	ret
	.data
obj:	.long	1, 2, 3
	.size	obj, 12
w1:	.long	ext2 + 16
	.long	lh
	.long	obj + 4
	.set	abs1, 0x1234
	abs2 = abs1 * 2
	.equ	alias, obj
	.long	alias
	.comm	cbuf, 100, 32
	.comm	csmall, 3
	.lcomm	lbuf, 40
	.local	lc
	.comm	lc, 8, 8
	.long	cbuf
	.globl	.Lglobal_dot
.Lglobal_dot:
	.long	.Lglobal_dot
