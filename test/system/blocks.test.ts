// Compiled blocks and the physical decode cache under the system model. The oracle is the traced
// run (one instruction and one boundary poll at a time, the path the golden example traces pin):
// a plain run, which uses blocks wherever the controller is quiet, must end in the same state with
// the same event log, and events armed by step count or by address must land at the boundary
// they name. A second listing runs code through two linear aliases of one physical page.
import { describe, it, expect } from 'vitest';
import { Machine } from '../../src/harness/machine.js';
import { Block } from '../../src/cpu/jit.js';
import { events } from './util.js';

const HOT_LOOPS = `
#include <x86lab/harness.h>
	DEFINE_IDT idt
	.text
	.globl _start
_start:
	SET_INTR_GATE idt, X86_TRAP_NMI, nmi_h
	SET_INTR_GATE idt, 0x40, irq_h
	LOAD_IDT idt
	movl $1500, %ecx
	xorl %eax, %eax
	movl $5, %ebx
	sti
1:	addl %ebx, %eax
	xorl $0x55, %eax
	roll $3, %eax
	leal 4(%rax,%rbx), %edx
	movl %edx, %esi
	addl $1, %esi
	movl %esi, scratch(%rip)
	decl %ecx
	jnz 1b
	movl $1000, %ecx
second:	nop
2:	addl %ecx, %eax
	rorl $5, %eax
	subl $7, %eax
	decl %ecx
	jnz 2b
	movl $100, %ecx
3:	addl $3, %eax
	rdtsc
	movl %eax, tsc_lo(%rip)
	decl %ecx
	jnz 3b
	hlt
nmi_h:	movq nmis(%rip), %rdi
	leaq nmi_rips(%rip), %rdx
	movq (%rsp), %r8
	movq %r8, (%rdx,%rdi,8)
	incq nmis(%rip)
	iretq
irq_h:	movq (%rsp), %r8
	movq %r8, irq_rip(%rip)
	incq irqs(%rip)
	iretq
	.data
	.balign 8
nmis: .quad 0
nmi_rips: .quad 0, 0, 0, 0
irqs: .quad 0
irq_rip: .quad 0
scratch: .quad 0
tsc_lo: .quad 0
`;

function machine(nmi: string[], irq: [number, string][]): Machine {
  const m = Machine.fromSource(HOT_LOOPS, { mode: 64, file: 'blocks.S' });
  for (const w of nmi) m.nmiAt(w);
  for (const [v, w] of irq) m.irqAt(v, w);
  return m;
}

/** Compiled blocks present in the machine's pages. */
function blocks(m: Machine): Block[] {
  const out: Block[] = [];
  for (const p of m.cpu.mem.pages.values()) for (const b of p.jit ?? []) if (b instanceof Block) out.push(b);
  return out;
}

function state(m: Machine, data = 'nmis'): unknown {
  const regs = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rsp', 'r8', 'rip', 'rflags'].map((r) => m.reg(r));
  return { regs, steps: m.steps, events: m.eventLines(), visited: m.visited, data: [...m.read(data, 72)] };
}

describe('compiled blocks under the system model', () => {
  const nmi = ['4321', 'second+1:300', '11000'];
  const irq: [number, string][] = [[0x40, '777']];
  const plain = machine(nmi, irq);
  const outPlain = plain.run({ maxSteps: 200_000 });
  const traced = machine(nmi, irq);
  const outTraced = traced.run({ maxSteps: 200_000, trace: true });

  it('runs the hot loops as blocks, and ends exactly as the one-boundary-at-a-time run', () => {
    expect(outPlain).toEqual(outTraced);
    expect(outPlain.stop).toBe('hlt');
    expect(blocks(plain).some((b) => b.len > 5)).toBe(true);
    expect(blocks(traced)).toEqual([]);
    expect(state(plain)).toEqual(state(traced));
    // rdtsc counts retired instructions (and idle ticks): the last one ran 5 instructions before the end (itself, mov, dec, jnz, hlt).
    expect(plain.u64('tsc_lo')).toBe(BigInt(plain.steps - 5));
  });

  it('takes each event at the boundary it names', () => {
    const nmis = events(plain, 'nmi');
    expect(nmis.map((e) => e.step)).toEqual([4321, 11000, expect.any(Number)]);
    // second+1 is the loop head \`2:\`; its 300th arrival comes 1 + 299 x 5 instructions after
    // the arrival at \`second\` (an NMI there is taken at that boundary, before the nop).
    expect(nmis[2].from).toBe(plain.addr('second') + 1);
    const atSecond = machine(['4321', 'second', '11000'], irq);
    atSecond.run({ maxSteps: 200_000 });
    expect(nmis[2].step).toBe(events(atSecond, 'nmi')[2].step + 1 + 299 * 5);
    expect(plain.u64('nmis')).toBe(3n);
    expect(plain.u64('irqs')).toBe(1n);
    expect(events(plain, 'interrupt').map((e) => e.step)).toEqual([777]);
    // The saved RIPs the handlers stored are the event records' (the interrupted boundaries).
    expect(plain.u64('irq_rip')).toBe(BigInt(events(plain, 'interrupt')[0].from!));
    for (let k = 0; k < 3; k++) expect(plain.u64(plain.addr('nmi_rips') + 8 * k)).toBe(BigInt(nmis[k].from!));
  });

  it('with no events armed, the counts and the result are the same as traced', () => {
    const a = machine([], []), b = machine([], []);
    expect(a.run({ maxSteps: 200_000 })).toEqual(b.run({ maxSteps: 200_000, trace: true }));
    expect(state(a)).toEqual(state(b));
  });

  it('the step limit falls exactly inside a block', () => {
    for (const n of [1000, 5555, 12345]) {
      const a = machine([], []), b = machine([], []);
      const ra = a.run({ maxSteps: n }), rb = b.run({ maxSteps: n, trace: true });
      expect(ra).toEqual(rb);
      expect(ra.steps).toBe(n);
      expect(state(a)).toEqual(state(b));
    }
  });
});

/*
 * Paging built by the listing: the first 2 MiB identity-mapped with 4 KiB pages, and the same
 * page table again at 2 MiB (PD[1] = PD[0]), so every code byte has two linear addresses. The
 * function `probe` runs a hot loop and returns its own RIP-relative address; the code patches its
 * immediate through the alias, which must drop the cached decode of the physical page.
 */
const ALIAS = `
#include <x86lab/harness.h>
	.text
	.globl _start
_start:
	leaq pt(%rip), %rdi
	xorl %eax, %eax
1:	movq %rax, %rdx
	orq $0x3, %rdx
	movq %rdx, (%rdi)
	addq $8, %rdi
	addq $0x1000, %rax
	cmpq $0x200000, %rax
	jne 1b
	leaq pt(%rip), %rax
	orq $0x3, %rax
	movq %rax, pd(%rip)
	movq %rax, pd+8(%rip)
	leaq pd(%rip), %rax
	orq $0x3, %rax
	movq %rax, pdpt(%rip)
	leaq pdpt(%rip), %rax
	orq $0x3, %rax
	movq %rax, pml4(%rip)
	leaq pml4(%rip), %rax
	movq %rax, %cr3
	call probe
	movq %rax, r_ident(%rip)
	movq %rbx, s_ident(%rip)
	leaq probe+0x200000(%rip), %r9
	call *%r9
	movq %rax, r_alias(%rip)
	movq %rbx, s_alias(%rip)
	movl $7, imm_site+0x200000(%rip)	/* patch the add's immediate through the alias */
	call probe
	movq %rbx, s_patched(%rip)
	movq %cr3, %r12
	movl $20, %r13d
2:	movq %r12, %cr3			/* the same CR3 again: flushes the TLB, not the decode cache */
	call probe
	decl %r13d
	jnz 2b
	movq %rbx, s_reload(%rip)
	hlt
probe:	xorl %ebx, %ebx
	movl $100, %ecx
3:	addl $1000, %ebx
	.set imm_site, . - 4
	decl %ecx
	jnz 3b
	leaq 0(%rip), %rax
	ret
	.data
	.balign 8
r_ident: .quad 0
r_alias: .quad 0
s_ident: .quad 0
s_alias: .quad 0
s_patched: .quad 0
s_reload: .quad 0
	.bss
	.balign 4096
pml4: .skip 4096
pdpt: .skip 4096
pd: .skip 4096
pt: .skip 4096
`;

describe('the decode cache with paging on', () => {
  it('keeps linear aliases of one physical page apart and drops it on a write through either', () => {
    const run = (trace: boolean): Machine => {
      const m = Machine.fromSource(ALIAS, { mode: 64, file: 'alias.S' });
      const out = m.run({ maxSteps: 1_000_000, trace });
      expect(out.stop).toBe('hlt');
      return m;
    };
    const m = run(false);
    const ripAfterLea = BigInt(m.addr('probe') + 24); // xorl 2 + movl 5 + addl 6 + decl 2 + jnz 2 + leaq 7
    expect(m.u64('r_ident')).toBe(ripAfterLea);
    expect(m.u64('r_alias')).toBe(ripAfterLea + 0x200000n);
    expect(m.u64('s_ident')).toBe(100000n);
    expect(m.u64('s_alias')).toBe(100000n);
    expect(m.u64('s_patched')).toBe(700n);
    expect(m.u64('s_reload')).toBe(700n);
    expect(blocks(m).length).toBeGreaterThan(0);
    const t = run(true);
    expect(state(m, 'r_ident')).toEqual(state(t, 'r_ident'));
  });
});
