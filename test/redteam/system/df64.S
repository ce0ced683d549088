/* df64.S - double fault (SDM 6.15 table 6-5): #GP whose gate is not present (#NP while
 * delivering: contributory + contributory), or with -D PF_STACK a #PF whose frame push faults
 * (#PF + #PF); #DF error code 0 on IST1.  -D TRIPLE: no #DF gate -> shutdown. */
#include "kern64.h"
	.data
df_err:	.quad 0xdead
df_rsp:	.quad 0
df_cs:	.quad 0
	.bss
	.balign 4096
ist_bottom: .skip 4096
ist_top:
	.text
	.globl _start
_start:
	kernel_setup
	leaq ist_top(%rip), %rax
	movq %rax, tss_ist(%rip)
	load_tss
#ifndef TRIPLE
	gate 8, h_df, 0x8e, 1
#endif
#ifdef PF_STACK
	gate 14, h_pf
	movabsq $0x8000001000, %rsp		/* above the boot map's 512 GiB: unmapped */
fault:	movabsq 0x8000002000, %rax
#else
	movw $0x4b, %cx
fault:	movw %cx, %ds				/* #GP(0x48), gate 13 absent */
#endif
	hlt
h_pf:	hlt
h_df:	popq df_err(%rip)
	movq %rsp, df_rsp(%rip)
	movq 8(%rsp), %rax
	movq %rax, df_cs(%rip)
df_done: hlt
