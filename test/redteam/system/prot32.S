/* prot32.S - 32-bit protected mode with a hand-built GDT reloaded by ljmp: the same-privilege
 * 3-word frame (EIP, CS, EFLAGS; no SS:ESP, SDM 6.12.1), #GP with its error code (4 words),
 * popfl at CPL 0 (IOPL, IF change) and at CPL 3 (they do not; AC and DF do), iret to ring 3
 * nulls DS/ES, int $0x80 from ring 3 uses TSS ss0:esp0 and pushes the 5-word frame. */
#include "kern32.h"
	.data
bp_esp:	.long 0
bp_frame: .long 0,0,0,0
gp_err:	.long 0
gp_eip:	.long 0
k_fl1:	.long 0
k_fl2:	.long 0
u_ds:	.long 0xffff
u_fl:	.long 0
k_ss:	.long 0
k_esp:	.long 0
k_frame: .long 0,0,0,0,0
	.bss
	.balign 4096
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
	.text
	.globl _start
_start:
	kernel_setup
	movl $kstack_top, tss_esp0
	load_tss
	gate 3, h_bp, 0x8f
	gate 13, h_gp
	gate 0x80, h_sys, 0xee
	movl $0x7fff0, %esp
	pushl $0x3202
	popfl
	pushfl
	popl k_fl1
	pushl $0x2
	popfl
	pushfl
	popl k_fl2
bp1:	int3
bp_after:
	movw $0x2b, %cx
	movl $gp_after, %esi
gp1:	movw %cx, %ds				/* TSS descriptor: #GP(0x28) */
gp_after:
	pushl $UDS
	pushl $ustack_top
	pushl $0x202
	pushl $UCS
	pushl $user
to_user: iret

user:	movw %ds, %bx				/* null: no memory access through DS yet */
	movl $UDS, %eax
	movl %eax, %ds
	movl %eax, %es
	movw %bx, u_ds
	pushl $0x43002				/* AC, NT=0, IOPL 3, IF 0 */
	popfl
	pushfl
	popl u_fl
	pushl $0x202
	popfl
u_int80: int $0x80

h_bp:	movl %esp, bp_esp
	movl 0(%esp), %eax; movl %eax, bp_frame
	movl 4(%esp), %eax; movl %eax, bp_frame+4
	movl 8(%esp), %eax; movl %eax, bp_frame+8
	movl 12(%esp), %eax; movl %eax, bp_frame+12	/* not part of the frame: the caller's stack */
	iret
h_gp:	popl gp_err
	movl (%esp), %eax
	movl %eax, gp_eip
	movl %esi, (%esp)
	iret
h_sys:	movw %ss, k_ss
	movl %esp, k_esp
	movl 0(%esp), %eax; movl %eax, k_frame
	movl 4(%esp), %eax; movl %eax, k_frame+4
	movl 8(%esp), %eax; movl %eax, k_frame+8
	movl 12(%esp), %eax; movl %eax, k_frame+12
	movl 16(%esp), %eax; movl %eax, k_frame+16
k_done:	hlt
