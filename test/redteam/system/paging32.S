/* paging32.S - 2-level 32-bit paging (SDM 4.3): a 4 MiB PSE page for 0..4 MiB, a page table for
 * 4..8 MiB; #PF error codes and CR2 for a write to a read-only page (WP=1) and a read of a
 * not-present page; accessed/dirty bits in the PDE/PTE. */
#include "kern32.h"
#define V 0x400000
	.bss
	.balign 4096
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
	movl $0x83, pd				/* 0..4 MiB: PS, RW, P */
	movl $pt+3, pd+4
	movl $pages+3, pt
	movl $pages+0x1001, pt+4
	movl $0, pt+8
	movl $pd, %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl $0x10, %eax				/* PSE */
	movl %eax, %cr4
	movl %cr0, %eax
	orl $0x80010000, %eax			/* PG, WP */
	movl %eax, %cr0
	movl $0x99, V+4
	movl V+0x1000, %ecx
	movl $ro_after, %esi
ro:	movl %ecx, V+0x1008
ro_after:
	movl $np_after, %esi
np:	movl V+0x2010, %ecx
np_after:
	hlt
h_pf:	movl nlog, %edx
	popl log(,%edx,4)
	movl %cr2, %eax
	movl %eax, log+4(,%edx,4)
	addl $2, nlog
	movl %esi, (%esp)
	iret
