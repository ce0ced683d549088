/*
 * stack-switch-window.S - a stack switch with a window in which %rsp points at nothing
 * (x86-64), for `x86lab explore` (docs/explore.md).
 *
 * switch_stack parks %rsp at an unmapped address for WINDOW instructions while it moves to a
 * new stack in two steps.  NMIs cannot be masked, so an NMI at any boundary inside the window
 * is delivered on that stack: the frame push faults (#PF), #DF is delivered on the same stack
 * and faults again: triple fault.  The window is exactly WINDOW boundaries (the boundaries
 * before the WINDOW instructions that run with the bogus %rsp); every other boundary of the run
 * is safe once the IDT is loaded.
 *
 * -D USE_IST gives the NMI gate its own IST stack (TSS ist2) as Linux does: the CPU switches to
 * it before pushing anything, whatever %rsp holds, so the same window is harmless.
 *
 * Run:    x86lab explore --within switch_stack..switch_done examples/stack-switch-window.S
 *           -> WINDOW (4) failing boundaries, all triple faults
 *         x86lab explore -D USE_IST --within switch_stack..switch_done examples/stack-switch-window.S
 *           -> none
 */
#include "../include/x86lab/harness.h"

#define WINDOW 4

	DEFINE_GDT gdt_table
	DEFINE_IDT idt_table
	DEFINE_STACK nmi_stack, 4096
	DEFINE_STACK new_stack, 4096
	DEFINE_TSS cpu_tss, 0, 0, nmi_stack

	.text
	.globl _start
_start:
	LOAD_GDT gdt_table
	LOAD_TSS gdt_table, cpu_tss
#ifdef USE_IST
	SET_INTR_GATE idt_table, X86_TRAP_NMI, asm_exc_nmi, IST_INDEX_NMI
#else
	SET_INTR_GATE idt_table, X86_TRAP_NMI, asm_exc_nmi
#endif
	LOAD_IDT idt_table
	call switch_stack
	movq %rax, result(%rip)
done:
	hlt

/* Move to new_stack, returning there; the return address travels in %rcx. */
switch_stack:
	popq %rcx
	movq $0xdead0000, %rsp		/* window opens: nothing is mapped there */
window_start:
	leaq new_stack(%rip), %rdx
	movq %rcx, -8(%rdx)
	leaq -8(%rdx), %rdx
	movq %rdx, %rsp			/* the last instruction run with the bogus %rsp */
window_end:
	movl $0x42, %eax
	ret
switch_done:

	.p2align 4
asm_exc_nmi:
	incq nmi_count(%rip)
	iretq

	.data
	.balign 8
result:		.quad 0
nmi_count:	.quad 0
