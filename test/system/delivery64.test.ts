// 64-bit exception and interrupt delivery (SDM Vol.3 6.14): frames byte by byte, RSP alignment,
// interrupt vs trap gates, error codes, IST, privilege change through TSS.rsp0, gate DPL checks,
// #DF and triple fault.
import { describe, it, expect } from 'vitest';
import { runListing, frameBytes, events, TO_USER } from './util.js';

const PRE = `
	DEFINE_IDT idt
	.text
	.globl _start
_start:
`;

describe('64-bit delivery', () => {
  it('int3: trap, saved RIP after the 1-byte instruction, 5-word frame at RSP aligned down to 16', () => {
    const { m, out } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_BP, bp
	LOAD_IDT idt
	pushfq
	popq flags_before(%rip)
	pushq $0			/* rsp = 0x7fff8: 8 mod 16 */
site:	int3
after:	hlt
bp:	movq %rsp, frame_at(%rip)
	pushfq
	popq flags_in(%rip)
	hlt
	.data
frame_at: .quad 0
flags_in: .quad 0
flags_before: .quad 0
`);
    expect(out.stop).toBe('hlt');
    expect(m.u64('frame_at')).toBe(0x7ffc8n); // (0x7fff8 & ~15) - 40
    const frame = [...m.read(0x7ffc8, 40)];
    expect(frame).toEqual(frameBytes([m.addr('after'), 0x10, m.u64('flags_before'), 0x7fff8, 0x18], 8));
    expect(m.addr('after') - m.addr('site')).toBe(1);
    const e = events(m, 'exception')[0];
    expect(e.vector).toBe(3);
    expect(e.errorCode).toBeUndefined();
  });

  it('int $3 (cd 03) saves RIP after the 2-byte instruction', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_BP, bp
	LOAD_IDT idt
site:	.byte 0xcd, 0x03		/* int $3: GNU as would emit 0xcc */
after:	hlt
bp:	movq (%rsp), %rax
	movq %rax, saved(%rip)
	hlt
	.data
saved: .quad 0
`);
    expect(m.u64('saved')).toBe(BigInt(m.addr('after')));
    expect(m.addr('after') - m.addr('site')).toBe(2);
  });

  it('interrupt gates clear IF, trap gates keep it; the frame holds the interrupted RFLAGS', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x40, intr_h
	SET_TRAP_GATE idt, 0x41, trap_h
	LOAD_IDT idt
	sti
	int $0x40
	int $0x41
	cli
	hlt
intr_h:	pushfq
	popq intr_flags(%rip)
	movq 16(%rsp), %rax
	movq %rax, intr_frame_flags(%rip)
	iretq
trap_h:	pushfq
	popq trap_flags(%rip)
	iretq
	.data
intr_flags: .quad 0
intr_frame_flags: .quad 0
trap_flags: .quad 0
`);
    expect(m.u64('intr_flags') & 0x200n).toBe(0n);
    expect(m.u64('intr_frame_flags') & 0x200n).toBe(0x200n);
    expect(m.u64('trap_flags') & 0x200n).toBe(0x200n);
  });

  it('#UD and #DE are faults: saved RIP is the faulting instruction, no error code', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_UD, ud_h
	SET_INTR_GATE idt, X86_TRAP_DE, de_h
	LOAD_IDT idt
ud_site: ud2
	xorl %ecx, %ecx
	movl $7, %eax
de_site: divl %ecx
	hlt
ud_h:	movq (%rsp), %rax
	movq %rax, ud_rip(%rip)
	addq $2, (%rsp)			/* skip ud2 */
	iretq
de_h:	movq (%rsp), %rax
	movq %rax, de_rip(%rip)
	movq %rsp, de_frame(%rip)
	hlt
	.data
ud_rip: .quad 0
de_rip: .quad 0
de_frame: .quad 0
`);
    expect(m.u64('ud_rip')).toBe(BigInt(m.addr('ud_site')));
    expect(m.u64('de_rip')).toBe(BigInt(m.addr('de_site')));
    // No error code: the frame starts with RIP and is 40 bytes below the aligned RSP.
    expect(m.u64('de_frame')).toBe(0x80000n - 40n);
    expect(events(m, 'exception').map((e) => e.vector)).toEqual([6, 0]);
  });

  it('#GP(selector) from a segment load pushes the selector as error code', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt
	movw $0x1003, %ax		/* index 0x200: beyond the GDT limit */
gp_site: movw %ax, %ds
	hlt
gp_h:	movq %rsp, frame_at(%rip)
	hlt
	.data
frame_at: .quad 0
`);
    const f = Number(m.u64('frame_at'));
    expect(f).toBe(0x80000 - 48);
    // Fault-class exception: the pushed RFLAGS image has RF (bit 16) set (SDM 17.3.1.1).
    expect([...m.read(f, 48)]).toEqual(frameBytes([0x1000, m.addr('gp_site'), 0x10, m.reg('rflags') | 0x10000n, 0x80000, 0x18], 8));
    expect(m.reg('ds')).toBe(0x18n);
  });

  it('IST: the frame goes to the TSS ist stack, whatever RSP was', () => {
    const { m } = runListing(`
	DEFINE_GDT gdt
	DEFINE_IDT idt
	DEFINE_STACK ist_stack
	DEFINE_TSS tss, 0, ist_stack
${'\t.text\n\t.globl _start\n_start:'}
	LOAD_GDT gdt
	LOAD_TSS gdt, tss
	SET_INTR_GATE idt, X86_TRAP_BP, bp, 1
	LOAD_IDT idt
	subq $0x123, %rsp
	movq %rsp, rsp_before(%rip)
	int3
after:	hlt
bp:	movq %rsp, frame_at(%rip)
	hlt
	.data
rsp_before: .quad 0
frame_at: .quad 0
`);
    const top = m.addr('ist_stack');
    expect(m.u64('frame_at')).toBe(BigInt(top - 40));
    expect([...m.read(top - 40, 40)]).toEqual(frameBytes([m.addr('after'), 0x10, m.reg('rflags'), m.u64('rsp_before'), 0x18], 8));
    expect(events(m, 'exception')[0].ist).toBe(1);
    // ltr marked the TSS busy (type 0xb) in the GDT.
    expect(m.u8(m.addr('gdt') + 0x40 + 5) & 0x0fn).toBe(0xbn);
  });

  it('int $n from ring 3: DPL-3 gate switches to TSS.rsp0 with SS:RSP in the frame; DPL-0 gate gives #GP(vector*8+2)', () => {
    const { m, out } = runListing(`
	DEFINE_GDT gdt
	DEFINE_IDT idt
	DEFINE_STACK kstack
	DEFINE_STACK ustack
	DEFINE_TSS tss, kstack
${'\t.text\n\t.globl _start\n_start:'}
	LOAD_GDT gdt
	LOAD_TSS gdt, tss
	SET_SYSTEM_INTR_GATE idt, 0x80, sys_h
	SET_INTR_GATE idt, 0x81, kern_h
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt${TO_USER}user:	movl %cs, %eax
	movq %rax, user_cs(%rip)
	int $0x80
user2:	int $0x81
	hlt
sys_h:	movq %rsp, sys_frame(%rip)
	movl %ss, %eax
	movq %rax, sys_ss(%rip)
	iretq
kern_h:	incq kern_calls(%rip)
	hlt
gp_h:	movq (%rsp), %rax
	movq %rax, gp_err(%rip)
	movq 8(%rsp), %rax
	movq %rax, gp_rip(%rip)
	hlt
	.data
user_cs: .quad 0
sys_frame: .quad 0
sys_ss: .quad 0
kern_calls: .quad 0
gp_err: .quad 0
gp_rip: .quad 0
`);
    expect(out.stop).toBe('hlt');
    expect(m.u64('user_cs')).toBe(0x33n);
    const k = m.addr('kstack');
    expect(m.u64('sys_frame')).toBe(BigInt(k - 40));
    const [sys, gpf] = events(m, 'exception');
    expect(sys.frame).toEqual([m.addr('user2'), 0x33, 0x202, m.addr('ustack'), 0x2b].map(BigInt));
    // The #GP from int $0x81 reuses the same rsp0 stack: error code, then the image with RF = 1
    // (a fault, SDM 17.3.1.1), and it is what memory holds now.
    expect([...m.read(k - 48, 48)]).toEqual(frameBytes([0x81 * 8 + 2, m.addr('user2'), 0x33, 0x10202, m.addr('ustack'), 0x2b], 8));
    expect(gpf.vector).toBe(13);
    expect(m.u64('sys_ss')).toBe(0n); // null SS with RPL 0 after a privilege change (SDM 6.14.4)
    expect(m.u64('kern_calls')).toBe(0n);
    expect(m.u64('gp_err')).toBe(BigInt(0x81 * 8 + 2));
    expect(m.u64('gp_rip')).toBe(BigInt(m.addr('user2')));
    expect(m.cpu.cpl).toBe(0);
  });

  it('#GP while delivering #GP through a not-present gate (#NP) becomes #DF with error code 0 on its IST', () => {
    const { m, out } = runListing(`
	DEFINE_GDT gdt
	DEFINE_IDT idt
	DEFINE_STACK df_stack
	DEFINE_TSS tss, 0, df_stack
${'\t.text\n\t.globl _start\n_start:'}
	LOAD_GDT gdt
	LOAD_TSS gdt, tss
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	andb $0x7f, idt + X86_TRAP_GP * 16 + 5(%rip)	/* P = 0 */
	SET_INTR_GATE idt, X86_TRAP_DF, df_h, 1
	LOAD_IDT idt
	movw $0x1003, %ax
site:	movw %ax, %ds
	hlt
gp_h:	hlt
df_h:	movq %rsp, frame_at(%rip)
	hlt
	.data
frame_at: .quad 0
`);
    expect(out.stop).toBe('hlt');
    const top = m.addr('df_stack');
    expect(m.u64('frame_at')).toBe(BigInt(top - 48));
    const f = [...m.read(top - 48, 48)];
    expect(f.slice(0, 16)).toEqual(frameBytes([0, m.addr('site')], 8));
    expect(events(m, 'double-fault').length).toBe(1);
    expect(events(m, 'exception').map((e) => e.vector)).toEqual([8]);
  });

  it('an exception with no usable IDT ends in a triple fault that stops the run', () => {
    const { m, out } = runListing(`${PRE}
	ud2
	hlt
`);
    expect(out.stop).toBe('triple-fault');
    expect(events(m, 'double-fault').length).toBe(1);
    expect(events(m, 'triple-fault').length).toBe(1);
  });

  it('#PF: CR2 and error code (not present read; write to a read-only page with CR0.WP)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_PF, pf_h
	LOAD_IDT idt
	/* The harness map: PML4 at 0x2000, PDPT at 0x3000 with 1 GiB pages. */
	movq $0, 0x3000 + 3*8			/* 3..4 GiB: not present */
	movq %cr3, %rax
	movq %rax, %cr3
	movl $0xc0000000, %ebx
r_site:	movq (%rbx), %rcx
	hlt
pf_h:	movq (%rsp), %rax
	movq n(%rip), %rcx
	leaq errs(%rip), %rdx
	movq %rax, (%rdx,%rcx,8)
	movq %cr2, %rax
	leaq cr2s(%rip), %rdx
	movq %rax, (%rdx,%rcx,8)
	incq n(%rip)
	hlt
	.data
n: .quad 0
errs: .quad 0, 0
cr2s: .quad 0, 0
`);
    expect(m.u64('n')).toBe(1n);
    expect(m.u64('errs')).toBe(0n);
    expect(m.u64('cr2s')).toBe(0xc0000000n);
    const e = events(m, 'exception')[0];
    expect(e.vector).toBe(14);
    expect(e.from).toBe(m.addr('r_site'));
  });

  it('#PF error code for a write to a read-only page (P=1, W=1)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_PF, pf_h
	LOAD_IDT idt
	movl $0x80000081, %eax		/* 2..3 GiB: present, read-only, 1 GiB page */
	movq %rax, 0x3000 + 2*8
	movq %cr3, %rax
	movq %rax, %cr3
	movl $0x80000010, %ebx
w_site:	movq $1, (%rbx)
	hlt
pf_h:	movq (%rsp), %rax
	movq %cr2, %rbx
	hlt
	.data
flag: .quad 0
`);
    expect(m.reg('rax')).toBe(3n);
    expect(m.reg('rbx')).toBe(0x80000010n);
    expect(events(m, 'exception')[0].from).toBe(m.addr('w_site'));
  });
});
