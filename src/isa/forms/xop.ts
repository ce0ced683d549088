// AMD's XOP-encoded general-register instructions: TBM (trailing bit manipulation) and LWP
// (lightweight profiling). AMD64 APM Vol. 3 §1.9 (the XOP prefix), Appendix A.1 (XOP opcode maps 9
// and 10), and the instruction pages of TBM and LWP.
//
// XOP is VEX's older AMD sibling: 8F, then [~R ~X ~B mmmmm] [W vvvv L pp] with mmmmm = 8, 9 or 10.
// A plain `pop r/m` is 8F /0, and a map number of 8 or more puts 01b into bits 4:3 of the byte
// after 8F (its ModRM.reg reads 1 or 5), which is how the two are told apart.
//
// Operands are in AT&T order (sources first, destination last). As for BMI, VEX.W (here XOP.W)
// picks the 64-bit form in 64-bit mode, and only 32/64-bit sizes exist.

import type { FormDef, VexDef } from '../types.js';
import { row, E, I, RR, V, R, fl, NOFLAGS, CF, PF, AF, ZF, SF, OF } from '../build.js';

const MAP9: VexDef = { l: 0, w: 'size', xop: 9 };
const MAP10: VexDef = { l: 0, w: 'size', xop: 10 };
// objdump 2.40 decodes XOP BEXTR whatever XOP.L says (measured); the AMD manual lists L=0.
const MAP10_LIG: VexDef = { l: 'ig', w: 'size', xop: 10 };
const Y = [32, 64] as const;

// APM Vol. 3, TBM pages: ZF and SF from the result, CF from the source (carry/borrow of the +1/-1
// step), OF cleared, AF and PF undefined. BEXTR: ZF from the result, CF and OF cleared.
const TBM_FLAGS = fl(0, ZF | SF | CF | OF, AF | PF);
const BEXTR_FLAGS = fl(0, ZF | CF | OF, AF | SF | PF);

type XopInput = Omit<FormDef, 'osz' | 'modes' | 'flags' | 'suffix' | 'flow' | 'encSizes' | 'modrm'> & {
  modrm?: FormDef['modrm']; flags?: FormDef['flags']; suffix?: FormDef['suffix'];
};

function xrow(r: XopInput): FormDef {
  return row({ ...r, modrm: r.modrm ?? {}, osz: 'v', encSizes: Y });
}

/** TBM: XOP map 9 groups 01h and 02h (the destination is XOP.vvvv, the source ModRM.rm), and BEXTR imm32. */
function tbm(): FormDef[] {
  const g = (id: string, op: number, reg: number): FormDef =>
    xrow({ id, mnem: id, opcode: [op], modrm: { reg }, operands: [E('y'), V('y', 'w')], vex: MAP9, flags: TBM_FLAGS, sem: `xop:${id}` });
  return [
    // XOP.A 10h: BEXTR with its control (start, length) in an imm32, sign-extended under XOP.W
    // (GNU refuses $0xffffffff with 64-bit registers).
    xrow({ id: 'bextr_xop', mnem: 'bextr', opcode: [0x10], operands: [I('z'), E('y'), R('y', 'w')], vex: MAP10_LIG, flags: BEXTR_FLAGS, sem: 'xop:bextr' }),
    g('blcfill', 0x01, 1), g('blsfill', 0x01, 2), g('blcs', 0x01, 3), g('tzmsk', 0x01, 4),
    g('blcic', 0x01, 5), g('blsic', 0x01, 6), g('t1mskc', 0x01, 7),
    g('blcmsk', 0x02, 1), g('blci', 0x02, 6),
  ];
}

/**
 * LWP: XOP.9 12h /0 /1 (load/store the LWPCB address, register only) and XOP.A 12h /0 /1 (insert an
 * event record / a value sample): the vvvv register, a 32-bit r/m and an imm32. GNU takes no size
 * suffix on any of them.
 */
function lwp(): FormDef[] {
  return [
    xrow({ id: 'llwpcb', mnem: 'llwpcb', opcode: [0x12], modrm: { reg: 0 }, operands: [RR('y')], vex: MAP9, suffix: 'none', sem: 'xop:llwpcb' }),
    xrow({ id: 'slwpcb', mnem: 'slwpcb', opcode: [0x12], modrm: { reg: 1 }, operands: [RR('y', 'w')], vex: MAP9, suffix: 'none', sem: 'xop:slwpcb' }),
    xrow({ id: 'lwpins', mnem: 'lwpins', opcode: [0x12], modrm: { reg: 0 }, operands: [I('z'), E(32), V('y')], vex: MAP10, suffix: 'none', flags: fl(0, CF), sem: 'xop:lwpins' }),
    xrow({ id: 'lwpval', mnem: 'lwpval', opcode: [0x12], modrm: { reg: 1 }, operands: [I('z'), E(32), V('y')], vex: MAP10, suffix: 'none', flags: NOFLAGS, sem: 'xop:lwpval' }),
  ];
}

export const XOP_FORMS: readonly FormDef[] = [...tbm(), ...lwp()];
