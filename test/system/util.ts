// Small listings for the system-model tests: a prologue with the harness macros and an IDT,
// run to hlt, with helpers to read the frame an event pushed.
import { Machine, type RunOutcome } from '../../src/harness/machine.js';
import type { SysEvent } from '../../src/cpu/system/model.js';

/** 64-bit prologue: GDT, IDT, kernel and user stacks, a TSS, loaded (interpolate, then add gates and LOAD_IDT). */
export const RING3 = `
	DEFINE_GDT gdt
	DEFINE_IDT idt
	DEFINE_STACK kstack
	DEFINE_STACK ustack
	DEFINE_TSS tss, kstack
	.text
	.globl _start
_start:
	LOAD_GDT gdt
	LOAD_TSS gdt, tss
`;

/** 64-bit drop to ring 3 at label `user` on `ustack` with IF set, via iretq. */
export const TO_USER = `
	pushq $__USER_DS
	leaq ustack(%rip), %rax
	pushq %rax
	pushq $0x202
	pushq $__USER_CS
	leaq user(%rip), %rax
	pushq %rax
	iretq
`;

export interface Ran { m: Machine; out: RunOutcome }

export function runListing(text: string, opts: { mode?: 32 | 64; nmi?: string[]; irq?: [number, string][]; maxSteps?: number; defines?: string[] } = {}): Ran {
  const src = `#include <x86lab/harness.h>\n#include <x86lab/ptregs.h>\n${text}\n`;
  const m = Machine.fromSource(src, { mode: opts.mode ?? 64, file: 'test.S', defines: opts.defines ?? [] });
  for (const w of opts.nmi ?? []) m.nmiAt(w);
  for (const [v, w] of opts.irq ?? []) m.irqAt(v, w);
  const out = m.run({ maxSteps: opts.maxSteps ?? 100_000 });
  return { m, out };
}

/** The little-endian bytes a frame of `words` (w bytes each, lowest address first) occupies. */
export function frameBytes(words: readonly (number | bigint)[], w: number): number[] {
  const out: number[] = [];
  for (const x of words) {
    let v = BigInt.asUintN(w * 8, BigInt(x));
    for (let k = 0; k < w; k++) { out.push(Number(v & 0xffn)); v >>= 8n; }
  }
  return out;
}

export function events(m: Machine, kind: SysEvent['kind']): SysEvent[] {
  return m.events.filter((e) => e.kind === kind);
}
