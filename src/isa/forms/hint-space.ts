// The 0F 18-1F opcode space: Intel reserved it for hints that older CPUs run as NOPs, and later
// gave parts of it meanings (SDM Vol. 2B NOP, "0F 19-0F 1F reserved NOP"):
//   0F 18 /0-/3 memory   prefetchnta/t0/t1/t2 (rows in system.ts)
//   0F 18 /7, /6         prefetchit0/1, 64-bit mode, RIP-relative only (SDM Vol. 2B PREFETCHh)
//   0F 1A, 0F 1B         MPX: bndldx/bndstx (no prefix), bndcl/bndmk (F3), bndcu/bndcn (F2),
//                        bndmov (66) (SDM Vol. 1 ch. 17, Vol. 2A BNDxx)
//   F3 0F 1E             CET rdssp, endbr32/64 (system.ts)
//   0F 1F /0             nop r/m (flow.ts)
// Everything else there is `nop r/m` to objdump (a decode-only row per opcode below), and to the CPU.
//
// MPX left the CPUs (gone from Ice Lake on); where it is absent or disabled (BNDCFGx.EN = 0) the
// MPX encodings execute as NOPs (SDM Vol. 1 §17.3.2), which is what x86lab's CPU model does.
// The address rules GNU as checks (no 16-bit addresses, no 32-bit ones in 64-bit code, no
// RIP-relative bndmk/bndldx/bndstx) are in src/encode/hint-checks.ts.

import type { FormDef } from '../types.js';
import { row, E, M, BND, M32, M64 } from '../build.js';

const B0F = (op: number): number[] => [0x0f, op];

function mpx(): FormDef[] {
  const mem = { mod: 'mem' } as const;
  // bndcl/bndcu/bndcn check an address given as a register or memory: r/m32, r/m64 in 64-bit mode
  // (no REX.W, and GNU refuses 66h with them).
  const check = (mnem: string, prefix: 0xf2 | 0xf3, op: number): FormDef[] => ([[M32, 32], [M64, 64]] as const).map(([modes, n]) =>
    row({ id: `${mnem}${n}`, mnem, prefix, opcode: B0F(op), modrm: {}, operands: [E(n), BND()], osz: 'none', modes, sem: `mpx:${mnem}` }));
  return [
    row({ id: 'bndmk', mnem: 'bndmk', prefix: 0xf3, opcode: B0F(0x1b), modrm: mem, operands: [M(0), BND('w')], osz: 'none', sem: 'mpx:bndmk' }),
    ...check('bndcl', 0xf3, 0x1a), ...check('bndcu', 0xf2, 0x1a), ...check('bndcn', 0xf2, 0x1b),
    // bndmov loads (66 0F 1A) or stores (66 0F 1B) a bound pair: 64-bit bounds (m128) in 64-bit mode,
    // else 32-bit ones (m64); GNU's Intel syntax wants `xmmword ptr` either way (hint-checks.ts).
    // Register to register GNU writes the load form.
    row({ id: 'bndmov_load_m', mnem: 'bndmov', prefix: 0x66, opcode: B0F(0x1a), modrm: mem, operands: [M(0), BND('w')], osz: 'none', sem: 'mpx:bndmov' }),
    row({ id: 'bndmov_load_r', mnem: 'bndmov', prefix: 0x66, opcode: B0F(0x1a), modrm: { mod: 'reg' }, operands: [BND('r', 'rm'), BND('w')], osz: 'none', sem: 'mpx:bndmov' }),
    row({ id: 'bndmov_store_m', mnem: 'bndmov', prefix: 0x66, opcode: B0F(0x1b), modrm: mem, operands: [BND(), M(0, 'w')], osz: 'none', sem: 'mpx:bndmov' }),
    row({ id: 'bndmov_store_r', mnem: 'bndmov', prefix: 0x66, opcode: B0F(0x1b), modrm: { mod: 'reg' }, operands: [BND(), BND('w', 'rm')], osz: 'none', decodeOnly: true, sem: 'mpx:bndmov' }),
    // bndldx/bndstx: the bound-table entry for a pointer; the address is base + displacement, the
    // SIB index register holds the pointer value (SDM Vol. 2A BNDLDX).
    row({ id: 'bndldx', mnem: 'bndldx', opcode: B0F(0x1a), modrm: mem, operands: [M(0), BND('w')], osz: 'none', sem: 'mpx:bndldx' }),
    row({ id: 'bndstx', mnem: 'bndstx', opcode: B0F(0x1b), modrm: mem, operands: [BND(), M(0, 'w')], osz: 'none', sem: 'mpx:bndstx' }),
  ];
}

/**
 * PREFETCHIT0/1 (NP 0F 18 /7, /6, 64-bit mode): code prefetch hints, RIP-relative only. objdump shows
 * the other 0F 18 /6-/7 memory forms there as nop, and takes an F2/F3 as part of that nop's opcode
 * (not named), where in 32-bit code (plain hint space) it names it.
 */
function prefetchi(): FormDef[] {
  const it = (mnem: string, reg: number): FormDef =>
    row({ id: mnem, mnem, np: true, opcode: B0F(0x18), modrm: { reg, mod: 'rip' }, operands: [M(0)], osz: 'none', modes: M64, sem: 'nop' });
  const nop = (reg: number, prefix: 0xf2 | 0xf3): FormDef =>
    row({ id: `nop_hint_18_${reg}_${prefix.toString(16)}`, mnem: 'nop', prefix, opcode: B0F(0x18), modrm: { reg, mod: 'mem' }, operands: [E('v', 'none')], osz: 'v', modes: M64, decodeOnly: true, sem: 'nop' });
  return [it('prefetchit0', 7), it('prefetchit1', 6), nop(7, 0xf3), nop(7, 0xf2), nop(6, 0xf3), nop(6, 0xf2)];
}

/** objdump's `nop r/m` over the rest of the space (any ModRM.reg; 0F 1A/1B memory forms are MPX). */
function hintNops(): FormDef[] {
  const nop = (op: number, mod?: 'reg'): FormDef =>
    row({ id: `nop_hint_${op.toString(16)}`, mnem: 'nop', opcode: B0F(op), modrm: mod ? { mod } : {}, operands: [E('v', 'none')], osz: 'v', decodeOnly: true, fallback: true, sem: 'nop' });
  return [nop(0x18), nop(0x19), nop(0x1a, 'reg'), nop(0x1b, 'reg'), nop(0x1c), nop(0x1d), nop(0x1e), nop(0x1f)];
}

export const HINT_SPACE_FORMS: readonly FormDef[] = [...mpx(), ...prefetchi(), ...hintNops()];
