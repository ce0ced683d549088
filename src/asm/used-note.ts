// -mx86-used-note=yes: GNU as 2.40 appends a .note.gnu.property note naming the x86 ISA levels
// (GNU_PROPERTY_X86_ISA_1_USED) and features (GNU_PROPERTY_X86_FEATURE_2_USED) the file's
// instructions use. Which instruction sets which bit is measured (used-note-data.ts); the note's
// layout is the ELF gABI's NT_GNU_PROPERTY_TYPE_0, as GNU writes it (measured with readelf/objdump).

import type { Encoded } from '../encode/types.js';
import { formById } from '../isa/lookup.js';
import { decode } from '../decode/decode.js';
import type { Mode } from '../isa/types.js';
import { addVarFrag, emitBytes } from './sections.js';
import type { Assembly } from './state.js';
import { USED_BITS } from './used-note-data.js';

const index = (mode: 32 | 64): ReadonlyMap<string, { isa: number; feature: number }> =>
  new Map(USED_BITS[mode].flatMap((g) => g.mnemonics.split(' ').map((m) => [m, { isa: g.isa, feature: g.feature }] as const)));
// Built on first use, per mode (a command start-up cost otherwise; -mx86-used-note is rare).
const byMode: { 32?: ReadonlyMap<string, { isa: number; feature: number }>; 64?: ReadonlyMap<string, { isa: number; feature: number }> } = {};

/** The bits the file has used so far: the x86 feature bit is always there. */
export class UsedBitsState {
  isa = 0;
  feature = 1;
}

/** `legacy`, or `vex`/`xop`/`evex` from the first byte after the legacy and REX prefixes. */
function encodingClass(b: Uint8Array, mode: Mode): string {
  let i = 0;
  while (i < b.length && (LEGACY.has(b[i]) || (mode === 64 && (b[i] & 0xf0) === 0x40))) i++;
  return b[i] === 0xc4 || b[i] === 0xc5 ? 'vex' : b[i] === 0x8f && (b[i + 1] & 0x18) === 0x08 ? 'xop' : b[i] === 0x62 && mode === 64 ? 'evex' : 'legacy';
}
const LEGACY = new Set([0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65]);

/** Records what one assembled instruction uses (by its mnemonic as written, else its form's). */
export function noteUsed(asm: Assembly, mnemonic: string, enc: Encoded): void {
  const st = (asm.usedBits ??= new UsedBitsState());
  const m = (asm.mode as Mode) === 64 ? 64 : 32;
  const table = (byMode[m] ??= index(m));
  const form = formById(enc.form);
  // Legacy SIMD rows (those naming an %mm/%xmm register) are measured apart: movsd/cmpsd are also
  // string instructions (scripts/gen-used-note.ts keys them the same way).
  const regBits = form.sem.startsWith('xsimd:') && !form.vex ? simdRegBits(enc, asm.mode) : 0;
  const legacy = encodingClass(enc.bytes, asm.mode);
  const cls = legacy === 'legacy' && regBits !== 0 ? 'simd' : legacy;
  const key = (m: string): string => (cls === 'legacy' ? m : `${m}/${cls}`);
  st.feature |= regBits;
  const b = table.get(key(mnemonic)) ?? table.get(key(form.mnem));
  if (!b) return;
  st.isa |= b.isa;
  st.feature |= b.feature;
}

/**
 * GNU sets the MMX and XMM feature bits of a legacy SIMD instruction by the registers it names
 * (measured: cvtpi2pd %mm0,%xmm0 is MMX and XMM, cvtpi2pd (%eax),%xmm0 XMM only).
 */
function simdRegBits(enc: Encoded, mode: Mode): number {
  let bits = 0;
  for (const o of decode(enc.bytes, 0, mode).operands) {
    if (o.type !== 'reg') continue;
    if (o.name.startsWith('xmm')) bits |= 8;
    else if (o.name.startsWith('mm')) bits |= 4;
  }
  return bits;
}

const GNU_PROPERTY_X86_FEATURE_2_USED = 0xc0010001;
const GNU_PROPERTY_X86_ISA_1_USED = 0xc0010002;
const NT_GNU_PROPERTY_TYPE_0 = 5;

/** Appends the note (ISA property first, then features; each padded to the object's word). */
export function emitUsedNote(asm: Assembly): void {
  const st = asm.usedBits ?? new UsedBitsState();
  const word = asm.objMode === 64 ? 8 : 4;
  const prop = (type: number, value: number): number[] => {
    const p = [...le(type), ...le(4), ...le(value)];
    while (p.length % word) p.push(0);
    return p;
  };
  const desc = [...prop(GNU_PROPERTY_X86_ISA_1_USED, st.isa), ...prop(GNU_PROPERTY_X86_FEATURE_2_USED, st.feature)];
  const note = [...le(4), ...le(desc.length), ...le(NT_GNU_PROPERTY_TYPE_0), 0x47, 0x4e, 0x55, 0, ...desc];
  const sec = asm.section('.note.gnu.property', 'a', 'note');
  // After a note the file wrote itself, the new one starts on the word boundary.
  addVarFrag(sec, { kind: 'align', addr: 0, align: word, nops: false, max: 0, mode: asm.mode, size: 0, fill: { value: 0n, size: 1 } });
  emitBytes(sec, note);
  sec.align = Math.max(sec.align, word);
}

function le(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}
