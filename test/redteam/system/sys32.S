/* sys32.S - 32-bit: lcall/lret at the same privilege, lret to ring 3 (pops EIP, CS, ESP, SS;
 * SDM RET far), IOPL 3 given by iret lets ring-3 cli/popf change IF, sysenter/sysexit with the
 * SYSENTER MSRs (CS, SS = CS+8; sysexit CS+16|3, SS CS+24|3, EIP = EDX, ESP = ECX), ring-3 #PF
 * error code under 2-level paging (supervisor page: 5), an execution breakpoint in DR0/DR7
 * (#DB fault: saved EIP = the breakpoint, DR6.B0; RF=1 in the frame lets it run). */
#include "kern32.h"
	.bss
	.balign 4096
pd:	.skip 4096
pt:	.skip 4096
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
	.data
lc_esp:	.long 0
lc_frame: .long 0, 0
after_lc_esp: .long 0
u_cs:	.long 0
u_fl1:	.long 0
u_fl2:	.long 0
se_cs:	.long 0
se_ss:	.long 0
se_esp:	.long 0
se_fl:	.long 0
u_after_se: .long 0
pf_err:	.long 0
pf_cr2:	.long 0
db_eip:	.long 0
db_dr6:	.long 0
db_fl:	.long 0
ndb:	.long 0
	.text
	.globl _start
_start:
	kernel_setup
	movl $kstack_top, tss_esp0
	load_tss
	gate 14, h_pf
	gate 1, h_db
	gate 0x80, h_exit, 0xee
	movl $0x87, pd				/* 0..4 MiB user, PSE */
	movl $pt+7, pd+4
	movl $0x400001, pt			/* 4 MiB: supervisor read-only */
	movl $pd, %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl $0x10, %eax
	movl %eax, %cr4
	movl %cr0, %eax
	orl $0x80000000, %eax
	movl %eax, %cr0
	movl $0x7fff0, %esp
k_lcall: lcall $KCS, $far_fn
k_after_lcall:
	movl %esp, after_lc_esp
	movl $0x174, %ecx			/* SYSENTER_CS */
	movl $KCS, %eax
	xorl %edx, %edx
	wrmsr
	incl %ecx				/* SYSENTER_ESP */
	movl $kstack_top, %eax
	wrmsr
	incl %ecx				/* SYSENTER_EIP */
	movl $k_sysenter, %eax
	wrmsr
	movl $bp_site, %eax
	movl %eax, %dr0
	movl $0x1, %eax				/* L0, R/W0 = 00 (execute), LEN0 = 00 */
	movl %eax, %dr7
	movl $0x3202, %eax
	pushl %eax
	popfl					/* IOPL 3 */
	pushl $UDS
	pushl $ustack_top
	pushl $UCS
	pushl $user
k_lret:	lret					/* to ring 3, EFLAGS unchanged (IOPL 3, IF 1) */

user:	movl $UDS, %eax
	movl %eax, %ds
	movl %eax, %es
	movw %cs, u_cs
	cli					/* allowed: CPL 3 <= IOPL 3 */
	pushfl
	popl u_fl1
	pushl $0x202
	popfl					/* IF back on: allowed */
	pushfl
	popl u_fl2
	movl $u_after_sysenter, %edx
	movl %esp, %ecx
u_se:	sysenter
u_after_sysenter:
	movl %esp, u_after_se
	movl $u_pf_after, %esi
u_pf:	movl 0x400000, %eax			/* supervisor page: #PF(5) */
u_pf_after:
	jmp bp_site
	.balign 16
bp_site: nop
bp_after:
	int $0x80

far_fn:	movl %esp, lc_esp
	movl (%esp), %eax
	movl %eax, lc_frame
	movl 4(%esp), %eax
	movl %eax, lc_frame+4
	lret

k_sysenter:
	movw %cs, se_cs
	movw %ss, se_ss
	movl %esp, se_esp
	pushfl
	popl se_fl
k_sysexit: sysexit

h_pf:	popl pf_err
	movl %cr2, %eax
	movl %eax, pf_cr2
	movl %esi, (%esp)
	iret
h_db:	incl ndb
	movl (%esp), %eax
	movl %eax, db_eip
	movl %dr6, %eax
	movl %eax, db_dr6
	movl 8(%esp), %eax
	movl %eax, db_fl
	orl $0x10000, 8(%esp)			/* RF: the fault pushed RF=0; without it the breakpoint refires */
	iret
h_exit:	hlt
