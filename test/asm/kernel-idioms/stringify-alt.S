// x86lab-opts: -include include/linkage.h
/* nospec-branch.h: a macro body stringified through __stringify() into an ALTERNATIVE-style
   macro; gcc's spacing (`, \reg`, `%rsp`) is what GNU as then reads. `.extern` is ignored. */
#define BITS_PER_LONG 64
#define __ASM_SEL_RAW(a, b) b
#define __ASM_REG(reg) __ASM_SEL_RAW(e##reg, r##reg)
#define _ASM_SP __ASM_REG(sp)
#define __FILL_RETURN_BUFFER(reg, nr)		\
	mov	$(nr/2), reg;			\
771:						\
	call 772f;				\
	int3;					\
772:						\
	add	$(BITS_PER_LONG/8), %_ASM_SP;	\
	dec	reg;				\
	jnz	771b;				\
	lfence;

.extern pcpu_hot
.extern a, b

.macro ALTERNATIVE oldinstr, newinstr, ft_flags
140:
	\oldinstr
141:
	.skip -(((144f-143f)-(141b-140b)) > 0) * ((144f-143f)-(141b-140b)),0x90
142:
	.pushsection .altinstructions,"a"
	.long 140b - .
	.long 143f - .
	.4byte \ft_flags
	.byte 142b - 140b
	.byte 144f - 143f
	.popsection
	.pushsection .altinstr_replacement,"ax"
143:
	\newinstr
144:
	.popsection
.endm

.macro FILL_RETURN_BUFFER reg:req nr:req ftr
	ALTERNATIVE "jmp .Lskip_rsb_\@", __stringify(__FILL_RETURN_BUFFER(\reg,\nr)), \ftr
.Lskip_rsb_\@:
.endm

.text
	FILL_RETURN_BUFFER %rax, 32, 0x123
	ALTERNATIVE "", "movq $-1, %gs:pcpu_hot + 16;", 0x45
	ret
