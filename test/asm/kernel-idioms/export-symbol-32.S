/* EXPORT_SYMBOL on i386 (Linux 6.1 asm-generic/export.h, PREL32): `__kstrtab_X - .` names the
   string label itself, in a REL object too, even at offset 0 (GNU sees the subtraction). */
.macro ___EXPORT_SYMBOL name,val,sec
	.section ___ksymtab\sec+\name,"a"
	.balign 4
__ksymtab_\name:
	.long \val - .
	.long __kstrtab_\name - .
	.long 0
	.previous
	.section __ksymtab_strings,"aMS",%progbits,1
__kstrtab_\name:
	.asciz "\name"
	.previous
.endm
#define EXPORT_SYMBOL(name) ___EXPORT_SYMBOL name, name,
#define EXPORT_SYMBOL_GPL(name) ___EXPORT_SYMBOL name, name, _gpl

.text
.globl memcpy, memset
memcpy:	ret
memset:	ret
EXPORT_SYMBOL(memcpy)
EXPORT_SYMBOL_GPL(memset)
