/* kern32.h - a hand-built 32-bit protected-mode machine (not x86lab/harness.h): GDT of .quad
 * descriptors, 8-byte IDT gates written by code, a 32-bit TSS.  0x08 kernel code, 0x10 kernel
 * data, 0x1b user code, 0x23 user data, 0x28 TSS. */
#define KCS 0x08
#define KDS 0x10
#define UCS 0x1b
#define UDS 0x23
#define TSS_SEL 0x28
	.data
	.balign 16
gdt:	.quad 0
	.quad 0x00cf9a000000ffff
	.quad 0x00cf92000000ffff
	.quad 0x00cffa000000ffff
	.quad 0x00cff2000000ffff
gdt_tss: .quad 0
gdt_end:
	.balign 4
	.word 0
gdtr:	.word gdt_end - gdt - 1
	.long gdt
	.word 0
idtr:	.word 256*8 - 1
	.long idt
	.balign 64
tss:	.long 0
tss_esp0: .long 0
tss_ss0: .long KDS
	.fill 23, 4, 0
	.word 0, 104
	.bss
	.balign 4096
idt:	.skip 2048
	.text
.macro gate vec, handler, attr=0x8e
	movl $\handler, %eax
	movw %ax, idt + (\vec)*8
	movw $KCS, idt + (\vec)*8 + 2
	movb $0, idt + (\vec)*8 + 4
	movb $\attr, idt + (\vec)*8 + 5
	shrl $16, %eax
	movw %ax, idt + (\vec)*8 + 6
.endm
.macro kernel_setup
	lgdt gdtr
	ljmp $KCS, $1f
1:	movl $KDS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	lidt idtr
.endm
.macro load_tss
	movl $tss, %eax
	movw $103, gdt_tss
	movw %ax, gdt_tss+2
	shrl $16, %eax
	movb %al, gdt_tss+4
	movb $0x89, gdt_tss+5
	movb $0, gdt_tss+6
	movb %ah, gdt_tss+7
	movw $TSS_SEL, %ax
	ltr %ax
.endm
