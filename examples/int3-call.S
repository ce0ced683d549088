/*
 * int3-call.S - emulating a `call` from the int3 handler, with the stack gap (x86-64).
 *
 * Live patching (ftrace, static_call: text_poke_bp) rewrites a 5-byte `call` while
 * other code may be running it.  It first writes int3 (0xCC) over the first byte; a CPU
 * that hits that int3 must act as if it had executed the *new* call.  The handler does
 * that by pushing the return address (call site + 5) onto the interrupted stack and
 * pointing regs->ip at the new callee (int3_emulate_call).
 *
 * A kernel-mode int3 pushes its hardware frame (SS, RSP, RFLAGS, CS, RIP) right below
 * the interrupted %rsp (after aligning it to 16, SDM 6.14.2), so "the interrupted
 * stack" and the frame overlap: the emulated push would land on the saved SS.  The
 * 2019 fix (idtentry ... create_gap=1) copies the frame six words down on entry; the
 * old copy becomes a gap that the emulated push may overwrite, iretq loads the moved
 * %rsp, and the callee's `ret` comes back right after the call site.
 *
 * Run:    x86lab run --trace examples/int3-call.S
 * Result: old_calls=1, new_calls=1, result_after=0x42, sentinel=0x5a5a5a5a.
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	LOAD_IDT idt_table

	call call_site_caller		/* not patched yet: reaches old_func */
	movq %rax, result_before(%rip)

	/* text_poke_bp(), first step: say what the int3 stands for, then write it */
	leaq patch_site(%rip), %rax
	movq %rax, bp_addr(%rip)
	leaq new_func(%rip), %rax
	movq %rax, bp_target(%rip)
	movb $INT3_INSN_OPCODE, patch_site(%rip)

	call call_site_caller		/* hits the int3: the handler emulates call new_func */
	movq %rax, result_after(%rip)
done:
	hlt

/* Entered with %rsp = 8 mod 16; the sentinel makes %rsp 16-aligned at the call site. */
call_site_caller:
	pushq $0x5a5a5a5a
patch_site:
	call old_func
	popq %rdx
	movq %rdx, sentinel(%rip)	/* the word right above the interrupted %rsp */
	ret

old_func:
	incq old_calls(%rip)
	movl $0x41, %eax
	ret

new_func:
	incq new_calls(%rip)
	movl $0x42, %eax
	ret

/*
 * asm_exc_int3: idtentry with create_gap=1.  #BP pushes no error code, so orig_ax
 * gets -1 like the other idtentry vectors.
 */
	.p2align 4
asm_exc_int3:
	pushq $-1
	testb $3, CS-ORIG_RAX(%rsp)	/* from user mode the stack below is free */
	jnz 1f
	/* Copy ss, rsp, rflags, cs, rip, orig_ax six words down: the old copy is the gap. */
	.rept 6
	pushq 5*8(%rsp)
	.endr
1:
	PUSH_REGS
	movq %rsp, %rdi
	call do_int3
	POP_REGS
	addq $8, %rsp			/* orig_ax */
int3_iret:
	iretq

/*
 * do_int3(regs in %rdi): if this int3 is the text_poke_bp() site, emulate the call
 * it is becoming: int3_emulate_push(regs, site + 5); int3_emulate_jmp(regs, target).
 */
do_int3:
	movq RIP(%rdi), %rax
	subq $INT3_INSN_SIZE, %rax	/* the int3 byte itself */
	cmpq bp_addr(%rip), %rax
	jne 1f
	incq int3_emulated(%rip)
	addq $CALL_INSN_SIZE, %rax	/* the return address */
	movq RSP(%rdi), %rdx
	subq $8, %rdx
	movq %rax, (%rdx)		/* lands in the gap */
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
result_before:	.quad 0
result_after:	.quad 0
sentinel:	.quad 0
