// When an event cannot be delivered, the trace shows each fault of the chain with its cause
// (SDM Vol.3 6.15 table 6-5 decides what follows each one; 6.13 gives the error codes:
// vector * 8 + 2 (IDT) + 1 (EXT) for a gate, the selector + EXT for a code segment).
import { describe, it, expect } from 'vitest';
import { Machine } from '../../src/harness/machine.js';
import { dumpMachine } from '../../src/harness/dump.js';

function run(body: string, nmiAt?: string): Machine {
  const src = `#include <x86lab/harness.h>
	DEFINE_IDT idt_table
	.text
	.globl _start
_start:
${body}
	LOAD_IDT idt_table
work:
	int3
	hlt
handler:
	hlt
`;
  const m = Machine.fromSource(src, { file: 'chain.S' });
  if (nmiAt) m.nmiAt(nmiAt);
  m.run({ trace: true, maxSteps: 1000 });
  return m;
}

const chain = (m: Machine): string[] => m.eventRecords().filter((e) => e.kind !== 'nmi-latched').map((e) => e.text);

describe('fault chains during delivery', () => {
  it('a missing NMI gate: #GP raised delivering the NMI, then #GP delivering #GP -> #DF, then the triple fault', () => {
    const m = run('\tnop', 'work');
    expect(chain(m)).toEqual([
      '** #GP(0x13) while delivering NMI: IDT entry 2 is not an interrupt or trap gate (type 0x0: missing gate)',
      '** #GP(0x6b) while delivering #GP: IDT entry 13 is not an interrupt or trap gate (type 0x0: missing gate) -> #DF',
      '** triple fault: #GP(0x43) while delivering #DF: IDT entry 8 is not an interrupt or trap gate (type 0x0: missing gate) (shutdown)',
    ]);
    expect(m.lastOutcome?.stop).toBe('triple-fault');
    // One record shape: the dump's events are eventRecords(), and the trace's ** lines are their text.
    expect(dumpMachine(m, m.lastOutcome!).events).toEqual(m.eventRecords());
    expect(m.trace.filter((l) => l.startsWith('        **')).map((l) => l.trim())).toEqual(m.eventRecords().map((e) => e.text));
    // The same records in the dump's shape: kinds and error codes.
    expect(m.eventRecords().map((e) => [e.kind, e.vector, e.error_code])).toEqual([
      ['nmi-latched', undefined, undefined], ['delivery-fault', 13, 0x13], ['double-fault', 13, 0x6b], ['triple-fault', 13, 0x43],
    ]);
  });

  it('a not-present gate: #NP with the gate as error code, delivered through the #NP gate', () => {
    const m = run(`\tSET_SYSTEM_INTR_GATE idt_table, X86_TRAP_BP, handler
	andw $0x7fff, idt_table + 3 * 16 + 4(%rip)
	SET_INTR_GATE idt_table, X86_TRAP_NP, handler`);
    expect(chain(m)).toEqual([
      '** #NP(0x1a) while delivering interrupt 0x3: gate 3 is not present',
      expect.stringMatching(/^\*\* exception #NP error=0x1a delivered: return to 0x[0-9a-f]+ <work>, handler 0x[0-9a-f]+ <handler>/),
    ]);
  });

  it('a gate whose selector is beyond the GDT: #GP(selector), then #DF when #GP has the same gate', () => {
    const m = run(`\tIDT_GATE idt_table, X86_TRAP_BP, handler, GATE_INTERRUPT, 3, 0, 0x1f0
	IDT_GATE idt_table, X86_TRAP_GP, handler, GATE_INTERRUPT, 0, 0, 0x1f0
	SET_INTR_GATE idt_table, X86_TRAP_DF, handler`);
    expect(chain(m)).toEqual([
      "** #GP(0x1f0) while delivering interrupt 0x3: gate 3's selector 0x1f0 is beyond the descriptor table limit",
      "** #GP(0x1f1) while delivering #GP: gate 13's selector 0x1f0 is beyond the descriptor table limit -> #DF",
      expect.stringMatching(/^\*\* exception #DF error=0x0 delivered: return to 0x[0-9a-f]+ <work>, handler/),
    ]);
  });
});
