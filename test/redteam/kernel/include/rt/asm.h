#ifndef _RT_ASM_H
#define _RT_ASM_H

#ifdef __ASSEMBLY__
# define __ASM_FORM(x, ...)	x,## __VA_ARGS__
# define __ASM_FORM_RAW(x, ...)	x,## __VA_ARGS__
#else
# define __ASM_FORM(x, ...)	" " #x,##__VA_ARGS__ " "
#endif

#ifndef CONFIG_X86_32
# define __ASM_SEL(a,b)		__ASM_FORM(b)
#else
# define __ASM_SEL(a,b)		__ASM_FORM(a)
#endif

#define __ASM_SIZE(inst, ...)	__ASM_SEL(inst##l##__VA_ARGS__, inst##q##__VA_ARGS__)
#define __ASM_REG(reg)		__ASM_SEL(e##reg, r##reg)

#define _ASM_PTR	__ASM_SEL(.long, .quad)
#define _ASM_ALIGN	__ASM_SEL(.balign 4, .balign 8)
#define _ASM_MOV	__ASM_SIZE(mov)
#define _ASM_INC	__ASM_SIZE(inc)
#define _ASM_ADD	__ASM_SIZE(add)
#define _ASM_SUB	__ASM_SIZE(sub)
#define _ASM_AX		__ASM_REG(ax)
#define _ASM_BX		__ASM_REG(bx)
#define _ASM_CX		__ASM_REG(cx)
#define _ASM_DX		__ASM_REG(dx)
#define _ASM_SP		__ASM_REG(sp)
#define _ASM_BP		__ASM_REG(bp)
#define _ASM_SI		__ASM_REG(si)
#define _ASM_DI		__ASM_REG(di)

#define EX_TYPE_DEFAULT		 1
#define EX_TYPE_FAULT		 2
#define EX_TYPE_UACCESS		 3
#define EX_TYPE_ZERO_REG	14

#ifdef __ASSEMBLY__
# define _ASM_EXTABLE_TYPE(from, to, type)			\
	.pushsection "__ex_table","a" ;				\
	.balign 4 ;						\
	.long (from) - . ;					\
	.long (to) - . ;					\
	.long type ;						\
	.popsection

# define _ASM_EXTABLE(from, to)	_ASM_EXTABLE_TYPE(from, to, EX_TYPE_DEFAULT)
# define _ASM_EXTABLE_UA(from, to) _ASM_EXTABLE_TYPE(from, to, EX_TYPE_UACCESS)
#endif

#endif
