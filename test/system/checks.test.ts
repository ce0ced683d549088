// Gate and descriptor checks during delivery and far returns (SDM Vol.3 6.12.1.1, 6.13, 6.14.1;
// Vol.2 RET far, POP): #NP for a not-present gate, #GP for a bad gate type, #TS for an IST with
// no TSS, lret $n, far call, and the pop %ss shadow.
import { describe, it, expect } from 'vitest';
import { runListing, events, RING3 } from './util.js';

const PRE = `
	DEFINE_IDT idt
	.text
	.globl _start
_start:
`;
const GP_NP = `
gp_h:	movq (%rsp), %rax
	movq %rax, err(%rip)
	movq $13, vec(%rip)
	hlt
np_h:	movq (%rsp), %rax
	movq %rax, err(%rip)
	movq $11, vec(%rip)
	hlt
ts_h:	movq (%rsp), %rax
	movq %rax, err(%rip)
	movq $10, vec(%rip)
	hlt
	.data
err: .quad -1
vec: .quad -1
`;

describe('delivery checks', () => {
  it('int $n through a not-present gate: #NP(n*8+2)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	SET_INTR_GATE idt, X86_TRAP_NP, np_h
	SET_INTR_GATE idt, 0x50, gp_h
	andb $0x7f, idt + 0x50 * 16 + 5(%rip)
	LOAD_IDT idt
	int $0x50
	hlt
${GP_NP}`);
    expect(m.u64('vec')).toBe(11n);
    expect(m.u64('err')).toBe(BigInt(0x50 * 8 + 2));
  });

  it('a gate of a type other than interrupt/trap (long mode): #GP(n*8+2)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	IDT_GATE idt, 0x51, gp_h, GATE_TASK
	LOAD_IDT idt
	int $0x51
	hlt
${GP_NP}`);
    expect(m.u64('vec')).toBe(13n);
    expect(m.u64('err')).toBe(BigInt(0x51 * 8 + 2));
  });

  it('an exception whose gate names an IST with no TSS loaded: #TS(EXT)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_TS, ts_h
	SET_INTR_GATE idt, X86_TRAP_UD, gp_h, 3
	LOAD_IDT idt
	ud2
	hlt
${GP_NP}`);
    expect(m.u64('vec')).toBe(10n);
    expect(m.u64('err')).toBe(1n); // TR selector 0 with EXT set: the #UD was being delivered
    expect(events(m, 'exception').map((e) => e.vector)).toEqual([10]);
  });

  it('a hardware exception ignores the gate DPL (DPL-0 #UD gate taken from ring 3)', () => {
    const { m } = runListing(`${RING3}	SET_INTR_GATE idt, X86_TRAP_UD, ud_h
	LOAD_IDT idt
	pushq $__USER_DS
	leaq ustack(%rip), %rax
	pushq %rax
	pushq $0x2
	pushq $__USER_CS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:	ud2
ud_h:	movq 8(%rsp), %rax
	movq %rax, cs_saved(%rip)
	hlt
	.data
cs_saved: .quad 0
`);
    expect(m.u64('cs_saved')).toBe(0x33n);
    expect(m.cpu.cpl).toBe(0);
  });
});

describe('far returns and calls', () => {
  it('lretq $16 pops RIP and CS then releases 16 more bytes; lcall pushes CS:RIP', () => {
    const { m } = runListing(`${PRE}
	movq %rsp, rsp0(%rip)
	pushq $0x1111
	pushq $0x2222
	pushq $__KERNEL_CS
	leaq back(%rip), %rax
	pushq %rax
	lretq $16
back:	movq %rsp, rsp1(%rip)
	rex.w lcall *fptr(%rip)
after:	hlt
callee:	movq (%rsp), %rax
	movq %rax, ret_rip(%rip)
	movq 8(%rsp), %rax
	movq %rax, ret_cs(%rip)
	lretq
	.data
fptr:	.quad callee
	.word __KERNEL_CS
rsp0: .quad 0
rsp1: .quad 0
ret_rip: .quad 0
ret_cs: .quad 0
`);
    expect(m.u64('rsp1')).toBe(m.u64('rsp0'));
    expect(m.u64('ret_rip')).toBe(BigInt(m.addr('after')));
    expect(m.u64('ret_cs')).toBe(0x10n);
    expect(m.symbolize(m.cpu.curIp)).toBe('after');
  });

  it('32-bit: an interrupt raised with IF=1 and no shadow is taken at once (before pop %ss)', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x20, irq_h
	LOAD_IDT idt
	sti
	nop
	pushl %ss
here:	popl %ss
	nop
after:	nop
	cli
	hlt
irq_h:	movl (%esp), %eax
	movl %eax, irq_eip
	iret
	.data
irq_eip: .long 0
`, { mode: 32, irq: [[0x20, 'here']] });
    expect(m.u32('irq_eip')).toBe(BigInt(m.addr('here'))); // taken before pop %ss: IF=1 and no shadow there
  });

  it('pop %ss shadow: an interrupt raised right after it waits one more instruction', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x20, irq_h
	LOAD_IDT idt
	sti
	nop
	pushl %ss
	popl %ss
shadowed:
	nop
after:	nop
	cli
	hlt
irq_h:	movl (%esp), %eax
	movl %eax, irq_eip
	iret
	.data
irq_eip: .long 0
`, { mode: 32, irq: [[0x20, 'shadowed']] });
    expect(m.u32('irq_eip')).toBe(BigInt(m.addr('after')));
  });
});
