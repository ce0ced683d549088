// x86lab-opts: -include include/kconfig.h
/* Registers as values: the ORC unwind hints compare registers in .if (unwind_hints.h), and the
   crypto and 32-bit code equate symbols to registers, reassign them and use them in operands. */
.macro UNWIND_HINT type:req sp_reg=0 sp_offset=0 signal=0
.pushsection .discard.unwind_hints
	.long 0
	.short \sp_offset
	.byte \sp_reg
	.byte \type | (\signal << 4)
.popsection
.endm

.macro UNWIND_HINT_REGS base=%rsp offset=0 indirect=0 extra=1 partial=0 signal=1
	.if \base == %rsp
		.if \indirect
			.set sp_reg, ORC_REG_SP_INDIRECT
		.else
			.set sp_reg, ORC_REG_SP
		.endif
	.elseif \base == %rbp
		.set sp_reg, ORC_REG_BP
	.elseif \base == %rdi
		.set sp_reg, 5
	.else
		.error "UNWIND_HINT_REGS: bad base register"
	.endif
	.set sp_offset, \offset
	UNWIND_HINT type=1 sp_reg=sp_reg sp_offset=sp_offset signal=\signal
.endm

.text
.globl entry
entry:
	UNWIND_HINT_REGS
	UNWIND_HINT_REGS base=%rbp offset=8
	UNWIND_HINT_REGS base=%rdi indirect=1
	UNWIND_HINT_REGS indirect=1
.ifc %rsp,%rsp
	nop
.endif
.if %eax == %rax
	int3
.endif
.if %rax != 0
	hlt
.endif

/* Symbols that stand for registers, reassigned and used inside memory operands. */
	src = %rsi
	dst = %rdi
	.set len, %rdx
	.equ tmp, %r9
	movq (src), tmp
	movq tmp, 8(dst,len,4)
	leaq 16(src), src
	src = %r10
	addq src, dst
	reg = %xmm9
	reg = %rax
	push reg
	pop tmp
.if tmp == %r9
	ret
.endif
