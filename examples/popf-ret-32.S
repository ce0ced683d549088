/*
 * popf-ret-32.S - call emulation returning through `popfl; ret $12` (i386).
 *
 * The i386 kernel-mode frame is EIP, CS, EFLAGS with the interrupted stack right
 * above it.  Instead of completing the frame (int3-call-32.S), the exit path turns
 * it into
 *      [eflags] [callee] <12 bytes: the 3-word frame> [return address]
 * with the return address on the interrupted stack's new top (the old EFLAGS word),
 * and runs `popfl; ret $12`.  i386 has no IST: an NMI or interrupt would push its
 * frame at the current %esp, so every word is moved with push/pop and nothing is
 * ever written below %esp.
 *
 * Run:    x86lab run --32 --trace examples/popf-ret-32.S
 * Result: new_calls=1, result_after=0x42, sentinel=0x5a5a5a5a.
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	LOAD_IDT idt_table

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
	pushl $-1
	SAVE_ALL
	movl %esp, %eax
	call do_int3
	testl %eax, %eax
	jnz int3_return_emulated
	RESTORE_REGS
	addl $4, %esp
	iret

/*
 * E = the entry %esp.  After RESTORE_REGS: %esp = E-4 -> return address (orig_eax),
 * E: eip (the callee), E+4: cs, E+8: eflags; the interrupted stack starts at E+12.
 * (pop computes an %esp-based destination after incrementing, SDM POP.)
 */
int3_return_emulated:
	RESTORE_REGS
	pushl 12(%esp)			/* E-8:  eflags */
	pushl 4(%esp)			/* E-12: return address */
	popl 16(%esp)			/* E+8:  return address (new stack top); %esp = E-8 */
	pushl (%esp)			/* E-12: eflags */
	pushl 12(%esp)			/* E-16: callee */
	popl 4(%esp)			/* E-8:  callee; %esp = E-12 */
int3_popf:
	popfl
int3_ret:
	ret $12

/* do_int3(regs in %eax): 1 when the exit path must emulate the call. */
do_int3:
	movl PT_EIP(%eax), %edx
	subl $INT3_INSN_SIZE, %edx
	cmpl bp_addr, %edx
	jne 1f
	incl int3_emulated
	addl $CALL_INSN_SIZE, %edx
	movl %edx, PT_ORIG_EAX(%eax)
	movl bp_target, %edx
	movl %edx, PT_EIP(%eax)
	movl $1, %eax
	ret
1:	incl int3_stray
	xorl %eax, %eax
	ret

	.data
	.balign 4
bp_addr:	.long 0
bp_target:	.long 0
old_calls:	.long 0
new_calls:	.long 0
int3_emulated:	.long 0
int3_stray:	.long 0
result_after:	.long 0
sentinel:	.long 0
