// Decoder lookup structures derived from the ISA table at start-up.
//
// Every decodable form lands in one or more opcode slots (map × last opcode byte; +r forms take
// eight). A slot lists its candidate forms most-specific first; the decoder walks that short list
// and takes the first whose constraints (mode, mandatory prefix, ModRM fields, operand/address
// size) hold. All per-form facts the hot path needs are flattened into typed arrays here so that
// decoding reads numbers only.

import type { Form, OperandDef, Size } from '../isa/types.js';
import { mpxAddr } from './hint-space.js';
import { prebuiltTables } from './prebuilt.js';

/**
 * Opcode maps: one-byte, 0F, 0F 38, 0F 3A; then VEX maps 1-3 (0F, 0F 38, 0F 3A) at MAP_VEX + map - 1;
 * then AMD's XOP maps 8-10 at MAP_XOP + map - 8.
 */
export const MAP_1B = 0;
export const MAP_0F = 1;
export const MAP_0F38 = 2;
export const MAP_0F3A = 3;
export const MAP_VEX = 4;
export const MAP_XOP = 7;
const N_MAPS = 10;

/** Immediate field size codes (ImmCode). 1/2/4/8 are fixed byte counts. */
export const IMM_NONE = 0;
export const IMM_Z = 9; // 2 with 16-bit operand size, else 4
export const IMM_V = 10; // operand size in bytes (2/4/8)
export const IMM_A = 11; // address size in bytes (moffs)
export const IMM_FAR = 12; // ptr16:16/32: offset (2/4 by operand size) then a 16-bit selector

/** Mandatory-prefix codes. */
export const MP_NONE = 0;
export const MP_66 = 1;
export const MP_F3 = 2;
export const MP_F2 = 3;
/** A VEX row that takes any VEX.pp (VexDef.ppIgnored). */
export const MP_ANY = 4;

/** Operand-size rules (FormDef.osz), numbered. */
export const OSZ_B = 0;
export const OSZ_V = 1;
export const OSZ_D64 = 2;
export const OSZ_F64 = 3;
export const OSZ_W = 4;
export const OSZ_D = 5;
export const OSZ_Q = 6;
export const OSZ_NONE = 7;
const OSZ_CODE: Record<Form['osz'], number> = { b: OSZ_B, v: OSZ_V, d64: OSZ_D64, f64: OSZ_F64, w: OSZ_W, d: OSZ_D, q: OSZ_Q, none: OSZ_NONE };

export interface DecodeTables {
  readonly forms: readonly Form[];
  /**
   * Read WAIT (9B) before an x87 escape as part of that instruction, as objdump does (`9b db e3` is
   * one `finit`). The CPU runs the 9B as an instruction of its own, so the executor's tables do not.
   */
  readonly foldWait?: boolean;
  /** Candidates of slot s are cand[slotStart[s] .. slotStart[s+1]). Slot = map * 256 + byte. */
  readonly slotStart: Int32Array;
  readonly cand: Int32Array;
  /** Slot reads a ModRM byte (some candidate has one). */
  readonly slotModrm: Uint8Array;
  /** Per form: bit set of valid modes (1 = 16, 2 = 32, 4 = 64). */
  readonly fModes: Uint8Array;
  readonly fPfx: Uint8Array;
  /** ModRM constraints, -1 = any. fMod: 0 memory only, 1 register only, 2 mod 00 only (with fRm 5: RIP-relative), 3 any mod read as a register (mov %crN). */
  readonly fReg: Int8Array;
  readonly fMod: Int8Array;
  readonly fRm: Int8Array;
  readonly fHasModrm: Uint8Array;
  readonly fOsz: Uint8Array;
  /** Fixed-size form selected by operand size among siblings: the size it needs (0 = not strict). */
  readonly fStrict: Uint8Array;
  /** Strict form whose sibling group has a 64-bit but no 32-bit member: size defaults to 64 in long mode. */
  readonly fStrictD64: Uint8Array;
  /** Strict form whose sibling group has no 64-bit member: REX.W does not change its size (insl). */
  readonly fStrictNoQ: Uint8Array;
  /** Strict form whose sibling group has no 16-bit member: 66h does not change its size (objdump: data16 sysret, data16 cmpxchg8b). */
  readonly fStrictNoW: Uint8Array;
  /** Overlay row inside a +r slot (nop in 90+r): claims the slot only without REX.B and without a 66h operand size. */
  readonly fOverlayExact: Uint8Array;
  /** MPX addressing (decode/hint-space.ts): 64-bit in 64-bit mode whatever 67h says; no displacement read with 16-bit addressing. */
  readonly fMpxAddr: Uint8Array;
  /** FormDef.np: no 66/F2/F3 may precede. */
  readonly fNp: Uint8Array;
  /** Address size the form is tied to (0 = any). */
  readonly fAsz: Uint8Array;
  readonly fImmA: Uint8Array;
  readonly fImmB: Uint8Array;
  /** First immediate is sign-extended to 64 bits in Decoded.imm (sx imm8, imm32 of 64-bit ops). */
  readonly fImmSx: Uint8Array;
  /** The first immediate is a relative branch displacement (2 = rel16/32 sized by the operand size). */
  readonly fRel: Uint8Array;
  /** +r form: register number in the low 3 opcode bits. */
  readonly fOpreg: Uint8Array;
  /** VEX form: required VEX.L and VEX.W (-1 = any; W chosen by size is -1 too). */
  readonly fVexL: Int8Array;
  readonly fVexW: Int8Array;
  /** VEX form with no vvvv operand: VEX.vvvv must be 1111b (objdump's (bad) otherwise; #UD on the CPU). */
  readonly fNoVvvv: Uint8Array;
  /** 66h is no operand-size prefix for the form (VEX forms, FormDef.no66). */
  readonly fNo66: Uint8Array;
  /**
   * Legacy SIMD row (sem xsimd:): its mandatory prefix must be the one in force, i.e. the last F2/F3,
   * else 66h, else none (SDM Vol. 2 §2.1.2; objdump's prefix tables). No fallback to another row.
   */
  readonly fSimd: Uint8Array;
  /** Same-slot forms with identical constraints (table bugs), as "idA idB" strings. */
  readonly conflicts: readonly string[];
}

function immCode(op: OperandDef): number {
  if (op.kind === 'moffs') return IMM_A;
  if (op.kind === 'far') return IMM_FAR;
  if (op.sx) return 1;
  return sizeCode(op.size, op.kind === 'rel');
}

function sizeCode(s: Size, rel: boolean): number {
  switch (s) {
    case 8: return 1;
    case 16: return 2;
    case 32: return 4;
    case 64: return 8;
    case 'z': return IMM_Z;
    case 'v': return rel ? IMM_Z : IMM_V;
    case 'y': return IMM_Z;
    default: return 4;
  }
}

/** Where a form sits: map, last opcode byte, and an optional fixed ModRM byte after it. */
function placement(f: Form): { map: number; byte: number; fixedModrm: number } {
  const op = f.opcode;
  let i = 0;
  let map = MAP_1B;
  if (op[0] === 0x0f && op.length > 1) {
    i = 1;
    map = MAP_0F;
    if ((op[1] === 0x38 || op[1] === 0x3a) && op.length > 2) {
      map = op[1] === 0x38 ? MAP_0F38 : MAP_0F3A;
      i = 2;
    }
  }
  // VEX forms name their map by the escape bytes it replaces (SDM Vol. 2A §2.3.6.1: VEX.mmmmm).
  if (f.vex) map = f.vex.xop ? MAP_XOP + f.vex.xop - 8 : map + MAP_VEX - 1;
  const byte = op[i];
  // Bytes past the opcode proper (0F 01 F8 swapgs, 0F AE F0 mfence) are a ModRM byte with mod = 3.
  const fixedModrm = i + 1 < op.length ? op[i + 1] : -1;
  return { map, byte, fixedModrm };
}

function score(t: { pfx: number; reg: number; mod: number; rm: number; strict: number; asz: number; overlay: boolean; np: number; fallback: boolean }): number {
  let s = 0;
  if (t.overlay) s += 1000;
  if (t.np) s += 50;
  if (t.fallback) s -= 10000;
  if (t.pfx === MP_F2 || t.pfx === MP_F3) s += 200;
  else if (t.pfx === MP_66) s += 100;
  if (t.rm >= 0) s += 40;
  if (t.reg >= 0) s += 20;
  if (t.mod >= 0) s += 10;
  if (t.asz) s += 5;
  if (t.strict) s += 2;
  return s;
}

export function buildDecodeTables(forms: readonly Form[]): DecodeTables {
  // The CLI bundle carries the tables of FORMS, computed by this function at build time.
  const prebuilt = prebuiltTables(forms);
  if (prebuilt) return prebuilt;
  const n = forms.length;
  const fModes = new Uint8Array(n);
  const fPfx = new Uint8Array(n);
  const fReg = new Int8Array(n).fill(-1);
  const fMod = new Int8Array(n).fill(-1);
  const fRm = new Int8Array(n).fill(-1);
  const fHasModrm = new Uint8Array(n);
  const fOsz = new Uint8Array(n);
  const fStrict = new Uint8Array(n);
  const fStrictD64 = new Uint8Array(n);
  const fStrictNoQ = new Uint8Array(n);
  const fStrictNoW = new Uint8Array(n);
  const fOverlayExact = new Uint8Array(n);
  const fAsz = new Uint8Array(n);
  const fMpxAddr = new Uint8Array(n);
  const fNp = new Uint8Array(n);
  const fImmA = new Uint8Array(n);
  const fImmB = new Uint8Array(n);
  const fImmSx = new Uint8Array(n);
  const fRel = new Uint8Array(n);
  const fOpreg = new Uint8Array(n);
  const fVexL = new Int8Array(n).fill(-1);
  const fVexW = new Int8Array(n).fill(-1);
  const fNoVvvv = new Uint8Array(n);
  const fNo66 = new Uint8Array(n);
  const fSimd = new Uint8Array(n);
  const slots: number[][] = Array.from({ length: N_MAPS * 256 }, () => []);
  const slotModrm = new Uint8Array(N_MAPS * 256);

  for (let k = 0; k < n; k++) {
    const f = forms[k];
    if (f.index !== k) throw new Error(`decode tables: FORMS[${k}] has index ${f.index}`);
    for (const m of f.modes) fModes[k] |= m === 16 ? 1 : m === 32 ? 2 : 4;
    fPfx[k] = f.prefix === 0x66 ? MP_66 : f.prefix === 0xf3 ? MP_F3 : f.prefix === 0xf2 ? MP_F2 : f.vex?.ppIgnored ? MP_ANY : MP_NONE;
    fOsz[k] = OSZ_CODE[f.osz];
    fAsz[k] = f.asz ?? 0;
    fMpxAddr[k] = mpxAddr(f) ? 1 : 0;
    fNp[k] = f.np ? 1 : 0;
    if (f.vex || f.no66) fNo66[k] = 1;
    if (!f.vex && f.sem.startsWith('xsimd:') && !f.repIgnored) fSimd[k] = 1;
    if (f.vex) {
      fVexL[k] = f.vex.l === 'ig' ? -1 : f.vex.l;
      fVexW[k] = f.vex.w === 0 || f.vex.w === 1 ? f.vex.w : -1;
      fNoVvvv[k] = f.operands.some((o) => o.loc === 'vvvv') ? 0 : 1;
    }
    const { fixedModrm } = placement(f);
    if (fixedModrm >= 0) {
      fHasModrm[k] = 1;
      fMod[k] = 1;
      fReg[k] = (fixedModrm >> 3) & 7;
      fRm[k] = fixedModrm & 7;
    }
    if (f.modrm) {
      fHasModrm[k] = 1;
      if (f.modrm.reg !== undefined && !f.regIgnored) fReg[k] = f.modrm.reg;
      if (f.modrm.mod) fMod[k] = f.modrm.mod === 'reg' ? 1 : f.modrm.mod === 'rip' ? 2 : 0;
      if (f.modrm.mod === 'rip') fRm[k] = 5;
      if (f.modrm.rm !== undefined) fRm[k] = f.modrm.rm;
    }
    // MOV to/from control, debug and test registers ignore ModRM.mod (SDM Vol. 2B MOV—Move to/from
    // Control Registers): any mod is read as the register form (3: any mod, read as 11b).
    const modIgnored = f.operands.some((op) => op.kind === 'creg' || op.kind === 'dreg' || op.kind === 'treg');
    let imms = 0;
    for (const op of f.operands) {
      if (op.loc === 'rm' || op.loc === 'reg') fHasModrm[k] = 1;
      if (op.loc === 'rm' && op.kind === 'mem' && fMod[k] !== 2) fMod[k] = 0;
      if (op.loc === 'rm' && (op.kind === 'gpr' || op.kind === 'xmm' || op.kind === 'mmx')) fMod[k] = 1;
      if (op.loc === 'opreg') fOpreg[k] = 1;
      if (op.loc === 'imm' && (op.kind === 'imm' || op.kind === 'rel' || op.kind === 'moffs' || op.kind === 'far')) {
        if (imms++ === 0) {
          fImmA[k] = immCode(op);
          // (XOP's imm32 is a 32-bit field under XOP.W too; objdump shows it unsigned.)
          fImmSx[k] = op.sx || op.kind === 'rel' || (op.size === 'z' && !f.vex?.xop) ? 1 : 0;
          fRel[k] = op.kind === 'rel' ? (op.size === 8 ? 1 : 2) : 0;
        } else fImmB[k] = immCode(op);
      } else if (op.loc === 'imm2') fImmB[k] = immCode(op);
      else if (op.kind === 'far') fImmA[k] = IMM_FAR;
    }
    if (modIgnored) fMod[k] = 3;
  }

  // Slot membership.
  const keyOf = (k: number): string => `${fPfx[k]}/${fReg[k]}/${fMod[k]}/${fRm[k]}/${fAsz[k]}/${fVexL[k]}`;
  for (let k = 0; k < n; k++) {
    const f = forms[k];
    if (f.encodeOnly) continue;
    const { map, byte } = placement(f);
    const base = map * 256;
    if (fOpreg[k]) for (let r = 0; r < 8; r++) slots[base + ((byte & 0xf8) | r)].push(k);
    else slots[base + byte].push(k);
  }

  // Strict operand-size selection among siblings with the same constraints (cbtw/cwtl/cltq, iret/iretq).
  const conflicts: string[] = [];
  for (let s = 0; s < slots.length; s++) {
    const list = slots[s];
    if (list.length === 0) continue;
    for (const k of list) if (fHasModrm[k]) slotModrm[s] = 1;
    if (list.some((k) => fOpreg[k])) for (const k of list) if (forms[k].overlay && !fOpreg[k]) fOverlayExact[k] = 1;
    const groups = new Map<string, number[]>();
    for (const k of list) {
      const key = keyOf(k) + (forms[k].overlay ? '/o' : '');
      const g = groups.get(key);
      if (g) g.push(k);
      else groups.set(key, [k]);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const sizes = new Set(g.map((k) => forms[k].osz));
      const hasD = sizes.has('d');
      const hasQ = sizes.has('q');
      const hasW = sizes.has('w') || sizes.has('v') || sizes.has('d64') || sizes.has('f64');
      for (const k of g) {
        const o = forms[k].osz;
        if (o === 'w' || o === 'd' || o === 'q') {
          fStrict[k] = o === 'w' ? 16 : o === 'd' ? 32 : 64;
          fStrictD64[k] = hasQ && !hasD ? 1 : 0;
          fStrictNoQ[k] = hasQ ? 0 : 1;
          fStrictNoW[k] = hasW ? 0 : 1;
        }
      }
      // Two forms that still cannot be told apart: same fixed size, or two size-generic rows valid in a common mode.
      for (let i = 0; i < g.length; i++) {
        for (let j = i + 1; j < g.length; j++) {
          const a = g[i];
          const b = g[j];
          if ((fModes[a] & fModes[b]) === 0) continue;
          const sa = fStrict[a];
          const sb = fStrict[b];
          if ((sa && sb && sa !== sb) || (sa === 0) !== (sb === 0)) continue;
          if (fOsz[a] === OSZ_B || fOsz[b] === OSZ_B) if (fOsz[a] !== fOsz[b]) continue;
          if (forms[a].mnem === forms[b].mnem && (forms[a].suffix !== forms[b].suffix)) continue;
          conflicts.push(`${forms[a].id} ${forms[b].id}`);
        }
      }
    }
    list.sort((a, b) => {
      const sa = score({ pfx: fPfx[a], reg: fReg[a], mod: fMod[a], rm: fRm[a], strict: fStrict[a], asz: fAsz[a], overlay: !!forms[a].overlay, np: fNp[a], fallback: !!forms[a].fallback });
      const sb = score({ pfx: fPfx[b], reg: fReg[b], mod: fMod[b], rm: fRm[b], strict: fStrict[b], asz: fAsz[b], overlay: !!forms[b].overlay, np: fNp[b], fallback: !!forms[b].fallback });
      return sb - sa || a - b;
    });
  }

  const slotStart = new Int32Array(slots.length + 1);
  let total = 0;
  for (let s = 0; s < slots.length; s++) {
    slotStart[s] = total;
    total += slots[s].length;
  }
  slotStart[slots.length] = total;
  const cand = new Int32Array(total);
  for (let s = 0, p = 0; s < slots.length; s++) for (const k of slots[s]) cand[p++] = k;

  return {
    forms, slotStart, cand, slotModrm, fModes, fPfx, fReg, fMod, fRm, fHasModrm, fOsz, fStrict, fStrictD64, fStrictNoQ, fStrictNoW, fOverlayExact, fAsz, fMpxAddr, fNp,
    fImmA, fImmB, fImmSx, fRel, fOpreg, fVexL, fVexW, fNoVvvv, fNo66, fSimd, conflicts, foldWait: true,
  };
}
