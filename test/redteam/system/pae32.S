/* pae32.S - PAE paging in 32-bit mode (SDM 4.4): PDPTEs hold only P and the address; a 2 MiB
 * identity page, a 4 KiB table at 4 MiB with RW, not-present and NX (EFER.NXE set by wrmsr)
 * pages; #PF error codes 0 and 0x11 with CR2.  The PDPTEs are cached at the CR0/CR3 load: clearing
 * one in memory changes nothing until the next load.  -D BAD_PDPTE: R/W set in a PDPTE is reserved,
 * so the mov to CR0 that turns paging on is #GP(0) and leaves CR0 alone. */
#include "kern32.h"
#define V 0x400000
	.bss
	.balign 4096
pdpt:	.skip 4096
pd:	.skip 4096
pt:	.skip 4096
pages:	.skip 3*4096
	.data
nlog:	.long 0
log:	.fill 8, 4, 0
gp_err:	.long 0xffff
gp_eip:	.long 0
	.text
	.globl _start
_start:
	kernel_setup
	gate 14, h_pf
	gate 13, h_gp
#ifdef BAD_PDPTE
	movl $pd+3, pdpt
#else
	movl $pd+1, pdpt
#endif
	movl $0x83, pd				/* 0..2 MiB */
	movl $pt+3, pd+16			/* 4 MiB.. */
	movl $pages+3, pt
	movl $0, pt+8
	movl $pages+0x1003, pt+16		/* V+0x2000: NX */
	movl $0x80000000, pt+20
	movb $0xc3, pages+0x1000
	movl $0xc0000080, %ecx
	rdmsr
	orl $0x800, %eax
	wrmsr
	movl %cr4, %eax
	orl $0x20, %eax
	movl %eax, %cr4
	movl $pdpt, %eax
	movl %eax, %cr3
	movl %cr0, %eax
	orl $0x80010000, %eax
pg_on:	movl %eax, %cr0
	movl $0, pdpt				/* the cached PDPTE stays in force */
	movl $0x55, V
	movl $pd+1, pdpt
	movl $np_after, %esi
np:	movl V+0x1010, %ecx
np_after:
	movl $nx_after, %esi
	movl $V+0x2000, %eax
nx:	call *%eax
nx_after:
	hlt
h_gp:	popl gp_err
	popl gp_eip
gp_done: hlt
h_pf:	movl nlog, %edx
	popl log(,%edx,4)
	movl %cr2, %eax
	movl %eax, log+4(,%edx,4)
	addl $2, nlog
	movl %esi, (%esp)
	iret
