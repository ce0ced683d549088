# Identical instruction lines: x86lab assembles the first and replays the rest (line cache).
# Every replay must give GNU's bytes, relocations and warnings, whatever happened in between.
	.text
	lea (%eax,2), %ebx
	lea (%eax,2), %ebx
	movl $1+, %eax
	movl $1+, %eax
	addw $0x12345, %ax
	addw $0x12345, %ax
	movl $5/0, %ecx
	movl $5/0, %ecx
	movl $7%0, %ecx
# A symbol undefined, then a label; an equate redefined with .set (GNU binds earlier uses of a
# symbol to its first .set value, which x86lab does not model: those are kept out of here).
	call ext
	movl target+4, %eax
	jmp target
	call ext
	movl target+4, %eax
	jmp target
target:	nop
	call ext
	movl target+4, %eax
	jmp target
	.set abs1, 0x40
	call abs1
	movl abs1, %eax
	.set abs1, 0x80
	call abs1
	movl abs1, %eax
# Cached while undefined, an equate when the same text comes again.
	call later_equ
	movl later_equ+8, %eax
	.set later_equ, 0x10
	call later_equ
	movl later_equ+8, %eax
	.set val, 3
	movl $val, %edx
	.set val, 300
	movl $val, %edx
# The same jump text, short the first time and long the second.
	jmp far
	jmp far
	.fill 130, 1, 0x90
far:	jne back
	.fill 130, 1, 0x90
	jne back
back:	jne back
	jne back
	movl $(late-back)*2, %eax
	movl $(late-back)*2, %eax
late:	ret
	movl $(late-back)*2, %eax
# Identical lines after a label on the line, and through a local and a global label.
l1:	incl %eax
	incl %eax
	.globl g
	call g
g:	call g
	call g
	call .Lloc
.Lloc:	call .Lloc
	call .Lloc
	leal sym(,%eax,4), %esi
	leal sym(,%eax,4), %esi
	.weak w
	call w
	jmp w
	call w
	jmp w
	.data
	.long 1, abs1, val
	.long 1, abs1, val
