#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H
#define ASM_NL ;
#define SYM_L_GLOBAL(name) .globl name
#define SYM_ENTRY(name, linkage, align...) linkage(name) ASM_NL align ASM_NL name:
#define SYM_START(name, linkage, align...) SYM_ENTRY(name, linkage, align)
#define SYM_END(name, sym_type) .type name sym_type ASM_NL .set .L__sym_size_##name, .-name ASM_NL .size name, .L__sym_size_##name
#define SYM_CODE_START(name) SYM_START(name, SYM_L_GLOBAL, .p2align 4, 0x90)
#define SYM_CODE_END(name) SYM_END(name, STT_NOTYPE)
#define STT_NOTYPE ,@notype
#endif
