/*
 * popf-ret.S - call emulation that returns through `popf; ret $40` instead of iretq
 * (x86-64): the alternative discussed on the mailing list in 2019.
 *
 * No gap is made on entry.  do_int3 only decides: it sets regs->ip to the new callee
 * and leaves the return address (site + 5) in regs->orig_ax.  The exit path then
 * builds, on the interrupted stack,
 *      [flags] [callee] <40 bytes: the iret frame it does not use> [return address]
 * with the return address at regs->sp - 8, switches %rsp there and runs
 * `popfq; ret $40`: popf restores the interrupted flags (IF included), ret jumps to the
 * callee, and the 40 skipped bytes leave %rsp pointing at the return address - the
 * state right after a real `call`.  Since no iretq runs, an int3 taken inside an NMI
 * handler does not unblock NMIs (see nmi-in-int3.S).
 *
 * The exit path parks %rax/%rcx below %rsp while it copies: safe here because the
 * gate clears IF and NMIs run on their own IST stack in 64-bit mode.
 *
 * Run:    x86lab run --trace examples/popf-ret.S
 * Result: both call sites (%rsp 8 and 0 mod 16) reach new_func; sentinels intact.
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	LOAD_IDT idt_table

	leaq patch_site(%rip), %rax
	movq %rax, bp_addr(%rip)
	leaq new_func(%rip), %rax
	movq %rax, bp_target(%rip)
	movb $INT3_INSN_OPCODE, patch_site(%rip)

	movq $0x1234, %rbx		/* callee-visible registers must survive */
	call call_site_caller		/* %rsp at the site: 0 mod 16 */
	movq %rax, result_aligned(%rip)
	subq $8, %rsp
	call call_site_caller		/* %rsp at the site: 8 mod 16 */
	addq $8, %rsp
	movq %rax, result_unaligned(%rip)
	movq %rbx, rbx_after(%rip)
	pushfq
	popq flags_after(%rip)
done:
	hlt

call_site_caller:
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
	PUSH_REGS
	movq %rsp, %rdi
	call do_int3
	testl %eax, %eax
	jnz int3_return_emulated
	POP_REGS
	addq $8, %rsp
	iretq

/* %rsp -> orig_ax (the return address), ip (the callee), cs, flags, sp, ss */
int3_return_emulated:
	POP_REGS
	movq %rax, -64(%rsp)		/* scratch, below anything built next */
	movq %rcx, -72(%rsp)
	movq 4*8(%rsp), %rcx		/* regs->sp */
	movq 0*8(%rsp), %rax
	movq %rax, -8(%rcx)		/* the emulated push */
	movq 1*8(%rsp), %rax
	movq %rax, -56(%rcx)		/* ret $40 goes here: the callee */
	movq 3*8(%rsp), %rax
	movq %rax, -64(%rcx)		/* popfq: the interrupted flags */
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

/* do_int3(regs in %rdi): returns 1 when the caller must return through popf/ret. */
do_int3:
	movq RIP(%rdi), %rax
	subq $INT3_INSN_SIZE, %rax
	cmpq bp_addr(%rip), %rax
	jne 1f
	incq int3_emulated(%rip)
	addq $CALL_INSN_SIZE, %rax
	movq %rax, ORIG_RAX(%rdi)	/* the return address, for the exit path */
	movq bp_target(%rip), %rax
	movq %rax, RIP(%rdi)
	movl $1, %eax
	ret
1:	incq int3_stray(%rip)
	xorl %eax, %eax
	ret

	.data
	.balign 8
bp_addr:	.quad 0
bp_target:	.quad 0
old_calls:	.quad 0
new_calls:	.quad 0
int3_emulated:	.quad 0
int3_stray:	.quad 0
result_aligned:	.quad 0
result_unaligned: .quad 0
sentinel_sum:	.quad 0
rbx_after:	.quad 0
flags_after:	.quad 0
