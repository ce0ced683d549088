/*
 * x86lab/harness.h - build the machine structures of a handler listing in kernel style.
 *
 * Included by listings run with `x86lab run` (and assembled by `gcc -c -I include`).
 * The preprocessor predefines __x86_64__ for --64 (the default) and __i386__ for --32,
 * as gcc does for -m64/-m32, so one header serves both modes.  docs/harness.md (in
 * the package: node_modules/x86lab/docs/harness.md) has the whole machine contract.
 *
 * What the harness has done before _start (docs/harness.md has the full contract):
 *   - 64-bit: long mode, ring 0, paging on (identity map of the low 512 GiB built by
 *     the harness at 0x2000), a flat GDT with Linux's selectors loaded
 *     (cs=__KERNEL_CS, ss=ds=es=__KERNEL_DS), no IDT (limit 0), no TSS, IF=0.
 *   - 32-bit: flat protected mode, ring 0, paging off, Linux i386 selectors.
 *   - %rsp/%esp = 0x80000 (a 64 KiB boot stack below it), all other GPRs 0.
 * The listing loads its own IDT (and GDT/TSS when it needs IST or ring changes).
 *
 * Macros that write descriptors or load tables at run time (LOAD_GDT, IDT_GATE and the
 * SET_*_GATE macros, LOAD_TSS) clobber %rax/%eax and nothing else, like the C helpers in a
 * kernel that they stand for (gate addresses need shifts and masks
 * that an ELF relocation cannot express, which is also why Linux builds its IDT in C).
 */
#ifndef X86LAB_HARNESS_H
#define X86LAB_HARNESS_H

/* ---- segment selectors (arch/x86/include/asm/segment.h) ---- */
#ifdef __x86_64__
#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS		8
#define GDT_ENTRIES		16
#define __KERNEL32_CS		0x08
#define __KERNEL_CS		0x10
#define __KERNEL_DS		0x18
#define __USER32_CS		0x23
#define __USER_DS		0x2b
#define __USER32_DS		__USER_DS
#define __USER_CS		0x33
#define IDT_GATE_SIZE		16
#else
#define GDT_ENTRY_KERNEL_CS	12
#define GDT_ENTRY_KERNEL_DS	13
#define GDT_ENTRY_DEFAULT_USER_CS 14
#define GDT_ENTRY_DEFAULT_USER_DS 15
#define GDT_ENTRY_TSS		16
#define GDT_ENTRIES		32
#define __KERNEL_CS		0x60
#define __KERNEL_DS		0x68
#define __USER_CS		0x73
#define __USER_DS		0x7b
#define IDT_GATE_SIZE		8
#endif
#define __TSS_SEL		(GDT_ENTRY_TSS * 8)
#define IDT_ENTRIES		256

/* ---- exception vectors (arch/x86/include/asm/trapnr.h) ---- */
#define X86_TRAP_DE		0
#define X86_TRAP_DB		1
#define X86_TRAP_NMI		2
#define X86_TRAP_BP		3
#define X86_TRAP_OF		4
#define X86_TRAP_BR		5
#define X86_TRAP_UD		6
#define X86_TRAP_NM		7
#define X86_TRAP_DF		8
#define X86_TRAP_TS		10
#define X86_TRAP_NP		11
#define X86_TRAP_SS		12
#define X86_TRAP_GP		13
#define X86_TRAP_PF		14
#define X86_TRAP_AC		17

/* ---- gate types (SDM Vol. 3A, 3.5 table 3-2) ---- */
#define GATE_TASK		0x5
#define GATE_INTERRUPT		0xE
#define GATE_TRAP		0xF

/* ---- IST slots (1-based as in the TSS; 0 = no stack switch) ---- */
#define IST_INDEX_DF		1
#define IST_INDEX_NMI		2
#define IST_INDEX_DB		3
#define IST_INDEX_MCE		4

/* ---- flags and control bits ---- */
#define X86_EFLAGS_CF		0x00000001
#define X86_EFLAGS_FIXED	0x00000002
#define X86_EFLAGS_ZF		0x00000040
#define X86_EFLAGS_TF		0x00000100
#define X86_EFLAGS_IF		0x00000200
#define X86_EFLAGS_DF		0x00000400
#define X86_EFLAGS_IOPL		0x00003000
#define X86_EFLAGS_RF		0x00010000
#define X86_EFLAGS_AC		0x00040000
#define X86_CR0_PE		0x00000001
#define X86_CR0_WP		0x00010000
#define X86_CR0_PG		0x80000000
#define X86_CR4_PAE		0x00000020

#define INT3_INSN_OPCODE	0xCC
#define INT3_INSN_SIZE		1
#define CALL_INSN_OPCODE	0xE8
#define CALL_INSN_SIZE		5

/*
 * GDT_ENTRY flags, base, limit: one 8-byte code/data descriptor with constant base and
 * limit; flags as in Linux's GDT_ENTRY_INIT (0xa09b = 64-bit ring-0 code, ...).
 */
.macro GDT_ENTRY flags:req, base:req, limit:req
	.long ((\limit) & 0xffff) | (((\base) & 0xffff) << 16)
	.long (((\base) >> 16) & 0xff) | (((\flags) & 0xf0ff) << 8) | ((\limit) & 0xf0000) | ((\base) & 0xff000000)
.endm

/*
 * DEFINE_GDT name: the Linux GDT (all flat segments, TSS slot empty) in .data, plus
 * `name_desc`, the 6/10-byte pseudo-descriptor for lgdt.
 */
.macro DEFINE_GDT name:req
	.pushsection .data
	.balign 16
\name:
#ifdef __x86_64__
	.quad 0					/* 0: null */
	GDT_ENTRY 0xc09b, 0, 0xfffff		/* 1: __KERNEL32_CS */
	GDT_ENTRY 0xa09b, 0, 0xfffff		/* 2: __KERNEL_CS */
	GDT_ENTRY 0xc093, 0, 0xfffff		/* 3: __KERNEL_DS */
	GDT_ENTRY 0xc0fb, 0, 0xfffff		/* 4: __USER32_CS */
	GDT_ENTRY 0xc0f3, 0, 0xfffff		/* 5: __USER_DS */
	GDT_ENTRY 0xa0fb, 0, 0xfffff		/* 6: __USER_CS */
	.quad 0					/* 7 */
	.fill GDT_ENTRIES - 8, 8, 0		/* 8-9: TSS (set at run time), 10-15 */
#else
	.fill GDT_ENTRY_KERNEL_CS, 8, 0		/* 0-11 */
	GDT_ENTRY 0xc09a, 0, 0xfffff		/* 12: __KERNEL_CS */
	GDT_ENTRY 0xc092, 0, 0xfffff		/* 13: __KERNEL_DS */
	GDT_ENTRY 0xc0fa, 0, 0xfffff		/* 14: __USER_CS */
	GDT_ENTRY 0xc0f2, 0, 0xfffff		/* 15: __USER_DS */
	.fill GDT_ENTRIES - 16, 8, 0		/* 16: TSS (set at run time), 17-31 */
#endif
\name\()_end:
	.balign 8
	.word 0, 0, 0
\name\()_desc:
	.word \name\()_end - \name - 1
#ifdef __x86_64__
	.quad \name
#else
	.long \name
#endif
	.popsection
.endm

/* LOAD_GDT name: lgdt and reload the segment registers with the kernel selectors. */
.macro LOAD_GDT name:req
#ifdef __x86_64__
	lgdt \name\()_desc(%rip)
#else
	lgdt \name\()_desc
#endif
	movl $__KERNEL_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
.endm

/*
 * DEFINE_IDT name: a zeroed table of 256 gates in .bss and `name_desc` for lidt.
 */
.macro DEFINE_IDT name:req
	.pushsection .bss
	.balign 4096
\name:
	.skip IDT_ENTRIES * IDT_GATE_SIZE
	.popsection
	.pushsection .data
	.balign 8
	.word 0, 0, 0
\name\()_desc:
	.word IDT_ENTRIES * IDT_GATE_SIZE - 1
#ifdef __x86_64__
	.quad \name
#else
	.long \name
#endif
	.popsection
.endm

.macro LOAD_IDT name:req
#ifdef __x86_64__
	lidt \name\()_desc(%rip)
#else
	lidt \name\()_desc
#endif
.endm

/*
 * IDT_GATE idt, vec, handler, type, dpl, ist, seg: write one gate at run time.
 * 64-bit gate (SDM 6.14.1, figure 6-8): offset 15:0 | selector | IST, type, DPL, P |
 * offset 31:16 | offset 63:32 | reserved.  32-bit gate (SDM 6.11, figure 6-2): the
 * same without the upper half and without IST.  Clobbers %rax/%eax.
 */
.macro IDT_GATE idt:req, vec:req, handler:req, type:req, dpl=0, ist=0, seg=__KERNEL_CS
#ifdef __x86_64__
	leaq \handler(%rip), %rax
	movw %ax, \idt + (\vec) * 16(%rip)
	movw $(\seg), \idt + (\vec) * 16 + 2(%rip)
	movw $(0x8000 | ((\dpl) << 13) | ((\type) << 8) | (\ist)), \idt + (\vec) * 16 + 4(%rip)
	shrq $16, %rax
	movw %ax, \idt + (\vec) * 16 + 6(%rip)
	shrq $16, %rax
	movl %eax, \idt + (\vec) * 16 + 8(%rip)
	movl $0, \idt + (\vec) * 16 + 12(%rip)
#else
	movl $\handler, %eax
	movw %ax, \idt + (\vec) * 8
	movw $(\seg), \idt + (\vec) * 8 + 2
	movw $(0x8000 | ((\dpl) << 13) | ((\type) << 8)), \idt + (\vec) * 8 + 4
	shrl $16, %eax
	movw %ax, \idt + (\vec) * 8 + 6
#endif
.endm

/* The gate flavours Linux uses (arch/x86/kernel/idt.c: INTG, SYSG, ISTG). */
.macro SET_INTR_GATE idt:req, vec:req, handler:req, ist=0
	IDT_GATE \idt, \vec, \handler, GATE_INTERRUPT, 0, \ist
.endm
.macro SET_TRAP_GATE idt:req, vec:req, handler:req, ist=0
	IDT_GATE \idt, \vec, \handler, GATE_TRAP, 0, \ist
.endm
.macro SET_SYSTEM_INTR_GATE idt:req, vec:req, handler:req, ist=0
	IDT_GATE \idt, \vec, \handler, GATE_INTERRUPT, 3, \ist
.endm
.macro SET_SYSTEM_TRAP_GATE idt:req, vec:req, handler:req, ist=0
	IDT_GATE \idt, \vec, \handler, GATE_TRAP, 3, \ist
.endm

/*
 * DEFINE_STACK name, size: a page-aligned stack in .bss; `name` labels its top
 * (the first push writes just below it).
 */
.macro DEFINE_STACK name:req, size=4096
	.pushsection .bss
	.balign 4096
\name\()_bottom:
	.skip \size
\name:
	.popsection
.endm

/*
 * DEFINE_TSS name, sp0, ist1..ist7 (64-bit, SDM 8.7 figure 8-11: rsp0 at 4, ist1 at 36,
 * I/O map base at 102) or DEFINE_TSS name, sp0 (32-bit, SDM 8.2.1 figure 8-2: esp0 at 4,
 * ss0 at 8).  Values are addresses, usually DEFINE_STACK tops.
 */
#ifdef __x86_64__
.macro DEFINE_TSS name:req, sp0=0, ist1=0, ist2=0, ist3=0, ist4=0, ist5=0, ist6=0, ist7=0
	.pushsection .data
	.balign 64
\name:
	.long 0
	.quad \sp0, 0, 0		/* rsp0, rsp1, rsp2 */
	.quad 0
	.quad \ist1, \ist2, \ist3, \ist4, \ist5, \ist6, \ist7
	.quad 0
	.word 0
	.word 104			/* no I/O permission bitmap */
	.popsection
.endm
#else
.macro DEFINE_TSS name:req, sp0=0
	.pushsection .data
	.balign 64
\name:
	.long 0				/* previous task link */
	.long \sp0, __KERNEL_DS		/* esp0, ss0 */
	.long 0, 0, 0, 0		/* esp1, ss1, esp2, ss2 */
	.fill 17, 4, 0			/* cr3 .. ldt */
	.word 0
	.word 104
	.popsection
.endm
#endif

/*
 * LOAD_TSS gdt, tss: write the TSS descriptor into the GDT (available TSS, type 9,
 * limit 103; 16 bytes in long mode, SDM 8.2.3) and ltr it.  Clobbers %rax/%eax.
 */
.macro LOAD_TSS gdt:req, tss:req
#ifdef __x86_64__
	leaq \tss(%rip), %rax
	movw $103, \gdt + __TSS_SEL(%rip)
	movw %ax, \gdt + __TSS_SEL + 2(%rip)
	shrq $16, %rax
	movb %al, \gdt + __TSS_SEL + 4(%rip)
	movb $0x89, \gdt + __TSS_SEL + 5(%rip)
	movb $0, \gdt + __TSS_SEL + 6(%rip)
	movb %ah, \gdt + __TSS_SEL + 7(%rip)
	shrq $16, %rax
	movl %eax, \gdt + __TSS_SEL + 8(%rip)
	movl $0, \gdt + __TSS_SEL + 12(%rip)
#else
	movl $\tss, %eax
	movw $103, \gdt + __TSS_SEL
	movw %ax, \gdt + __TSS_SEL + 2
	shrl $16, %eax
	movb %al, \gdt + __TSS_SEL + 4
	movb $0x89, \gdt + __TSS_SEL + 5
	movb $0, \gdt + __TSS_SEL + 6
	movb %ah, \gdt + __TSS_SEL + 7
#endif
	movw $__TSS_SEL, %ax
	ltr %ax
.endm

#endif /* X86LAB_HARNESS_H */
