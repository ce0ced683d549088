// 32-bit protected mode (SDM Vol.3 6.12): 3-word same-privilege frame, error-code frames, the
// 5-word frame on a privilege change with SS:ESP from the TSS, iret to an outer level,
// sysenter/sysexit, and #PF under 2-level and PAE paging.
import { describe, it, expect } from 'vitest';
import { runListing, frameBytes, events, RING3 } from './util.js';

const PRE = `
	DEFINE_IDT idt
	.text
	.globl _start
_start:
`;
const TO_USER = `
	pushl $__USER_DS
	pushl $ustack
	pushl $0x202
	pushl $__USER_CS
	pushl $user
	iret
`;

describe('32-bit delivery', () => {
  it('same privilege: EFLAGS, CS, EIP (3 words), no alignment', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_BP, bp
	LOAD_IDT idt
	pushfl
	popl flags
	pushl $0
	pushl $0			/* esp = 0x7fff8 */
	int3
after:	hlt
bp:	movl %esp, frame_at
	hlt
	.data
frame_at: .long 0
flags: .long 0
`, { mode: 32 });
    expect(m.u32('frame_at')).toBe(0x7fff8n - 12n);
    expect([...m.read(0x7fff8 - 12, 12)]).toEqual(frameBytes([m.addr('after'), 0x60, m.u32('flags')], 4));
  });

  it('#GP(selector) pushes the error code below EIP (4 words)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_GP, gp
	LOAD_IDT idt
	movw $0x2b, %ax			/* index 5: empty in the i386 GDT */
site:	movw %ax, %ds
	hlt
gp:	movl %esp, frame_at
	hlt
	.data
frame_at: .long 0
`, { mode: 32 });
    const f = Number(m.u32('frame_at'));
    expect(f).toBe(0x80000 - 16);
    const words = [...m.read(f, 16)];
    expect(words.slice(0, 12)).toEqual(frameBytes([0x28, m.addr('site'), 0x60], 4));
  });

  it('ring 3 -> 0 through a DPL-3 gate: SS:ESP from TSS ss0:esp0, 5-word frame; iret back to ring 3', () => {
    const { m, out } = runListing(`${RING3}
	SET_SYSTEM_INTR_GATE idt, 0x80, sys_h
	SET_INTR_GATE idt, X86_TRAP_UD, ud_h
	LOAD_IDT idt
${TO_USER}
user:	movl %cs, %eax
	movl %eax, user_cs
	int $0x80
back:	movl %ss, %eax
	movl %eax, user_ss
	ud2
sys_h:	movl %esp, sys_frame
	movl %ss, %eax
	movl %eax, sys_ss
	iret
ud_h:	movl 4(%esp), %eax
	movl %eax, ud_cs
	hlt
	.data
user_cs: .long 0
user_ss: .long 0
sys_frame: .long 0
sys_ss: .long 0
ud_cs: .long 0
`, { mode: 32 });
    expect(out.stop).toBe('hlt');
    expect(m.u32('user_cs')).toBe(0x73n);
    const k = m.addr('kstack');
    expect(m.u32('sys_frame')).toBe(BigInt(k - 20));
    // (the #UD later reuses the same stack: check the frame as the int $0x80 delivery wrote it)
    const e = events(m, 'exception')[0];
    expect(e.frameAddr).toBe(k - 20);
    expect(e.frame).toEqual([m.addr('back'), 0x73, 0x202, m.addr('ustack'), 0x7b].map(BigInt));
    expect(frameBytes(e.frame!, 4).length).toBe(20);
    expect(m.u32('sys_ss')).toBe(0x68n);
    expect(m.u32('user_ss')).toBe(0x7bn); // iret to the outer level reloaded SS:ESP
    expect(m.u32('ud_cs')).toBe(0x73n);
    expect(events(m, 'exception')[1].frame?.length).toBe(5);
  });

  it('sysenter / sysexit with Linux i386 selectors', () => {
    const { m, out } = runListing(`${RING3}
	SET_INTR_GATE idt, X86_TRAP_UD, ud_h
	LOAD_IDT idt
	movl $0x174, %ecx
	movl $__KERNEL_CS, %eax
	xorl %edx, %edx
	wrmsr
	movl $0x175, %ecx
	movl $kstack, %eax
	wrmsr
	movl $0x176, %ecx
	movl $entry, %eax
	wrmsr
${TO_USER}
user:	movl %esp, %ecx
	movl $back, %edx
	sysenter
back:	movl %cs, %eax
	movl %eax, cs_back
	movl %ss, %eax
	movl %eax, ss_back
	ud2
entry:	movl %cs, %eax
	movl %eax, cs_in
	movl %esp, esp_in
	sysexit
ud_h:	hlt
	.data
cs_in: .long 0
esp_in: .long 0
cs_back: .long 0
ss_back: .long 0
`, { mode: 32 });
    expect(out.stop).toBe('hlt');
    expect(m.u32('cs_in')).toBe(0x60n);
    expect(m.u32('esp_in')).toBe(BigInt(m.addr('kstack')));
    expect(m.u32('cs_back')).toBe(0x73n);
    expect(m.u32('ss_back')).toBe(0x7bn);
  });

  it('2-level paging with a 4 MiB page: #PF on the next, not-present 4 MiB', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_PF, pf
	LOAD_IDT idt
	movl $0x83, pgdir		/* 0..4 MiB: P, RW, PS */
	movl %cr4, %eax
	orl $0x10, %eax			/* PSE */
	movl %eax, %cr4
	movl $pgdir, %eax
	movl %eax, %cr3
	movl %cr0, %eax
	orl $X86_CR0_PG, %eax
	movl %eax, %cr0
	movl $0x400010, %ebx
site:	movl $5, (%ebx)
	hlt
pf:	movl (%esp), %eax
	movl %cr2, %ebx
	hlt
	.bss
	.balign 4096
pgdir: .skip 4096
`, { mode: 32 });
    expect(m.reg('eax')).toBe(2n); // write, not present, supervisor
    expect(m.reg('ebx')).toBe(0x400010n);
    expect(events(m, 'exception')[0].from).toBe(m.addr('site'));
    expect(m.u32('pgdir') & 0x20n).toBe(0x20n); // accessed bit set by the walk
  });

  it('PAE paging: a read through a not-present 2 MiB PDE faults with error code 0', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_PF, pf
	LOAD_IDT idt
	movl $pd, %eax
	orl $1, %eax
	movl %eax, pdpt
	movl $0x83, pd			/* 0..2 MiB: P, RW, PS */
	movl %cr4, %eax
	orl $X86_CR4_PAE, %eax
	movl %eax, %cr4
	movl $pdpt, %eax
	movl %eax, %cr3
	movl %cr0, %eax
	orl $X86_CR0_PG, %eax
	movl %eax, %cr0
	movl $0x200004, %ebx
site:	movl (%ebx), %ecx
	hlt
pf:	movl (%esp), %eax
	movl %cr2, %ebx
	hlt
	.bss
	.balign 4096
pd: .skip 4096
pdpt: .skip 32
`, { mode: 32 });
    expect(m.reg('eax')).toBe(0n);
    expect(m.reg('ebx')).toBe(0x200004n);
  });
});
