/* SYM_* linkage exactly as include/linux/linkage.h spells it: `.type name sym_type` (no comma). */
#define ASM_NL ;
#define SYM_T_FUNC	STT_FUNC
#define SYM_T_NONE	STT_NOTYPE
#define SYM_END(name, sym_type)				\
	.type name sym_type ASM_NL			\
	.set .L__sym_size_##name, .-name ASM_NL		\
	.size name, .L__sym_size_##name
#define SYM_FUNC_START(name)	.globl name ASM_NL .balign 16, 0x90 ASM_NL name:
#define SYM_FUNC_END(name)	SYM_END(name, SYM_T_FUNC)
#define SYM_CODE_END(name)	SYM_END(name, SYM_T_NONE)

	.text
SYM_FUNC_START(native_save_fl)
	pushf
	pop %rax
	ret
SYM_FUNC_END(native_save_fl)

SYM_FUNC_START(native_restore_fl)
	push %rdi
	popf
	ret
SYM_CODE_END(native_restore_fl)
	.type native_irq_enable @function
	.type native_irq_disable, @function
native_irq_enable:
	sti
	ret
native_irq_disable:
	cli
	ret
