/*
 * live-patch.S - a whole text_poke_bp() sequence, with calls arriving in between
 * (x86-64).  Turns `call old_func` at patch_site into `call new_func`:
 *   1. write int3 over the first byte; sync
 *   2. write the new rel32 into bytes 1..4; sync
 *   3. write the new first byte (0xe8) over the int3; sync
 * While the int3 is in place, any CPU reaching the site traps and the handler
 * emulates the NEW call (int3 gap design, as in int3-call.S).  "sync" is sync_core()
 * the old x86-64 way: an iretq to the next instruction, which serializes.
 *
 * Calls arrive from the main flow after each step and, with interrupts on, from a
 * timer handler (vector 0x20) whenever the harness injects one:
 *   x86lab run --trace --irq-at 0x20@poke_step2 --irq-at 0x20@poke_step3 \
 *              examples/live-patch.S
 * Every call is logged in call_log (0x41 = old_func ran, 0x42 = new_func ran): the
 * log only ever switches once from old to new, whichever step a call lands on.
 * Result: call_log = 41 42 42 .. 42, old_calls = 1, int3_emulated = number of calls
 *         made while the int3 was in place, final bytes at patch_site = e8 <rel32 of new_func>.
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

#define TIMER_VECTOR 0x20

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	SET_INTR_GATE idt_table, TIMER_VECTOR, asm_timer_interrupt
	LOAD_IDT idt_table
	sti

	call run_site				/* unpatched: old_func */

	/* text_poke_bp(patch_site, "call new_func") */
	leaq patch_site(%rip), %rax
	movq %rax, bp_addr(%rip)
	leaq new_func(%rip), %rax
	movq %rax, bp_target(%rip)
poke_step1:
	movb $INT3_INSN_OPCODE, patch_site(%rip)
	call text_poke_sync
	call run_site				/* int3: emulated */

	leaq new_func(%rip), %rax
	leaq patch_site+CALL_INSN_SIZE(%rip), %rdx
	subq %rdx, %rax
poke_step2:
	movl %eax, patch_site+1(%rip)		/* the tail: only reachable through the int3 */
	call text_poke_sync
	call run_site				/* still int3: emulated */

poke_step3:
	movb $CALL_INSN_OPCODE, patch_site(%rip)
	call text_poke_sync
	movq $0, bp_addr(%rip)			/* no int3 left to handle */
	call run_site				/* the new call, for real */

	cli
	movq patch_site(%rip), %rax
	movq %rax, final_bytes(%rip)
done:
	hlt

run_site:
	pushq %rbx
patch_site:
	call old_func
	movq call_log_len(%rip), %rbx
	leaq call_log(%rip), %rdx
	movb %al, (%rdx,%rbx)
	incq call_log_len(%rip)
	popq %rbx
	ret

old_func:
	incq old_calls(%rip)
	movl $0x41, %eax
	ret

new_func:
	incq new_calls(%rip)
	movl $0x42, %eax
	ret

/* sync_core(): iretq to the next instruction (serializing, SDM 8.3). */
text_poke_sync:
	movl %ss, %eax
	pushq %rax
	pushq %rsp
	addq $8, (%rsp)
	pushfq
	movl %cs, %eax
	pushq %rax
	leaq 1f(%rip), %rax
	pushq %rax
	iretq
1:	incq syncs(%rip)
	ret

	.p2align 4
asm_timer_interrupt:
	pushq $-1
	PUSH_REGS
	incq timer_ticks(%rip)
	call run_site				/* a call arriving mid-patch */
	POP_REGS
	addq $8, %rsp
	iretq

	.p2align 4
asm_exc_int3:
	pushq $-1
	testb $3, CS-ORIG_RAX(%rsp)
	jnz 1f
	.rept 6
	pushq 5*8(%rsp)
	.endr
1:
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
	movq %rax, (%rdx)
	movq %rdx, RSP(%rdi)
	movq bp_target(%rip), %rax
	movq %rax, RIP(%rdi)
	ret
1:	incq int3_stray(%rip)
	ret

	.data
	.balign 8
bp_addr:	.quad 0
bp_target:	.quad 0
old_calls:	.quad 0
new_calls:	.quad 0
int3_emulated:	.quad 0
int3_stray:	.quad 0
timer_ticks:	.quad 0
syncs:		.quad 0
final_bytes:	.quad 0
call_log_len:	.quad 0
call_log:	.fill 32, 1, 0
