// .eh_frame from `.cfi_*` directives, encoded as GNU as 2.40 encodes it (DWARF 5 §6.4 call frame
// information, with the LSB "zR" augmentation):
//
//   CIE: length, id 0, version 1, "zR", code align 1, data align -word, return column,
//        augmentation data (FDE pointers pcrel|sdata4), initial instructions, DW_CFA_nop padding
//   FDE: length, CIE pointer, pc_begin (pcrel, left to the linker), pc_range, augmentation
//        length 0, instructions, DW_CFA_nop padding
//
// Each record is padded to 4 bytes, the last one to the word size. Like GNU, an FDE shares an
// earlier CIE when it starts with exactly that CIE's initial instructions; otherwise a new CIE
// takes the FDE's leading instructions (up to the first advance, remember_state or escape),
// written just before the FDE.

import type { CfiInsnOut, EncodedPtrOut, FdeOut, RelocOut } from '../asm/result.js';

// DWARF call frame instruction opcodes (DWARF 5 §7.24).
const ADVANCE_LOC = 0x40, OFFSET = 0x80, RESTORE = 0xc0;
const ADVANCE_LOC1 = 0x02, ADVANCE_LOC2 = 0x03, ADVANCE_LOC4 = 0x04, OFFSET_EXTENDED = 0x05, RESTORE_EXTENDED = 0x06;
const UNDEFINED = 0x07, SAME_VALUE = 0x08, REGISTER = 0x09, REMEMBER_STATE = 0x0a, RESTORE_STATE = 0x0b;
const DEF_CFA = 0x0c, DEF_CFA_REGISTER = 0x0d, DEF_CFA_OFFSET = 0x0e, OFFSET_EXTENDED_SF = 0x11, DEF_CFA_SF = 0x12;
const DEF_CFA_OFFSET_SF = 0x13, VAL_OFFSET = 0x14, VAL_OFFSET_SF = 0x15, VAL_EXPRESSION = 0x16, GNU_WINDOW_SAVE = 0x2d;
const OP_ADDR = 0x03, OP_GNU_ENCODED_ADDR = 0xf1;

function uleb(out: number[], v: bigint): void {
  let x = BigInt.asUintN(64, v);
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x !== 0n) b |= 0x80;
    out.push(b);
  } while (x !== 0n);
}

function sleb(out: number[], v: bigint): void {
  let x = v;
  for (;;) {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    if ((x === 0n && !(b & 0x40)) || (x === -1n && b & 0x40)) { out.push(b); return; }
    out.push(b | 0x80);
  }
}

function le(out: number[], v: number, n: number): void {
  for (let i = 0; i < n; i++) out.push((v >>> (8 * i)) & 0xff);
}

function insn(out: number[], i: CfiInsnOut, dataAlign: bigint): void {
  switch (i.op) {
    case 'advance': {
      const d = i.delta;
      // Within one fragment GNU drops an empty advance; across fragments it keeps `advance_loc 0`.
      if (d === 0 && i.sameFrag) return;
      if (d < 0x40) out.push(ADVANCE_LOC | d);
      else if (d < 0x100) out.push(ADVANCE_LOC1, d);
      else if (d < 0x10000) { out.push(ADVANCE_LOC2); le(out, d, 2); }
      else { out.push(ADVANCE_LOC4); le(out, d, 4); }
      return;
    }
    case 'def_cfa':
      if (i.off < 0n) { out.push(DEF_CFA_SF); uleb(out, BigInt(i.reg)); sleb(out, i.off / dataAlign); }
      else { out.push(DEF_CFA); uleb(out, BigInt(i.reg)); uleb(out, i.off); }
      return;
    case 'def_cfa_register': out.push(DEF_CFA_REGISTER); uleb(out, BigInt(i.reg)); return;
    case 'def_cfa_offset':
      if (i.off < 0n) { out.push(DEF_CFA_OFFSET_SF); sleb(out, i.off / dataAlign); }
      else { out.push(DEF_CFA_OFFSET); uleb(out, i.off); }
      return;
    case 'offset': {
      const off = i.off / dataAlign;
      if (off < 0n) { out.push(OFFSET_EXTENDED_SF); uleb(out, BigInt(i.reg)); sleb(out, off); }
      else if (i.reg <= 0x3f) { out.push(OFFSET | i.reg); uleb(out, off); }
      else { out.push(OFFSET_EXTENDED); uleb(out, BigInt(i.reg)); uleb(out, off); }
      return;
    }
    case 'val_offset': {
      const off = i.off / dataAlign;
      if (off < 0n) { out.push(VAL_OFFSET_SF); uleb(out, BigInt(i.reg)); sleb(out, off); }
      else { out.push(VAL_OFFSET); uleb(out, BigInt(i.reg)); uleb(out, off); }
      return;
    }
    case 'register': out.push(REGISTER); uleb(out, BigInt(i.reg)); uleb(out, BigInt(i.reg2)); return;
    case 'restore':
      if (i.reg <= 0x3f) out.push(RESTORE | i.reg);
      else { out.push(RESTORE_EXTENDED); uleb(out, BigInt(i.reg)); }
      return;
    case 'undefined': out.push(UNDEFINED); uleb(out, BigInt(i.reg)); return;
    case 'same_value': out.push(SAME_VALUE); uleb(out, BigInt(i.reg)); return;
    case 'remember_state': out.push(REMEMBER_STATE); return;
    case 'restore_state': out.push(RESTORE_STATE); return;
    case 'window_save': out.push(GNU_WINDOW_SAVE); return;
    case 'escape': out.push(...i.bytes); return;
    case 'val_encoded_addr': return; // written by encodeEhFrame, which owns the relocations
  }
}

/** Instructions that end the part of an FDE a CIE can hold. */
function endsCie(i: CfiInsnOut): boolean {
  return i.op === 'advance' || i.op === 'remember_state' || i.op === 'escape' || i.op === 'val_encoded_addr';
}

function sameInsn(a: CfiInsnOut, b: CfiInsnOut): boolean {
  if (a.op !== b.op) return false;
  switch (a.op) {
    case 'def_cfa': case 'offset': case 'val_offset': {
      const y = b as typeof a;
      return a.reg === y.reg && a.off === y.off;
    }
    case 'def_cfa_offset': return a.off === (b as typeof a).off;
    case 'register': return a.reg === (b as typeof a).reg && a.reg2 === (b as typeof a).reg2;
    case 'def_cfa_register': case 'restore': case 'undefined': case 'same_value': return a.reg === (b as typeof a).reg;
    case 'restore_state': case 'window_save': return true;
    default: return false;
  }
}

interface Cie {
  readonly offset: number;
  readonly insns: readonly CfiInsnOut[];
  readonly returnColumn: number;
  readonly signalFrame: boolean;
  readonly personality?: EncodedPtrOut;
  readonly lsdaEnc?: number;
}

/** Bytes of a DW_EH_PE-encoded pointer: udata2/4/8 (or sdata), absptr the address size. */
function ptrSize(enc: number, word: number): number {
  const f = enc & 7;
  return f === 2 ? 2 : f === 3 ? 4 : f === 4 ? 8 : word;
}

function samePtr(a: EncodedPtrOut | undefined, b: EncodedPtrOut | undefined): boolean {
  return a === b || (!!a && !!b && a.enc === b.enc && a.symbol === b.symbol && a.addend === b.addend);
}

/** Relocation type of an encoded pointer field (pc-relative for DW_EH_PE_pcrel). */
function ptrReloc(mode: 32 | 64, size: number, pcrel: boolean): string {
  const bits = size * 8;
  if (mode === 64) return pcrel ? (size === 4 ? 'R_X86_64_PC32' : `R_X86_64_PC${bits}`) : `R_X86_64_${bits}`;
  return pcrel ? `R_386_PC${bits}` : `R_386_${bits}`;
}

export interface EhFrame {
  readonly bytes: Uint8Array;
  readonly relocations: RelocOut[];
}

/**
 * `.eh_frame` (the default) or `.debug_frame` (`.cfi_sections .debug_frame`): the same records with
 * DWARF's CIE id, no augmentation data, absolute address-sized pc_begin/pc_range, CIE pointers as
 * section offsets (relocated against the section itself) and every record padded to the word size.
 */
export function encodeEhFrame(fdes: readonly FdeOut[], mode: 32 | 64, section: '.eh_frame' | '.debug_frame' = '.eh_frame'): EhFrame {
  const eh = section === '.eh_frame';
  const word = mode === 64 ? 8 : 4;
  const dataAlign = BigInt(-word);
  const out: number[] = [];
  const relocations: RelocOut[] = [];
  const cies: Cie[] = [];
  // GNU pads each record to 4 bytes, the last FDE to the word size (EH_FRAME_ALIGNMENT).
  const pad = (to: number): void => { while (out.length % to) out.push(0); };
  const patchLength = (at: number): void => {
    const len = out.length - at - 4;
    for (let k = 0; k < 4; k++) out[at + k] = (len >>> (8 * k)) & 0xff;
  };

  // A personality or LSDA pointer: relocated against its symbol unless absolute (REL keeps the addend in place).
  const pointer = (p: EncodedPtrOut): void => {
    const size = ptrSize(p.enc, word);
    const pcrel = (p.enc & 0x70) === 0x10;
    let stored = p.addend;
    if (p.symbol !== undefined) {
      relocations.push({ section, offset: out.length, type: ptrReloc(mode, size, pcrel), symbol: p.symbol, addend: p.addend, size, pcrel });
      if (mode === 64) stored = 0n;
    } else if (pcrel) stored = p.addend - BigInt(out.length);
    for (let k = 0; k < size; k++) out.push(Number(BigInt.asUintN(8, stored >> BigInt(8 * k))));
  };

  fdes.forEach((fde, n) => {
    // A CIE whose initial instructions this FDE starts with (and then advances or ends).
    let cie: Cie | undefined;
    let first = 0;
    for (const c of cies) {
      if (c.returnColumn !== fde.returnColumn || c.signalFrame !== fde.signalFrame) continue;
      // (.debug_frame has no augmentation: personality and LSDA play no part there.)
      if (eh && (!samePtr(c.personality, fde.personality) || c.lsdaEnc !== fde.lsda?.enc)) continue;
      let k = 0;
      while (k < c.insns.length && k < fde.insns.length && !endsCie(c.insns[k]) && sameInsn(c.insns[k], fde.insns[k])) k++;
      if (k === c.insns.length) {
        cie = c;
        first = k;
        break;
      }
    }
    if (!cie) {
      let k = 0;
      while (k < fde.insns.length && !endsCie(fde.insns[k])) k++;
      cie = {
        offset: out.length, insns: fde.insns.slice(0, k), returnColumn: fde.returnColumn, signalFrame: fde.signalFrame,
        ...(fde.personality ? { personality: fde.personality } : {}), ...(fde.lsda ? { lsdaEnc: fde.lsda.enc } : {}),
      };
      first = k;
      cies.push(cie);
      const at = out.length;
      le(out, 0, 4);
      le(out, eh ? 0 : 0xffffffff, 4); // CIE id
      out.push(fde.returnColumn > 255 ? 3 : 1);
      const aug = eh ? `z${cie.personality ? 'P' : ''}${cie.lsdaEnc !== undefined ? 'L' : ''}R` : '';
      for (const ch of aug + (cie.signalFrame ? 'S' : '')) out.push(ch.charCodeAt(0));
      out.push(0);
      uleb(out, 1n);
      sleb(out, dataAlign);
      if (fde.returnColumn > 255) uleb(out, BigInt(fde.returnColumn)); else out.push(fde.returnColumn);
      if (eh) {
        const p = cie.personality;
        uleb(out, BigInt(1 + (p ? 1 + ptrSize(p.enc, word) : 0) + (cie.lsdaEnc !== undefined ? 1 : 0)));
        if (p) { out.push(p.enc); pointer(p); }
        if (cie.lsdaEnc !== undefined) out.push(cie.lsdaEnc);
        out.push(0x1b); // DW_EH_PE_pcrel | DW_EH_PE_sdata4
      }
      for (const i of cie.insns) insn(out, i, dataAlign);
      pad(eh ? 4 : word);
      patchLength(at);
    }
    const at = out.length;
    le(out, 0, 4);
    if (eh) le(out, out.length - cie.offset, 4); // CIE pointer: distance back from this field
    else {
      // CIE pointer: offset in .debug_frame, relocated against the section itself.
      relocations.push({ section, offset: out.length, type: mode === 64 ? 'R_X86_64_32' : 'R_386_32', symbol: section, addend: BigInt(cie.offset), size: 4, pcrel: false });
      le(out, mode === 64 ? 0 : cie.offset, 4);
    }
    const field = out.length;
    // pc_begin: the function's start (pc-relative in .eh_frame); REL (i386) keeps the addend in the field.
    const size = eh ? 4 : word;
    relocations.push({
      section, offset: field, type: eh ? (mode === 64 ? 'R_X86_64_PC32' : 'R_386_PC32') : (mode === 64 ? 'R_X86_64_64' : 'R_386_32'),
      symbol: fde.section, addend: BigInt(fde.start), size, pcrel: eh,
    });
    le(out, mode === 64 ? 0 : fde.start, 4);
    if (size === 8) le(out, 0, 4);
    le(out, fde.end - fde.start, 4);
    if (size === 8) le(out, 0, 4);
    if (eh) {
      uleb(out, BigInt(fde.lsda ? ptrSize(fde.lsda.enc, word) : 0));
      if (fde.lsda) pointer(fde.lsda);
    }
    for (const i of fde.insns.slice(first)) {
      if (i.op !== 'val_encoded_addr') { insn(out, i, dataAlign); continue; }
      // DW_CFA_val_expression reg, {DW_OP_GNU_encoded_addr enc ptr} (DW_OP_addr ptr for absptr).
      const size = ptrSize(i.ptr.enc, word);
      out.push(VAL_EXPRESSION);
      uleb(out, BigInt(i.reg));
      if (i.ptr.enc === 0) { uleb(out, BigInt(1 + size)); out.push(OP_ADDR); }
      else { uleb(out, BigInt(2 + size)); out.push(OP_GNU_ENCODED_ADDR, i.ptr.enc); }
      pointer(i.ptr);
    }
    pad(!eh || n === fdes.length - 1 ? word : 4);
    patchLength(at);
  });
  return { bytes: Uint8Array.from(out), relocations };
}
