/*
 * entry/linkage.h - symbol bracketing for assembly functions, in the ENTRY/END style:
 * ENTRY makes an aligned global function symbol, END closes it and records its size.
 */
#ifndef ENTRY_LINKAGE_H
#define ENTRY_LINKAGE_H

#ifndef __ASSEMBLER__
#error "linkage.h is for assembly files"
#endif

#define FUNC_ALIGN	.p2align 4, 0x90
#define STRINGIFY(x)	#x
#define GLUE(a, b)	a##b

#define ENTRY(name)		\
	.globl name;		\
	FUNC_ALIGN;		\
	.type name, @function;	\
name:

#define LOCAL_ENTRY(name)	\
	FUNC_ALIGN;		\
	.type name, @function;	\
name:

#define END(name)		\
	.size name, .-name

/*
 * One exception-table record: a faulting instruction, where to resume, and an optional
 * handler class.  Newer kernels store 32-bit offsets relative to the entry itself
 * (position independent); the absolute form is the older, simpler layout.
 */
#ifdef CONFIG_EX_TABLE_RELATIVE
#define EX_ENTRY(from, to, ...)		\
	.pushsection __ex_table, "a";	\
	.balign 4;			\
	.long (from) - .;		\
	.long (to) - .;			\
	.long 0 __VA_OPT__(+) __VA_ARGS__;	\
	.popsection
#else
#define EX_ENTRY(from, to, ...)		\
	.pushsection __ex_table, "a";	\
	.balign 8;			\
	.quad (from), (to);		\
	.quad 0 __VA_OPT__(+) __VA_ARGS__;	\
	.popsection
#endif

#endif /* ENTRY_LINKAGE_H */
