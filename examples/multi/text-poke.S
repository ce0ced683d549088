/*
 * text-poke.S - text_poke_bp() on several CPUs (x86-64, run with --cpus 2 or more).
 *
 * CPU 0 (the patcher) turns `call old_func` at patch_site into `call new_func` while
 * every other CPU (an executor) calls patch_site in a loop:
 *   1. write int3 over the first byte;                  sync
 *   2. write the new rel32 into bytes 1..4;              sync
 *   3. write the new first byte (0xe8) over the int3;    sync, then remove the handler
 * "sync" is text_poke_sync(): an IPI to every other CPU (all-but-self shorthand through
 * the xAPIC ICR) whose handler only counts itself in and returns; taking the interrupt
 * and its iretq serialize the executor (SDM Vol.3A 8.1.3: a CPU must serialize before it
 * runs code another CPU modified).  While the int3 is in place, an executor reaching the
 * site traps and do_int3 emulates the NEW call.
 *
 * -D NO_SYNC1 / NO_SYNC2 / NO_SYNC3 leave out one sync: an executor that has not
 * serialized may still fetch old bytes next to new ones and run a torn call.
 *
 *   x86lab run --cpus 2 examples/multi/text-poke.S
 *   x86lab explore --cpus 2 --preemptions 1 -D NO_SYNC2 examples/multi/text-poke.S
 *
 * Result: every executor ends halted at exec_done, int3_stray = 0, calls logged as
 * old_calls + new_calls + int3_emulated, patch_site = e8 <rel32 of new_func>.
 */
#include "../../include/x86lab/harness.h"
#include "../../include/x86lab/ptregs.h"

#define SYNC_VECTOR	0xf0
#ifndef WORK
#define WORK		20
#endif
#define APIC_BASE	0xfee00000
#define APIC_ID		0x20
#define APIC_EOI	0xb0
#define APIC_ICR	0x300
#define APIC_ICR2	0x310
#define APIC_DEST_ALLBUT 0xc0000
#define APIC_DM_FIXED	0x000

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	/* Every CPU loads the same IDT; CPUID leaf 0xB subleaf 1 gives the CPU count. */
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	SET_INTR_GATE idt_table, SYNC_VECTOR, asm_sync_ipi
	LOAD_IDT idt_table
	movl $APIC_BASE, %edx
	movl APIC_ID(%rdx), %ebx
	shrl $24, %ebx				/* this CPU's APIC ID */
	testl %ebx, %ebx
	jnz executor

/* ---- CPU 0: the patcher ---- */
	movl $0xb, %eax
	movl $1, %ecx
	cpuid
	decl %ebx				/* executors: CPUs - 1 */
	movl %ebx, executors(%rip)
1:	movl ready(%rip), %eax			/* wait until every executor runs its loop */
	cmpl executors(%rip), %eax
	jne 1b

	leaq patch_site(%rip), %rax
	movq %rax, bp_addr(%rip)
	leaq new_func(%rip), %rax
	movq %rax, bp_target(%rip)
poke_step1:
	movb $INT3_INSN_OPCODE, patch_site(%rip)
#ifndef NO_SYNC1
	call text_poke_sync
#endif
	leaq new_func(%rip), %rax
	leaq patch_site+CALL_INSN_SIZE(%rip), %rdx
	subq %rdx, %rax
poke_step2:
	movl %eax, patch_site+1(%rip)
#ifndef NO_SYNC2
	call text_poke_sync
#endif
poke_step3:
	movb $CALL_INSN_OPCODE, patch_site(%rip)
#ifndef NO_SYNC3
	call text_poke_sync
#endif
	movq $0, bp_addr(%rip)			/* no int3 left to handle */
	movl $1, done(%rip)
	cli
patcher_done:
	hlt

/* text_poke_sync(): IPI every other CPU, wait until each has taken it. */
text_poke_sync:
	movl executors(%rip), %eax
	movl %eax, sync_pending(%rip)
	movl $APIC_BASE, %edx
	movl $0, APIC_ICR2(%rdx)
	movl $(APIC_DEST_ALLBUT | APIC_DM_FIXED | SYNC_VECTOR), APIC_ICR(%rdx)
1:	cmpl $0, sync_pending(%rip)
	jne 1b
	incl syncs(%rip)
	ret

/* ---- the other CPUs: call the site until the patcher is done ---- */
executor:
	sti
	lock incl ready(%rip)
1:	call run_site
#if WORK > 0
	movl $WORK, %ecx			/* other work between calls (-D WORK=0: none) */
2:	decl %ecx
	jnz 2b
#endif
	cmpl $0, done(%rip)
	je 1b
	cli
exec_done:
	hlt

run_site:
patch_site:
	call old_func
	ret

old_func:
	lock incq old_calls(%rip)
	ret

	.p2align 4
asm_sync_ipi:
	pushq %rdx
	lock decl sync_pending(%rip)
	movl $APIC_BASE, %edx
	movl $0, APIC_EOI(%rdx)
	popq %rdx
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
	iretq

do_int3:
	movq RIP(%rdi), %rax
	subq $INT3_INSN_SIZE, %rax
	cmpq bp_addr(%rip), %rax
	jne 1f
	lock incq int3_emulated(%rip)
	addq $CALL_INSN_SIZE, %rax		/* emulate the new call: push the return address */
	movq RSP(%rdi), %rdx
	subq $8, %rdx
	movq %rax, (%rdx)
	movq %rdx, RSP(%rdi)
	movq bp_target(%rip), %rax
	movq %rax, RIP(%rdi)
	ret
1:	lock incq int3_stray(%rip)
	ret

	/* new_func sits 0x1200 bytes on, so its rel32 differs from old_func's in two bytes;
	 * a torn call lands in the ud2s between. */
	.rept 0x900
	ud2
	.endr
new_func:
	lock incq new_calls(%rip)
	ret

	.data
	.balign 8
bp_addr:	.quad 0
bp_target:	.quad 0
old_calls:	.quad 0
new_calls:	.quad 0
int3_emulated:	.quad 0
int3_stray:	.quad 0
executors:	.long 0
ready:		.long 0
sync_pending:	.long 0
syncs:		.long 0
done:		.long 0
