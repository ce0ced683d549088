// -mlfence-before-ret=or|not|shl|yes and -mlfence-before-indirect-branch=all|register|memory
// (load-hardening against speculation), as GNU as 2.40 writes them (measured with `as`):
//   ret:           `orq $0x0,(%rsp)` | `notq (%rsp)` twice | `shlq $0x0,(%rsp)`, then lfence; in
//                  32/16-bit code the operand size is the ret's own (`retw` gets `orw`).
//   jmp/call *%reg: lfence first. Through memory: nothing (GNU only warns).
// `=all` also hardens ret (with shl) unless -mlfence-before-ret says otherwise. Nothing is added
// when the last thing written in the section was data from a directive (`.byte`, `.nops`, ...) or
// a prefix on a line of its own: GNU cannot tell whether that was part of the instruction.

import type { Tok } from './lexer.js';
import type { Assembly } from './state.js';
import type { Section } from './sections.js';
import type { Body } from './ast.js';

export type RetHardening = 'none' | 'or' | 'not' | 'shl';
export type BranchHardening = 'none' | 'all' | 'register' | 'memory';

const LFENCE = [0x0f, 0xae, 0xe8];
/** The read-modify-write of the return address, ModRM/SIB for (%rsp)/(%esp). */
const RMW: Readonly<Record<Exclude<RetHardening, 'none'>, readonly (readonly number[])[]>> = {
  or: [[0x83, 0x0c, 0x24, 0x00]],
  not: [[0xf7, 0x14, 0x24], [0xf7, 0x14, 0x24]],
  shl: [[0xc1, 0x24, 0x24, 0x00]],
};

/**
 * Every section's extent when the last instruction (in any section) ended: what a section gained
 * since came from directives or prefixes. (GNU remembers the last instruction, directive or prefix
 * and the section it went to; a section switch in between does not count.)
 */
export class InsnEnds {
  private ends = new Map<Section, { frags: number; used: number }>();
  record(sections: readonly Section[]): void {
    this.ends = new Map(sections.map((s) => [s, { frags: s.frags.length, used: s.used }]));
  }
  /** Bytes (other than alignment padding) went into `sec` since the last instruction. */
  dataSince(sec: Section): boolean {
    const e = this.ends.get(sec) ?? { frags: 1, used: 0 };
    if (sec.used > e.used) return true;
    for (let i = e.frags; i < sec.frags.length; i++) if (sec.frags[i].kind !== 'align' && sec.frags[i].kind !== 'data' && sec.frags[i].kind !== 'bbr') return true;
    return false;
  }
}

type InsnBody = Extract<Body, { k: 'insn' }>;

const PREFIX = /^(?:lock|rep|repe|repz|repne|repnz|[c-gs]s|data16|data32|addr16|addr32|rex64|rex(?:\.[wrxb]{1,4})?|notrack|xacquire|xrelease|bnd)$/;

/**
 * Runs `assemble` for one instruction statement with the hardening GNU adds before it. Returns
 * what `assemble` returns, except for statements that may be hardened: those must not be replayed
 * from the line cache (whether they get the sequence depends on what came before).
 */
export function withLfence<T>(asm: Assembly, body: InsnBody, toks: readonly Tok[], assemble: () => T | undefined): T | undefined {
  const ends = (asm.insnEnds ??= new InsnEnds());
  const ret = asm.gas.lfenceBeforeRet ?? (asm.gas.lfenceBeforeIndirect === 'all' ? 'shl' : 'none');
  const branch = asm.gas.lfenceBeforeIndirect ?? 'none';
  const mn = toks[body.mn].value.toLowerCase();
  const prefixes = body.prefixes.map((i) => toks[i].value.toLowerCase());
  const op = body.ops[0];
  let seq: number[] | undefined;
  if (ret !== 'none' && /^ret[wlq]?$/.test(mn) && body.ops.length <= 1) {
    // The ret's operand size: always 64-bit in 64-bit code; 0x66 when it is not the mode's own.
    const other = (asm.mode === 32 ? mn === 'retw' : mn === 'retl') || prefixes.includes('data16');
    const pre = asm.mode === 64 ? [0x48] : other ? [0x66] : [];
    seq = [...RMW[ret].flatMap((b) => [...pre, ...b]), ...LFENCE];
  } else if ((branch === 'all' || branch === 'register') && /^(jmp|call)[wlq]?$/.test(mn) && body.ops.length === 1 && op.k === 'reg' && op.ind) {
    seq = LFENCE;
  }
  if (seq && !ends.dataSince(asm.cur)) asm.emit(seq);
  const r = assemble();
  // A prefix on a line of its own is not an instruction: the next one may not be hardened.
  if (body.ops.length > 0 || body.prefixes.length > 0 || !PREFIX.test(mn)) ends.record(asm.sections);
  return seq ? undefined : r;
}

/** An instruction written by a directive (`.nop`): it ends where the next hardening looks. */
export function noteInsn(asm: Assembly): void {
  if (asm.gas.lfenceBeforeRet === undefined && asm.gas.lfenceBeforeIndirect === undefined) return;
  (asm.insnEnds ??= new InsnEnds()).record(asm.sections);
}
