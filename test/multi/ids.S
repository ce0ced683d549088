/* Each CPU stores what it reads as its number: CPUID.1:EBX[31:24], CPUID.0BH:EDX and the
   CPU count of CPUID.0BH subleaf 1, rdtscp's ECX, rdpid, the xAPIC ID register, x2APIC MSR
   0x802, and its RSP at entry; then sends one NMI IPI (x2APIC ICR, physical destination) to
   the next CPU and a fixed self-IPI (xAPIC at its sign-extended alias, shorthand self), and counts what arrives. */
#include "../../include/x86lab/harness.h"

	DEFINE_IDT idt_table

	.text
	.globl _start
_start:
	movq %rsp, %r15
	rdpid %rbx
	imulq $64, %rbx, %rbp
	leaq slots(%rip), %rdi
	addq %rbp, %rdi				/* this CPU's 64-byte slot */
	movq %r15, 56(%rdi)
	movl $1, %eax
	cpuid
	shrl $24, %ebx
	movl %ebx, 0(%rdi)
	movl $0xb, %eax
	movl $1, %ecx
	cpuid
	movl %edx, 4(%rdi)
	movl %ebx, 8(%rdi)
	rdtscp
	movl %ecx, 12(%rdi)
	rdpid %rax
	movl %eax, 16(%rdi)
	movl $0xfee00000, %esi
	movl 0x20(%rsi), %eax
	shrl $24, %eax
	movl %eax, 20(%rdi)
	movl $0x802, %ecx
	rdmsr
	movl %eax, 24(%rdi)
	SET_INTR_GATE idt_table, 2, nmi_handler
	SET_INTR_GATE idt_table, 0x41, irq_handler
	LOAD_IDT idt_table
	lock incl arrived(%rip)
1:	cmpl $CPUS, arrived(%rip)		/* everyone has its IDT before any IPI flies */
	jne 1b
	movl 16(%rdi), %edx			/* NMI to the next CPU: x2APIC ICR, destination in EDX */
	incl %edx
	cmpl $CPUS, %edx
	jne 2f
	xorl %edx, %edx
2:	movl $0x400, %eax			/* delivery mode NMI */
	movl $0x830, %ecx
	wrmsr
	movl $0x40041, 0xfffffffffee00300	/* fixed vector 0x41 to self (shorthand 01): the sign-extended alias */
	sti
3:	cmpl $0, 32(%rdi)			/* wait for the NMI and the interrupt */
	je 3b
	cmpl $0, 36(%rdi)
	je 3b
	cli
	hlt

nmi_handler:
	pushq %rax
	pushq %rdi
	rdpid %rax
	imulq $64, %rax, %rax
	leaq slots(%rip), %rdi
	incl 32(%rdi,%rax)
	popq %rdi
	popq %rax
	iretq
irq_handler:
	pushq %rax
	pushq %rdi
	rdpid %rax
	imulq $64, %rax, %rax
	leaq slots(%rip), %rdi
	incl 36(%rdi,%rax)
	movl $0xfee00000, %eax
	movl $0, 0xb0(%rax)			/* EOI */
	popq %rdi
	popq %rax
	iretq

	.data
arrived: .long 0
	.balign 64
slots:	.skip 64*8
