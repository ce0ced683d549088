/*
 * int3-nogap.S - the same int3 call emulation WITHOUT the stack gap (x86-64): the bug.
 *
 * The entry code leaves the hardware frame where the CPU put it, right below the
 * interrupted %rsp.  do_int3 then "pushes" the return address at regs->sp - 8, which
 * is inside that frame:
 *   - first call: the interrupted %rsp is 8 mod 16, so the CPU aligned the frame
 *     down and left a padding word; the push lands in the padding and everything
 *     works - by luck;
 *   - second call: %rsp is 16-aligned, the push overwrites the saved SS, and iretq
 *     loads the low 16 bits of the return address as a stack selector: #GP(selector).
 * The #GP handler records the error code and the faulting RIP (int3_iret) and stops.
 *
 * Run:    x86lab run --trace examples/int3-nogap.S
 * Result: new_calls=1, gp_count=1, gp_rip=int3_iret, gp_error = return address & 0xfffc.
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	SET_INTR_GATE idt_table, X86_TRAP_GP, asm_exc_general_protection
	LOAD_IDT idt_table

	leaq patch_site(%rip), %rax
	movq %rax, bp_addr(%rip)
	leaq new_func(%rip), %rax
	movq %rax, bp_target(%rip)
	movb $INT3_INSN_OPCODE, patch_site(%rip)

	/* 1: %rsp = 8 mod 16 at the call site - the frame's padding word absorbs the push */
	call call_site
	movq %rax, result_lucky(%rip)

	/* 2: %rsp = 0 mod 16 at the call site - the push overwrites the saved SS */
	subq $8, %rsp
	call call_site
	addq $8, %rsp
	movq %rax, result_aligned(%rip)	/* never reached */
done:
	hlt

call_site:
patch_site:
	call old_func
	ret

old_func:
	incq old_calls(%rip)
	movl $0x41, %eax
	ret

new_func:
	incq new_calls(%rip)
	movl $0x42, %eax
	ret

/* asm_exc_int3: idtentry without create_gap. */
	.p2align 4
asm_exc_int3:
	pushq $-1
	PUSH_REGS
	movq %rsp, %rdi
	call do_int3
	POP_REGS
	addq $8, %rsp
int3_iret:
	iretq

do_int3:
	movq RIP(%rdi), %rax
	subq $INT3_INSN_SIZE, %rax
	cmpq bp_addr(%rip), %rax
	jne 1f
	incq int3_emulated(%rip)
	addq $CALL_INSN_SIZE, %rax
	movq RSP(%rdi), %rdx
	subq $8, %rdx
	movq %rax, (%rdx)		/* no gap: this may be regs->ss itself */
	movq %rdx, RSP(%rdi)
	movq bp_target(%rip), %rax
	movq %rax, RIP(%rdi)
	ret
1:	incq int3_stray(%rip)
	ret

/* #GP pushes an error code: the selector that failed (SDM 6.13). */
asm_exc_general_protection:
	incq gp_count(%rip)
	movq 0(%rsp), %rax
	movq %rax, gp_error(%rip)
	movq 8(%rsp), %rax
	movq %rax, gp_rip(%rip)
gp_stop:
	hlt

	.data
	.balign 8
bp_addr:	.quad 0
bp_target:	.quad 0
old_calls:	.quad 0
new_calls:	.quad 0
int3_emulated:	.quad 0
int3_stray:	.quad 0
result_lucky:	.quad 0
result_aligned:	.quad 0
gp_count:	.quad 0
gp_error:	.quad 0
gp_rip:		.quad 0
