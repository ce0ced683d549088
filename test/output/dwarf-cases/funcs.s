# DW_TAG_subprogram for function symbols with a size: global, local and weak ones mixed.
	.text
	.globl gf
	.type gf, @function
gf:
	nop
	ret
	.size gf, .-gf
	.type lf, @function
lf:
	pushq %rax
	popq %rax
	.size lf, .-lf
	.weak wf
	.type wf, @function
wf:	ret
	.size wf, .-wf
	.globl nosz
	.type nosz, @function
nosz:	ret
	.section .init.text,"ax"
	.globl inf
	.type inf,@function
inf:	nop
	.size inf, 1
	.data
	.type dobj,@object
dobj:	.long 1
	.size dobj, 4
