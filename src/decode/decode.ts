// The table-driven x86 decoder (64- and 32-bit modes).
//
// decodeInto() is the hot path: it fills a caller-owned Decoded record and allocates nothing.
// decode() wraps it for API users and returns a plain object.
//
// Instruction layout (SDM Vol. 2 §2.1):
//   [legacy prefixes][REX][opcode 1-3 bytes][ModRM][SIB][disp 0/1/2/4][imm 0/1/2/4/8]
//
//   ModRM:  7 6 | 5 4 3 | 2 1 0        SIB:  7 6   | 5 4 3 | 2 1 0        REX: 0100 W R X B
//           mod |  reg  |  rm                scale | index | base

import type { Form, Mode } from '../isa/types.js';
import { Bad, NONE, Pfx, RIP, newDecoded, type Decoded } from './types.js';
import {
  IMM_A, IMM_FAR, IMM_NONE, IMM_V, IMM_Z, MAP_0F, MAP_0F38, MAP_0F3A, MAP_VEX, MAP_XOP, MP_66, MP_ANY, MP_F2, MP_F3, MP_NONE,
  OSZ_B, OSZ_D, OSZ_D64, OSZ_F64, OSZ_Q, OSZ_W, type DecodeTables,
} from './tables.js';
import { defaultTables } from './default.js';
import { FOREIGN } from './foreign-lengths.js';
import { formatDecoded } from './att.js';
import { gprName } from '../isa/registers.js';

/** The architectural limit on instruction length (SDM Vol. 2 §2.3.11). */
export const MAX_INSN = 15;
/** objdump stops collecting prefixes after this many and prints them as an instruction of their own. */
const MAX_PREFIXES = 14;

const TWO32 = 4294967296;

// 16-bit addressing ModRM.rm -> base/index (SDM Vol. 2 Table 2-1): bx=3 bp=5 si=6 di=7.
const RM16_BASE = [3, 3, 5, 5, 6, 7, 5, 3];
const RM16_INDEX = [6, 7, 6, 7, NONE, NONE, NONE, NONE];

function reset(out: Decoded, mode: Mode): void {
  out.form = NONE;
  out.length = 0;
  out.mode = mode;
  out.opsize = 32;
  out.adsize = mode;
  out.prefixes = 0;
  out.rex = 0;
  out.seg = NONE;
  out.mod = NONE;
  out.reg = NONE;
  out.rm = NONE;
  out.base = NONE;
  out.index = NONE;
  out.scale = 1;
  out.disp = 0;
  out.hasDisp = 0;
  out.immLo = 0;
  out.immHi = 0;
  out.imm2 = 0;
  out.targetLo = 0;
  out.targetHi = 0;
  out.bad = Bad.NONE;
  out.prefixLen = 0;
  out.ignoredRexEnd = 0;
  out.lastRep = 0;
  out.sib = NONE;
  out.vex = 0;
  out.vvvv = NONE;
  out.tooLongForm = NONE;
}

function fail(out: Decoded, kind: number, length: number): Decoded {
  out.form = NONE;
  out.bad = kind;
  out.length = length;
  return out;
}

/**
 * Decode one instruction at bytes[offset] into `out` (which is returned). `ipLo`/`ipHi` are the
 * low/high 32 bits of the instruction's address, used for rel branch targets. Never throws on
 * any input: undefined encodings come back with form = NONE and bad != Bad.NONE.
 */
export function decodeInto(out: Decoded, bytes: Uint8Array, offset: number, mode: Mode, ipLo: number, ipHi: number): Decoded {
  return decodeWith(defaultTables(), out, bytes, offset, mode, ipLo, ipHi);
}

export function decodeWith(
  t: DecodeTables, out: Decoded, bytes: Uint8Array, offset: number, mode: Mode, ipLo: number, ipHi: number,
): Decoded {
  decodeOnce(t, out, bytes, offset, mode, ipLo, ipHi);
  // A WAIT before an x87 instruction cut short by the end of the input is an fwait of its own (objdump).
  if (out.bad === Bad.TRUNCATED && out.prefixes & Pfx.WAIT) {
    decodeOnce({ ...t, foldWait: false }, out, bytes.subarray(0, bytes.indexOf(0x9b, offset) + 1), offset, mode, ipLo, ipHi);
  }
  return out;
}

function decodeOnce(
  t: DecodeTables, out: Decoded, bytes: Uint8Array, offset: number, mode: Mode, ipLo: number, ipHi: number,
): Decoded {
  reset(out, mode);
  const avail = bytes.length - offset;
  if (avail <= 0) return fail(out, Bad.TRUNCATED, 0);
  const long = mode === 64;
  let p = offset;
  let pfx = 0;
  let rex = 0;
  let seg = NONE;
  let lastRep = 0;
  let n = 0;
  let firstWait = -1;

  // ---- prefixes: legacy ones in any order and repetition; REX counts only right before the opcode.
  for (;;) {
    if (n >= avail && firstWait >= 0) return decodeOnce({ ...t, foldWait: false }, out, bytes.subarray(0, offset + firstWait + 1), offset, mode, ipLo, ipHi);
    if (n >= avail) return fail(out, n > 0 ? Bad.PREFIXES : Bad.TRUNCATED, n > 0 ? n : 1);
    const b = bytes[p];
    if (b === 0x9b && t.foldWait) {
      // objdump's WAIT: read like a prefix; one after other prefixes (or a second one) ends the prefixes.
      if (firstWait < 0) firstWait = n;
      if (rex !== 0) {
        out.ignoredRexEnd = n; // a REX before it is ignored, as before a legacy prefix
        rex = 0;
      }
      p++;
      n++;
      if (n > 1) break;
      continue;
    }
    let isLegacy = true;
    switch (b) {
      case 0xf0: pfx |= Pfx.LOCK; break;
      case 0xf2: pfx |= Pfx.REPNE; lastRep = b; break;
      case 0xf3: pfx |= Pfx.REP; lastRep = b; break;
      case 0x66: pfx |= Pfx.OPSIZE; break;
      case 0x67: pfx |= Pfx.ADSIZE; break;
      case 0x26: if (!long) seg = 0; pfx |= Pfx.SEG; break;
      case 0x2e: if (!long) seg = 1; pfx |= Pfx.SEG; break;
      case 0x36: if (!long) seg = 2; pfx |= Pfx.SEG; break;
      case 0x3e: if (!long) seg = 3; pfx |= Pfx.SEG; break;
      case 0x64: seg = 4; pfx |= Pfx.SEG; break;
      case 0x65: seg = 5; pfx |= Pfx.SEG; break;
      default: isLegacy = false;
    }
    if (isLegacy) {
      if (rex !== 0) {
        // SDM Vol. 2 §2.2.1: a REX not immediately before the opcode is ignored.
        out.ignoredRexEnd = n;
        rex = 0;
      }
    } else if (long && (b & 0xf0) === 0x40) {
      if (rex !== 0) out.ignoredRexEnd = n; // REX REX: the first one is ignored
      rex = b;
    } else break;
    p++;
    n++;
    if (n >= MAX_PREFIXES) return fail(out, Bad.PREFIXES, n);
  }
  if (firstWait >= 0) {
    // Not before an x87 escape (D8-DF): the WAIT is an fwait of its own, with the prefixes before it.
    const op = n < avail ? bytes[p] : -1;
    if (op < 0xd8 || op > 0xdf) return decodeOnce({ ...t, foldWait: false }, out, bytes.subarray(0, offset + firstWait + 1), offset, mode, ipLo, ipHi);
    pfx |= Pfx.WAIT;
  }
  out.prefixLen = n;
  out.rex = rex;
  out.lastRep = lastRep;
  if (rex) pfx |= Pfx.REX;
  out.prefixes = pfx;
  // In 64-bit mode only FS and GS overrides change the address (SDM Vol. 1 §3.3.7.1); an ES/CS/SS/DS
  // prefix after them does not cancel them (objdump agrees).
  out.seg = seg;

  // ---- opcode
  let map = 0;
  let b = bytes[p++];
  n++;
  // Register-number extension bits (REX.RXB, or VEX's inverted R/X/B) and REX.W / VEX.W.
  let rx = rex;
  let isVex = false;
  let isXop = false;
  let vpp = 0;
  let vexL = 0;
  let vexW = 0;
  let vvvv = 0;
  const vexN = n; // bytes up to the VEX/XOP escape, to measure the instruction as a foreign one
  const vexByte = b;
  if ((b === 0xc4 || b === 0xc5) && n + (b === 0xc4 ? 2 : 1) < avail && (long || bytes[p] >= 0xc0)) {
    // VEX prefix (SDM Vol. 2A §2.3.5, Figure 2-9). Outside 64-bit mode C4/C5 are LES/LDS unless
    // ModRM.mod would be 11b, i.e. the next byte is >= C0 (objdump's rule, and the CPU's).
    //   C5: [~R vvvv L pp]                 C4: [~R ~X ~B m-mmmm] [W vvvv L pp]
    const b1 = bytes[p];
    const three = b === 0xc4;
    const vmap = three ? b1 & 0x1f : 1;
    const last = three ? bytes[p + 1] : b1;
    const vslot = (MAP_VEX + vmap - 1) * 256 + bytes[p + (three ? 2 : 1)];
    if (vmap >= 1 && vmap <= 3 && t.slotStart[vslot] !== t.slotStart[vslot + 1]) {
      isVex = true;
      out.vex = three ? 3 : 2;
      vexW = three ? last >> 7 : 0;
      // In 32-bit mode VEX.R/X are 1 (checked above), VEX.B and VEX.vvvv[3] are ignored.
      rx = long ? 0x40 | (vexW << 3) | ((~b1 >> 5) & (three ? 7 : 4)) : 0;
      vvvv = (~last >> 3) & 15;
      vexL = (last >> 2) & 1;
      vpp = last & 3;
      map = MAP_VEX + vmap - 1;
      p += three ? 2 : 1;
      n += three ? 2 : 1;
      b = bytes[p++];
      n++;
    }
  }
  if (b === 0x8f && n + 2 < avail && (bytes[p] & 0x18) === 0x08) {
    // AMD XOP prefix (APM Vol. 3 §1.9): 8F [~R ~X ~B mmmmm] [W vvvv L pp], map 8-10. Its map field
    // (8 or more) makes what would be ModRM.reg of `pop r/m` (8F /0) read 1 or 5. Decoded like the
    // three-byte VEX (objdump 2.40 too: in 32-bit mode any ModRM.mod, R/X/B and vvvv[3] ignored).
    const b1 = bytes[p];
    const last = bytes[p + 1];
    const xmap = b1 & 0x1f;
    const xslot = (MAP_XOP + xmap - 8) * 256 + bytes[p + 2];
    if (xmap <= 10 && t.slotStart[xslot] !== t.slotStart[xslot + 1]) {
      isVex = true;
      isXop = true;
      out.vex = 3;
      vexW = last >> 7;
      // Outside 64-bit mode objdump drops XOP.B but keeps R and X (ModRM.reg and the SIB index then
      // name %r8d-%r15d): the disassembler's view, which the executor never reaches (no TBM/LWP there).
      rx = long ? 0x40 | (vexW << 3) | ((~b1 >> 5) & 7) : (~b1 >> 5) & 6;
      vvvv = (~last >> 3) & 15;
      vexL = (last >> 2) & 1;
      vpp = last & 3;
      map = MAP_XOP + xmap - 8;
      p += 2;
      n += 2;
      b = bytes[p++];
      n++;
    }
  }
  if (!isVex && b === 0x0f) {
    if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
    b = bytes[p++];
    n++;
    map = MAP_0F;
    if (b === 0x38 || b === 0x3a) {
      if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
      map = b === 0x38 ? MAP_0F38 : MAP_0F3A;
      b = bytes[p++];
      n++;
    }
  }
  const opEnd = n; // objdump's (bad) length: prefixes and opcode bytes
  const slot = map * 256 + b;
  let ci = t.slotStart[slot];
  const ce = t.slotStart[slot + 1];
  if (ci === ce) return foreign(out, bytes, offset, n, avail, map, b, mode, pfx, lastRep, opEnd, true);

  let modrm = -1;
  if (t.slotModrm[slot]) {
    if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
    modrm = bytes[p];
  }
  const mod = modrm >> 6;
  const mreg = (modrm >> 3) & 7;
  const mrm = modrm & 7;
  const modeBit = long ? 4 : mode === 32 ? 2 : 1;
  const has66 = (pfx & Pfx.OPSIZE) !== 0;
  const has67 = (pfx & Pfx.ADSIZE) !== 0;
  const rexW = (rex & 8) !== 0;
  const adsize = long ? (has67 ? 32 : 64) : mode === 32 ? (has67 ? 16 : 32) : has67 ? 32 : 16;

  // ---- pick the form: first candidate whose constraints hold.
  let form = -1;
  let used66 = false; // 66 consumed as a mandatory prefix
  for (; ci < ce; ci++) {
    const k = t.cand[ci];
    if ((t.fModes[k] & modeBit) === 0) continue;
    const mp = t.fPfx[k];
    if (isVex) {
      // VEX.pp is the whole mandatory prefix (none included); legacy 66/F2/F3 bytes do not count.
      if (mp !== vpp && mp !== MP_ANY) continue;
      if (t.fVexL[k] >= 0 && t.fVexL[k] !== vexL) continue;
      if (long && t.fVexW[k] >= 0 && t.fVexW[k] !== vexW) continue;
      if (t.fNoVvvv[k] && vvvv !== 0) continue;
    } else if (t.fSimd[k]) {
      if (mp !== (lastRep === 0xf3 ? MP_F3 : lastRep === 0xf2 ? MP_F2 : has66 ? MP_66 : MP_NONE)) continue;
    } else if (mp !== MP_NONE) {
      if (mp === MP_66) { if (!has66 || lastRep !== 0) continue; }
      else if (mp === MP_F3) { if (lastRep !== 0xf3) continue; }
      else if (mp === MP_F2) { if (lastRep !== 0xf2) continue; }
    }
    if (t.fHasModrm[k]) {
      const fm = t.fMod[k];
      if (fm === 0 ? mod === 3 : fm === 1 ? mod !== 3 : fm === 2 ? mod !== 0 : false) continue;
      if (t.fReg[k] >= 0 && t.fReg[k] !== mreg) continue;
      if (t.fRm[k] >= 0 && t.fRm[k] !== mrm) continue;
    }
    if (t.fNp[k] && (has66 || lastRep !== 0)) continue;
    // nop is 90 only without REX.B and 66h (else xchg); pause (F3 90) stays pause.
    if (t.fOverlayExact[k] && mp === MP_NONE && ((rex & 1) !== 0 || has66)) continue;
    const asz = t.fAsz[k];
    if (asz !== 0 && asz !== adsize) continue;
    const st = t.fStrict[k];
    if (st !== 0) {
      const o66 = has66 && mp !== MP_66 && !t.fNo66[k];
      // REX.W beats 66h; a group without a 64-bit member (in/out/ins/outs) then stays 32-bit.
      const sz = long && rexW ? (t.fStrictNoQ[k] ? 32 : 64) : o66 && !t.fStrictNoW[k] ? 16 : long && t.fStrictD64[k] ? 64 : 32;
      if (sz !== st) continue;
    }
    form = k;
    used66 = mp === MP_66;
    break;
  }
  // A VEX opcode the table knows with fields no row takes (VEX.L=1, another pp, an undefined /digit):
  // objdump's (bad) over the prefixes, the VEX bytes and the opcode.
  // AMX's ldtilecfg, sttilecfg and tilezero share VEX 0F38 49 with tilerelease: objdump knows them, the
  // table does not, so they are measured like any VEX instruction outside it.
  if (form < 0 && isVex && slot === VEX_TILE_SLOT) {
    out.vex = 0;
    return foreign(out, bytes, offset, vexN, avail, 0, vexByte, mode, pfx, lastRep, vexN, false);
  }
  // Under XOP objdump's only quiet case is the unused vvvv.
  if (form < 0 && isVex) return fail(out, (isXop ? vvvv !== 0 : vexQuiet(t, slot, vvvv, vexL, vpp, mreg, modeBit)) ? Bad.VEX_QUIET : Bad.OPCODE, opEnd);
  if (form < 0 && simdSlot(t, slot)) return fail(out, Bad.VEX_QUIET, opEnd);
  if (form < 0) return foreign(out, bytes, offset, n, avail, map, b, mode, pfx, lastRep, opEnd, false);

  // ---- operand size (SDM Vol. 1 §3.6.1, Vol. 2 §2.2.1.2)
  // Under VEX a 66h byte is no operand-size prefix (the CPU raises #UD for it, see ops-bmi.ts); ADX ignores it.
  const o66 = has66 && !used66 && !t.fNo66[form];
  let opsize: number;
  switch (t.fOsz[form]) {
    case OSZ_B: opsize = 8; break;
    case OSZ_W: opsize = 16; break;
    case OSZ_D: opsize = 32; break;
    case OSZ_Q: opsize = 64; break;
    // REX.W wins over 66h (SDM Vol. 2 §2.2.1.2).
    case OSZ_D64: opsize = long ? (o66 && !rexW ? 16 : 64) : o66 ? 16 : 32; break;
    // Near branches are 64-bit in long mode; objdump still shows 66h as a 16-bit form (callw/retw).
    case OSZ_F64: opsize = long ? (o66 && !rexW ? 16 : 64) : o66 ? 16 : 32; break;
    default: opsize = long && (isVex ? vexW !== 0 : rexW) ? 64 : o66 ? 16 : mode === 16 ? 16 : 32;
  }
  out.opsize = opsize;
  if (isVex) out.vvvv = long ? vvvv : vvvv & 7;
  // MPX addresses are 64-bit in 64-bit mode whatever 67h says (objdump agrees; decode/hint-space.ts).
  out.adsize = long && has67 && t.fMpxAddr[form] ? 64 : adsize;
  out.form = form;

  // ---- ModRM / SIB / displacement
  if (modrm >= 0) {
    p++;
    n++;
    const regForm = mod === 3 || t.fMod[form] === 3;
    out.mod = regForm ? 3 : mod;
    if (!t.fOpreg[form]) out.reg = mreg | ((rx & 4) << 1);
    if (regForm) {
      out.rm = mrm | ((rx & 1) << 3);
    } else if (adsize === 16 && t.fMpxAddr[form]) {
      // MPX has no 16-bit addressing (#UD): objdump prints (bad) and reads no displacement.
    } else if (adsize === 16) {
      out.base = RM16_BASE[mrm];
      out.index = RM16_INDEX[mrm];
      if (mod === 0 && mrm === 6) {
        out.base = NONE;
        if (n + 2 > avail) return fail(out, Bad.TRUNCATED, 1);
        out.disp = (bytes[p] | (bytes[p + 1] << 8)) << 16 >> 16;
        out.hasDisp = 1;
        p += 2;
        n += 2;
      } else if (mod === 1) {
        if (n + 1 > avail) return fail(out, Bad.TRUNCATED, 1);
        out.disp = (bytes[p] << 24) >> 24;
        out.hasDisp = 1;
        p++;
        n++;
      } else if (mod === 2) {
        if (n + 2 > avail) return fail(out, Bad.TRUNCATED, 1);
        out.disp = (bytes[p] | (bytes[p + 1] << 8)) << 16 >> 16;
        out.hasDisp = 1;
        p += 2;
        n += 2;
      }
    } else {
      let base = mrm | ((rx & 1) << 3);
      if (mrm === 4) {
        if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
        const sib = bytes[p++];
        out.sib = sib;
        n++;
        const idx = ((sib >> 3) & 7) | ((rx & 2) << 2);
        out.index = idx === 4 ? NONE : idx; // index 100b without REX.X = none (SDM Vol. 2 Table 2-3)
        out.scale = 1 << (sib >> 6);
        base = (sib & 7) | ((rx & 1) << 3);
        if ((sib & 7) === 5 && mod === 0) base = NONE; // disp32, no base
      } else if (mrm === 5 && mod === 0) {
        base = long ? RIP : NONE; // SDM Vol. 2 §2.2.1.6 RIP-relative addressing
      }
      out.base = base;
      if (mod === 1) {
        if (n + 1 > avail) return fail(out, Bad.TRUNCATED, 1);
        out.disp = (bytes[p] << 24) >> 24;
        out.hasDisp = 1;
        p++;
        n++;
      } else if (mod === 2 || base === NONE || base === RIP) {
        if (n + 4 > avail) return fail(out, Bad.TRUNCATED, 1);
        out.disp = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
        out.hasDisp = 1;
        p += 4;
        n += 4;
      }
    }
  }
  if (t.fOpreg[form]) out.reg = (bytes[offset + opEnd - 1] & 7) | ((rex & 1) << 3);

  // ---- immediates
  const ia = t.fImmA[form];
  if (ia !== IMM_NONE) {
    let w = ia;
    if (ia === IMM_Z || ia === IMM_FAR) w = opsize === 16 ? 2 : 4;
    else if (ia === IMM_V) w = opsize >> 3;
    else if (ia === IMM_A) w = adsize >> 3;
    if (n + w > avail) return fail(out, Bad.TRUNCATED, 1);
    let lo: number;
    let hi = 0;
    const sx = t.fImmSx[form] !== 0;
    if (w === 1) {
      lo = bytes[p];
      if (sx && lo & 0x80) { lo |= 0xffffff00; hi = -1; }
    } else if (w === 2) {
      lo = bytes[p] | (bytes[p + 1] << 8);
      if (sx && lo & 0x8000) { lo |= 0xffff0000; hi = -1; }
    } else {
      lo = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
      if (w === 8) hi = bytes[p + 4] | (bytes[p + 5] << 8) | (bytes[p + 6] << 16) | (bytes[p + 7] << 24);
      else if (sx && lo < 0) hi = -1;
    }
    p += w;
    n += w;
    out.immLo = lo >>> 0;
    out.immHi = hi >>> 0;
    if (ia === IMM_FAR) {
      if (n + 2 > avail) return fail(out, Bad.TRUNCATED, 1);
      out.imm2 = bytes[p] | (bytes[p + 1] << 8);
      p += 2;
      n += 2;
    }
  }
  const ib = t.fImmB[form];
  if (ib !== IMM_NONE) {
    const w = ib === IMM_Z ? (opsize === 16 ? 2 : 4) : ib === IMM_V ? opsize >> 3 : ib === IMM_A ? adsize >> 3 : ib;
    if (n + w > avail) return fail(out, Bad.TRUNCATED, 1);
    let v = 0;
    for (let i = w - 1; i >= 0; i--) v = v * 256 + bytes[p + i];
    out.imm2 = v;
    p += w;
    n += w;
  }
  if (n > MAX_INSN) {
    out.tooLongForm = form;
    return fail(out, Bad.TOO_LONG, MAX_INSN);
  }
  out.length = n;

  // ---- branch target = next instruction's address + displacement, wrapped to the operand size.
  const rel = t.fRel[form];
  if (rel) {
    const disp = out.immLo | 0;
    const sum = ipLo + n + disp;
    let lo = sum >>> 0;
    let hi = 0;
    // A rel16 branch (66h with a rel16/32 form) wraps to 16 bits; objdump shows rel8 ones unwrapped.
    const wrap16 = opsize === 16 && rel === 2;
    if (long && !wrap16) hi = (ipHi + Math.floor(sum / TWO32)) >>> 0;
    if (wrap16) lo &= 0xffff;
    out.targetLo = lo;
    out.targetHi = hi;
  }
  return out;
}

/**
 * Whether objdump prints an undefined VEX encoding as a bare "(bad)" (measured on binutils 2.40):
 * when VEX.vvvv is not 1111b (its (bad) entry takes no vvvv operand), or when VEX.L and ModRM.reg
 * fit rows of the slot that all take no VEX.pp but pp is not 0. Otherwise it names the prefixes.
 */
function vexQuiet(t: DecodeTables, slot: number, vvvv: number, l: number, pp: number, mreg: number, modeBit: number): boolean {
  if (vvvv !== 0) return true;
  let fits = false;
  for (let ci = t.slotStart[slot]; ci < t.slotStart[slot + 1]; ci++) {
    const k = t.cand[ci];
    if ((t.fModes[k] & modeBit) === 0 || (t.fVexL[k] >= 0 && t.fVexL[k] !== l) || (t.fReg[k] >= 0 && t.fReg[k] !== mreg)) continue;
    if (t.fPfx[k] === MP_ANY) continue; // (takes any pp, so it failed on another field)
    if (t.fPfx[k] !== MP_NONE) return false;
    fits = true;
  }
  return fits && pp !== 0;
}

/** Does the slot hold legacy SIMD rows (then an unmatched prefix or ModRM is objdump's bare (bad))? */
function simdSlot(t: DecodeTables, slot: number): boolean {
  for (let ci = t.slotStart[slot]; ci < t.slotStart[slot + 1]; ci++) if (t.fSimd[t.cand[ci]]) return true;
  return false;
}

/** Opcodes of VEX map 1 (0F) that exist (SDM Vol. 2 Table A-3 VEX rows). */
const VEX_MAP1: Uint8Array = (() => {
  const t = new Uint8Array(256);
  const on = (a: number, b = a) => t.fill(1, a, b + 1);
  on(0x10, 0x17); on(0x28, 0x2f); on(0x41, 0x42); on(0x44, 0x47); on(0x4a, 0x4b); on(0x50, 0x7f);
  on(0x90, 0x93); on(0x98, 0x99); on(0xae); on(0xc2); on(0xc4, 0xc6); on(0xd0, 0xfe);
  return t;
})();

const VEX_TILE_SLOT = (MAP_VEX + 1) * 256 + 0x49;

/** XOP SIMD opcodes objdump 2.40 decodes (APM Vol. 3 Appendix A.1; W/L/vvvv rules measured on objdump). */
const XOP8 = new Set([0x85, 0x86, 0x87, 0x8e, 0x8f, 0x95, 0x96, 0x97, 0x9e, 0x9f, 0xa2, 0xa3, 0xa6, 0xb6, 0xc0, 0xc1, 0xc2, 0xc3, 0xcc, 0xcd, 0xce, 0xcf, 0xec, 0xed, 0xee, 0xef]);
const XOP9 = new Set([0x80, 0x81, 0x82, 0x83, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0xc1, 0xc2, 0xc3, 0xc6, 0xc7, 0xcb, 0xd1, 0xd2, 0xd3, 0xd6, 0xd7, 0xdb, 0xe1, 0xe2, 0xe3]);

/**
 * An XOP SIMD instruction (vpcmov, vprot*, vfrcz*, ...) x86lab does not decode: 1 + the size of its
 * immediate (map 8 has an imm8) if objdump decodes it with these XOP.W/L/vvvv/pp fields, else 0.
 */
function xopSimd(xmap: number, op: number, last: number): number {
  const w = last >> 7;
  const l = (last >> 2) & 1;
  const noVvvv = (last & 0x78) === 0x78;
  if ((last & 3) !== 0) return 0;
  if (xmap === 8 && XOP8.has(op)) {
    if (op >= 0xc0 && op <= 0xc3 && !noVvvv) return 0; // vprot* imm8: no vvvv operand
    return op === 0xa2 || (l === 0 && (w === 0 || op === 0xa3)) ? 2 : 0;
  }
  if (xmap === 9 && XOP9.has(op)) {
    if (op >= 0x90 && op <= 0x9b) return l === 0 ? 1 : 0; // vprot/vpsh*: W orders the operands
    if (!noVvvv || w !== 0) return 0;
    return op <= 0x81 || l === 0 ? 1 : 0;
  }
  return 0;
}

/**
 * An opcode the ISA table does not define. If objdump knows it (FOREIGN, or a VEX/EVEX prefix),
 * measure its real length and report Bad.UNSUPPORTED; else Bad.OPCODE with objdump's (bad) length.
 */
function foreign(
  out: Decoded, bytes: Uint8Array, offset: number, n: number, avail: number, map: number, op: number,
  mode: Mode, pfx: number, lastRep: number, opEnd: number, slotEmpty: boolean,
): Decoded {
  const long = mode === 64;
  let p = offset + n;
  let hasModrm = false;
  let imm = 0;
  let regOnly = false;
  let memOnly = false;
  const adsize = long ? ((pfx & Pfx.ADSIZE) ? 32 : 64) : (pfx & Pfx.ADSIZE) ? 16 : 32;
  if (map === 0 && (op === 0xc4 || op === 0xc5 || op === 0x62) && n < avail && (long || bytes[p] >= 0xc0)) {
    // VEX (C4/C5) and EVEX (62) prefixes (SDM Vol. 2 §2.3, §2.7); outside 64-bit mode only with
    // a following byte >= C0 (else LES/LDS/BOUND).
    let vmap: number;
    if (op === 0xc5) {
      vmap = 1;
      p += 1;
      n += 1;
    } else if (op === 0xc4) {
      vmap = bytes[p] & 0x1f;
      if (vmap < 1 || vmap > 3) return fail(out, Bad.OPCODE, opEnd); // as objdump: (bad) over C4 alone
      p += 2;
      n += 2;
    } else {
      // EVEX P0: bit 3 reserved (0), map 1/2/3/5/6; P1: bit 2 fixed 1 (SDM Vol. 2 §2.7.1).
      vmap = bytes[p] & 7;
      if (bytes[p] & 8 || vmap === 0 || vmap === 4 || vmap === 7) return fail(out, Bad.OPCODE, opEnd);
      if (n + 1 < avail && !(bytes[p + 1] & 4)) return fail(out, Bad.OPCODE, opEnd + 1);
      p += 3;
      n += 3;
    }
    if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
    if (vmap < 1 || vmap > 6 || vmap === 4) return fail(out, Bad.OPCODE, opEnd);
    const vop = bytes[p++];
    n++;
    // VEX map 1 holds only the SSE-like rows, mask ops and vzero*: other opcodes are (bad) there.
    if (op !== 0x62 && vmap === 1 && !VEX_MAP1[vop]) return fail(out, Bad.OPCODE, n);
    hasModrm = !(op !== 0x62 && vmap === 1 && vop === 0x77); // vzeroupper/vzeroall
    imm = vmap === 3 || (vmap === 1 && ((vop >= 0x70 && vop <= 0x73) || vop === 0xc2 || (vop >= 0xc4 && vop <= 0xc6))) ? 1 : 0;
  } else if (map === 0 && op === 0x8f && n + 2 < avail && (bytes[p] & 0x18) === 0x08) {
    // An XOP prefix (see decodeOnce) whose opcode the table lacks: AMD's XOP SIMD instructions.
    const xmap = bytes[p] & 0x1f;
    if (xmap > 10) {
      // objdump: (bad) over the 8F alone; it has replaced its REX by XOP's R/X/B by then and names
      // the REX byte only if those are not all zero.
      if (out.rex !== 0 && ((~bytes[p] >> 5) & 7) === 0) out.prefixLen--;
      return fail(out, Bad.OPCODE, opEnd);
    }
    const shape = xopSimd(xmap, bytes[p + 2], bytes[p + 1]);
    const quiet = (bytes[p + 1] & 0x78) !== 0x78;
    p += 3;
    n += 3;
    // objdump: (bad) over prefixes, XOP and opcode; bare when vvvv is not 1111b (no operand took it).
    if (!shape) return fail(out, quiet ? Bad.VEX_QUIET : Bad.OPCODE, n);
    hasModrm = true;
    imm = shape - 1;
  } else if (map === 0 && (op === 0xc6 || op === 0xc7) && n < avail && bytes[p] === 0xf8) {
    // RTM xabort imm8 / xbegin rel16/32 (C6 F8 / C7 F8): the probe table has no imm32 code.
    hasModrm = true;
    regOnly = true;
    imm = op === 0xc6 ? 1 : (pfx & Pfx.OPSIZE) ? 2 : 4;
  } else if (map === 0 && !slotEmpty) {
    // A one-byte opcode the table defines, with an undefined ModRM.reg (FF /7): objdump's (bad).
    return fail(out, Bad.OPCODE, opEnd);
  } else {
    const ctx = lastRep === 0xf3 ? 2 : lastRep === 0xf2 ? 3 : (pfx & Pfx.OPSIZE) ? 1 : 0;
    const c = FOREIGN[map][ctx].charCodeAt(op);
    switch (c) {
      case 0x6d: hasModrm = true; break; // m
      case 0x69: hasModrm = true; imm = 1; break; // i
      case 0x4d: hasModrm = true; memOnly = true; break; // M
      case 0x49: hasModrm = true; memOnly = true; imm = 1; break; // I
      case 0x31: hasModrm = true; regOnly = true; break; // 1
      case 0x32: hasModrm = true; regOnly = true; imm = 1; break; // 2
      case 0x6e: break; // n
      case 0x6a: imm = 1; break; // j
      default: return fail(out, Bad.OPCODE, opEnd);
    }
  }
  if (hasModrm) {
    if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
    const modrm = bytes[p++];
    n++;
    const mod = modrm >> 6;
    const rm = modrm & 7;
    if ((mod === 3 && memOnly) || (mod !== 3 && regOnly)) return fail(out, Bad.OPCODE, opEnd);
    if (mod !== 3) {
      if (adsize === 16) {
        n += mod === 1 ? 1 : mod === 2 || (mod === 0 && rm === 6) ? 2 : 0;
      } else {
        let base = rm;
        if (rm === 4) {
          if (n >= avail) return fail(out, Bad.TRUNCATED, 1);
          base = bytes[p] & 7;
          n++;
        }
        n += mod === 1 ? 1 : mod === 2 || (mod === 0 && (base === 5)) ? 4 : 0;
      }
    }
  }
  n += imm;
  if (n > avail) return fail(out, Bad.TRUNCATED, 1);
  if (n > MAX_INSN) return fail(out, Bad.TOO_LONG, MAX_INSN);
  return fail(out, Bad.UNSUPPORTED, n);
}

/** What decode() returns: a plain, self-contained description of one instruction. */
export interface DecodedInsn {
  readonly address: bigint;
  readonly length: number;
  readonly bytes: Uint8Array;
  /** Form id from the ISA table (e.g. 'add_rm_imm8'), or undefined for an undefined encoding. */
  readonly id?: string;
  readonly form?: Form;
  readonly mnemonic: string;
  /** objdump-style AT&T text, e.g. "addl   $0x1,(%rax)". */
  readonly text: string;
  readonly opsize: number;
  readonly adsize: number;
  readonly operands: readonly DecodedOperand[];
  /** RFLAGS bits read, written and left undefined (0 for an undefined encoding). */
  readonly flagsRead: number;
  readonly flagsWritten: number;
  readonly flagsUndefined: number;
  /** The raw record (a copy), for callers that want every field. */
  readonly raw: Decoded;
}

export type DecodedOperand =
  | { readonly type: 'reg'; readonly name: string; readonly size: number; readonly access: string }
  | { readonly type: 'mem'; readonly seg?: string; readonly base?: string; readonly index?: string; readonly scale: number; readonly disp: bigint; readonly size: number; readonly access: string }
  | { readonly type: 'imm'; readonly value: bigint; readonly size: number }
  | { readonly type: 'rel'; readonly target: bigint }
  | { readonly type: 'far'; readonly selector: number; readonly offset: bigint };

/** Decode one instruction for API users: returns a fresh plain object (allocation is fine here). */
export function decode(bytes: Uint8Array, offset: number, mode: Mode, address = 0n): DecodedInsn {
  const d = newDecoded();
  const a = BigInt.asUintN(64, address);
  decodeInto(d, bytes, offset, mode, Number(a & 0xffffffffn), Number(a >> 32n));
  const len = d.length;
  const form = d.form >= 0 ? defaultTables().forms[d.form] : undefined;
  const text = formatDecoded(d, bytes, offset, Number(a & 0xffffffffn), Number(a >> 32n));
  const info = { text, mnemonic: mnemonicOf(text), operands: form ? describeOperands(d, form) : [] };
  return {
    address: a,
    length: len,
    bytes: bytes.slice(offset, offset + Math.max(len, 0)),
    id: form?.id,
    form,
    mnemonic: info.mnemonic,
    text: info.text,
    opsize: d.opsize,
    adsize: d.adsize,
    operands: info.operands,
    flagsRead: form ? form.flags.read : 0,
    flagsWritten: form ? form.flags.written : 0,
    flagsUndefined: form ? form.flags.undef : 0,
    raw: { ...d },
  };
}

/** The mnemonic of formatted text, prefixes included ("lock addl", "rep stos"). */
function mnemonicOf(text: string): string {
  const i = text.search(/ [%$*(0-9-]| {2}/);
  return (i < 0 ? text : text.slice(0, i)).trim();
}

const SEGS = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];

function regName(num: number, bits: number, rex: number): string {
  const b = bits === 8 || bits === 16 || bits === 64 ? bits : 32;
  return gprName(num, b, rex !== 0);
}

function describeOperands(d: Decoded, form: Form): DecodedOperand[] {
  const out: DecodedOperand[] = [];
  const bitsOf = (s: Form['operands'][number]['size']): number =>
    s === 'v' || s === 'z' || s === 0 ? d.opsize : s === 'y' ? (d.opsize === 64 ? 64 : 32) : s;
  const imm = (): bigint => (BigInt(d.immHi >>> 0) << 32n) | BigInt(d.immLo >>> 0);
  for (const op of form.operands) {
    const bits = bitsOf(op.size);
    const access = op.access ?? 'r';
    const mem = (): DecodedOperand => ({
      type: 'mem',
      seg: d.seg !== NONE ? SEGS[d.seg] : undefined,
      base: d.base === RIP ? (d.adsize === 64 ? 'rip' : 'eip') : d.base !== NONE ? regName(d.base, d.adsize, 1) : undefined,
      index: d.index !== NONE ? regName(d.index, d.adsize, 1) : undefined,
      scale: d.scale,
      disp: BigInt(d.disp),
      size: bits,
      access,
    });
    switch (op.kind) {
      case 'gpr':
      case 'rm':
        if (op.loc === 'rm' && d.mod !== 3) out.push(mem());
        else out.push({ type: 'reg', name: regName(op.loc === 'rm' ? d.rm : op.loc === 'vvvv' ? d.vvvv : d.reg, bits, d.rex), size: bits, access });
        break;
      case 'mem':
        out.push(mem());
        break;
      case 'imm':
        out.push(op.loc === 'imm2' ? { type: 'imm', value: BigInt(d.imm2), size: 8 } : { type: 'imm', value: imm(), size: op.sx ? d.opsize : bits });
        break;
      case 'rel':
        out.push({ type: 'rel', target: (BigInt(d.targetHi >>> 0) << 32n) | BigInt(d.targetLo >>> 0) });
        break;
      case 'moffs':
        out.push({ type: 'mem', seg: d.seg !== NONE ? SEGS[d.seg] : undefined, scale: 1, disp: d.adsize === 64 ? imm() : BigInt(d.immLo >>> 0), size: bits, access });
        break;
      case 'fixed':
        out.push({ type: 'reg', name: op.reg === 'acc' || op.reg === undefined ? regName(0, bits, d.rex) : op.reg, size: bits, access });
        break;
      case 'one':
        out.push({ type: 'imm', value: 1n, size: 8 });
        break;
      case 'sreg':
        out.push({ type: 'reg', name: SEGS[d.reg & 7] ?? '?', size: 16, access });
        break;
      case 'seg':
        out.push({ type: 'reg', name: op.reg ?? '?', size: 16, access });
        break;
      case 'creg':
        out.push({ type: 'reg', name: 'cr' + d.reg, size: d.mode, access });
        break;
      case 'dreg':
        out.push({ type: 'reg', name: 'db' + d.reg, size: d.mode, access });
        break;
      case 'treg':
        out.push({ type: 'reg', name: 'tr' + d.reg, size: 32, access });
        break;
      case 'far':
        out.push({ type: 'far', selector: d.imm2, offset: BigInt(d.immLo >>> 0) });
        break;
      case 'st':
        out.push({ type: 'reg', name: op.loc === 'rm' ? `st(${d.rm & 7})` : 'st', size: 80, access });
        break;
      case 'xmm':
      case 'xmmrm':
      case 'mmx':
      case 'mmxrm': {
        const num = op.loc === 'rm' ? d.rm : op.loc === 'vvvv' ? d.vvvv : d.reg;
        const xmm = op.kind === 'xmm' || op.kind === 'xmmrm';
        if (op.loc === 'rm' && d.mod !== 3) out.push(mem());
        else out.push({ type: 'reg', name: xmm ? `xmm${num}` : `mm${num & 7}`, size: xmm ? 128 : 64, access });
        break;
      }
      case 'bnd':
        out.push({ type: 'reg', name: 'bnd' + (op.loc === 'rm' ? d.rm : d.reg), size: 128, access });
        break;
    }
  }
  return out;
}
