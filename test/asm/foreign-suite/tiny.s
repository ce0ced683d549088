// RUN: llvm-mc -triple x86_64-unknown-unknown --show-encoding %s | FileCheck %s
// A tiny input in the shape of LLVM's test/MC/X86 files, written for the foreign-suite runner's own test.

	movl	$1, %eax        # CHECK: movl $1, %eax
// CHECK: encoding: [0xb8,0x01,0x00,0x00,0x00]
	addq	%rbx, (%rcx); nop
	.set	ten, 10
	movl	$ten, %ecx
target:
	jmp	target
	jne	1f
1:	call	later
	movb	$0x1, %ah; rex64 movb $0x1, %ah  /* C comment */
	.code32
	pushl	%eax
	.code16
	movl	%eax, %ebx
	.code64
	.intel_syntax noprefix
	mov	eax, DWORD PTR [rbx + 4*rcx + 8]
	lea	rax, [rdi + rdx*64]
	.att_syntax
	.byte	1, 2, 3
	.macro	twice insn
	\insn
	\insn
	.endm
	twice	hlt
	movq	%xmm0, %rax
	pushl	%eax
	frobnicate %eax
later:
	ret
