/* 32-bit idioms: vdso32/sigreturn.S's DWARF expressions (.uleb128 1f-0f ahead of its labels),
   boot/compressed/head_32.S's GOT address, a 64-bit trampoline in an --32 object, register
   symbols, and the 32-bit system instructions. */
#define do_expr(regno, offset)	\
	.byte 0x10;		\
	.uleb128 regno;		\
	.uleb128 1f-0f;		\
0:	.byte 0x74;		\
	.sleb128 offset;	\
1:

.section .eh_frame_like, "a"
	do_expr(0, 44)
	do_expr(8, -200)
	.uleb128 3f-2f
2:	.skip 300
3:	.sleb128 2b-3b

.text
	.globl startup_32
startup_32:
	call 1f
1:	popl %edx
	addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %edx
	leal gdt@GOTOFF(%edx), %eax
	ctx = %esi
	movl 4(ctx), %eax
	ctx = %edi
	movl %eax, (ctx)
	vmread %eax, %ebx
	vmwrite (%ebx), %eax
	vmrun %eax
	invlpga %eax, %ecx
	umonitor %eax
	movdir64b (%eax), %ebx
	xbegin 2f
2:	.p2align 4
	.code64
trampoline:
	movq %rax, %cr3
	leaq 8(%rsp), %rsp
	lretq
	.code32
	ret
.data
gdt:	.quad 0
