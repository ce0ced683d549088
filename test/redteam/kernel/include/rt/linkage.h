/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RT_LINKAGE_H
#define _RT_LINKAGE_H

#define __ALIGN		.balign 16, 0x90
#define __ALIGN_STR	".balign 16, 0x90"

#ifdef __ASSEMBLY__
#define ALIGN __ALIGN
#define ASM_NL ;

#define SYM_T_FUNC	STT_FUNC
#define SYM_T_OBJECT	STT_OBJECT
#define SYM_T_NONE	STT_NOTYPE

#define SYM_L_GLOBAL(name)	.globl name
#define SYM_L_WEAK(name)	.weak name
#define SYM_L_LOCAL(name)	/* nothing */

#define SYM_ENTRY(name, linkage, align...)	\
	linkage(name) ASM_NL			\
	align ASM_NL				\
	name:

#define SYM_START(name, linkage, align...)	\
	SYM_ENTRY(name, linkage, align)

#define SYM_END(name, sym_type)			\
	.type name, sym_type ASM_NL		\
	.set .L__sym_size_##name, .-name ASM_NL	\
	.size name, .L__sym_size_##name

#define SYM_FUNC_START(name)		SYM_START(name, SYM_L_GLOBAL, ALIGN)
#define SYM_FUNC_START_LOCAL(name)	SYM_START(name, SYM_L_LOCAL, ALIGN)
#define SYM_FUNC_START_NOALIGN(name)	SYM_START(name, SYM_L_GLOBAL, )
#define SYM_FUNC_START_WEAK(name)	SYM_START(name, SYM_L_WEAK, ALIGN)
#define SYM_FUNC_END(name)		SYM_END(name, SYM_T_FUNC)
#define SYM_CODE_START(name)		SYM_START(name, SYM_L_GLOBAL, ALIGN)
#define SYM_CODE_START_LOCAL(name)	SYM_START(name, SYM_L_LOCAL, ALIGN)
#define SYM_CODE_START_NOALIGN(name)	SYM_START(name, SYM_L_GLOBAL, )
#define SYM_CODE_END(name)		SYM_END(name, SYM_T_NONE)
#define SYM_INNER_LABEL(name, linkage)	\
	.type name, SYM_T_NONE ASM_NL	\
	SYM_ENTRY(name, linkage, )
#define SYM_DATA_START(name)		SYM_START(name, SYM_L_GLOBAL, )
#define SYM_DATA_END(name)		SYM_END(name, SYM_T_OBJECT)
#define SYM_DATA(name, x...)		SYM_DATA_START(name) ASM_NL x ASM_NL SYM_DATA_END(name)
#endif /* __ASSEMBLY__ */
#endif
