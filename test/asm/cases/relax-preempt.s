# Branches GNU keeps near with a relocation because the linker may bind the target elsewhere
# (tc-i386.c elf_symbol_resolved_in_segment_p), next to the ones it resolves in place.
	.text
	.globl start
start:
	jmp	loc
	jmp	loc@PLT
	jmp	glob
	jmp	glob@PLT
	je	glob@PLT
	jmp	hid@PLT
	jmp	prot@PLT
	jmp	wk
	jmp	ifn
	jmp	ifn@PLT
	jmp	gifn
	call	ifn
	call	loc@PLT
	call	glob@PLT
	call	other@PLT
	call	other
	jmp	other@PLT
	jmp	other_g@PLT
	ret
loc:	ret
	.globl glob
glob:	ret
	.globl hid
	.hidden hid
hid:	ret
	.globl prot
	.protected prot
prot:	ret
	.weak wk
wk:	ret
	.type ifn, @gnu_indirect_function
ifn:	ret
	.globl gifn
	.type gifn, @gnu_indirect_function
gifn:	ret
	.section .text.other,"ax",@progbits
other:	ret
	.globl other_g
other_g: ret
