/* pae32.S - PAE paging in 32-bit mode (SDM 4.4): PDPTEs hold only P and the address; a 2 MiB
 * identity page, a 4 KiB table at 4 MiB with RW, not-present and NX (EFER.NXE set by wrmsr)
 * pages; #PF error codes 0 and 0x11 with CR2. */
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
	.text
	.globl _start
_start:
	kernel_setup
	gate 14, h_pf
	movl $pd+1, pdpt
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
	movl %eax, %cr0
	movl $0x55, V
	movl $np_after, %esi
np:	movl V+0x1010, %ecx
np_after:
	movl $nx_after, %esi
	movl $V+0x2000, %eax
nx:	call *%eax
nx_after:
	hlt
h_pf:	movl nlog, %edx
	popl log(,%edx,4)
	movl %cr2, %eax
	movl %eax, log+4(,%edx,4)
	addl $2, nlog
	movl %esi, (%esp)
	iret
