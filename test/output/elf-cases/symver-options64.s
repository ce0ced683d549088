	.text
loc1:	ret
	.symver loc1, l@V1
	.weak wk
wk:	ret
	.symver wk, wk@V2
	.globl h1
h1:	ret
	.symver h1, h1@V3, hidden
	.globl h2
h2:	ret
	.symver h2, h2@@V4, local
	.globl h3
	.type h3, @function
	.size h3, 1
h3:	ret
	.symver h3, h3@V5
	.symver h3, h3@V6
	.symver und, und@@@V7
	call und
	call h3
	call wk
