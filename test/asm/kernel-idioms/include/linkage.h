/* The kernel's SYM_* linkage macros, reduced (include/linux/linkage.h). */
#define ASM_NL ;
#define SYM_L_GLOBAL(name) .globl name
#define SYM_L_WEAK(name) .weak name
#define SYM_L_LOCAL(name) /* nothing */
#define SYM_FUNC_START(name) SYM_L_GLOBAL(name) ASM_NL .p2align 4, 0x90 ASM_NL .type name, @function ASM_NL name:
#define SYM_FUNC_END(name) .type name STT_FUNC ASM_NL .set .L__sym_size_##name, .-name ASM_NL .size name, .L__sym_size_##name
#define SYM_ALIAS(alias, name, linkage) linkage(alias) ASM_NL .set alias, name ASM_NL
#define SYM_FUNC_ALIAS(alias, name) SYM_ALIAS(alias, name, SYM_L_GLOBAL)
#define SYM_FUNC_ALIAS_WEAK(alias, name) SYM_ALIAS(alias, name, SYM_L_WEAK)
#define SYM_FUNC_ALIAS_LOCAL(alias, name) SYM_ALIAS(alias, name, SYM_L_LOCAL)
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
