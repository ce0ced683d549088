/*
 * entry/frame.h - byte offsets into the register frame that entry_64.S builds on the
 * kernel stack.  The frame grows down: the CPU pushes the interrupt frame (SDM Vol. 3A
 * 6.14.2: SS, RSP, RFLAGS, CS, RIP and, for some vectors, an error code), the entry
 * stub pushes the rest.  Offsets are from %rsp after SAVE_FRAME.
 */
#ifndef ENTRY_FRAME_H
#define ENTRY_FRAME_H

#define WORD_SIZE	8
#define SLOT(n)		((n) * WORD_SIZE)

/* callee-saved registers: pushed last, so lowest */
#define F_R15		SLOT(0)
#define F_R14		SLOT(1)
#define F_R13		SLOT(2)
#define F_R12		SLOT(3)
#define F_RBP		SLOT(4)
#define F_RBX		SLOT(5)
/* caller-saved registers */
#define F_R11		SLOT(6)
#define F_R10		SLOT(7)
#define F_R9		SLOT(8)
#define F_R8		SLOT(9)
#define F_RAX		SLOT(10)
#define F_RCX		SLOT(11)
#define F_RDX		SLOT(12)
#define F_RSI		SLOT(13)
#define F_RDI		SLOT(14)
/* error code (or -1 when the vector has none) */
#define F_ERRCODE	SLOT(15)
/* what the CPU pushed */
#define F_RIP		SLOT(16)
#define F_CS		SLOT(17)
#define F_RFLAGS	SLOT(18)
#define F_RSP		SLOT(19)
#define F_SS		SLOT(20)
#define FRAME_SIZE	SLOT(21)

/* size of what SAVE_FRAME pushes below the error-code slot */
#define SAVED_REGS_SIZE	(F_ERRCODE - F_R15)

#if FRAME_SIZE != 168 || SAVED_REGS_SIZE != 120
#error "frame layout out of sync"
#endif

#define X86_EFLAGS_IF_BIT	9
#define X86_EFLAGS_IF		(1 << X86_EFLAGS_IF_BIT)
#define KERNEL_CS		0x10
#define USER_RPL_MASK		3

#endif /* ENTRY_FRAME_H */
