/* badrsp0.S - int $0x80 from ring 3 with TSS.RSP0 in unmapped memory: the frame push faults
 * (#PF, an implicit supervisor write: error code 2), delivering that #PF faults the same way, so
 * #DF on IST1 (SDM 6.15 table 6-5), taken from ring 3: its frame holds the user SS:RSP. */
#include "kern64.h"
	.data
df_frame: .quad 0,0,0,0,0,0
df_cr2:	.quad 0
	.bss
	.balign 4096
ist_bottom: .skip 4096
ist_top:
ustack_bottom: .skip 4096
ustack_top:
	.text
	.globl _start
_start:
	kernel_setup
	movabsq $0x8000010000, %rax		/* above the boot map's 512 GiB */
	movq %rax, tss_rsp0(%rip)
	leaq ist_top(%rip), %rax
	movq %rax, tss_ist(%rip)
	load_tss
	gate 8, h_df, 0x8e, 1
	gate 14, h_pf
	gate 0x80, h_80, 0xee
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x2
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:
u_int:	int $0x80
	hlt
h_80:	hlt
h_pf:	hlt
h_df:	movq 0(%rsp), %rax; movq %rax, df_frame(%rip)
	movq 16(%rsp), %rax; movq %rax, df_frame+16(%rip)
	movq 32(%rsp), %rax; movq %rax, df_frame+32(%rip)
	movq 40(%rsp), %rax; movq %rax, df_frame+40(%rip)
	movq 8(%rsp), %rax; movq %rax, df_frame+8(%rip)
	movq 24(%rsp), %rax; movq %rax, df_frame+24(%rip)
	movq %cr2, %rax
	movq %rax, df_cr2(%rip)
df_done: hlt
