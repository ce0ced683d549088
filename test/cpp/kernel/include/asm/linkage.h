#ifndef _ASM_LINKAGE_H
#define _ASM_LINKAGE_H
#define ASM_NL		 ;
#define SYM_T_FUNC	, @function
#define SYM_T_NONE	, @notype
#define SYM_L_GLOBAL(name)	.globl name
#define SYM_L_LOCAL(name)	/* nothing */
#define SYM_A_ALIGN		.p2align 4, 0x90
#define SYM_A_NONE		/* nothing */
#define SYM_ENTRY(name, linkage, align...)	\
	linkage(name) ASM_NL			\
	align ASM_NL				\
	name:
#define SYM_START(name, linkage, align...)	\
	SYM_ENTRY(name, linkage, align)
#define SYM_END(name, sym_type)			\
	.type name sym_type ASM_NL		\
	.set .L__sym_size_##name, .-name ASM_NL	\
	.size name, .L__sym_size_##name
#define SYM_CODE_START(name)		SYM_START(name, SYM_L_GLOBAL, SYM_A_ALIGN)
#define SYM_CODE_START_LOCAL(name)	SYM_START(name, SYM_L_LOCAL, SYM_A_ALIGN)
#define SYM_CODE_START_NOALIGN(name)	SYM_START(name, SYM_L_GLOBAL, SYM_A_NONE)
#define SYM_CODE_END(name)		SYM_END(name, SYM_T_NONE)
#define SYM_FUNC_START(name)		SYM_START(name, SYM_L_GLOBAL, SYM_A_ALIGN)
#define SYM_FUNC_END(name)		SYM_END(name, SYM_T_FUNC)
#define _ASM_EXTABLE(from, to)	\
	.pushsection "__ex_table","a" ; .balign 4 ; .long (from) - . ; .long (to) - . ; .long 0 ; .popsection
#endif
