/*
 * entry_32.S - the assembly half of int3 call emulation with a C handler (i386).
 * Linked by x86lab with int3_emulate-32.o (gcc -m32 -mregparm=3, as the kernel builds i386):
 *
 *   x86lab run --32 --trace examples/int3-c/entry_32.S examples/int3-c/int3_emulate-32.o
 *
 * A same-privilege exception on i386 pushes only EFLAGS, CS, EIP (SDM 6.12.1): there is no
 * saved ESP/SS for int3_emulate_push() to move.  FIXUP_FRAME completes the frame on entry
 * (the old 3 words become the gap) and IRET_FRAME rebuilds a 3-word frame below the possibly
 * moved regs->sp on exit, as examples/int3-call-32.S does in assembly alone.
 *
 * Result: old_calls=1 new_calls=1 result_after=0x42 sentinel=0x5a5a5a5a int3_emulated=1
 *         poke_traced=1
 */
#include <x86lab/harness.h>
#include <x86lab/ptregs.h>

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	LOAD_IDT idt_table

	call call_site_caller
	movl %eax, result_before

	movl $patch_site, %eax		/* regparm(3): addr in %eax, emulate in %edx */
	movl $new_func, %edx
	call text_poke_bp

	call call_site_caller
	movl %eax, result_after
done:
	hlt

call_site_caller:
	pushl $0x5a5a5a5a
patch_site:
	call old_func
	popl %edx
	movl %edx, sentinel
	ret

old_func:
	incl old_calls
	movl $0x41, %eax
	ret

new_func:
	incl new_calls
	movl $0x42, %eax
	ret

	.globl poke_trace
poke_trace:
	incl poke_traced
	ret

	.p2align 4
asm_exc_int3:
	testl $3, 4(%esp)		/* CS.RPL: from user mode the frame is complete */
	jnz 1f
	/* FIXUP_FRAME: build ip, cs, flags, sp, ss below the 3-word frame at E = %esp. */
	pushl %ss
	pushl %esp
	addl $16, (%esp)		/* E + 12: the interrupted sp */
	pushl 16(%esp)			/* eflags */
	pushl 16(%esp)			/* cs */
	pushl 16(%esp)			/* eip */
1:
	pushl $-1			/* orig_eax */
	SAVE_ALL
	movl %esp, %eax			/* regparm(3): regs */
	call poke_int3_handler		/* C */
	RESTORE_REGS
	addl $4, %esp			/* orig_eax */
	testl $3, 4(%esp)
	jnz 2f
	/* IRET_FRAME: ip, cs, flags at regs->sp - 12, then iret from there. */
	pushl %eax
	pushl %ecx
	movl 8+12(%esp), %eax
	subl $12, %eax
	movl 8+0(%esp), %ecx
	movl %ecx, 0(%eax)
	movl 8+4(%esp), %ecx
	movl %ecx, 4(%eax)
	movl 8+8(%esp), %ecx
	movl %ecx, 8(%eax)
	movl %eax, 8+12(%esp)
	popl %ecx
	popl %eax
	movl 12(%esp), %esp
2:
int3_iret:
	iret

	.data
	.balign 4
old_calls:	.long 0
new_calls:	.long 0
poke_traced:	.long 0
result_before:	.long 0
result_after:	.long 0
sentinel:	.long 0
