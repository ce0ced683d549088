/* SPDX-License-Identifier: GPL-2.0-only */
/* User copy and clear helpers, arch/x86/lib style: fault fixups through the exception table. */
#include <rt/linkage.h>
#include <rt/asm.h>
#include <rt/alternative.h>

#define ASM_STAC	ALTERNATIVE "", "stac", X86_FEATURE_SMAP
#define ASM_CLAC	ALTERNATIVE "", "clac", X86_FEATURE_SMAP
#define RET		ret
#define IS_ENABLED(x) 1
#define TASK_SIZE_MAX 0x7ffffffff000

	.text
/*
 * rep_movs_alternative - memory copy with exception handling.
 * Input: rdi destination, rsi source, rcx count.  Output: rcx uncopied bytes.
 */
SYM_FUNC_START(rep_movs_alternative)
	cmpq $64,%rcx
	jae .Llarge

	cmp $8,%ecx
	jae .Lword

	testl %ecx,%ecx
	je .Lexit

.Lcopy_user_tail:
5:	movb (%rsi),%al
1:	movb %al,(%rdi)
	inc %rdi
	inc %rsi
	dec %rcx
	jne .Lcopy_user_tail
.Lexit:
	RET

	_ASM_EXTABLE_UA( 5b, .Lexit)
	_ASM_EXTABLE_UA( 1b, .Lexit)

	.p2align 4
.Lword:
2:	movq (%rsi),%rax
3:	movq %rax,(%rdi)
	addq $8,%rsi
	addq $8,%rdi
	sub $8,%ecx
	je .Lexit
	cmp $8,%ecx
	jae .Lword
	jmp .Lcopy_user_tail

	_ASM_EXTABLE_UA( 2b, .Lcopy_user_tail)
	_ASM_EXTABLE_UA( 3b, .Lcopy_user_tail)

.Llarge:
5:	ALTERNATIVE "jmp .Llarge_movsq", "rep movsb", X86_FEATURE_ERMS
1:	RET

	_ASM_EXTABLE_UA( 5b, 1b)

.Llarge_movsq:
	movq %rcx,%rax
	shrq $3,%rcx
	andl $7,%eax
5:	rep movsq
	movl %eax,%ecx
	testl %ecx,%ecx
	jne .Lcopy_user_tail
	RET

1:	leaq (%rax,%rcx,8),%rcx
	jmp .Lcopy_user_tail

	_ASM_EXTABLE_UA( 5b, 1b)
SYM_FUNC_END(rep_movs_alternative)

/*
 * Zero userspace.  rcx = count, rdi = destination.
 */
SYM_FUNC_START(rep_stos_alternative)
	cmpq $64,%rcx
	jae .Lunrolled

	cmp $8,%ecx
	jae .Lword_s

	testl %ecx,%ecx
	je .Lexit_s

.Lclear_user_tail:
5:	movb %al,(%rdi)
	inc %rdi
	dec %rcx
	jnz .Lclear_user_tail
.Lexit_s:
	RET

	_ASM_EXTABLE_UA( 5b, .Lexit_s)

.Lword_s:
1:	movq %rax,(%rdi)
	addq $8,%rdi
	sub $8,%ecx
	je .Lexit_s
	cmp $8,%ecx
	jae .Lword_s
	jmp .Lclear_user_tail

	.p2align 4
.Lunrolled:
10:	movq %rax,(%rdi)
11:	movq %rax,8(%rdi)
12:	movq %rax,16(%rdi)
13:	movq %rax,24(%rdi)
14:	movq %rax,32(%rdi)
15:	movq %rax,40(%rdi)
16:	movq %rax,48(%rdi)
17:	movq %rax,56(%rdi)
	addq $64,%rdi
	subq $64,%rcx
	cmpq $64,%rcx
	jae .Lunrolled
	cmpl $8,%ecx
	jae .Lword_s
	testl %ecx,%ecx
	jne .Lclear_user_tail
	RET

	_ASM_EXTABLE_UA( 1b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(10b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(11b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(12b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(13b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(14b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(15b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(16b, .Lclear_user_tail)
	_ASM_EXTABLE_UA(17b, .Lclear_user_tail)
SYM_FUNC_END(rep_stos_alternative)

/*
 * __get_user_N: %rax holds the user address, value returned in %edx/%rdx.
 */
#define ASM_BARRIER_NOSPEC ALTERNATIVE "", "lfence", X86_FEATURE_ALWAYS

.macro check_range size:req
.if IS_ENABLED(CONFIG_X86_64)
	mov %rax, %rdx
	sar $63, %rdx
	or %rdx, %rax
.else
	cmp $TASK_SIZE_MAX-\size+1, %eax
	jae .Lbad_get_user
	sbb %edx, %edx
	and %edx, %eax
.endif
.endm

	.p2align 4
SYM_FUNC_START(__get_user_1)
	check_range size=1
	ASM_STAC
1:	movzbl (%_ASM_AX),%edx
	xor %eax,%eax
	ASM_CLAC
	RET
SYM_FUNC_END(__get_user_1)

SYM_FUNC_START(__get_user_2)
	check_range size=2
	ASM_STAC
2:	movzwl (%_ASM_AX),%edx
	xor %eax,%eax
	ASM_CLAC
	RET
SYM_FUNC_END(__get_user_2)

SYM_FUNC_START(__get_user_4)
	check_range size=4
	ASM_STAC
3:	movl (%_ASM_AX),%edx
	xor %eax,%eax
	ASM_CLAC
	RET
SYM_FUNC_END(__get_user_4)

SYM_FUNC_START(__get_user_8)
	check_range size=8
	ASM_STAC
4:	movq (%_ASM_AX),%rdx
	xor %eax,%eax
	ASM_CLAC
	RET
SYM_FUNC_END(__get_user_8)

SYM_CODE_START_LOCAL(__get_user_handle_exception)
	ASM_CLAC
.Lbad_get_user:
	xor %edx,%edx
	mov $(-14),%_ASM_AX
	RET
SYM_CODE_END(__get_user_handle_exception)

	_ASM_EXTABLE_UA(1b, __get_user_handle_exception)
	_ASM_EXTABLE_UA(2b, __get_user_handle_exception)
	_ASM_EXTABLE_UA(3b, __get_user_handle_exception)
	_ASM_EXTABLE_UA(4b, __get_user_handle_exception)
