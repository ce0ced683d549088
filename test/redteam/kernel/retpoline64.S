/* SPDX-License-Identifier: GPL-2.0 */
/* Indirect-branch thunks, one per register, generated with .irp; return thunks. */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/alternative.h>
#include <rt/unwind.h>

#define RET ret; int3
#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define X86_FEATURE_RETPOLINE_LFENCE ( 7*32+13)
#define BITS_PER_LONG 64
#define ANNOTATE_UNRET_SAFE
#define SYM_A_NONE
#define CONFIG_64BIT 1
#define RETPOLINE_THUNK_SIZE	32
#define RSB_CLEAR_LOOPS		32
#define ASM_NOP1 .byte 0x90

	.section .text..__x86.indirect_thunk

.macro POLINE reg
	ANNOTATE_INTRA_FUNCTION_CALL
	call    .Ldo_rop_\@
	int3
.Ldo_rop_\@:
	mov     %\reg, (%_ASM_SP)
	UNWIND_HINT_FUNC
.endm

.macro RETPOLINE reg
	POLINE \reg
	RET
.endm

.macro ANNOTATE_INTRA_FUNCTION_CALL
.endm

.macro THUNK reg

	.align RETPOLINE_THUNK_SIZE
SYM_INNER_LABEL(__x86_indirect_thunk_\reg, SYM_L_GLOBAL)
	UNWIND_HINT_EMPTY
	ANNOTATE_NOENDBR

	ALTERNATIVE_2 __stringify(RETPOLINE \reg), \
		      __stringify(lfence; ANNOTATE_RETPOLINE_SAFE; jmp *%\reg; int3), X86_FEATURE_RETPOLINE_LFENCE, \
		      __stringify(ANNOTATE_RETPOLINE_SAFE; jmp *%\reg), ALT_NOT(X86_FEATURE_RETPOLINE)

.endm

/*
 * Despite being an assembler file we can't just use .irp here
 * because __KSYM_DEPS__ only uses the C preprocessor and would
 * only see one instance of "__x86_indirect_thunk_\reg" rather
 * than one per register with the correct names.
 */
#define __EXPORT_THUNK(sym)	.globl sym
#define EXPORT_THUNK(reg)	__EXPORT_THUNK(__x86_indirect_thunk_ ## reg)

	.align RETPOLINE_THUNK_SIZE
SYM_CODE_START(__x86_indirect_thunk_array)

#define GEN(reg) THUNK reg
#include <rt/GEN-for-each-reg.h>
#undef GEN

	.align RETPOLINE_THUNK_SIZE
SYM_CODE_END(__x86_indirect_thunk_array)

#define GEN(reg) EXPORT_THUNK(reg)
#include <rt/GEN-for-each-reg.h>
#undef GEN

/*
 * Call-depth style thunks, with .irp over a register list and .ifc tests.
 */
.macro CALL_THUNK reg
	.align RETPOLINE_THUNK_SIZE
SYM_INNER_LABEL(__x86_indirect_call_thunk_\reg, SYM_L_GLOBAL)
	.ifc \reg,rsp
	ud2
	.else
	.ifnc \reg,rax
	xchgq	%rax, %\reg
	.endif
	call	*%rax
	.endif
.endm

	.align RETPOLINE_THUNK_SIZE
SYM_CODE_START(__x86_indirect_call_thunk_array)
	.irp reg, rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15
	CALL_THUNK \reg
	.endr
	.align RETPOLINE_THUNK_SIZE
SYM_CODE_END(__x86_indirect_call_thunk_array)

/*
 * RSB stuffing: a loop of call/pause/lfence/jmp pairs.
 */
#define __FILL_RETURN_SLOT			\
	ANNOTATE_INTRA_FUNCTION_CALL;		\
	call	772f;				\
	int3;					\
772:

#define __FILL_RETURN_BUFFER(reg, nr)		\
	.rept nr;				\
	__FILL_RETURN_SLOT;			\
	.endr;					\
	add	$(BITS_PER_LONG/8) * nr, %_ASM_SP;

	.text
SYM_FUNC_START(fill_return_buffer)
	__FILL_RETURN_BUFFER(%rax, RSB_CLEAR_LOOPS)
	mov	$(RSB_CLEAR_LOOPS/2), %eax
771:
	ANNOTATE_INTRA_FUNCTION_CALL
	call	772f
	int3
772:
	ANNOTATE_INTRA_FUNCTION_CALL
	call	773f
	int3
773:
	add	$(BITS_PER_LONG/8) * 2, %rsp
	dec	%eax
	jnz	771b
	/* barrier for jnz misprediction */
	lfence
	RET
SYM_FUNC_END(fill_return_buffer)

	.section .text..__x86.return_thunk
SYM_CODE_START(__x86_return_thunk)
	UNWIND_HINT_FUNC
	ANNOTATE_NOENDBR
	ANNOTATE_UNRET_SAFE
	ret
	int3
SYM_CODE_END(__x86_return_thunk)

	.align 64
	.skip 64 - (srso_alias_safe_ret - srso_alias_untrain_ret), 0xcc
SYM_FUNC_START_NOALIGN(srso_alias_untrain_ret)
	ASM_NOP1
	ASM_NOP1
	lfence
	jmp srso_alias_return_thunk
SYM_FUNC_END(srso_alias_untrain_ret)
SYM_START(srso_alias_safe_ret, SYM_L_GLOBAL, SYM_A_NONE)
	lea 8(%_ASM_SP), %_ASM_SP
	ret
	int3
SYM_FUNC_END(srso_alias_safe_ret)
