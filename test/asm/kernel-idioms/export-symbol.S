/* EXPORT_SYMBOL from assembly as Linux 6.1's asm-generic/export.h writes it: per-symbol sections
   named with a `+` (`___ksymtab+memcpy`), unquoted, which GNU reads up to the comma. */
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
.pushsection .discard.text-x, "a"
.byte 1
.popsection
