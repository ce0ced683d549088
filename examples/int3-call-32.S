/*
 * int3-call-32.S - int3 call emulation on i386: completing the 3-word frame.
 *
 * In 32-bit protected mode an exception that does not change privilege pushes only
 * EFLAGS, CS, EIP (SDM 6.12.1, figure 6-4): there is no saved ESP/SS, and the
 * interrupted stack starts right above EFLAGS.  An emulated push at "regs->sp - 4"
 * would overwrite the saved EFLAGS.  The 2019 i386 fix gives kernel-mode exceptions
 * a complete frame:
 *   - on entry (FIXUP_FRAME): copy EIP, CS, EFLAGS two words down and add the
 *     interrupted ESP and SS, so pt_regs has sp/ss and the old 3 words become a gap;
 *   - on exit (IRET_FRAME): rebuild the 3-word frame just below the (possibly moved)
 *     regs->sp and iret from there, so the new ESP takes effect.
 *
 * Run:    x86lab run --32 --trace examples/int3-call-32.S
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

	call call_site_caller
	movl %eax, result_before

	movl $patch_site, bp_addr
	movl $new_func, bp_target
	movb $INT3_INSN_OPCODE, patch_site

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

	.p2align 4
asm_exc_int3:
	testl $3, 4(%esp)		/* CS.RPL: from user mode the frame is complete */
	jnz 1f
	/*
	 * FIXUP_FRAME.  At entry E = %esp: E: eip, E+4: cs, E+8: eflags, and the
	 * interrupted stack begins at E+12.  Build ip, cs, flags, sp, ss below E.
	 * (push computes an %esp-based source address before decrementing, SDM PUSH.)
	 */
	pushl %ss			/* E-4:  ss */
	pushl %esp			/* E-8:  E-4 ... */
	addl $16, (%esp)		/*       ... + 16 = E+12, the interrupted sp */
	pushl 16(%esp)			/* E-12: eflags (from E+8) */
	pushl 16(%esp)			/* E-16: cs (from E+4) */
	pushl 16(%esp)			/* E-20: eip (from E) */
1:
	pushl $-1			/* orig_eax */
	SAVE_ALL
	movl %esp, %eax			/* regparm(3): regs */
	call do_int3
	RESTORE_REGS
	addl $4, %esp			/* orig_eax */
	testl $3, 4(%esp)
	jnz 2f
	/*
	 * IRET_FRAME: %esp -> ip, cs, flags, sp, ss.  Write ip, cs, flags at sp - 12
	 * (just below the return address the handler may have pushed) and iret there.
	 * The target never overlaps the words still to be read: it lies at or above
	 * E - 4, they lie at E - 20 .. E - 12.
	 */
	pushl %eax
	pushl %ecx
	movl 8+12(%esp), %eax		/* regs->sp */
	subl $12, %eax
	movl 8+0(%esp), %ecx
	movl %ecx, 0(%eax)		/* eip */
	movl 8+4(%esp), %ecx
	movl %ecx, 4(%eax)		/* cs */
	movl 8+8(%esp), %ecx
	movl %ecx, 8(%eax)		/* eflags */
	movl %eax, 8+12(%esp)		/* where the 3-word frame now is */
	popl %ecx
	popl %eax
	movl 12(%esp), %esp
2:
int3_iret:
	iret

/* do_int3(regs in %eax) */
do_int3:
	movl PT_EIP(%eax), %edx
	subl $INT3_INSN_SIZE, %edx
	cmpl bp_addr, %edx
	jne 1f
	incl int3_emulated
	addl $CALL_INSN_SIZE, %edx
	movl PT_OLDESP(%eax), %ecx	/* valid for kernel mode thanks to FIXUP_FRAME */
	subl $4, %ecx
	movl %edx, (%ecx)		/* lands on the old, dead eflags word */
	movl %ecx, PT_OLDESP(%eax)
	movl bp_target, %edx
	movl %edx, PT_EIP(%eax)
	ret
1:	incl int3_stray
	ret

	.data
	.balign 4
bp_addr:	.long 0
bp_target:	.long 0
old_calls:	.long 0
new_calls:	.long 0
int3_emulated:	.long 0
int3_stray:	.long 0
result_before:	.long 0
result_after:	.long 0
sentinel:	.long 0
