/*
 * nmi-in-int3-32.S - the nmi-in-int3.S scenario on i386, for contrast.
 *
 * 32-bit kernels deliver NMIs on the current stack (no IST).  The nested int3 inside the
 * NMI handler still returns with iret and still unblocks NMIs early (SDM 6.7.1), so a
 * second NMI can arrive while the first is running - but it simply nests below the
 * first one on the same stack, and both return in order.  The nested-NMI hazard of
 * x86-64 comes from the fixed IST stack, not from the early unblocking itself.
 * The int3 entry is int3-call-32.S's (completed frame, rebuilt 3-word iret frame).
 *
 * Run:    x86lab run --32 --trace --nmi-at do_int3 --nmi-at nmi_after_callback \
 *                    examples/nmi-in-int3-32.S
 * Result: nmi_count = 2, max_nmi_depth = 2, nmi_broken_count = 0, result = 0x42.
 * -D POPF_RET: the int3 exit of popf-ret-32.S (`popfl; ret $12`, no iret) instead.
 */
#include "../include/x86lab/harness.h"
#include "../include/x86lab/ptregs.h"

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	SET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, asm_exc_int3
	SET_INTR_GATE idt_table, X86_TRAP_NMI, asm_exc_nmi
	LOAD_IDT idt_table

	movl $patch_site, bp_addr
	movl $new_func, bp_target
	movb $INT3_INSN_OPCODE, patch_site

	call call_site
	movl %eax, result
done:
	hlt

call_site:
	pushl $0x5a5a5a5a
patch_site:
	call old_func
	popl %edx
	addl %edx, sentinel_sum
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
#ifdef POPF_RET
/* popf-ret-32.S's exit: no iret, so no early NMI unblocking inside the NMI handler. */
asm_exc_int3:
	pushl $-1
	SAVE_ALL
	movl %esp, %eax
	call do_int3
	testl %eax, %eax
	jnz int3_return_emulated
	RESTORE_REGS
	addl $4, %esp
int3_iret:
	iret

int3_return_emulated:			/* see popf-ret-32.S for the stack layout */
	RESTORE_REGS
	pushl 12(%esp)
	pushl 4(%esp)
	popl 16(%esp)
	pushl (%esp)
	pushl 12(%esp)
	popl 4(%esp)
int3_popf:
	popfl
int3_ret:
	ret $12

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
#else
asm_exc_int3:
	testl $3, 4(%esp)
	jnz 1f
	pushl %ss			/* FIXUP_FRAME, as in int3-call-32.S */
	pushl %esp
	addl $16, (%esp)
	pushl 16(%esp)
	pushl 16(%esp)
	pushl 16(%esp)
1:
	pushl $-1
	SAVE_ALL
	movl %esp, %eax
	call do_int3
	RESTORE_REGS
	addl $4, %esp
	testl $3, 4(%esp)
	jnz 2f
	pushl %eax			/* IRET_FRAME */
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

do_int3:
	movl PT_EIP(%eax), %edx
	subl $INT3_INSN_SIZE, %edx
	cmpl bp_addr, %edx
	jne 1f
	incl int3_emulated
	addl $CALL_INSN_SIZE, %edx
	movl PT_OLDESP(%eax), %ecx
	subl $4, %ecx
	movl %edx, (%ecx)
	movl %ecx, PT_OLDESP(%eax)
	movl bp_target, %edx
	movl %edx, PT_EIP(%eax)
	ret
1:	incl int3_stray
	ret

#endif

/* The same naive NMI handler as nmi-in-int3.S, on the current stack. */
	.p2align 4
asm_exc_nmi:
	pushl $-1
	SAVE_ALL
	incl nmi_count
	incl nmi_depth
	movl nmi_depth, %eax
	cmpl max_nmi_depth, %eax
	jbe 3f
	movl %eax, max_nmi_depth
3:
	call call_site
nmi_after_callback:
	decl nmi_depth
	jnz 1f
	movl PT_EIP(%esp), %eax
	cmpl $asm_exc_nmi, %eax
	jb 1f
	cmpl $asm_exc_nmi_end, %eax
	jae 1f
nmi_broken:
	incl nmi_broken_count
	hlt
1:
	RESTORE_REGS
	addl $4, %esp
nmi_iret:
	iret
asm_exc_nmi_end:

	.data
	.balign 4
bp_addr:	.long 0
bp_target:	.long 0
old_calls:	.long 0
new_calls:	.long 0
int3_emulated:	.long 0
int3_stray:	.long 0
result:		.long 0
sentinel_sum:	.long 0
nmi_count:	.long 0
nmi_depth:	.long 0
max_nmi_depth:	.long 0
nmi_broken_count: .long 0
