# A .L function referenced before the other functions are defined: GNU's symbol chain holds it
# only from its .type on (a local-label symbol becomes a full one there), so its subprogram
# comes after theirs.
	.text
	.globl startup
	.type startup, @function
startup:
	leaq .Lrelocated(%rip), %rax
	jmp *%rax
	.size startup, .-startup
	.globl stub
	.type stub, @function
stub:	nop
	.size stub, .-stub
	.globl stub_alias
	.set stub_alias, stub
.Lrelocated:
	ret
	.type .Lrelocated, @function
	.size .Lrelocated, .-.Lrelocated
