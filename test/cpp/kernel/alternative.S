#include <linux/linkage.h>
#define X86_FEATURE_SMAP	(9*32+20)
#define X86_FEATURE_FSGSBASE	(9*32+ 0)
#define __ASM_FORM(x, ...)	" " #x " "
#define _ASM_PTR	.quad
#define PER_CPU_VAR(var)	%gs:var
#define ASM_CLAC	ALTERNATIVE "", "clac", X86_FEATURE_SMAP

.macro altinstruction_entry orig alt feature orig_len alt_len pad_len
	.long \orig - .
	.long \alt - .
	.word \feature
	.byte \orig_len
	.byte \alt_len
	.byte \pad_len
.endm

.macro ALTERNATIVE oldinstr, newinstr, feature
140:
	\oldinstr
141:
	.skip -(((144f-143f)-(141b-140b)) > 0) * ((144f-143f)-(141b-140b)),0x90
142:

	.pushsection .altinstructions,"a"
	altinstruction_entry 140b,143f,\feature,142b-140b,144f-143f,142b-141b
	.popsection

	.pushsection .altinstr_replacement,"ax"
143:
	\newinstr
144:
	.popsection
.endm

.macro UNWIND_HINT type:req sp_reg=0 sp_offset=0 signal=1
.Lunwind_hint_ip_\@:
	.pushsection .discard.unwind_hints
		/* struct unwind_hint */
		.long .Lunwind_hint_ip_\@ - .
		.short \sp_offset
		.byte \sp_reg
		.byte \type
		.byte \signal
		.balign 4
	.popsection
.endm

#define _ASM_EXTABLE_TYPE(from, to, type)			\
	.pushsection "__ex_table","a" ;				\
	.balign 4 ;						\
	.long (from) - . ;					\
	.long (to) - . ;					\
	.long type ;						\
	.popsection

	.text
SYM_CODE_START(entry_SYSCALL_64)
	UNWIND_HINT 1 sp_offset=8
	swapgs
	movq	%rsp, PER_CPU_VAR(cpu_tss_rw + 4)
	ASM_CLAC
	ALTERNATIVE "jmp .Lskip_fsgs", "", X86_FEATURE_FSGSBASE
	rdgsbase %rax
.Lskip_fsgs:
	pushq	$0x2b
	pushq	PER_CPU_VAR(cpu_tss_rw + 4)
1:	movq	(%rdi), %rax
2:	nop
	_ASM_EXTABLE_TYPE(1b, 2b, 3)
	sysretq
SYM_CODE_END(entry_SYSCALL_64)
