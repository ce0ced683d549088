// cpp-opts: -include inc/pre/version.h -imacros inc/pre/macros.h -DCONFIG_X86_64
/* gcc's # operator in kernel headers: no whitespace at either end, one space wherever the
   argument's tokens had any, and the spacing a macro body gives a parameter it stringifies
   through another macro (__stringify(FOO(\reg,\nr)) in nospec-branch.h). */
#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define __ASM_SEL_RAW(a, b)	b
#define __ASM_REG(reg)		__ASM_SEL_RAW(e##reg, r##reg)
#define _ASM_SP			__ASM_REG(sp)
#define BITS_PER_LONG		64
#define FILL_RETURN_BUFFER(reg, nr)		\
	mov	$(nr/2), reg;			\
771:						\
	add	$(BITS_PER_LONG/8) * 2, %_ASM_SP; \
	dec	reg;				\
	jnz	771b;
#define OFFSET 16
.ascii __stringify(FILL_RETURN_BUFFER(\reg,\nr))
.ascii __stringify(   lead   and    inner   spaces   )
.ascii __stringify(movq $-1, %gs:pcpu_hot + OFFSET;)
.ascii __stringify(a,b ,  c)
.ascii __stringify( "quoted \n" 'c' )
.byte IMACRO_ONLY, PRE_VERSION & 0xff
