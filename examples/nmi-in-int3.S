/*
 * nmi-in-int3.S - an NMI arriving inside the int3 handler, whose own handler hits a
 * patched int3 site (x86-64).  Two int3 exit designs:
 *   default        int3 returns with iretq (the gap design of int3-call.S);
 *   -D POPF_RET    int3 returns through `popfq; ret $40` (popf-ret.S).
 *
 * The NMI runs on its own IST stack (TSS ist2).  Hardware blocks further NMIs from
 * the moment one is delivered until the next IRET completes - ANY iret, not the NMI
 * handler's own (SDM 6.7.1).  So when the NMI handler calls the patched function:
 *   - iretq design: the nested int3 returns with iretq, which unblocks NMIs while the
 *     first NMI is still running.  A second NMI then starts on the same IST stack,
 *     overwriting the first NMI's frame; the first NMI later "returns" through the
 *     second one's frame, back into itself.  The NMI exit check sees a frame that
 *     points into the NMI handler with no outer NMI left and stops at nmi_broken.
 *   - popf design: no iret runs inside the NMI, the second NMI stays pending until
 *     the NMI handler's own iretq, and is then taken cleanly from the main code.
 * A single NMI, wherever it lands in the int3 handler (--nmi-at asm_exc_int3,
 * do_int3, int3_iret / int3_popf ...), is survived by both designs.
 *
 * Run:    x86lab run --trace --nmi-at do_int3 examples/nmi-in-int3.S        (survives)
 *         x86lab run --trace --nmi-at do_int3 --nmi-at nmi_after_callback \
 *                    examples/nmi-in-int3.S                                  (breaks)
 *         x86lab run --trace -D POPF_RET --nmi-at do_int3 \
 *                    --nmi-at nmi_after_callback examples/nmi-in-int3.S      (survives)
 * Result: nmi_broken_count = 1 for the second run (and result stays 0: the main call
 *         never completes), 0 otherwise with result = 0x42; new_calls counts the calls
 *         that reached new_func (one per NMI, plus the main one when it completes).
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

	DEFINE_GDT gdt_table
	DEFINE_IDT idt_table
	DEFINE_STACK nmi_stack, 4096
	DEFINE_TSS cpu_tss, 0, 0, nmi_stack

	.text
	.globl _start
_start:
	LOAD_GDT gdt_table
	LOAD_TSS gdt_table, cpu_tss
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	SET_INTR_GATE idt_table, X86_TRAP_NMI, asm_exc_nmi, IST_INDEX_NMI
	LOAD_IDT idt_table

	leaq patch_site(%rip), %rax
	movq %rax, bp_addr(%rip)
	leaq new_func(%rip), %rax
	movq %rax, bp_target(%rip)
	movb $INT3_INSN_OPCODE, patch_site(%rip)

	call call_site
	movq %rax, result(%rip)
done:
	hlt

call_site:
	pushq $0x5a5a5a5a
patch_site:
	call old_func
	popq %rdx
	addq %rdx, sentinel_sum(%rip)
	ret

old_func:
	incq old_calls(%rip)
	movl $0x41, %eax
	ret

new_func:
	incq new_calls(%rip)
	movl $0x42, %eax
	ret

	.p2align 4
asm_exc_int3:
	pushq $-1
#ifndef POPF_RET
	testb $3, CS-ORIG_RAX(%rsp)
	jnz 1f
	.rept 6
	pushq 5*8(%rsp)
	.endr
1:
#endif
	PUSH_REGS
	movq %rsp, %rdi
	call do_int3
#ifdef POPF_RET
	testl %eax, %eax
	jnz int3_return_emulated
#endif
	POP_REGS
	addq $8, %rsp
int3_iret:
	iretq

#ifdef POPF_RET
int3_return_emulated:
	POP_REGS
	movq %rax, -64(%rsp)
	movq %rcx, -72(%rsp)
	movq 4*8(%rsp), %rcx
	movq 0*8(%rsp), %rax
	movq %rax, -8(%rcx)
	movq 1*8(%rsp), %rax
	movq %rax, -56(%rcx)
	movq 3*8(%rsp), %rax
	movq %rax, -64(%rcx)
	movq -64(%rsp), %rax
	movq %rax, -72(%rcx)
	movq -72(%rsp), %rax
	movq %rax, -80(%rcx)
	leaq -80(%rcx), %rsp
	popq %rcx
	popq %rax
int3_popf:
	popfq
int3_ret:
	ret $40
#endif

do_int3:
	movq RIP(%rdi), %rax
	subq $INT3_INSN_SIZE, %rax
	cmpq bp_addr(%rip), %rax
	jne 1f
	incq int3_emulated(%rip)
	addq $CALL_INSN_SIZE, %rax
#ifdef POPF_RET
	movq %rax, ORIG_RAX(%rdi)
	movl $1, %ecx
#else
	movq RSP(%rdi), %rdx
	subq $8, %rdx
	movq %rax, (%rdx)
	movq %rdx, RSP(%rdi)
	xorl %ecx, %ecx
#endif
	movq bp_target(%rip), %rax
	movq %rax, RIP(%rdi)
	movl %ecx, %eax
	ret
1:	incq int3_stray(%rip)
	xorl %eax, %eax
	ret

/*
 * asm_exc_nmi: a naive NMI entry with none of Linux's nested-NMI protection.
 * nmi_depth counts NMIs in progress; on exit, a frame that returns into this handler
 * is only legitimate while an outer NMI is still running.
 */
	.p2align 4
asm_exc_nmi:
	pushq $-1
	PUSH_REGS
	incq nmi_count(%rip)
	incq nmi_depth(%rip)
	call nmi_callback
nmi_after_callback:
	decq nmi_depth(%rip)
	jnz 1f
	movq RIP(%rsp), %rax
	leaq asm_exc_nmi(%rip), %rdx
	cmpq %rdx, %rax
	jb 1f
	leaq asm_exc_nmi_end(%rip), %rdx
	cmpq %rdx, %rax
	jae 1f
nmi_broken:
	incq nmi_broken_count(%rip)	/* our iret frame was overwritten: BUG() */
	hlt
1:
	POP_REGS
	addq $8, %rsp
nmi_iret:
	iretq
asm_exc_nmi_end:

/* What an NMI-time user of the patched function looks like (perf, ftrace). */
nmi_callback:
	call call_site
	ret

	.data
	.balign 8
bp_addr:	.quad 0
bp_target:	.quad 0
old_calls:	.quad 0
new_calls:	.quad 0
int3_emulated:	.quad 0
int3_stray:	.quad 0
result:		.quad 0
sentinel_sum:	.quad 0
nmi_count:	.quad 0
nmi_depth:	.quad 0
nmi_broken_count: .quad 0
