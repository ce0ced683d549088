/* Generated-style offsets (asm-offsets) */
#ifndef __RT_OFFSETS_H__
#define __RT_OFFSETS_H__

#define PTREGS_R15 0 /* offsetof(struct pt_regs, r15) */
#define PTREGS_R14 8
#define PTREGS_R13 16
#define PTREGS_R12 24
#define PTREGS_BP 32
#define PTREGS_BX 40
#define PTREGS_R11 48
#define PTREGS_R10 56
#define PTREGS_R9 64
#define PTREGS_R8 72
#define PTREGS_AX 80
#define PTREGS_CX 88
#define PTREGS_DX 96
#define PTREGS_SI 104
#define PTREGS_DI 112
#define PTREGS_ORIG_AX 120
#define PTREGS_IP 128
#define PTREGS_CS 136
#define PTREGS_FLAGS 144
#define PTREGS_SP 152
#define PTREGS_SS 160
#define PTREGS_SIZE 168

#define TSS_sp0 4 /* offsetof(struct tss_struct, x86_tss.sp0) */
#define TSS_sp1 12
#define TSS_sp2 20
#define TASK_threadsp 3160 /* offsetof(struct task_struct, thread.sp) */
#define TASK_stack_canary 2816
#define pcpu_hot_top_of_stack 24
#define pcpu_hot_current_task 0
#define X86_current_task 0
#define FIXED_stack_canary 40
#define cpu_tss_rw 0x6000

#endif
