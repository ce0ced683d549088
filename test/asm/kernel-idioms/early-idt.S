/* head_64.S's early IDT stubs: .rept with `i = i + 1`, then .fill to a fixed stride from the
   start, evaluated with `i` as it is at the directive even though the jump before it is relaxed
   later; .skip/.space/.org counts from equated symbols likewise. */
#define NUM_EXCEPTION_VECTORS 32
#define EXCEPTION_ERRCODE_MASK 0x20027d00
#define EARLY_IDT_HANDLER_SIZE 9

.text
.globl early_idt_handler_array
early_idt_handler_array:
	i = 0
	.rept NUM_EXCEPTION_VECTORS
	.if ((EXCEPTION_ERRCODE_MASK >> i) & 1) == 0
		pushq $0
	.endif
	pushq $i
	jmp early_idt_handler_common
	i = i + 1
	.fill early_idt_handler_array + i*EARLY_IDT_HANDLER_SIZE - ., 1, 0xcc
	.endr

	n = 3
	.skip n, 0x90
	.space n * 2, 0xf4
	mark = .
	n = 7
	.skip stop - mark - n, 0xcc
	.fill 2, 2, n
stop:
	.org stop + n, 0x11
	.p2align 6
early_idt_handler_common:
	ret
