// Instruction-boundary events (SDM Vol.3 6.7.1, 6.8.3, 6.9, 17.3.1.4): NMI blocking until the
// next IRET, the sti and mov-ss shadows, the single-step trap, hlt waiting for an interrupt.
import { describe, it, expect } from 'vitest';
import { runListing, events, RING3 } from './util.js';

const PRE = `
	DEFINE_IDT idt
	.text
	.globl _start
_start:
`;

describe('NMI', () => {
  const NMI = `${PRE}
	SET_INTR_GATE idt, X86_TRAP_NMI, nmi_h
	SET_INTR_GATE idt, X86_TRAP_BP, bp_h
	LOAD_IDT idt
	nop
main1:	nop
main2:	nop
	hlt
nmi_h:	incq nmi_count(%rip)
	movq nmi_count(%rip), %rax
	cmpq $1, %rax
	jne 1f
	int3				/* a nested exception whose iretq unblocks NMIs */
after_bp:
	nop
1:
in_nmi:	nop
	iretq
bp_h:	iretq
	.data
nmi_count: .quad 0
`;
  it('a second NMI stays latched while the first handler runs and is taken after its iretq', () => {
    const { m, out } = runListing(NMI.replace('int3\t\t\t\t/* a nested', 'nop\t\t\t\t/* no nested'), { nmi: ['main1', 'in_nmi'] });
    expect(out.stop).toBe('hlt');
    expect(m.u64('nmi_count')).toBe(2n);
    const kinds = m.events.filter((e) => e.kind !== 'exception').map((e) => e.kind);
    expect(kinds).toEqual(['nmi-latched', 'nmi', 'nmi-latched', 'iret', 'nmi', 'iret']);
    expect(events(m, 'nmi-latched')[1].note).toContain('blocked');
    const nmis = events(m, 'nmi');
    expect(nmis[0].from).toBe(m.addr('main1'));
    expect(nmis[1].from).toBe(m.addr('main1')); // right after the first iretq, before main1 runs
    expect(events(m, 'iret')[0].nmiUnblocked).toBe(true);
    // visited: the NMI taken at main1's boundary comes before main1 itself.
    expect(m.visited.indexOf('nmi_h')).toBeLessThan(m.visited.indexOf('main1'));
    expect(m.visited.filter((l) => l === 'main1').length).toBe(1);
  });

  it('the iretq of an exception nested in the NMI handler unblocks NMIs (SDM 6.7.1)', () => {
    const { m } = runListing(NMI, { nmi: ['main1', 'after_bp'] });
    const nmis = events(m, 'nmi');
    expect(nmis.length).toBe(2);
    expect(nmis[1].from).toBe(m.addr('after_bp'));
    expect(m.cpu.nmiBlocked).toBe(false);
  });

  it('an NMI at a step count; NMIs are not masked by IF', () => {
    const { m } = runListing(NMI, { nmi: ['40'] });
    const n = events(m, 'nmi');
    expect(n.length).toBe(1);
    expect(n[0].step).toBe(40);
  });

  it('SYM:N fires on the N-th arrival', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_NMI, nmi_h
	LOAD_IDT idt
	movl $3, %ecx
loop:	decl %ecx
	jnz loop
	hlt
nmi_h:	movq %rcx, rcx_at_nmi(%rip)
	iretq
	.data
rcx_at_nmi: .quad 0
`, { nmi: ['loop:3'] });
    expect(m.u64('rcx_at_nmi')).toBe(1n);
  });
});

describe('interrupt shadows and IF', () => {
  it('sti: an pending interrupt is taken after the instruction following sti, not before it', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x20, irq_h
	LOAD_IDT idt
here:	sti
	nop
after_nop:
	nop
	cli
	hlt
irq_h:	movq (%rsp), %rax
	movq %rax, irq_rip(%rip)
	iretq
	.data
irq_rip: .quad 0
`, { irq: [[0x20, 'here']] });
    expect(m.u64('irq_rip')).toBe(BigInt(m.addr('after_nop')));
  });

  it('mov %ss holds off an NMI for one instruction', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_NMI, nmi_h
	LOAD_IDT idt
	movl $__KERNEL_DS, %eax
	movl %eax, %ss
after_ss:
	nop
after2:	nop
	hlt
nmi_h:	movq (%rsp), %rax
	movq %rax, nmi_rip(%rip)
	iretq
	.data
nmi_rip: .quad 0
`, { nmi: ['after_ss'] });
    expect(m.u64('nmi_rip')).toBe(BigInt(m.addr('after2')));
  });

  it('an interrupt raised while IF=0 waits for sti; none is taken with IF=0', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x30, irq_h
	LOAD_IDT idt
raise:	nop
	nop
	nop
	movq $1, before_sti(%rip)
	sti
	nop
taken:	cli
	hlt
irq_h:	movq (%rsp), %rax
	movq %rax, irq_rip(%rip)
	movq before_sti(%rip), %rax
	movq %rax, seen(%rip)
	iretq
	.data
before_sti: .quad 0
irq_rip: .quad 0
seen: .quad 0
`, { irq: [[0x30, 'raise']] });
    expect(m.u64('seen')).toBe(1n);
    expect(m.u64('irq_rip')).toBe(BigInt(m.addr('taken')));
  });
});

describe('single step and hlt', () => {
  it('TF: #DB trap after each instruction, DR6.BS set, saved RIP = next instruction', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_DB, db_h
	LOAD_IDT idt
	pushfq
	orq $X86_EFLAGS_TF, (%rsp)
	popfq
step1:	nop
step2:	nop
step3:	nop
	hlt
db_h:	movq db_count(%rip), %rcx
	leaq db_rips(%rip), %rdx
	movq (%rsp), %rax
	movq %rax, (%rdx,%rcx,8)
	incq db_count(%rip)
	movq %db6, %rax
	movq %rax, dr6(%rip)
	cmpq $2, db_count(%rip)
	jne 1f
	andq $~X86_EFLAGS_TF, 16(%rsp)	/* stop stepping */
1:	iretq
	.data
db_count: .quad 0
db_rips: .quad 0, 0, 0, 0
dr6: .quad 0
`);
    expect(m.u64('db_count')).toBe(2n);
    expect(m.u64(m.addr('db_rips'))).toBe(BigInt(m.addr('step2')));
    expect(m.u64(m.addr('db_rips') + 8)).toBe(BigInt(m.addr('step3')));
    expect(m.u64('dr6') & 0x4000n).toBe(0x4000n);
  });

  it('hlt waits for an interrupt scheduled by step count, then resumes after the hlt', () => {
    const { m, out } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x20, irq_h
	LOAD_IDT idt
	sti
wait:	hlt
woke:	movq $1, woken(%rip)
	cli
	hlt
irq_h:	movq (%rsp), %rax
	movq %rax, irq_rip(%rip)
	iretq
	.data
woken: .quad 0
irq_rip: .quad 0
`, { irq: [[0x20, '1000']] });
    expect(out.stop).toBe('hlt');
    expect(m.u64('woken')).toBe(1n);
    expect(m.u64('irq_rip')).toBe(BigInt(m.addr('woke')));
    expect(events(m, 'wake').length).toBe(1);
  });

  it('hlt with nothing left to wake it stops the run; with IF=0 an interrupt does not wake it', () => {
    const { m, out } = runListing(`${PRE}
	SET_INTR_GATE idt, 0x20, irq_h
	LOAD_IDT idt
wait:	hlt
	movq $1, woken(%rip)
	hlt
irq_h:	iretq
	.data
woken: .quad 0
`, { irq: [[0x20, '100']] });
    expect(out.stop).toBe('hlt');
    expect(m.u64('woken')).toBe(0n);
    expect(m.cpu.curIp).toBe(m.addr('wait'));
  });

  it('hlt at CPL 3 is #GP(0)', () => {
    const { m } = runListing(`${RING3}	SET_INTR_GATE idt, X86_TRAP_GP, gp_h
	LOAD_IDT idt
	pushq $__USER_DS
	leaq ustack(%rip), %rax
	pushq %rax
	pushq $0x2
	pushq $__USER_CS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:	hlt
gp_h:	movq (%rsp), %rax
	movq %rax, err(%rip)
	movq 8(%rsp), %rax
	movq %rax, at(%rip)
	hlt
	.data
err: .quad -1
at: .quad 0
`);
    expect(m.u64('err')).toBe(0n);
    expect(m.u64('at')).toBe(BigInt(m.addr('user')));
  });
});

describe('debug registers', () => {
  it('an execution breakpoint in DR0/DR7 raises #DB before the instruction; RF=1 in the frame lets it run', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_DB, db_h
	LOAD_IDT idt
	leaq bp_here(%rip), %rax
	movq %rax, %db0
	movq $0x1, %rax				/* L0, R/W0 = 00 (execution), LEN0 = 00 */
	movq %rax, %db7
	nop
bp_here:
	incq counter(%rip)
	hlt
db_h:	incq db_count(%rip)
	movq (%rsp), %rax
	movq %rax, db_rip(%rip)
	movq counter(%rip), %rax
	movq %rax, counter_at_db(%rip)
	movq %db6, %rax
	movq %rax, dr6(%rip)
	orq $X86_EFLAGS_RF, 16(%rsp)		/* resume without re-triggering */
	iretq
	.data
counter: .quad 0
db_count: .quad 0
db_rip: .quad 0
counter_at_db: .quad -1
dr6: .quad 0
`);
    expect(m.u64('db_count')).toBe(1n);
    expect(m.u64('db_rip')).toBe(BigInt(m.addr('bp_here')));
    expect(m.u64('counter_at_db')).toBe(0n); // a fault: the instruction had not run
    expect(m.u64('counter')).toBe(1n);
    expect(m.u64('dr6') & 0xfn).toBe(1n);
    expect(m.reg('rflags') & 0x10000n).toBe(0n); // RF cleared again once the instruction started
  });
});

describe('data breakpoints and the mov-ss shadow', () => {
  it('a write watchpoint traps after the writing instruction with DR6.Bn', () => {
    const { m } = runListing(`${PRE}
	SET_INTR_GATE idt, X86_TRAP_DB, db_h
	LOAD_IDT idt
	leaq watched(%rip), %rax
	movq %rax, %db1
	movq $((1 << 2) | (1 << 20) | (3 << 22)), %rax	/* L1, R/W1 = 01 (write), LEN1 = 11 (4 bytes) */
	movq %rax, %db7
	movl watched(%rip), %ebx		/* a read: no trap */
site:	movl $7, watched(%rip)
after:	nop
	hlt
db_h:	movq (%rsp), %rax
	movq %rax, db_rip(%rip)
	movq %db6, %rax
	movq %rax, dr6(%rip)
	iretq
	.data
	.balign 8
watched: .long 0
	.balign 8
db_rip: .quad 0
dr6: .quad 0
`);
    expect(events(m, 'exception').length).toBe(1);
    expect(m.u64('db_rip')).toBe(BigInt(m.addr('after')));
    expect(m.u64('dr6') & 0xfn).toBe(2n);
  });

  it('mov %ss from a watched location, then syscall: the #DB lands on the first kernel instruction (CVE-2018-8897)', () => {
    const { m } = runListing(`${RING3}	SET_INTR_GATE idt, X86_TRAP_DB, db_h
	LOAD_IDT idt
	movl $0xc0000081, %ecx
	xorl %eax, %eax
	movl $0x00230010, %edx
	wrmsr
	movl $0xc0000082, %ecx
	leaq entry_SYSCALL_64(%rip), %rax
	movq %rax, %rdx
	shrq $32, %rdx
	wrmsr
	leaq ss_value(%rip), %rax		/* a read/write watchpoint on the selector in memory */
	movq %rax, %db0
	movq $((1 << 0) | (3 << 16) | (1 << 18)), %rax	/* L0, R/W0 = 11, LEN0 = 01 (2 bytes) */
	movq %rax, %db7
	pushq $__USER_DS
	leaq ustack(%rip), %rax
	pushq %rax
	pushq $0x2
	pushq $__USER_CS
	leaq user(%rip), %rax
	pushq %rax
	iretq
user:	movw ss_value(%rip), %ss		/* the #DB is held back by the mov-ss shadow ... */
	syscall					/* ... past syscall, into ring 0 */
	hlt
entry_SYSCALL_64:
	swapgs					/* not reached before the #DB */
	hlt
db_h:	movq (%rsp), %rax
	movq %rax, db_rip(%rip)
	movq 8(%rsp), %rax
	movq %rax, db_cs(%rip)
	hlt
	.data
	.balign 8
ss_value: .word __USER_DS
	.balign 8
db_rip: .quad 0
db_cs: .quad 0
`);
    expect(m.u64('db_rip')).toBe(BigInt(m.addr('entry_SYSCALL_64')));
    expect(m.u64('db_cs')).toBe(0x10n); // taken in ring 0, before swapgs: the kernel's bug to handle
    expect(m.cpu.dr[6] & 1).toBe(1);
  });
});
