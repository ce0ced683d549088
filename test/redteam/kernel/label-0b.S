/* Numeric label 0 with 0b/0f references, as irq_entries_start and many fixups use it. */
#define IDT_ALIGN 8
	.text
	.align IDT_ALIGN
	.globl irq_entries_start
irq_entries_start:
    vector=0x20
    .rept 4
0 :
	.byte	0x6a, vector
	jmp	asm_common_interrupt
	.fill 0b + IDT_ALIGN - ., 1, 0xcc
	vector = vector+1
    .endr

	.globl load_gs_index_safe
load_gs_index_safe:
	jmp	0f
0:	movl	%edi, %gs
1:	ret
	.pushsection __ex_table, "a"
	.balign 4
	.long 0b - .
	.long 1b - .
	.long 1
	.popsection
