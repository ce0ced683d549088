/* SPDX-License-Identifier: GPL-2.0 */
/* GAS macro idioms from arch/x86: vararg/req/defaults, \(), \@, .irp/.irpc, .ifb/.ifc, .altmacro LOCAL. */
#include <rt/linkage.h>
#include <rt/asm.h>

#if defined(CONFIG_X86_64) && !defined(CONFIG_X86_32)
# define WORD_SIZE 8
#elif defined(CONFIG_X86_32)
# define WORD_SIZE 4
#else
# error "no mode"
#endif

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define CONCAT(a, b)		a ## b
#define ASM_INPUT_REG(n)	CONCAT(%r, n)

/* A call with an ordered list of argument registers; :vararg collects the rest. */
.macro call_with_args func:req, args:vararg
	.set	.Lnargs, 0
	.ifnb \args
	.irp reg, \args
	pushq	%\reg
	.set	.Lnargs, .Lnargs + 1
	.endr
	.endif
	call	\func
	.ifnb \args
	addq	$(WORD_SIZE * .Lnargs), %rsp
	.endif
.endm

.macro SAVE_REG reg, offset=0, base=%rsp
	movq	%\reg, \offset(\base)
.endm

.macro SAVE_SET first, rest:vararg
	SAVE_REG \first, \@*8
	.ifnb \rest
	SAVE_SET \rest
	.endif
.endm

.macro load_pair a b dst1=%rax dst2=%rdx
	movq	\a, \dst1
	movq	\b, \dst2
.endm

.macro cond_jump cc, target
	.ifc \cc, always
	jmp	\target
	.else
	.ifc \cc,never
	/* nothing */
	.else
	j\cc	\target
	.endif
	.endif
.endm

.macro field name, size=8
	.set	\name, .Loffset
	.set	.Loffset, .Loffset + \size
.endm

.macro emit_table prefix, count
	.altmacro
	.set	i, 0
	.rept	\count
	table_entry \prefix, %i
	.set	i, i + 1
	.endr
	.noaltmacro
.endm
.macro table_entry prefix, n
	.quad	\prefix\()_\n
.endm

.macro local_loop count
	.altmacro
	local_loop_body \count
	.noaltmacro
.endm
.macro local_loop_body count
	LOCAL top, done
	movl	$\count, %ecx
top:
	decl	%ecx
	jz	done
	pause
	jmp	top
done:
.endm

.macro exit_early v
	.if \v > 2
	.exitm
	.endif
	movl	$\v, %eax
.endm

	.set	.Loffset, 0
	field	saved_rip
	field	saved_rsp
	field	saved_flags, 4
	field	saved_cs, 2
	field	saved_ss, 2

	.text
SYM_FUNC_START(macro_idioms)
	call_with_args do_something
	call_with_args do_more, rdi, rsi, rdx
	SAVE_SET rbx, rbp, r12
	SAVE_REG r13 offset=0x30
	SAVE_REG reg=r14, offset=0x38, base=%rdi
	load_pair	(%rdi), 8(%rdi)
	load_pair	%rcx %rbx %r8 %r9
	load_pair 	16(%rsi),24(%rsi),dst2=%r11
	cond_jump	always, 1f
	cond_jump	never, 1f
	cond_jump	ne, 1f
	cond_jump	le,1f
1:	local_loop 10
	local_loop 3
	exit_early 1
	exit_early 5
	movq	saved_rsp(%rsp), %rax
	movl	saved_flags(%rsp), %ecx
	movw	saved_ss(%rsp), %dx
	.irpc	n, 0123
	movq	\n*WORD_SIZE(%rsp), %r1\n
	.endr
	.irp	r, ASM_INPUT_REG(8), ASM_INPUT_REG(9)
	xorl	\r\()d, \r\()d
	.endr
	.ifdef saved_rip
	nop
	.endif
	.ifndef undefined_symbol
	int3
	.endif
	.if WORD_SIZE == 8 && (saved_ss - saved_cs) == 2
	movl	$1, %eax
	.elseif WORD_SIZE == 4
	movl	$2, %eax
	.else
	movl	$3, %eax
	.endif
	.ifeq saved_rip
	movl	$4, %eax
	.endif
	.ifgt saved_ss - 10
	movl	$5, %eax
	.endif
	.ascii	__stringify(WORD_SIZE), "\n"
	.asciz	"macro_idioms"
	.byte	'a', 'b' + 1, '\n'
	.balign	8, 0
	ret
SYM_FUNC_END(macro_idioms)

	.section .rodata, "a"
	.balign 8
table:
	emit_table handler, 4
	.purgem table_entry
	.macro table_entry prefix, n
	.long	\n
	.endm
	table_entry x, 7
