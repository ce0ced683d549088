/*
 * entry_64.S - the assembly half of int3 call emulation with a C handler (x86-64).
 * Linked by x86lab with int3_emulate-64.o, gcc's object for int3_emulate.c:
 *
 *   x86lab run --trace examples/int3-c/entry_64.S examples/int3-c/int3_emulate-64.o
 *   x86lab run --trace -DNO_GAP examples/int3-c/entry_64.S examples/int3-c/int3_emulate-64.o
 *
 * _start calls a call site, asks text_poke_bp() (C) to patch it to call new_func, and calls
 * it again: the int3 traps into asm_exc_int3, whose C handler poke_int3_handler() finds the
 * site in its table and emulates the call (int3_emulate_call: push the return address on
 * the interrupted stack, continue at new_func).
 *
 * With the gap (the default, idtentry create_gap=1) the push lands in the gap below the
 * moved frame.  With -DNO_GAP (the kernel before 2019) the push overwrites the saved SS of
 * the hardware frame itself: iretq loads the return address as SS and raises #GP, which
 * asm_exc_general_protection records before stopping.
 *
 * Result (gap):    old_calls=1 new_calls=1 result_after=0x42 sentinel=0x5a5a5a5a int3_emulated=1
 *                  poke_traced=1 (the strong poke_trace below overrides the C file's weak one)
 * Result (no gap): gp_count=1, gp_rip=int3_iret
 */
#include <x86lab/harness.h>
#include <x86lab/ptregs.h>

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	SET_INTR_GATE idt_table, X86_TRAP_GP, asm_exc_general_protection
	LOAD_IDT idt_table

	call call_site_caller		/* not patched yet: reaches old_func */
	movq %rax, result_before(%rip)

	leaq patch_site(%rip), %rdi
	leaq new_func(%rip), %rsi
	call text_poke_bp		/* C: record the site, write the int3 */

	call call_site_caller		/* hits the int3: the C handler emulates call new_func */
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

/* A strong definition: it wins over int3_emulate.c's weak poke_trace(). */
	.globl poke_trace
poke_trace:
	incq poke_traced(%rip)
	ret

	.p2align 4
asm_exc_int3:
	pushq $-1			/* orig_ax: #BP has no error code */
#ifndef NO_GAP
	testb $3, CS-ORIG_RAX(%rsp)	/* from user mode the stack below is free */
	jnz 1f
	/* Copy ss, rsp, rflags, cs, rip, orig_ax six words down: the old copy is the gap. */
	.rept 6
	pushq 5*8(%rsp)
	.endr
1:
#endif
	PUSH_REGS
	movq %rsp, %rdi
	call poke_int3_handler		/* C */
	POP_REGS
	addq $8, %rsp			/* orig_ax */
int3_iret:
	iretq

/* #GP pushes an error code: the selector that failed (SDM 6.13). */
asm_exc_general_protection:
	incq gp_count(%rip)
	movq (%rsp), %rax
	movq %rax, gp_error(%rip)
	movq 8(%rsp), %rax
	movq %rax, gp_rip(%rip)
gp_stop:
	hlt

	.data
	.balign 8
old_calls:	.quad 0
new_calls:	.quad 0
poke_traced:	.quad 0
result_before:	.quad 0
result_after:	.quad 0
sentinel:	.quad 0
gp_count:	.quad 0
gp_error:	.quad 0
gp_rip:		.quad 0
