/*
 * kern64.h - a hand-built long-mode machine for the red-team listings (not x86lab/harness.h):
 * GDT of .quad descriptors, 16-byte IDT gates written by code, a 64-bit TSS.
 * Selectors: 0x08 kernel code64, 0x10 kernel data, 0x18 user code32, 0x20 user data,
 * 0x28 user code64, 0x30 TSS (16 bytes).  STAR[63:48] = 0x18 gives sysret SS 0x23, CS 0x2b.
 */
#define KCS 0x08
#define KDS 0x10
#define UCS32 0x1b
#define UDS 0x23
#define UCS 0x2b
#define TSS_SEL 0x30

	.data
	.balign 16
gdt:	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08 kernel code, L=1 */
	.quad 0x00cf92000000ffff	/* 0x10 kernel data */
	.quad 0x00cffa000000ffff	/* 0x18 user code32 */
	.quad 0x00cff2000000ffff	/* 0x20 user data */
	.quad 0x00affa000000ffff	/* 0x28 user code64 */
gdt_tss: .quad 0, 0			/* 0x30 TSS, filled at run time */
gdt_end:
	.balign 8
	.word 0,0,0
gdtr:	.word gdt_end - gdt - 1
	.quad gdt
	.word 0,0,0
idtr:	.word 256*16 - 1
	.quad idt

	.balign 64
tss:	.long 0
tss_rsp0: .quad 0
	.quad 0, 0, 0
tss_ist: .quad 0, 0, 0, 0, 0, 0, 0
	.quad 0
	.word 0, 104

	.bss
	.balign 4096
idt:	.skip 4096

	.text
/* gate vec, handler, attr (0x8e intr, 0x8f trap, | 0x60 for DPL3), ist */
.macro gate vec, handler, attr=0x8e, ist=0
	leaq \handler(%rip), %rax
	leaq idt + (\vec)*16(%rip), %rdi
	movw %ax, (%rdi)
	movw $KCS, 2(%rdi)
	movb $\ist, 4(%rdi)
	movb $\attr, 5(%rdi)
	shrq $16, %rax
	movw %ax, 6(%rdi)
	shrq $16, %rax
	movl %eax, 8(%rdi)
	movl $0, 12(%rdi)
.endm

/* lgdt, far return into the new CS, reload data segments, lidt */
.macro kernel_setup
	lgdt gdtr(%rip)
	pushq $KCS
	leaq 1f(%rip), %rax
	pushq %rax
	lretq
1:	movl $KDS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	lidt idtr(%rip)
.endm

/* write the 16-byte available-TSS descriptor and ltr */
.macro load_tss
	leaq tss(%rip), %rax
	leaq gdt_tss(%rip), %rdi
	movw $103, (%rdi)
	movw %ax, 2(%rdi)
	shrq $16, %rax
	movb %al, 4(%rdi)
	movb $0x89, 5(%rdi)
	movb $0, 6(%rdi)
	movb %ah, 7(%rdi)
	shrq $16, %rax
	movl %eax, 8(%rdi)
	movl $0, 12(%rdi)
	movw $TSS_SEL, %ax
	ltr %ax
.endm
