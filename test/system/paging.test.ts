// 4-level paging built by the listing itself (SDM Vol.3 4.5): 4 KiB pages, not-present PTEs,
// NX on instruction fetch (I/D bit), user access to a supervisor page (U/S bit), A/D bits.
import { describe, it, expect } from 'vitest';
import { runListing, events } from './util.js';

/* Identity-map the first 2 MiB with 4 KiB pages: pml4 -> pdpt -> pd -> pt. */
const TABLES = `
	leaq pt(%rip), %rdi
	xorl %eax, %eax
1:	movq %rax, %rdx
	orq $0x7, %rdx				/* P RW US */
	movq %rdx, (%rdi)
	addq $8, %rdi
	addq $0x1000, %rax
	cmpq $0x200000, %rax
	jne 1b
	leaq pt(%rip), %rax
	orq $0x7, %rax
	movq %rax, pd(%rip)
	leaq pd(%rip), %rax
	orq $0x7, %rax
	movq %rax, pdpt(%rip)
	leaq pdpt(%rip), %rax
	orq $0x7, %rax
	movq %rax, pml4(%rip)
`;
const BSS = `
	.bss
	.balign 4096
pml4: .skip 4096
pdpt: .skip 4096
pd: .skip 4096
pt: .skip 4096
`;

describe('4-level paging', () => {
  it('a cleared PTE faults with CR2 and error code; NX fetch sets I/D; accessed and dirty bits are set', () => {
    const { m } = runListing(`
	DEFINE_IDT idt
	.text
	.globl _start
_start:
	SET_INTR_GATE idt, X86_TRAP_PF, pf_h
	LOAD_IDT idt
${TABLES}
	movq $0, pt + (0x1f0000 >> 12) * 8(%rip)	/* 0x1f0000: not present */
	leaq nx_page(%rip), %rax
	shrq $12, %rax
	leaq pt(%rip), %rdx
	btsq $63, (%rdx,%rax,8)			/* nx_page: NX */
	leaq pml4(%rip), %rax
	movq %rax, %cr3
	movq $5, data_word(%rip)		/* sets A and D in its PTE */
	movl $0x1f0008, %ebx
s1:	movq %rax, (%rbx)			/* write, not present: error 2 */
	leaq nx_page(%rip), %rax
s2:	call *%rax				/* fetch from an NX page: error 0x11 */
	hlt
pf_h:	movq n(%rip), %rcx
	leaq errs(%rip), %rdx
	movq (%rsp), %rax
	movq %rax, (%rdx,%rcx,8)
	leaq cr2s(%rip), %rdx
	movq %cr2, %rax
	movq %rax, (%rdx,%rcx,8)
	incq n(%rip)
	movq 8(%rsp), %rax
	cmpq $s1, %rax
	jne 1f
	addq $3, 8(%rsp)			/* skip the faulting 3-byte mov */
	addq $8, %rsp
	iretq
1:	hlt
	.data
	.balign 8
n: .quad 0
errs: .quad 0, 0, 0
cr2s: .quad 0, 0, 0
data_word: .quad 0
	.section .nxpage, "awx"
	.balign 4096
nx_page: ret
${BSS}`);
    expect(m.u64('n')).toBe(2n);
    expect(m.u64('errs')).toBe(2n);
    expect(m.u64('cr2s')).toBe(0x1f0008n);
    expect(m.u64(m.addr('errs') + 8)).toBe(0x11n);
    expect(m.u64(m.addr('cr2s') + 8)).toBe(BigInt(m.addr('nx_page')));
    const pte = m.u64(m.addr('pt') + (m.addr('data_word') >> 12) * 8);
    expect(pte & 0x60n).toBe(0x60n);
    expect(events(m, 'exception').map((e) => e.vector)).toEqual([14, 14]);
  });
});
