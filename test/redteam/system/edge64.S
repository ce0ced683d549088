/* edge64.S - int $0x90 past the IDT limit is #GP(0x90*8+2); loading GS by mov replaces the
 * GS base with the descriptor's (SDM 3.4.4.1); a non-canonical data address is #GP(0), a
 * non-canonical stack push #SS(0); at CPL 3 with CR0.AM and EFLAGS.AC a misaligned load is #AC(0);
 * an NMI (--nmi-at u_nmi) and an interrupt (--irq-at 0x30@u_irq) taken in ring 3 switch to IST7 /
 * RSP0 and push the user SS:RSP. */
#include "kern64.h"
	.data
nlog:	.quad 0
log:	.fill 16, 8, 0
gsb_before: .quad 0
gsb_after: .quad 0
nmi_rsp: .quad 0
nmi_frame: .quad 0,0,0,0,0
irq_rsp: .quad 0
irq_frame: .quad 0,0,0,0,0
	.bss
	.balign 4096
ist_bottom: .skip 4096
ist_top:
kstack_bottom: .skip 4096
kstack_top:
ustack_bottom: .skip 4096
ustack_top:
	.text
	.globl _start
_start:
	kernel_setup
	movw $(0x90*16 - 1), idtr(%rip)		/* IDT covers vectors 0..0x8f only */
	lidt idtr(%rip)
	leaq kstack_top(%rip), %rax
	movq %rax, tss_rsp0(%rip)
	leaq ist_top(%rip), %rax
	movq %rax, tss_ist+48(%rip)		/* IST7 */
	load_tss
	gate 13, h_err
	gate 12, h_ss, 0x8e, 7			/* on IST7: the faulting RSP is unusable */
	gate 17, h_err
	gate 2, h_nmi, 0x8e, 7
	gate 0x30, h_irq
	gate 0x80, h_exit, 0xee
	leaq 1f(%rip), %r15
k_int90: int $0x90				/* #GP(0x482) */
1:	movl $0xc0000101, %ecx			/* GS_BASE */
	movl $0x12345678, %eax
	movl $0x9, %edx
	wrmsr
	rdmsr
	shlq $32, %rdx
	orq %rdx, %rax
	movq %rax, gsb_before(%rip)
	movl $KDS, %eax
	movl %eax, %gs
	movl $0xc0000101, %ecx
	rdmsr
	shlq $32, %rdx
	orq %rdx, %rax
	movq %rax, gsb_after(%rip)
	movabsq $0x0000800000000000, %r13
	leaq 1f(%rip), %r15
k_ncan:	movq (%r13), %rbx			/* #GP(0) */
1:	movq %rsp, %r14
	leaq 8(%r13), %rsp			/* the push writes at 0x800000000000 */
	leaq 1f(%rip), %r15
k_ncss:	pushq $0				/* #SS(0) */
1:	movq %cr0, %rax
	btsq $18, %rax				/* AM */
	movq %rax, %cr0
	pushq $UDS
	leaq ustack_top(%rip), %rax
	pushq %rax
	pushq $0x40202				/* AC, IF */
	pushq $UCS
	leaq user(%rip), %rax
	pushq %rax
	iretq

user:	leaq 1f(%rip), %r15
	leaq ustack_top-64(%rip), %rax
u_ac:	movl 1(%rax), %ebx			/* #AC(0) */
1:
u_nmi:	nop
u_irq:	nop
	int $0x80

h_err:	movq nlog(%rip), %rdx
	leaq log(%rip), %rdi
	popq (%rdi,%rdx,8)
	movq (%rsp), %rax
	movq %rax, 8(%rdi,%rdx,8)
	addq $2, nlog(%rip)
	movq %r15, (%rsp)
	iretq
h_ss:	movq %r14, 32(%rsp)			/* resume on the good stack */
	jmp h_err
h_nmi:	movq %rsp, nmi_rsp(%rip)
	movq 0(%rsp), %rax; movq %rax, nmi_frame(%rip)
	movq 8(%rsp), %rax; movq %rax, nmi_frame+8(%rip)
	movq 16(%rsp), %rax; movq %rax, nmi_frame+16(%rip)
	movq 24(%rsp), %rax; movq %rax, nmi_frame+24(%rip)
	movq 32(%rsp), %rax; movq %rax, nmi_frame+32(%rip)
	iretq
h_irq:	movq %rsp, irq_rsp(%rip)
	movq 0(%rsp), %rax; movq %rax, irq_frame(%rip)
	movq 8(%rsp), %rax; movq %rax, irq_frame+8(%rip)
	movq 16(%rsp), %rax; movq %rax, irq_frame+16(%rip)
	movq 24(%rsp), %rax; movq %rax, irq_frame+24(%rip)
	movq 32(%rsp), %rax; movq %rax, irq_frame+32(%rip)
	iretq
h_exit:	hlt
